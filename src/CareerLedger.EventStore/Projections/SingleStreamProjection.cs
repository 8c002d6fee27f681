namespace CareerLedger.EventStore.Projections;

/// <summary>
/// One document per stream, id = the stream id (<c>Guid.ToString()</c>), version = the last applied event's version.
/// Subclasses give a pure fold: <see cref="Evolve"/> (null result deletes the document).
/// </summary>
/// <typeparam name="TDoc">The document type (registered with the document registry).</typeparam>
public abstract class SingleStreamProjection<TDoc> : IInlineProjection where TDoc : class
{
    /// <summary>Creates the projection.</summary>
    /// <param name="name">Stable projection name.</param>
    /// <param name="eventTypes">The event types that change the document.</param>
    protected SingleStreamProjection(string name, IEnumerable<Type> eventTypes)
    {
        Name = name;
        EventTypes = eventTypes.ToArray();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<Type> EventTypes { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<Type> DocumentTypes { get; } = [typeof(TDoc)];

    /// <summary>Folds one event into the document (null when the stream has none yet). Return null to delete.</summary>
    protected abstract TDoc? Evolve(TDoc? current, StoredEvent e);

    /// <inheritdoc />
    public async Task ApplyAsync(IDocumentOperations documents, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            var id = e.StreamId.ToString();
            var current = await documents.LoadAsync<TDoc>(id, ct);
            var next = Evolve(current?.Data, e);
            if (next is null)
            {
                documents.Delete<TDoc>(id);
            }
            else
            {
                documents.Store(id, next, e.Version);
            }
        }
    }
}
