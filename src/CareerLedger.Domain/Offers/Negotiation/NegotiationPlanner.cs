using System.Globalization;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Negotiation;

/// <summary>
/// Builds a negotiation plan for one offer against the competing offers and the user's current job (pure; time enters as
/// <see cref="NegotiationInput.Today"/>). Works on already computed <see cref="CompensationBreakdown"/>s, so every amount is in
/// their comparison currency. Where the rules come from: docs/domain.md, "Offers and negotiation" (negotiability table,
/// don't name the first number, competing offers as the main lever, level over package, extensions for exploding offers,
/// startup equity questions); the thresholds below are product choices.
/// </summary>
/// <remarks>
/// Money targets are computed in this order, each closing what the previous ones left:
/// <list type="number">
/// <item>Base: when a competitor's base is higher, ask to match the highest one (a base raise also raises the bonus, so it
/// closes raise × (1 + bonus fraction) a year).</item>
/// <item>Sign-on: closes the rest of the first-year gap to the first-year benchmark.</item>
/// <item>Equity (when the offer has a grant): closes the rest of the four-year gap, spread over the vesting.</item>
/// <item>Base again, only when something is left: up to <see cref="BaseRaiseCapPercent"/> % above the offered base.</item>
/// </list>
/// Sign-on, equity and fallback base increments are rounded up to a multiple of <see cref="RoundTo"/>, so they still close the gap.
/// Benchmarks: the best competing offer by first-year and by four-year total; without competitors, the current job's annual
/// total × (1 + <see cref="NoCompetitorPremiumPercent"/> / 100) per year.
/// </remarks>
public static class NegotiationPlanner
{
    /// <summary>Without a competing offer, aim this many percent (0-100) above the current job's annual total.</summary>
    public const decimal NoCompetitorPremiumPercent = 15;

    /// <summary>A competitor this many percent (0-100) above the target's four-year total makes leverage strong.</summary>
    public const decimal StrongMarginPercent = 5;

    /// <summary>Without a higher competing base, a base ask stays within this many percent (0-100) of the offered base, which usually fits the level's band.</summary>
    public const decimal BaseRaiseCapPercent = 10;

    /// <summary>The walk-away floor per year is the current job's annual total × this factor (1.0: never accept less than you earn now).</summary>
    public const decimal FloorFactor = 1.0m;

    /// <summary>A deadline this many days away or fewer (including today) is near: ask for an extension now.</summary>
    public const int NearDeadlineDays = 3;

    /// <summary>The extension to ask for, in days after the deadline (about a week is usually granted).</summary>
    public const int ExtensionDays = 7;

    /// <summary>With a current job, a start date fewer than this many days after today gets an ask to move it (time for notice and a break).</summary>
    public const int NoticeDays = 28;

    /// <summary>Money asks are rounded up to a multiple of this amount (comparison currency).</summary>
    public const decimal RoundTo = 1000;

    /// <summary>Builds the plan.</summary>
    /// <param name="input">The offer, the competing offers, the current job, today and (optionally) the previous asks.</param>
    /// <returns>The plan; amounts in the comparison currency of <see cref="OfferSnapshot.Comp"/>.</returns>
    /// <exception cref="DomainValidationException">
    /// When a competitor is the target offer itself, a breakdown is in another currency than the target's, or the current job's
    /// annual total or the user's minimum is negative.
    /// </exception>
    public static NegotiationPlan Plan(NegotiationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);

        var target = input.Target;
        var competitors = input.Competitors;
        var leverage = BuildLeverage(target, competitors, input.Current);
        var bench = Benchmark(competitors, input.Current);
        var (asks, uncovered) = BuildAsks(input, bench);
        var deadline = Deadline(target.Terms.Deadline, input.Today);
        var questions = NegotiationQuestions.For(target.Terms);
        var scripts = NegotiationScriptWriter.Write(target, leverage, asks, deadline);
        var progress = input.PreviousAsks is { Count: > 0 } previous ? Progress(previous, target) : [];

        return new NegotiationPlan(
            target.OfferId,
            target.Terms.Company,
            target.Comp.Currency,
            input.Today,
            leverage,
            asks,
            bench?.FourYear,
            uncovered,
            Floor(target, input.Current, input.MinimumAnnual),
            deadline,
            questions,
            scripts,
            progress);
    }

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

    /// <summary>
    /// The walk-away floor: the higher of the current job's annual total × <see cref="FloorFactor"/> (staying is the
    /// alternative, so less is a pay cut) and the user's own minimum, per year and × 4 over four years; never below the current
    /// job. Null when there is neither.
    /// </summary>
    /// <param name="target">The offer being negotiated.</param>
    /// <param name="current">The current job, if any.</param>
    /// <param name="minimumAnnual">The least the user would accept per year, comparison currency, if set.</param>
    /// <returns>The floor in the comparison currency, or null.</returns>
    public static WalkAwayFloor? Floor(OfferSnapshot target, CurrentJob? current, decimal? minimumAnnual = null)
    {
        var fromCurrent = current is null ? (decimal?)null : current.AnnualTotal * FloorFactor;
        if (fromCurrent is null && minimumAnnual is null)
        {
            return null;
        }

        var currency = target.Comp.Currency;
        decimal perYear;
        string basis;
        if (minimumAnnual is { } min && (fromCurrent is not { } c0 || min > c0))
        {
            perYear = min;
            basis = current is null
                ? $"Your own minimum of {Money(min, currency)} a year."
                : $"Your own minimum of {Money(min, currency)} a year, above the {Money(current.AnnualTotal, currency)} you earn now.";
        }
        else
        {
            perYear = fromCurrent!.Value;
            basis = $"{CurrentName(current!, capital: true)} pays {Money(current!.AnnualTotal, currency)} a year; an offer below that is a pay cut.";
        }

        var fourYear = perYear * 4;
        return new WalkAwayFloor(perYear, fourYear, target.Comp.FourYearTotal >= fourYear, basis);
    }

    /// <summary>
    /// Advice on the answer deadline: none set → ask when they need an answer; passed → confirm the offer is still open; within
    /// <see cref="NearDeadlineDays"/> days (today included) → ask now for about a week more (<see cref="ExtensionDays"/> days
    /// after the deadline); otherwise enough time.
    /// </summary>
    /// <param name="deadline">The offer's deadline, if any.</param>
    /// <param name="today">The user's calendar day.</param>
    /// <returns>The advice.</returns>
    public static DeadlineAdvice Deadline(DateOnly? deadline, DateOnly today)
    {
        if (deadline is not { } d)
        {
            return new DeadlineAdvice(
                DeadlineStatus.NotSet, null, null, null,
                "The offer names no deadline. Ask when they need your answer, so you can plan your other processes around it.");
        }

        var left = d.DayNumber - today.DayNumber;
        var on = Day(d);
        if (left < 0)
        {
            return new DeadlineAdvice(
                DeadlineStatus.Passed, d, left, null,
                $"The deadline ({on}) has passed, so the offer may have lapsed. Confirm that it is still open before you negotiate further.");
        }

        if (left <= NearDeadlineDays)
        {
            var extension = d.AddDays(ExtensionDays);
            var when = left == 0 ? "The answer is due today" : left == 1 ? "One day is left" : $"{Text.Number(left)} days are left";
            return new DeadlineAdvice(
                DeadlineStatus.Near, d, left, extension,
                $"{when} (deadline {on}). Ask for an extension now, to {Day(extension)}: about a week more is usually granted.");
        }

        return new DeadlineAdvice(
            DeadlineStatus.Open, d, left, null,
            $"{Text.Number(left)} days are left (deadline {on}). That is time to negotiate; if you need longer, ask early rather than on the last day.");
    }

    /// <summary>
    /// Measures each previous ask against the offer's current terms: share closed = (current − from) / (target − from);
    /// at least 1 → met, at most 0 → not moved, in between → partly met; the value missing from the terms → unknown.
    /// </summary>
    /// <param name="previous">The asks of an earlier plan (same comparison currency).</param>
    /// <param name="current">The offer as it stands now.</param>
    /// <returns>One row per previous ask, in the same order.</returns>
    public static IReadOnlyList<AskProgress> Progress(IEnumerable<Ask> previous, OfferSnapshot current) =>
        previous.Select(ask =>
        {
            if (ValueOf(ask.Component, current) is not { } now)
            {
                return new AskProgress(ask, null, AskStatus.Unknown, 0);
            }

            var distance = ask.Target - ask.From;
            var share = distance == 0 ? 1 : (now - ask.From) / distance;
            return share >= 1 ? new AskProgress(ask, now, AskStatus.Met, 100)
                : share <= 0 ? new AskProgress(ask, now, AskStatus.NotMoved, 0)
                : new AskProgress(ask, now, AskStatus.PartlyMet, Math.Round(share * 100, 1, MidpointRounding.AwayFromZero));
        }).ToList();

    /// <summary>The offer's value for <paramref name="component"/>, in the unit documented on <see cref="Ask"/>, or null when the terms do not state it.</summary>
    /// <param name="component">The component.</param>
    /// <param name="offer">The offer.</param>
    /// <returns>The value, or null.</returns>
    public static decimal? ValueOf(AskComponent component, OfferSnapshot offer) => component switch
    {
        AskComponent.Base => Year(offer.Comp, 1)?.Base ?? 0,
        AskComponent.SignOn => FirstFour(offer.Comp).Sum(y => y.SignOn),
        AskComponent.Equity => FirstFour(offer.Comp).Sum(y => y.Equity),
        AskComponent.Level => offer.Terms.Level.Rank,
        AskComponent.Bonus => offer.Terms.BonusTargetPercent,
        AskComponent.StartDate => offer.Terms.StartDate?.DayNumber,
        AskComponent.Remote => (int?)offer.Terms.Remote,
        AskComponent.Pto => offer.Terms.PtoDays,
        _ => null,
    };

    private static void Validate(NegotiationInput input)
    {
        var errors = new ValidationErrors();
        var currency = input.Target.Comp.Currency;
        for (var i = 0; i < input.Competitors.Count; i++)
        {
            var c = input.Competitors[i];
            if (c.OfferId == input.Target.OfferId)
            {
                errors.Add($"competitors[{Text.Number(i)}].offerId", "The offer being negotiated cannot also be a competing offer.");
            }

            if (!string.Equals(c.Comp.Currency, currency, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(
                    $"competitors[{Text.Number(i)}].comp.currency",
                    $"Compare every offer in one currency: this breakdown is in {c.Comp.Currency}, the target's in {currency}.");
            }
        }

        if (input.Current is { AnnualTotal: < 0 })
        {
            errors.Add("current.annualTotal", "The current job's annual total cannot be negative.");
        }

        if (input.MinimumAnnual is < 0)
        {
            errors.Add("minimumAnnual", "The minimum you would accept cannot be negative.");
        }

        errors.ThrowIfAny();
    }

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

    private static CompetitorSummary Summarize(OfferSnapshot c) =>
        new(c.OfferId, c.Terms.Company, c.Terms.Level.Label, c.Terms.Level.Rank, c.Comp.FirstYearTotal, c.Comp.FourYearTotal);

    private static YearBreakdown? Year(CompensationBreakdown comp, int year) => comp.Years.FirstOrDefault(y => y.Year == year);

    private static IEnumerable<YearBreakdown> FirstFour(CompensationBreakdown comp) => comp.Years.Where(y => y.Year is >= 1 and <= 4);

    private static decimal RoundUp(decimal value) => value <= 0 ? 0 : Math.Ceiling(value / RoundTo) * RoundTo;

    internal static string Money(decimal value, string currency) => $"{Text.Number(value)} {currency}";

    internal static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    internal static string CurrentName(CurrentJob current, bool capital) =>
        Text.Clean(current.Label) ?? (capital ? "Your current job" : "your current job");

    internal static string Describe(RemotePolicy policy) => policy switch
    {
        RemotePolicy.Onsite => "on-site",
        RemotePolicy.Hybrid => "hybrid",
        _ => "fully remote",
    };

    private static string Describe(LeverageStrength strength) => strength switch
    {
        LeverageStrength.Strong => "strong",
        LeverageStrength.Moderate => "moderate",
        _ => "weak",
    };
}
