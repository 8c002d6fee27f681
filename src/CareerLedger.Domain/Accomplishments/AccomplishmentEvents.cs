namespace CareerLedger.Domain.Accomplishments;

/// <summary>Events of an <c>accomplishment</c> stream (one stream per accomplishment). Stored names in docs/events.md.</summary>
public abstract record AccomplishmentEvent(Guid AccomplishmentId);

/// <summary>Stored as <c>accomplishment_logged</c>: the user logged a win.</summary>
/// <param name="AccomplishmentId">The stream id.</param>
/// <param name="Details">What was logged.</param>
/// <param name="ClientKey">The caller's idempotency key (an Idempotency-Key header or an import item id); repeating it logs nothing new.</param>
public sealed record AccomplishmentLogged(Guid AccomplishmentId, AccomplishmentDetails Details, string? ClientKey = null)
    : AccomplishmentEvent(AccomplishmentId);

/// <summary>Stored as <c>accomplishment_revised</c>: new content replaces the old; the old stays in the stream.</summary>
/// <param name="AccomplishmentId">The stream id.</param>
/// <param name="Details">The full content after the revision.</param>
/// <param name="Reason">Why it changed (optional).</param>
public sealed record AccomplishmentRevised(Guid AccomplishmentId, AccomplishmentDetails Details, string? Reason = null)
    : AccomplishmentEvent(AccomplishmentId);

/// <summary>Stored as <c>accomplishment_retracted</c>: the user withdrew the entry; it disappears from every view but stays in history.</summary>
/// <param name="AccomplishmentId">The stream id.</param>
/// <param name="Reason">Why (optional).</param>
public sealed record AccomplishmentRetracted(Guid AccomplishmentId, string? Reason = null)
    : AccomplishmentEvent(AccomplishmentId);
