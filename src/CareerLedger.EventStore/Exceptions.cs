namespace CareerLedger.EventStore;

/// <summary>
/// Thrown when an append's <see cref="ExpectedVersion"/> does not match the stream's version at commit time.
/// Nothing of the append was written. HTTP hosts map it to 409 Conflict.
/// </summary>
public sealed class ConcurrencyException : Exception
{
    /// <summary>Creates the exception for <paramref name="streamId"/>.</summary>
    public ConcurrencyException(Guid streamId, ExpectedVersion expected, long? actual)
        : base($"Stream {streamId} was expected at version {expected} but is at {(actual is null ? "an unknown version" : actual.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}.")
    {
        StreamId = streamId;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The stream the append targeted.</summary>
    public Guid StreamId { get; }

    /// <summary>What the caller expected.</summary>
    public ExpectedVersion Expected { get; }

    /// <summary>The stream's version when the conflict was detected (0 = absent), when known.</summary>
    public long? Actual { get; }
}

/// <summary>Thrown when an event's CLR type or stored type name has not been registered. Unknown types fail loudly rather than being skipped.</summary>
public sealed class UnknownEventTypeException(string message) : Exception(message);

/// <summary>Thrown when events are appended to an existing stream under a different stream type.</summary>
public sealed class StreamTypeMismatchException(Guid streamId, string expectedType, string actualType)
    : Exception($"Stream {streamId} is a '{actualType}' stream, not a '{expectedType}' stream.")
{
    /// <summary>The stream id.</summary>
    public Guid StreamId { get; } = streamId;
}
