using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Negotiation;

// Leverage: how strong the position is, and the summary of the competing offers behind it.
public static partial class NegotiationPlanner
{
    /// <summary>
    /// Rates the position: <see cref="LeverageStrength.Strong"/> when a competitor's four-year total is at least
    /// <see cref="StrongMarginPercent"/> % above the target's, or a competitor offers a higher level rank;
    /// <see cref="LeverageStrength.Moderate"/> when there is any other competing offer, or the current job's annual total is at
    /// least the target's average annual total (staying is a real option); otherwise <see cref="LeverageStrength.Weak"/>.
    /// </summary>
    /// <param name="target">The offer being negotiated.</param>
    /// <param name="competitors">The competing offers.</param>
    /// <param name="current">The current job, if any.</param>
    /// <returns>The rating.</returns>
    public static LeverageStrength RateStrength(OfferSnapshot target, IReadOnlyList<OfferSnapshot> competitors, CurrentJob? current)
    {
        var strongLine = target.Comp.FourYearTotal * (1 + (StrongMarginPercent / 100));
        if (competitors.Any(c => c.Comp.FourYearTotal >= strongLine || c.Terms.Level.Rank > target.Terms.Level.Rank))
        {
            return LeverageStrength.Strong;
        }

        return competitors.Count > 0 || (current is not null && current.AnnualTotal >= target.Comp.AverageAnnual)
            ? LeverageStrength.Moderate
            : LeverageStrength.Weak;
    }

    private static Leverage BuildLeverage(OfferSnapshot target, IReadOnlyList<OfferSnapshot> competitors, CurrentJob? current)
    {
        var strength = RateStrength(target, competitors, current);
        var currency = target.Comp.Currency;
        if (competitors.Count == 0)
        {
            var summary = current is null
                ? "No competing offer and no current job to compare with: ask for their range and let them name the first number."
                : $"No competing offer. {CurrentName(current, capital: true)} pays {Money(current.AnnualTotal, currency)} a year against "
                  + $"{Money(target.Comp.AverageAnnual, currency)} on average here, so {(current.AnnualTotal >= target.Comp.AverageAnnual ? "staying is a real alternative" : "the offer is already a raise")}.";
            return new Leverage(0, null, null, null, null, null, [], null, strength, summary + $" Position: {Describe(strength)}.");
        }

        var best4 = competitors.MaxBy(c => c.Comp.FourYearTotal)!;
        var best1 = competitors.MaxBy(c => c.Comp.FirstYearTotal)!;
        var higher = competitors.Where(c => c.Terms.Level.Rank > target.Terms.Level.Rank).MaxBy(c => c.Terms.Level.Rank);
        var gap4 = best4.Comp.FourYearTotal - target.Comp.FourYearTotal;
        var gap1 = best1.Comp.FirstYearTotal - target.Comp.FirstYearTotal;
        var yearGaps = Enumerable.Range(1, 4).Select(y => (Year(best4.Comp, y)?.Total ?? 0) - (Year(target.Comp, y)?.Total ?? 0)).ToList();

        var parts = new List<string>
        {
            competitors.Count == 1 ? "One competing offer." : $"{Text.Number(competitors.Count)} competing offers.",
            $"{best4.Terms.Company} {(competitors.Count == 1 ? "comes to" : "is worth the most over four years:")} {Money(best4.Comp.FourYearTotal, currency)}{(competitors.Count == 1 ? " over four years" : "")}, {Text.Signed(gap4)} against this offer.",
        };
        if (best1.OfferId != best4.OfferId)
        {
            parts.Add($"{best1.Terms.Company} pays the most in the first year: {Money(best1.Comp.FirstYearTotal, currency)}, {Text.Signed(gap1)}.");
        }

        if (higher is not null)
        {
            parts.Add($"{higher.Terms.Company} offers a higher level ({higher.Terms.Level.Label}, rank {Text.Number(higher.Terms.Level.Rank)}, against rank {Text.Number(target.Terms.Level.Rank)} here).");
        }

        parts.Add($"Position: {Describe(strength)}.");
        return new Leverage(
            competitors.Count, Summarize(best4), Summarize(best1), gap1, gap4, gap4 / 4, yearGaps,
            higher is null ? null : Summarize(higher), strength, string.Join(' ', parts));
    }

    private static CompetitorSummary Summarize(OfferSnapshot c) =>
        new(c.OfferId, c.Terms.Company, c.Terms.Level.Label, c.Terms.Level.Rank, c.Comp.FirstYearTotal, c.Comp.FourYearTotal);

    private static string Describe(LeverageStrength strength) => strength switch
    {
        LeverageStrength.Strong => "strong",
        LeverageStrength.Moderate => "moderate",
        _ => "weak",
    };
}
