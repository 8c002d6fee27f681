namespace CareerLedger.Domain.Offers;

/// <summary>Events of an <c>offer</c> stream (one stream per offer). Stored names in docs/events.md.</summary>
public abstract record OfferEvent(Guid OfferId);

/// <summary>Stored as <c>offer_received</c>: a verbal or written offer arrived.</summary>
/// <param name="OfferId">Stream id.</param>
/// <param name="Stage">Verbal or written.</param>
/// <param name="ReceivedOn">The day it arrived (user's calendar).</param>
/// <param name="Terms">The terms as offered.</param>
/// <param name="ClientKey">The caller's idempotency key, if any; repeating it records nothing new.</param>
public sealed record OfferReceived(Guid OfferId, OfferStage Stage, DateOnly ReceivedOn, OfferTerms Terms, string? ClientKey = null) : OfferEvent(OfferId);

/// <summary>Stored as <c>offer_revised</c>: new terms (after a counter or a recruiter update); the previous terms stay in the stream.</summary>
/// <param name="OfferId">Stream id.</param>
/// <param name="RevisedOn">The day the new terms arrived.</param>
/// <param name="Terms">The full terms after the revision.</param>
/// <param name="Reason">Why they changed, e.g. "after counter", "written offer".</param>
/// <param name="Stage">Verbal or written after this revision.</param>
public sealed record OfferRevised(Guid OfferId, DateOnly RevisedOn, OfferTerms Terms, string? Reason, OfferStage Stage) : OfferEvent(OfferId);

/// <summary>Stored as <c>counter_offer_sent</c>: what the user asked for.</summary>
/// <param name="OfferId">Stream id.</param>
/// <param name="SentOn">The day the counter was sent.</param>
/// <param name="Asks">What was asked, component by component.</param>
/// <param name="Note">Free text (what was said).</param>
public sealed record CounterOfferSent(Guid OfferId, DateOnly SentOn, IReadOnlyList<CounterAsk> Asks, string? Note) : OfferEvent(OfferId);

/// <summary>One component of a counter-offer.</summary>
/// <param name="Component">base | sign_on | equity | level | bonus | start_date | remote | pto | other.</param>
/// <param name="Amount">The number asked for (money in the offer's currency; level as a rank; days for PTO), if any.</param>
/// <param name="Text">The ask in words.</param>
public sealed record CounterAsk(AskComponent Component, decimal? Amount, string? Text);

/// <summary>Stored as <c>offer_deadline_set</c>: the company set or extended the answer deadline.</summary>
/// <param name="OfferId">Stream id.</param>
/// <param name="Deadline">The new deadline (user's calendar).</param>
/// <param name="Extended">True when it moves an earlier deadline later.</param>
public sealed record OfferDeadlineSet(Guid OfferId, DateOnly Deadline, bool Extended) : OfferEvent(OfferId);

/// <summary>Stored as <c>offer_accepted</c>.</summary>
/// <param name="OfferId">Stream id.</param>
/// <param name="On">The day it was accepted.</param>
public sealed record OfferAccepted(Guid OfferId, DateOnly On) : OfferEvent(OfferId);

/// <summary>Stored as <c>offer_declined</c>.</summary>
/// <param name="OfferId">Stream id.</param>
/// <param name="On">The day it was declined.</param>
/// <param name="Reason">Why (optional).</param>
public sealed record OfferDeclined(Guid OfferId, DateOnly On, string? Reason) : OfferEvent(OfferId);

/// <summary>Stored as <c>offer_expired</c>: the deadline passed without an answer.</summary>
/// <param name="OfferId">Stream id.</param>
/// <param name="On">The day it lapsed.</param>
public sealed record OfferExpired(Guid OfferId, DateOnly On) : OfferEvent(OfferId);

/// <summary>Stored as <c>offer_withdrawn</c>: the company pulled the offer.</summary>
/// <param name="OfferId">Stream id.</param>
/// <param name="On">The day it was withdrawn.</param>
/// <param name="Reason">Why (optional).</param>
public sealed record OfferWithdrawn(Guid OfferId, DateOnly On, string? Reason) : OfferEvent(OfferId);

/// <summary>Verbal or written. Stored snake_case.</summary>
public enum OfferStage
{
    /// <summary>Told on a call; not yet on paper.</summary>
    Verbal,
    /// <summary>A written offer letter.</summary>
    Written,
}

/// <summary>Where an offer stands. Stored snake_case.</summary>
public enum OfferStatus
{
    /// <summary>Still being considered or negotiated.</summary>
    Open,
    /// <summary>Accepted.</summary>
    Accepted,
    /// <summary>Declined by the user.</summary>
    Declined,
    /// <summary>Lapsed at its deadline.</summary>
    Expired,
    /// <summary>Withdrawn by the company.</summary>
    Withdrawn,
}

/// <summary>A negotiable component of an offer (docs/domain.md, negotiability table). Stored snake_case.</summary>
public enum AskComponent
{
    /// <summary>Base salary.</summary>
    Base,
    /// <summary>Sign-on bonus.</summary>
    SignOn,
    /// <summary>Equity grant.</summary>
    Equity,
    /// <summary>Level or title.</summary>
    Level,
    /// <summary>Annual bonus target.</summary>
    Bonus,
    /// <summary>Start date.</summary>
    StartDate,
    /// <summary>Remote work.</summary>
    Remote,
    /// <summary>Paid time off.</summary>
    Pto,
    /// <summary>Anything else.</summary>
    Other,
}
