namespace CareerLedger.Domain.Offers.Negotiation;

/// <summary>
/// Everything the negotiation planner needs: the offer to negotiate, the competing offers, the user's current job (the
/// walk-away alternative), the user's calendar day and, when the plan is being refreshed after a revised offer, the asks
/// made last time. Every amount is in the comparison currency of the breakdowns (<see cref="CompensationBreakdown.Currency"/>).
/// Rules: docs/domain.md, "Offers and negotiation".
/// </summary>
/// <param name="Target">The offer being negotiated.</param>
/// <param name="Competitors">The other offers in hand (may be empty; must not contain <paramref name="Target"/>).</param>
/// <param name="Current">The user's current job, or null when there is none (or the user did not enter it).</param>
/// <param name="Today">The user's calendar day; deadlines are counted from it.</param>
/// <param name="PreviousAsks">The asks of an earlier plan for the same offer, to measure how far each got; null or empty for a first plan.</param>
/// <param name="MinimumAnnual">The least the user would accept per year, comparison currency, if they set one; it raises the walk-away floor above the current job.</param>
public sealed record NegotiationInput(
    OfferSnapshot Target,
    IReadOnlyList<OfferSnapshot> Competitors,
    CurrentJob? Current,
    DateOnly Today,
    IReadOnlyList<Ask>? PreviousAsks = null,
    decimal? MinimumAnnual = null);

/// <summary>One offer as it stands now: its terms and its already computed year-by-year compensation.</summary>
/// <param name="OfferId">The offer's id.</param>
/// <param name="Terms">The terms (amounts in <see cref="OfferTerms.Currency"/>).</param>
/// <param name="Comp">The compensation breakdown of <paramref name="Terms"/>, converted to the comparison currency.</param>
public sealed record OfferSnapshot(Guid OfferId, OfferTerms Terms, CompensationBreakdown Comp);

/// <summary>The user's current job, the alternative to every offer.</summary>
/// <param name="AnnualTotal">Total compensation per year (base + expected bonus + equity vesting), in the comparison currency (&gt;= 0).</param>
/// <param name="Label">How to name it in text, e.g. "my current role at Acme"; null for "my current job".</param>
/// <param name="LevelRank">The current level on the normalised 1-10 scale of <see cref="OfferLevel.Rank"/>, if known.</param>
public sealed record CurrentJob(decimal AnnualTotal, string? Label = null, int? LevelRank = null);
