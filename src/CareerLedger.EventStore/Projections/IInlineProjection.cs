using CareerLedger.EventStore.Documents;

namespace CareerLedger.EventStore.Projections;

/// <summary>
/// A projection that runs inside the append transaction, so its documents are strongly consistent with the events
/// (a reader that sees an event also sees its effect). Registered for the event types it handles; the store calls it
/// only with those events.
/// </summary>
public interface IInlineProjection
{
    /// <summary>Stable name, used by rebuild.</summary>
    string Name { get; }

    /// <summary>The event types this projection handles.</summary>
    IReadOnlyCollection<Type> EventTypes { get; }

    /// <summary>The document types it writes; a rebuild clears exactly these.</summary>
    IReadOnlyCollection<Type> DocumentTypes { get; }

    /// <summary>Applies events (all of one tenant, in append order) to documents through <paramref name="documents"/>.</summary>
    Task ApplyAsync(IDocumentOperations documents, IReadOnlyList<StoredEvent> events, CancellationToken ct);
}

/// <summary>Document reads and writes available to a projection, scoped to one tenant and to the current transaction.</summary>
public interface IDocumentOperations
{
    /// <summary>The tenant whose documents these are.</summary>
    string TenantId { get; }

    /// <summary>Loads a document (including writes made earlier in this transaction), or null.</summary>
    Task<Document<T>?> LoadAsync<T>(string id, CancellationToken ct) where T : class;

    /// <summary>Stores (inserts or replaces) a document; written when the transaction flushes.</summary>
    void Store<T>(string id, T document, long version) where T : class;

    /// <summary>Deletes a document; applied when the transaction flushes.</summary>
    void Delete<T>(string id) where T : class;
}
