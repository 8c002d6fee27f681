using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Comparison;

/// <summary>Builds an <see cref="OfferComparison"/> from offers and their computed breakdowns (pure).</summary>
public static class OfferComparisonBuilder
{
    /// <summary>
    /// Compares the given offers; all breakdowns must be in <paramref name="currency"/>. Offers whose breakdown could not be
    /// computed (<see cref="CompensationBreakdown.Computed"/> false) are listed in <see cref="OfferComparison.Excluded"/> with a note.
    /// </summary>
    public static OfferComparison Build(
        IReadOnlyList<(Offer Offer, CompensationBreakdown Compensation)> offers, string currency, DateTimeOffset? asOf)
    {
        var excluded = offers.Where(o => !o.Compensation.Computed)
            .Select(o => new ExcludedOffer(o.Offer.Id, o.Offer.Terms.Company, o.Compensation.Note!))
            .ToList();
        var ordered = offers
            .Where(o => o.Compensation.Computed)
            .OrderByDescending(o => o.Compensation.FourYearTotal)
            .ThenBy(o => o.Offer.Terms.Company, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var years = ordered.Count == 0 ? 4 : ordered.Max(o => o.Compensation.Years.Count);
        if (ordered.Count == 0)
        {
            return new OfferComparison(currency, asOf, years, [], null, [], [.. excluded.Select(e => e.Reason), "No open offers to compare yet."], excluded);
        }

        var best = ordered[0];
        var compared = ordered.Select(o =>
        {
            var four = o.Compensation.Years.Take(4).ToList();
            var guaranteed = four.Sum(y => y.Guaranteed);
            var atRisk = four.Sum(y => y.AtRisk);
            var total = guaranteed + atRisk;
            return new ComparedOffer(
                o.Offer.Id, o.Offer.Terms.Company, o.Offer.Terms.Role, o.Offer.Terms.Level, o.Offer.Status, o.Offer.Deadline, o.Offer.Terms.Currency,
                o.Compensation,
                o.Compensation.FourYearTotal - best.Compensation.FourYearTotal,
                o.Compensation.Years.Take(best.Compensation.Years.Count).Select((y, i) => y.Total - best.Compensation.Years[i].Total).ToList(),
                guaranteed,
                atRisk,
                total == 0 ? 0 : Math.Round(guaranteed / total * 100, 1, MidpointRounding.AwayFromZero));
        }).ToList();

        return new OfferComparison(currency, asOf, years, compared, best.Offer.Id, Crossovers(ordered), [.. excluded.Select(e => e.Reason), .. Notes(ordered, currency)], excluded);
    }

    private static List<Crossover> Crossovers(List<(Offer Offer, CompensationBreakdown Compensation)> offers)
    {
        var result = new List<Crossover>();
        foreach (var a in offers)
        {
            foreach (var b in offers.Where(b => b.Offer.Id != a.Offer.Id))
            {
                decimal ca = 0, cb = 0;
                var behindAtFirst = a.Compensation.Years[0].Total < b.Compensation.Years[0].Total;
                var n = Math.Min(a.Compensation.Years.Count, b.Compensation.Years.Count);
                for (var y = 0; y < n && behindAtFirst; y++)
                {
                    ca += a.Compensation.Years[y].Total;
                    cb += b.Compensation.Years[y].Total;
                    if (ca > cb)
                    {
                        result.Add(new Crossover(a.Offer.Terms.Company, b.Offer.Terms.Company, y + 1,
                            $"{a.Offer.Terms.Company} pays less than {b.Offer.Terms.Company} in year 1 but is ahead in cumulative pay from the end of year {y + 1}."));
                        break;
                    }
                }
            }
        }

        return result;
    }

    private static List<string> Notes(List<(Offer Offer, CompensationBreakdown Compensation)> offers, string currency)
    {
        var notes = new List<string>();
        var topRank = offers.Max(o => o.Offer.Terms.Level.Rank);
        foreach (var (offer, comp) in offers)
        {
            var t = offer.Terms;
            if (t.Level.Rank < topRank)
            {
                var higher = offers.First(o => o.Offer.Terms.Level.Rank == topRank).Offer.Terms;
                notes.Add($"{t.Company} levels you at {t.Level.Label} (rank {t.Level.Rank}), below {Possessive(higher.Company)} {higher.Level.Label} (rank {topRank}): level compounds through refreshers and raises, so ask {t.Company} about the level first.");
            }

            if (t.Equity is { } e && e.Vesting.YearPercents.Count > 0 && e.Vesting.YearPercents[0] < 100m / e.Vesting.YearPercents.Count)
            {
                notes.Add($"{Possessive(t.Company)} equity is back-loaded ({string.Join("/", e.Vesting.YearPercents.Select(Text.Number))}): year 1 is {Text.Number(comp.FirstYearTotal)} {currency} against an average of {Text.Number(comp.AverageAnnual)} {currency}.");
            }

            if (t.Equity is { Vesting.CliffMonths: > 0 } cliff)
            {
                notes.Add($"{t.Company}: nothing of the initial grant vests before month {cliff.Vesting.CliffMonths} (cliff).");
            }

            foreach (var s in t.SignOn.Where(s => s.ClawbackMonths > 0))
            {
                notes.Add($"{t.Company}: the {Text.Number(s.Amount)} {t.Currency} sign-on paid at month {s.PaidAtMonth} is clawed back if you leave within {s.ClawbackMonths} months of it.");
            }

            if (t.Equity is { Kind: EquityKind.Options })
            {
                notes.Add($"{Possessive(t.Company)} options are valued at the last preferred price; see the exit scenarios before counting on them (at the 409A they are worth {Text.Number(comp.Options?.ValueAt409A ?? 0)} {currency}).");
            }
        }

        return notes;
    }

    private static string Possessive(string name) => name.EndsWith('s') ? name + "'" : name + "'s";
}
