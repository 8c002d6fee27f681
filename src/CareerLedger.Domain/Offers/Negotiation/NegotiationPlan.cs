namespace CareerLedger.Domain.Offers.Negotiation;

/// <summary>
/// A negotiation plan for one offer (docs/domain.md, "Offers and negotiation"). Every amount is in <see cref="Currency"/>,
/// the comparison currency of the input breakdowns.
/// </summary>
/// <param name="OfferId">The offer being negotiated.</param>
/// <param name="Company">Its company.</param>
/// <param name="Currency">The comparison currency (ISO 4217).</param>
/// <param name="Today">The day the plan was made for.</param>
/// <param name="Leverage">What the user has to negotiate with.</param>
/// <param name="Asks">What to ask for: most negotiable first, then by the money the ask adds over four years (largest first).</param>
/// <param name="TargetFourYearTotal">
/// The four-year total to aim for: the best competing offer's four-year total; without competitors, the current job's annual
/// total × 4 × (1 + <see cref="NegotiationPlanner.NoCompetitorPremiumPercent"/> / 100); null when there is neither.
/// </param>
/// <param name="UncoveredGap">Part of the four-year gap to <paramref name="TargetFourYearTotal"/> that no money ask covers (0 when the asks cover it all).</param>
/// <param name="WalkAwayFloor">The lowest package worth accepting, or null without a current job or a minimum of the user's.</param>
/// <param name="Deadline">What to do about the answer deadline.</param>
/// <param name="Questions">Questions to ask the company, general ones first.</param>
/// <param name="Scripts">An e-mail and a phone script.</param>
/// <param name="Progress">For each previous ask, how far the current terms moved towards it (empty without previous asks).</param>
public sealed record NegotiationPlan(
    Guid OfferId,
    string Company,
    string Currency,
    DateOnly Today,
    Leverage Leverage,
    IReadOnlyList<Ask> Asks,
    decimal? TargetFourYearTotal,
    decimal UncoveredGap,
    WalkAwayFloor? WalkAwayFloor,
    DeadlineAdvice Deadline,
    IReadOnlyList<NegotiationQuestion> Questions,
    NegotiationScripts Scripts,
    IReadOnlyList<AskProgress> Progress);

/// <summary>
/// Leverage: the competing offers against the target. Gaps are competitor minus target, comparison currency: positive when the
/// competitor pays more, negative when the target already pays more; null without competitors.
/// </summary>
/// <param name="CompetingOffers">How many competing offers there are.</param>
/// <param name="BestByFourYear">The competitor with the highest four-year total, or null.</param>
/// <param name="BestByFirstYear">The competitor with the highest first-year total, or null.</param>
/// <param name="FirstYearGap">Best first-year competitor's year-1 total − the target's.</param>
/// <param name="FourYearGap">Best four-year competitor's four-year total − the target's.</param>
/// <param name="AverageAnnualGap"><paramref name="FourYearGap"/> / 4.</param>
/// <param name="YearGaps">Years 1-4: the best four-year competitor's year total − the target's (empty without competitors).</param>
/// <param name="HigherLevel">The competitor offering the highest level rank above the target's, or null when none does.</param>
/// <param name="Strength">How strong the position is (rule: <see cref="NegotiationPlanner.RateStrength"/>).</param>
/// <param name="Summary">One or two sentences for the user.</param>
public sealed record Leverage(
    int CompetingOffers,
    CompetitorSummary? BestByFourYear,
    CompetitorSummary? BestByFirstYear,
    decimal? FirstYearGap,
    decimal? FourYearGap,
    decimal? AverageAnnualGap,
    IReadOnlyList<decimal> YearGaps,
    CompetitorSummary? HigherLevel,
    LeverageStrength Strength,
    string Summary)
{
    /// <summary>Whether a competitor offers a higher level rank than the target.</summary>
    public bool CompetitorOffersHigherLevel => HigherLevel is not null;
}

/// <summary>A competing offer, as cited in the plan.</summary>
/// <param name="OfferId">The offer's id.</param>
/// <param name="Company">Its company.</param>
/// <param name="LevelLabel">Its level label.</param>
/// <param name="LevelRank">Its normalised level rank, 1-10.</param>
/// <param name="FirstYearTotal">Year-1 total, comparison currency.</param>
/// <param name="FourYearTotal">Years 1-4 total, comparison currency.</param>
public sealed record CompetitorSummary(Guid OfferId, string Company, string LevelLabel, int LevelRank, decimal FirstYearTotal, decimal FourYearTotal);

/// <summary>How strong the user's negotiating position is. Stored snake_case.</summary>
public enum LeverageStrength
{
    /// <summary>No competing offer and no current job that pays as much.</summary>
    Weak,

    /// <summary>Some alternative, but none clearly better.</summary>
    Moderate,

    /// <summary>A clearly better competing offer, or one at a higher level.</summary>
    Strong,
}

/// <summary>
/// The walk-away floor: below it, staying in the current job (or the user's own minimum) beats the offer
/// (rule: <see cref="NegotiationPlanner.Floor"/>). Comparison currency.
/// </summary>
/// <param name="PerYear">Floor per year (compare with the offer's average annual total).</param>
/// <param name="FourYear">Floor over years 1-4 (= <paramref name="PerYear"/> × 4).</param>
/// <param name="TargetMeetsFloor">Whether the target's four-year total is at or above <paramref name="FourYear"/>.</param>
/// <param name="Basis">Which alternative sets the floor, in words.</param>
public sealed record WalkAwayFloor(decimal PerYear, decimal FourYear, bool TargetMeetsFloor, string Basis);

/// <summary>Where the offer's answer deadline stands. Stored snake_case.</summary>
public enum DeadlineStatus
{
    /// <summary>The offer has no deadline (<c>not_set</c>).</summary>
    NotSet,

    /// <summary>The deadline is more than <see cref="NegotiationPlanner.NearDeadlineDays"/> days away.</summary>
    Open,

    /// <summary>The deadline is today or within <see cref="NegotiationPlanner.NearDeadlineDays"/> days.</summary>
    Near,

    /// <summary>The deadline is before today.</summary>
    Passed,
}

/// <summary>What to do about the deadline.</summary>
/// <param name="Status">Where the deadline stands.</param>
/// <param name="Deadline">The offer's deadline, if any.</param>
/// <param name="DaysLeft">Calendar days from today to the deadline (0 = today, negative = passed), or null.</param>
/// <param name="AskExtensionTo">When near: the date to ask for (the deadline + <see cref="NegotiationPlanner.ExtensionDays"/> days); otherwise null.</param>
/// <param name="Advice">One or two sentences for the user.</param>
public sealed record DeadlineAdvice(DeadlineStatus Status, DateOnly? Deadline, int? DaysLeft, DateOnly? AskExtensionTo, string Advice);

/// <summary>Why a question is in the plan. Stored snake_case.</summary>
public enum QuestionKind
{
    /// <summary>Worth asking about any offer.</summary>
    General,

    /// <summary>Needed to judge private-company equity or stock options.</summary>
    Startup,

    /// <summary>The offer's terms leave out something needed to value it (<c>missing_data</c>).</summary>
    MissingData,
}

/// <summary>A question to ask the company.</summary>
/// <param name="Key">Stable snake_case key, e.g. <c>budgeted_range</c>, <c>fully_diluted_shares</c>.</param>
/// <param name="Kind">Why it is asked.</param>
/// <param name="Text">The question, ready to ask.</param>
public sealed record NegotiationQuestion(string Key, QuestionKind Kind, string Text);

/// <summary>Ready-to-adapt scripts, generated from the plan's data (80-180 words each).</summary>
/// <param name="EmailSubject">A subject line for the e-mail.</param>
/// <param name="Email">The e-mail body.</param>
/// <param name="Phone">What to say on a call, with short stage directions in brackets.</param>
public sealed record NegotiationScripts(string EmailSubject, string Email, string Phone);

/// <summary>How far a previous ask got. Stored snake_case.</summary>
public enum AskStatus
{
    /// <summary>The current terms reach the target.</summary>
    Met,

    /// <summary>The current terms moved towards the target but not all the way (<c>partly_met</c>).</summary>
    PartlyMet,

    /// <summary>No movement towards the target (<c>not_moved</c>), or movement away from it.</summary>
    NotMoved,

    /// <summary>The current terms no longer state the value (for example the start date was removed).</summary>
    Unknown,
}

/// <summary>One previous ask against the offer's current terms.</summary>
/// <param name="Ask">The previous ask.</param>
/// <param name="Current">The current value, in the ask's unit, or null when the terms do not state it.</param>
/// <param name="Status">How far it got.</param>
/// <param name="PercentClosed">Share of the distance from <see cref="Ask.From"/> to <see cref="Ask.Target"/> covered, percent 0-100 (one decimal).</param>
public sealed record AskProgress(Ask Ask, decimal? Current, AskStatus Status, decimal PercentClosed);
