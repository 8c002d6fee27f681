namespace CareerLedger.EventStore;

/// <summary>An event as stored: its data plus the envelope the store adds.</summary>
/// <param name="Sequence">Global position (1-based, from one database sequence; may have gaps left by rolled-back appends).</param>
/// <param name="Id">The event's unique id.</param>
/// <param name="StreamId">The stream it belongs to.</param>
/// <param name="StreamType">The stream's type name (for example <c>accomplishment</c>).</param>
/// <param name="Version">Its version within the stream (1 for the first event).</param>
/// <param name="TypeName">The stable snake_case event type name stored in the database.</param>
/// <param name="Data">The deserialized event (after upcasting).</param>
/// <param name="Metadata">Correlation, causation and user ids.</param>
/// <param name="TenantId">The owner: every read filters on it.</param>
/// <param name="Timestamp">When the event was recorded (UTC), not when the thing it describes happened.</param>
public sealed record StoredEvent(
    long Sequence,
    Guid Id,
    Guid StreamId,
    string StreamType,
    long Version,
    string TypeName,
    object Data,
    EventMetadata Metadata,
    string TenantId,
    DateTimeOffset Timestamp);

/// <summary>Who and what caused an append. Stored as jsonb beside each event.</summary>
/// <param name="CorrelationId">Ties together everything one request or job did.</param>
/// <param name="CausationId">The id of the command or event that caused this one.</param>
/// <param name="UserId">The acting user (usually the tenant).</param>
public sealed record EventMetadata(string? CorrelationId = null, string? CausationId = null, string? UserId = null)
{
    /// <summary>No metadata.</summary>
    public static EventMetadata None { get; } = new();
}

/// <summary>The outcome of a successful append.</summary>
/// <param name="StreamId">The stream appended to.</param>
/// <param name="Version">The stream's version after the append.</param>
/// <param name="Events">The events as stored, in order.</param>
public sealed record AppendResult(Guid StreamId, long Version, IReadOnlyList<StoredEvent> Events);

/// <summary>A stream's header row.</summary>
/// <param name="Id">Stream id.</param>
/// <param name="Type">Stream type name.</param>
/// <param name="Version">Current version (number of events).</param>
/// <param name="Created">When the first event was appended (UTC).</param>
/// <param name="Updated">When the last event was appended (UTC).</param>
/// <param name="Archived">Whether the stream has been archived.</param>
public sealed record StreamInfo(Guid Id, string Type, long Version, DateTimeOffset Created, DateTimeOffset Updated, bool Archived);
