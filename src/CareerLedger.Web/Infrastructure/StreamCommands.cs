using CareerLedger.EventStore;
using CareerLedger.EventStore.Documents;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Runs a command on an existing single-stream aggregate: load its document, check the caller's expected version,
/// decide, append at exactly the loaded version (so a concurrent writer makes this a 409, never a lost update).
/// </summary>
public static class StreamCommands
{
    /// <summary>Executes <paramref name="decide"/> against the current document.</summary>
    /// <returns>The document after the command, or null when the tenant has no such stream.</returns>
    /// <exception cref="ConcurrencyException">When <paramref name="expected"/> is stale or another write won the race.</exception>
    public static async Task<Document<TDoc>?> ExecuteAsync<TDoc>(
        IEventStore store, string tenantId, Guid id, string streamType, ExpectedVersion expected,
        Func<TDoc, IReadOnlyList<object>> decide, CancellationToken ct) where TDoc : class
    {
        var current = await store.LoadAsync<TDoc>(tenantId, id.ToString(), ct);
        if (current is null)
        {
            return null;
        }

        if (expected.Value is { } v && v != current.Version)
        {
            throw new ConcurrencyException(id, expected, current.Version);
        }

        var events = decide(current.Data);
        if (events.Count == 0)
        {
            return current;
        }

        await store.AppendAsync(tenantId, id, streamType, ExpectedVersion.Exactly(current.Version), events, StreamCreation.Metadata(tenantId), ct);
        return await store.LoadAsync<TDoc>(tenantId, id.ToString(), ct);
    }
}
