using Marten;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Starts a single-stream aggregate idempotently inside a Wolverine handler: with a client key (Idempotency-Key header or import
/// item id) the stream id is derived from it, so a repeat returns the existing document instead of a duplicate. Marten's
/// <c>StartStream</c> refuses an existing id at commit (<c>ExistingStreamIdCollisionException</c>); Wolverine then runs the
/// handler once more (<see cref="Messaging"/>), which finds the winner's stream and answers with it. That is what makes two racing
/// requests with one key safe.
/// </summary>
public static class StreamCreation
{
    /// <summary>
    /// Decides with the existing state (null for a new stream) and stages the new stream in <paramref name="session"/>; the
    /// handler's transaction (Wolverine's auto-applied transaction) commits it. <paramref name="decide"/> returns no events for a
    /// harmless repeat.
    /// </summary>
    /// <param name="session">The handler's session (of the owning tenant).</param>
    /// <param name="kind">What is created (for example <c>accomplishment</c>): part of the derived stream id.</param>
    /// <param name="clientKey">The caller's key, or null for a fresh random (version 7) id.</param>
    /// <param name="clock">The app's clock: the recorded time stamped on the new events and on the returned document.</param>
    /// <param name="decide">The domain's create decision for the id and the existing state.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The document as it will be stored, and whether this call creates it.</returns>
    /// <exception cref="InvalidOperationException">When <paramref name="decide"/> returns nothing for a stream that does not exist.</exception>
    public static async Task<Started<TDoc>> StartAsync<TDoc>(
        IDocumentSession session, string kind, string? clientKey, TimeProvider clock, Func<Guid, TDoc?, IReadOnlyList<object>> decide,
        CancellationToken ct)
        where TDoc : class
    {
        var id = clientKey is null ? Guid.CreateVersion7() : StableIds.For(session.TenantId, kind, clientKey);
        var existing = clientKey is null ? null : await session.LoadAsync<TDoc>(id, ct);
        var events = decide(id, existing);
        if (events.Count == 0)
        {
            return new Started<TDoc>(existing ?? throw new InvalidOperationException($"Nothing to start for {kind} {id}."), false);
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

        return new Started<TDoc>((TDoc)document!, true);
    }
}

/// <summary>The answer of a create command.</summary>
/// <typeparam name="TDoc">The aggregate's document.</typeparam>
/// <param name="Document">The stored document (the new one, or the existing one on a repeat).</param>
/// <param name="Created">True when this command started the stream; false for a repeat with the same client key.</param>
/// <param name="SameRequest">
/// On a repeat, whether the request's content equals what was first stored; false means the key was reused for different
/// content, which the API answers with 422.
/// </param>
public sealed record Started<TDoc>(TDoc Document, bool Created, bool SameRequest = true);
