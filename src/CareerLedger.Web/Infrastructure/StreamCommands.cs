using JasperFx;
using Marten;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Runs a command on an existing single-stream aggregate with Marten's optimistic concurrency: <c>FetchForWriting</c> loads the
/// inline document and the stream version in one round trip, the caller's expected version (If-Match) is checked, the domain
/// decides, and the events are appended at exactly the fetched version, so a concurrent writer makes this a 409, never a lost update.
/// </summary>
public static class StreamCommands
{
    /// <summary>Executes <paramref name="decide"/> against the current state of stream <paramref name="id"/>.</summary>
    /// <returns>The state after the command, or null when the session's tenant has no such stream.</returns>
    /// <exception cref="VersionConflictException">When <paramref name="expected"/> is stale or another write won the race.</exception>
    public static async Task<TDoc?> ExecuteAsync<TDoc>(
        IDocumentSession session, Guid id, ExpectedVersion expected, Func<TDoc, IReadOnlyList<object>> decide, CancellationToken ct)
        where TDoc : class
    {
        var stream = await session.Events.FetchForWriting<TDoc>(id, ct);
        if (stream.Aggregate is null)
        {
            return null;
        }

        var fetched = stream.CurrentVersion ?? 0;
        if (expected.Value is { } v && v != fetched)
        {
            throw new VersionConflictException(id, v, fetched);
        }

        var events = decide(stream.Aggregate);
        if (events.Count == 0)
        {
            return stream.Aggregate;
        }

        stream.AppendMany(events);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException race)
        {
            throw new VersionConflictException(id, expected.Value ?? fetched, null, race);
        }

        return await session.Events.FetchLatest<TDoc>(id, ct);
    }
}

/// <summary>
/// A write was refused because the stream is not at the version the caller edited (a stale <c>If-Match</c>, or a concurrent
/// writer committed first). Nothing was written. Answered as 409 Conflict.
/// </summary>
/// <param name="streamId">The stream.</param>
/// <param name="expected">The version the caller edited.</param>
/// <param name="actual">The stream's current version, or null when a race was lost and the winner's version is not known.</param>
/// <param name="inner">Marten's exception, when the conflict was detected at commit.</param>
public sealed class VersionConflictException(Guid streamId, long expected, long? actual, Exception? inner = null)
    : Exception($"Stream {streamId} was expected at version {expected} but is at {(actual is null ? "a newer version" : actual.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}.", inner)
{
    /// <summary>The stream.</summary>
    public Guid StreamId { get; } = streamId;

    /// <summary>The version the caller edited.</summary>
    public long Expected { get; } = expected;

    /// <summary>The stream's current version when known.</summary>
    public long? Actual { get; } = actual;
}
