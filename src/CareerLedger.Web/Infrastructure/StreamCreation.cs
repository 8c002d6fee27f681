using CareerLedger.EventStore;
using CareerLedger.EventStore.Documents;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Starts a single-stream aggregate idempotently: with a client key (Idempotency-Key header or import item id) the stream
/// id is derived from it, so a repeat (or a lost race with the same key) returns the existing document instead of a duplicate.
/// </summary>
public static class StreamCreation
{
    /// <summary>
    /// Decides with the existing state (null for a new stream) and appends with <see cref="ExpectedVersion.NoStream"/>.
    /// <paramref name="decide"/> returns no events for a harmless repeat.
    /// </summary>
    /// <returns>The stored document and whether this call created it.</returns>
    public static async Task<(Document<TDoc> Document, bool Created)> StartAsync<TDoc>(
        IEventStore store, string tenantId, string streamType, string? clientKey,
        Func<Guid, TDoc?, IReadOnlyList<object>> decide, CancellationToken ct) where TDoc : class
    {
        var id = clientKey is null ? Guid.CreateVersion7() : StableIds.For(tenantId, streamType, clientKey);
        var existing = clientKey is null ? null : await store.LoadAsync<TDoc>(tenantId, id.ToString(), ct);
        var events = decide(id, existing?.Data);
        if (events.Count == 0)
        {
            return (existing!, false);
        }

        var created = true;
        try
        {
            await store.AppendAsync(tenantId, id, streamType, ExpectedVersion.NoStream, events, Metadata(tenantId), ct);
        }
        catch (ConcurrencyException) when (clientKey is not null)
        {
            created = false;
        }

        return ((await store.LoadAsync<TDoc>(tenantId, id.ToString(), ct))!, created);
    }

    /// <summary>The metadata stamped on every append made for a request: trace id as correlation id, the user.</summary>
    public static EventMetadata Metadata(string tenantId) =>
        new(System.Diagnostics.Activity.Current?.TraceId.ToString(), null, tenantId);
}
