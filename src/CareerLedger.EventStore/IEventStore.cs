using CareerLedger.EventStore.Documents;

namespace CareerLedger.EventStore;

/// <summary>
/// The event store port: streams of events per tenant, appended with an expected version, plus the JSON read-model
/// documents kept by inline projections. Every member takes the tenant explicitly and never returns another tenant's data.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="events"/> (one or more) to a stream in one transaction, running inline projections in the same
    /// transaction. Starts the stream when it does not exist (and <paramref name="expected"/> allows it).
    /// </summary>
    /// <exception cref="ConcurrencyException">When the stream is not at <paramref name="expected"/>; nothing is written.</exception>
    /// <exception cref="StreamTypeMismatchException">When the stream exists under another stream type.</exception>
    /// <exception cref="UnknownEventTypeException">When an event's type is not registered.</exception>
    Task<AppendResult> AppendAsync(
        string tenantId, Guid streamId, string streamType, ExpectedVersion expected, IReadOnlyList<object> events,
        EventMetadata? metadata = null, CancellationToken ct = default);

    /// <summary>The stream's header, or null when the tenant has no such stream.</summary>
    Task<StreamInfo?> GetStreamAsync(string tenantId, Guid streamId, CancellationToken ct = default);

    /// <summary>
    /// The stream's events in version order, optionally only up to <paramref name="toVersion"/> (inclusive) and only those
    /// recorded at or before <paramref name="asOf"/> (UTC). Empty when the stream does not exist for this tenant.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(
        string tenantId, Guid streamId, long? toVersion = null, DateTimeOffset? asOf = null, CancellationToken ct = default);

    /// <summary>
    /// All of one tenant's events of the given stream types recorded at or before <paramref name="asOf"/> (null = now),
    /// in global order. This is what "as of" views replay.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadTenantAsync(
        string tenantId, IReadOnlyCollection<string> streamTypes, DateTimeOffset? asOf = null, CancellationToken ct = default);

    /// <summary>
    /// Every tenant's events after global position <paramref name="afterSequence"/>, in order, never past the safe
    /// high-water mark (so no event can later appear behind a position already returned). At most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterSequence, int limit = 1000, CancellationToken ct = default);

    /// <summary>Loads a document by id, or null.</summary>
    Task<Document<T>?> LoadAsync<T>(string tenantId, string id, CancellationToken ct = default) where T : class;

    /// <summary>All the tenant's documents of type <typeparamref name="T"/>, ordered by id.</summary>
    Task<IReadOnlyList<Document<T>>> ListAsync<T>(string tenantId, CancellationToken ct = default) where T : class;
}
