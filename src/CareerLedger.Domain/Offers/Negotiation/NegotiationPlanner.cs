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
public static partial class NegotiationPlanner
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

    private static YearBreakdown? Year(CompensationBreakdown comp, int year) => comp.Years.FirstOrDefault(y => y.Year == year);

    private static IEnumerable<YearBreakdown> FirstFour(CompensationBreakdown comp) => comp.Years.Where(y => y.Year is >= 1 and <= 4);
}
