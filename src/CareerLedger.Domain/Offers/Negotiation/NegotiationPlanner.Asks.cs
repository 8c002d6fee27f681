using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Negotiation;

// Asks and targets: the benchmark to reach, the money asks that close the gap, then level, start date, remote, PTO and bonus.
public static partial class NegotiationPlanner
{
    private sealed record Bench(decimal FirstYear, decimal FourYear, OfferSnapshot? FirstFrom, OfferSnapshot? FourFrom);

    private static Bench? Benchmark(IReadOnlyList<OfferSnapshot> competitors, CurrentJob? current)
    {
        if (competitors.Count > 0)
        {
            var first = competitors.MaxBy(c => c.Comp.FirstYearTotal)!;
            var four = competitors.MaxBy(c => c.Comp.FourYearTotal)!;
            return new Bench(first.Comp.FirstYearTotal, four.Comp.FourYearTotal, first, four);
        }

        if (current is null)
        {
            return null;
        }

        var perYear = current.AnnualTotal * (1 + (NoCompetitorPremiumPercent / 100));
        return new Bench(perYear, perYear * 4, null, null);
    }

    private static (IReadOnlyList<Ask> Asks, decimal Uncovered) BuildAsks(NegotiationInput input, Bench? bench)
    {
        var target = input.Target;
        var terms = target.Terms;
        var comps = input.Competitors;
        var currency = target.Comp.Currency;
        var bonusFraction = terms.BonusTargetPercent / 100;
        var asks = new List<Ask>();

        // 1. Base: match the highest competing base.
        var baseFrom = ValueOf(AskComponent.Base, target)!.Value;
        var topBase = comps.MaxBy(c => ValueOf(AskComponent.Base, c)!.Value);
        var topBaseValue = topBase is null ? 0 : ValueOf(AskComponent.Base, topBase)!.Value;
        var baseRaise = Math.Max(0, topBaseValue - baseFrom);
        var baseRationale = baseRaise > 0
            ? $"{topBase!.Terms.Company}'s base is {Money(topBaseValue, currency)}; base is banded by level, so a concrete competing figure is the best case for moving it."
            : null;

        decimal uncovered = 0;
        if (bench is not null)
        {
            // 2. Sign-on: the rest of the first-year gap.
            var firstGap = Math.Max(0, bench.FirstYear - target.Comp.FirstYearTotal);
            var fourGap = Math.Max(0, bench.FourYear - target.Comp.FourYearTotal);
            var signOnRaise = RoundUp(Math.Max(0, firstGap - (baseRaise * (1 + bonusFraction))));
            if (signOnRaise > 0)
            {
                var from = ValueOf(AskComponent.SignOn, target)!.Value;
                var why = bench.FirstFrom is { } f
                    ? $"{f.Terms.Company} pays {Money(f.Comp.FirstYearTotal, currency)} in the first year against {Money(target.Comp.FirstYearTotal, currency)} here; a one-time payment is the easiest way for them to close that."
                    : $"A move should pay about {Text.Number(NoCompetitorPremiumPercent)} % more than {CurrentName(input.Current!, capital: false)} ({Money(bench.FirstYear, currency)} in the first year); a one-time payment is the easiest way to get there.";
                asks.Add(new Ask(
                    AskComponent.SignOn, from, from + signOnRaise, signOnRaise,
                    from == 0 ? $"Ask for a sign-on bonus of {Money(signOnRaise, currency)}." : $"Ask for a sign-on bonus of {Money(from + signOnRaise, currency)} (now {Text.Number(from)}).",
                    why));
            }

            // 3. Equity: the rest of the four-year gap, spread over the vesting.
            var rest = Math.Max(0, fourGap - (4 * baseRaise * (1 + bonusFraction)) - signOnRaise);
            if (rest > 0 && terms.Equity is not null)
            {
                var equityRaise = RoundUp(rest);
                var from = ValueOf(AskComponent.Equity, target)!.Value;
                var why = bench.FourFrom is { } f
                    ? $"{f.Terms.Company} comes to {Money(f.Comp.FourYearTotal, currency)} over four years against {Money(target.Comp.FourYearTotal, currency)} here; after the other asks, {Text.Number(equityRaise)} is still missing."
                    : $"To reach {Money(bench.FourYear, currency)} over four years ({Text.Number(NoCompetitorPremiumPercent)} % above {CurrentName(input.Current!, capital: false)}), {Text.Number(equityRaise)} is still missing after the sign-on.";
                asks.Add(new Ask(
                    AskComponent.Equity, from, from + equityRaise, equityRaise,
                    $"Ask for {Money(equityRaise, currency)} more equity over four years (about {Text.Number(Math.Round(equityRaise / 4, 0, MidpointRounding.AwayFromZero))} a year of vesting), {Text.Number(from + equityRaise)} in all.",
                    why));
                rest = 0;
            }

            // 4. Base again, within the band, for what is left.
            if (rest > 0)
            {
                var room = Math.Max(0, (baseFrom * (1 + (BaseRaiseCapPercent / 100))) - (baseFrom + baseRaise));
                var extra = Math.Min(room, RoundUp(rest / (4 * (1 + bonusFraction))));
                if (extra > 0)
                {
                    baseRaise += extra;
                    baseRationale ??= $"The offer has no equity to move, so the gap has to come from base; up to {Text.Number(BaseRaiseCapPercent)} % more usually stays within the band.";
                }

                rest = Math.Max(0, rest - (4 * extra * (1 + bonusFraction)));
            }

            uncovered = rest;
        }

        if (baseRaise > 0)
        {
            asks.Add(new Ask(
                AskComponent.Base, baseFrom, baseFrom + baseRaise, 4 * baseRaise * (1 + bonusFraction),
                $"Ask for a base salary of {Money(baseFrom + baseRaise, currency)} (now {Text.Number(baseFrom)}).",
                baseRationale!));
        }

        AddLevelAsk(asks, target, comps, input.Current);
        AddSmallAsks(asks, input, baseFrom);

        var ordered = asks
            .OrderByDescending(a => a.Negotiability)
            .ThenByDescending(a => a.FourYearValue)
            .ThenBy(a => NegotiabilityTable.IndexOf(a.Component))
            .ToList();
        return (ordered, uncovered);
    }

    private static void AddLevelAsk(List<Ask> asks, OfferSnapshot target, IReadOnlyList<OfferSnapshot> comps, CurrentJob? current)
    {
        var rank = target.Terms.Level.Rank;
        var higher = comps.Where(c => c.Terms.Level.Rank > rank).MaxBy(c => c.Terms.Level.Rank);
        if (higher is not null)
        {
            var l = higher.Terms.Level;
            asks.Add(new Ask(
                AskComponent.Level, rank, l.Rank, 0,
                $"Ask to come in at the level {higher.Terms.Company} offered ({l.Label}, rank {Text.Number(l.Rank)}) instead of {target.Terms.Level.Label} (rank {Text.Number(rank)}).",
                $"{higher.Terms.Company} offers {l.Label}; a level up lifts every later raise and refresher, so it is worth more than any one-time amount."));
        }
        else if (current is { LevelRank: { } now } && now > rank)
        {
            asks.Add(new Ask(
                AskComponent.Level, rank, now, 0,
                $"Ask to come in at your current level (rank {Text.Number(now)}) instead of {target.Terms.Level.Label} (rank {Text.Number(rank)}).",
                "Taking a lower level than you hold now would cost you in every later raise and refresher."));
        }
    }

    private static void AddSmallAsks(List<Ask> asks, NegotiationInput input, decimal baseFrom)
    {
        var terms = input.Target.Terms;
        var comps = input.Competitors;

        // Start date: only with a job to leave (notice), and only when the proposed date leaves too little time.
        if (input.Current is not null && terms.StartDate is { } start && start < input.Today.AddDays(NoticeDays))
        {
            var later = input.Today.AddDays(NoticeDays);
            asks.Add(new Ask(
                AskComponent.StartDate, start.DayNumber, later.DayNumber, 0,
                $"Ask to start on {Day(later)} instead of {Day(start)}.",
                $"That leaves {Text.Number(NoticeDays)} days to give notice and rest between jobs; it costs the company nothing."));
        }

        if (terms.Remote is { } remote && comps.Where(c => c.Terms.Remote is not null).MaxBy(c => c.Terms.Remote) is { } flexible
            && flexible.Terms.Remote > remote)
        {
            var better = flexible.Terms.Remote!.Value;
            asks.Add(new Ask(
                AskComponent.Remote, (int)remote, (int)better, 0,
                $"Ask for {Describe(better)} work (now {Describe(remote)}).",
                $"{flexible.Terms.Company} offers {Describe(better)} work; policy limits this, but exceptions happen."));
        }

        if (terms.PtoDays is { } pto && comps.Where(c => c.Terms.PtoDays is not null).MaxBy(c => c.Terms.PtoDays) is { } generous
            && generous.Terms.PtoDays > pto)
        {
            var more = generous.Terms.PtoDays!.Value;
            asks.Add(new Ask(
                AskComponent.Pto, pto, more, 0,
                $"Ask for {Text.Number(more)} paid days off a year (now {Text.Number(pto)}).",
                $"{generous.Terms.Company} gives {Text.Number(more)} days."));
        }

        if (comps.MaxBy(c => c.Terms.BonusTargetPercent) is { } richer && richer.Terms.BonusTargetPercent > terms.BonusTargetPercent)
        {
            var pct = richer.Terms.BonusTargetPercent;
            asks.Add(new Ask(
                AskComponent.Bonus, terms.BonusTargetPercent, pct, 4 * baseFrom * (pct - terms.BonusTargetPercent) / 100,
                $"Ask whether the bonus target can be {Text.Number(pct)} % (now {Text.Number(terms.BonusTargetPercent)} %).",
                $"{richer.Terms.Company}'s target is {Text.Number(pct)} %; targets are usually fixed for the level, so raise this last, if at all."));
        }
    }

    private static decimal RoundUp(decimal value) => value <= 0 ? 0 : Math.Ceiling(value / RoundTo) * RoundTo;
}
