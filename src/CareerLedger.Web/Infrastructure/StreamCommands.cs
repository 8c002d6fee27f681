using JasperFx.Events;
using Wolverine.Marten;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// The one rule every command on an existing stream shares, for Wolverine's aggregate handler workflow: the handler receives
/// the stream from <c>[WriteAggregate]</c> (Marten's <c>FetchForWriting</c>: the inline document and the stream version in one
/// round trip), the caller's expected version (If-Match) is checked here, and the domain decides. Wolverine appends the events
/// at exactly the fetched version and commits, so a concurrent writer makes the commit fail with Marten's
/// <c>ConcurrencyException</c> (a 409), never a lost update; <see cref="UpdatedAggregate"/> answers with the document after the
/// append (from the session's identity map, no extra read).
/// </summary>
public static class StreamCommands
{
    /// <summary>Decides on the current state of <paramref name="stream"/>.</summary>
    /// <returns>
    /// Wolverine's directives: respond with the updated document (null when the signed-in user has no such stream, which the
    /// endpoint answers with 404) and the events to append (none when the stream is missing or the command changes nothing).
    /// </returns>
    /// <exception cref="VersionConflictException">When <paramref name="expected"/> is not the stream's current version.</exception>
    public static (UpdatedAggregate, Events) Decide<TDoc>(IEventStream<TDoc> stream, ExpectedVersion expected, Func<TDoc, IEnumerable<object>> decide)
        where TDoc : class
    {
        var events = new Events();
        if (stream.Aggregate is null)
        {
            return (new UpdatedAggregate(), events);
        }

        var fetched = stream.CurrentVersion ?? 0;
        if (expected.Value is { } v && v != fetched)
        {
            throw new VersionConflictException(stream.Id, v, fetched);
        }

        events.AddRange(decide(stream.Aggregate));
        return (new UpdatedAggregate(), events);
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
