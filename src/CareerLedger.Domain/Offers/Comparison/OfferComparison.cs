namespace CareerLedger.Domain.Offers.Comparison;

/// <summary>
/// Open offers side by side in one currency: per-year totals, deltas against the best, level comparison, crossovers,
/// and how much of each is guaranteed cash versus at risk. Rules in docs/compensation.md.
/// </summary>
/// <param name="Currency">The comparison currency (ISO 4217).</param>
/// <param name="AsOf">When set, the offers as recorded at that instant (UTC).</param>
/// <param name="Years">How many years each breakdown covers (4, or 5 when any offer has refreshers).</param>
/// <param name="Offers">The offers, best four-year total first.</param>
/// <param name="BestOfferId">The offer with the highest four-year total, or null when there are none.</param>
/// <param name="Crossovers">Where one offer's cumulative pay overtakes another's.</param>
/// <param name="Notes">Plain-language observations (level gaps, cliffs, back-loading, clawbacks, offers left out).</param>
/// <param name="Excluded">Offers left out because their stored figures cannot be computed (see <see cref="CompensationBreakdown.TooLarge"/>).</param>
public sealed record OfferComparison(
    string Currency,
    DateTimeOffset? AsOf,
    int Years,
    IReadOnlyList<ComparedOffer> Offers,
    Guid? BestOfferId,
    IReadOnlyList<Crossover> Crossovers,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ExcludedOffer> Excluded);

/// <summary>An offer left out of a comparison, and why.</summary>
/// <param name="OfferId">The offer.</param>
/// <param name="Company">Its company.</param>
/// <param name="Reason">Why it could not be compared, in words.</param>
public sealed record ExcludedOffer(Guid OfferId, string Company, string Reason);

/// <summary>One offer in a comparison.</summary>
/// <param name="OfferId">The offer.</param>
/// <param name="Company">Company.</param>
/// <param name="Role">Role.</param>
/// <param name="Level">The company's label and normalised rank.</param>
/// <param name="Status">Open, accepted….</param>
/// <param name="Deadline">Answer deadline, if any.</param>
/// <param name="OriginalCurrency">The currency the offer was made in.</param>
/// <param name="Compensation">Year-by-year breakdown in the comparison currency.</param>
/// <param name="FourYearDeltaVsBest">Four-year total minus the best offer's (0 for the best; negative otherwise).</param>
/// <param name="YearDeltasVsBest">Per-year total minus the best offer's, year 1 first, for the years both cover.</param>
/// <param name="GuaranteedFourYear">Base + sign-on over years 1-4.</param>
/// <param name="AtRiskFourYear">Bonus + equity + refreshers over years 1-4.</param>
/// <param name="GuaranteedPercent">Guaranteed share of the four-year total, percent 0-100.</param>
public sealed record ComparedOffer(
    Guid OfferId,
    string Company,
    string Role,
    OfferLevel Level,
    OfferStatus Status,
    DateOnly? Deadline,
    string OriginalCurrency,
    CompensationBreakdown Compensation,
    decimal FourYearDeltaVsBest,
    IReadOnlyList<decimal> YearDeltasVsBest,
    decimal GuaranteedFourYear,
    decimal AtRiskFourYear,
    decimal GuaranteedPercent);

/// <summary>Offer <paramref name="Leader"/> pays less than <paramref name="Trailer"/> at first but its cumulative pay is higher from <paramref name="Year"/> on.</summary>
/// <param name="Leader">Company that overtakes.</param>
/// <param name="Trailer">Company that is overtaken.</param>
/// <param name="Year">First year (1-based) at whose end the leader's cumulative total is ahead.</param>
/// <param name="Sentence">The crossover in words.</param>
public sealed record Crossover(string Leader, string Trailer, int Year, string Sentence);
