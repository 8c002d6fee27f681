using Marten;
using Marten.Exceptions;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Starts a single-stream aggregate idempotently: with a client key (Idempotency-Key header or import item id) the stream
/// id is derived from it, so a repeat (or a lost race with the same key) returns the existing document instead of a duplicate.
/// Marten's <c>StartStream</c> refuses an existing id, which is what makes the race safe.
/// </summary>
public static class StreamCreation
{
    /// <summary>
    /// Decides with the existing state (null for a new stream) and starts the stream. <paramref name="decide"/> returns no
    /// events for a harmless repeat.
    /// </summary>
    /// <param name="session">A session of the owning tenant.</param>
    /// <param name="kind">What is created (for example <c>accomplishment</c>): part of the derived stream id.</param>
    /// <param name="clientKey">The caller's key, or null for a fresh random (version 7) id.</param>
    /// <param name="clock">The app's clock: the recorded time stamped on the new events and on the returned document.</param>
    /// <param name="decide">The domain's create decision for the id and the existing state.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The stored document and whether this call created it.</returns>
    /// <exception cref="InvalidOperationException">When a stream with that id exists but has no document of type <typeparamref name="TDoc"/>.</exception>
    public static async Task<(TDoc Document, bool Created)> StartAsync<TDoc>(
        IDocumentSession session, string kind, string? clientKey, TimeProvider clock, Func<Guid, TDoc?, IReadOnlyList<object>> decide,
        CancellationToken ct)
        where TDoc : class
    {
        var id = clientKey is null ? Guid.CreateVersion7() : StableIds.For(session.TenantId, kind, clientKey);
        var existing = clientKey is null ? null : await session.LoadAsync<TDoc>(id, ct);
        var events = decide(id, existing);
        if (events.Count == 0)
        {
            return (existing!, false);
        }

        // The events carry the recorded time explicitly, so the document the inline projection stores can be folded here from
        // the same events and times instead of being read back: one round trip less per create.
        var now = PostgresClock.Truncate(clock.GetUtcNow());
        var action = session.Events.StartStream<TDoc>(id, events);
        object? document = null;
        for (var i = 0; i < action.Events.Count; i++)
        {
            action.Events[i].Timestamp = now;
            document = LedgerStore.Evolve(document, events[i], now, i + 1);
        }

        try
        {
            await session.SaveChangesAsync(ct);
            return ((TDoc)document!, true);
        }
        catch (ExistingStreamIdCollisionException) when (clientKey is not null)
        {
            // Another request with the same key won the race: answer with what it stored.
            session.EjectAllPendingChanges();
        }

        var stored = await session.Events.FetchLatest<TDoc>(id, ct);
        return (stored ?? throw new InvalidOperationException($"Stream {id} has no {typeof(TDoc).Name}."), false);
    }
}
