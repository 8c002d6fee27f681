using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Compensation;

/// <summary>
/// Computes the year-by-year <see cref="CompensationBreakdown"/> of an offer (docs/domain.md, "Offers and negotiation":
/// compare year by year, not by "grant / 4"). Pure arithmetic on validated <see cref="OfferTerms"/>: no dates, no I/O.
/// </summary>
/// <remarks>
/// <para>All formulas work in the offer's currency and convert at the end with the user's rate r
/// (<see cref="ExchangeRates.Rates"/>[<see cref="OfferTerms.Currency"/>], or 1 when it is the comparison currency itself).
/// Year y (1-based; year 1 starts on the start date) is:</para>
/// <list type="bullet">
/// <item><description>Base = <see cref="OfferTerms.BaseSalary"/> × r, flat every year (no raises assumed).</description></item>
/// <item><description>Bonus = base × <see cref="OfferTerms.BonusTargetPercent"/> (percent 0-100) ÷ 100 × r: the target, assumed paid in full.</description></item>
/// <item><description>SignOn = Σ amount × r of the payments with <see cref="SignOnPayment.PaidAtMonth"/> in months
/// [12 × (y − 1), 12 × y): month 0-11 lands in year 1, 12-23 in year 2. Payments after the last reported year are left out.
/// Clawbacks do not reduce the totals (they only matter when you leave; see <see cref="SignOnRepayableIfLeavingAt"/>).</description></item>
/// <item><description>Equity (initial grant) = grant value × f(y) × r, where f(y) is
/// <see cref="Vesting.VestedFractionByYear"/> of the grant's schedule (fraction 0-1). RSU grant value =
/// <see cref="EquityGrant.GrantValue"/>, else <see cref="EquityGrant.Shares"/> × <see cref="EquityGrant.SharePrice"/>.
/// Options: shares × f(y) × max(0, price − strike), price = <see cref="EquityGrant.PreferredPrice"/>, else
/// <see cref="EquityGrant.FairMarketValue"/>, else 0.</description></item>
/// <item><description>Refreshers = Σ over grants g = 2…y of <see cref="RefresherGrant.AnnualValue"/> × f_r(y − g + 1) × r:
/// one grant at the start of each year from year 2, each vesting on the refresher's own schedule counted from its grant
/// (so the year-2 grant's first schedule year is employment year 2).</description></item>
/// <item><description>Each component is rounded to 2 decimals (<see cref="MidpointRounding.AwayFromZero"/>) after
/// conversion; Total = Base + Bonus + SignOn + Equity + Refreshers, Guaranteed = Base + SignOn,
/// AtRisk = Bonus + Equity + Refreshers, all from the rounded parts.</description></item>
/// </list>
/// <para>Options valuation (<see cref="CompensationBreakdown.Options"/>, only for <see cref="EquityKind.Options"/>), with S
/// options, strike K (0 when missing), 409A fair market value F, preferred price P (F when missing), fully diluted shares D
/// and liquidation preference L (0 when missing), money converted with r:</para>
/// <list type="bullet">
/// <item><description>OwnershipPercent = S ÷ D × 100 (percent 0-100, rounded to 6 decimals, not converted); null without D.</description></item>
/// <item><description>ValueAtPreferred = S × max(0, P − K); ValueAt409A = S × max(0, F − K) (0 when F is missing).</description></item>
/// <item><description>ExerciseCost = S × K: the cash needed to exercise every option.</description></item>
/// <item><description>Scenarios, only when the preferred price and D are both given, one per multiple m in
/// <see cref="ExitMultiples"/>: exit = m × P × D (the last valuation); price per common share = max(0, exit − L) ÷ D;
/// value = S × max(0, price − K). A simple overhang: the preference is paid first and the rest is shared by every
/// fully diluted share (which understates common at large exits when the preference is non-participating).</description></item>
/// <item><description>Money is rounded to 2 decimals and the price per share to 4 (away from zero), after conversion.</description></item>
/// </list>
/// <para>Retirement match, PTO and remote policy are not money in the breakdown.</para>
/// </remarks>
public static class CompensationCalculator
{
    /// <summary>Years reported without a refresher (4).</summary>
    public const int DefaultYears = 4;

    /// <summary>Years reported when the offer has a refresher (5: the first year where the initial grant has vested and only refreshers remain).</summary>
    public const int DefaultYearsWithRefresher = 5;

    /// <summary>Most years that can be asked for (10).</summary>
    public const int MaxYears = 10;

    /// <summary>Exit multiples of the last valuation used for <see cref="OptionsValuation.Scenarios"/>: 0×, 1×, 3×, 10×.</summary>
    public static IReadOnlyList<decimal> ExitMultiples { get; } = [0m, 1m, 3m, 10m];

    /// <summary>
    /// The year-by-year breakdown of <paramref name="terms"/> in <paramref name="rates"/>' base currency (formulas in the
    /// remarks on <see cref="CompensationCalculator"/>), its totals and, for an options grant, the
    /// <see cref="OptionsValuation"/> (formulas in the remarks on <see cref="CompensationCalculator"/>).
    /// </summary>
    /// <param name="terms">Validated offer terms (from <see cref="Drafts.OfferTermsDraft.Validate"/>).</param>
    /// <param name="rates">Exchange rates into the comparison currency; a rate is needed only when the offer's currency differs from it.</param>
    /// <param name="years">Years to report, 1-10; default 5 when the offer has a refresher, else 4.</param>
    /// <returns>
    /// The breakdown: <see cref="CompensationBreakdown.FourYearTotal"/> = Σ totals of years 1-4 (of all years when fewer
    /// than 4 are asked for); <see cref="CompensationBreakdown.AverageAnnual"/> = that total ÷ the number of years summed
    /// (4, or fewer), rounded to 2 decimals; <see cref="CompensationBreakdown.FirstYearTotal"/> = year 1's total.
    /// </returns>
    /// <exception cref="ArgumentNullException">When <paramref name="terms"/> or <paramref name="rates"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="years"/> is outside 1-10.</exception>
    /// <exception cref="DomainValidationException">
    /// Under <c>rates.&lt;CODE&gt;</c> (e.g. <c>rates.EUR</c>) when the offer's currency has no rate or a rate ≤ 0, and under
    /// <c>rates.baseCurrency</c> when the comparison currency is blank.
    /// </exception>
    public static CompensationBreakdown Compute(OfferTerms terms, ExchangeRates rates, int? years = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(rates);
        var n = years ?? (terms.Refresher is null ? DefaultYears : DefaultYearsWithRefresher);
        if (n is < 1 or > MaxYears)
        {
            throw new ArgumentOutOfRangeException(nameof(years), n, $"Report between 1 and {MaxYears} years.");
        }

        var rate = RateFor(terms.Currency, rates);
        var bonusPerYear = terms.BaseSalary * terms.BonusTargetPercent / 100m;
        var equity = EquityByYear(terms.Equity, n);
        var refreshers = RefreshersByYear(terms.Refresher, n);
        var signOn = new decimal[n];
        foreach (var payment in terms.SignOn ?? [])
        {
            var index = Math.Max(0, payment.PaidAtMonth) / 12;
            if (index < n)
            {
                signOn[index] += payment.Amount;
            }
        }

        var rows = new List<YearBreakdown>(n);
        for (var i = 0; i < n; i++)
        {
            var baseSalary = Money(terms.BaseSalary * rate);
            var bonus = Money(bonusPerYear * rate);
            var sign = Money(signOn[i] * rate);
            var eq = Money(equity[i] * rate);
            var refresh = Money(refreshers[i] * rate);
            rows.Add(new YearBreakdown(
                i + 1, baseSalary, bonus, sign, eq, refresh, baseSalary + bonus + sign + eq + refresh, baseSalary + sign, bonus + eq + refresh));
        }

        var counted = Math.Min(4, n);
        var fourYearTotal = rows.Take(counted).Sum(r => r.Total);
        return new CompensationBreakdown(
            rates.BaseCurrency.Trim().ToUpperInvariant(),
            rows,
            fourYearTotal,
            Money(fourYearTotal / counted),
            rows[0].Total,
            terms.Equity is { Kind: EquityKind.Options } options ? ValueOptions(options, rate) : null);
    }

    /// <summary>
    /// Like <see cref="Compute"/>, but an offer whose figures are too large to add up (stored before the bounds in
    /// docs/api.md, "Limits", existed) gives <see cref="CompensationBreakdown.TooLarge"/> instead of an overflow: no years,
    /// zero totals and a note saying which offer to revise. Check <see cref="CompensationBreakdown.Computed"/>.
    /// </summary>
    /// <param name="terms">Offer terms as stored.</param>
    /// <param name="rates">Exchange rates into the comparison currency.</param>
    /// <param name="years">Years to report, 1-10 (see <see cref="Compute"/>).</param>
    /// <exception cref="DomainValidationException">As <see cref="Compute"/>, for a missing exchange rate.</exception>
    public static CompensationBreakdown ComputeOrNote(OfferTerms terms, ExchangeRates rates, int? years = null)
    {
        try
        {
            var breakdown = Compute(terms, rates, years);
            var largest = breakdown.Years.Max(y => Math.Max(Math.Abs(y.Total), Math.Abs(y.Guaranteed) + Math.Abs(y.AtRisk)));
            if (largest <= Bounds.MaxComputed && (breakdown.Options is not { } o || o.Scenarios.All(s => Math.Abs(s.Value) <= Bounds.MaxComputed && s.ExitValuation <= Bounds.MaxComputed)))
            {
                return breakdown;
            }
        }
        catch (OverflowException)
        {
        }

        return CompensationBreakdown.TooLarge(rates.BaseCurrency.Trim().ToUpperInvariant(), terms.Company);
    }

    /// <summary>The <see cref="OptionsValuation"/> of an options grant at rate <paramref name="rate"/> (formulas in the class remarks).</summary>
    /// <param name="grant">An options grant.</param>
    /// <param name="rate">Units of the comparison currency per unit of the offer's currency (&gt; 0).</param>
    /// <exception cref="ArgumentNullException">When <paramref name="grant"/> is null.</exception>
    internal static OptionsValuation ValueOptions(EquityGrant grant, decimal rate)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var shares = grant.Shares ?? 0m;
        var strike = grant.StrikePrice ?? 0m;
        var preferred = grant.PreferredPrice ?? grant.FairMarketValue;
        var dilutedShares = grant.FullyDilutedShares is > 0m ? grant.FullyDilutedShares : null;
        decimal? ownership = dilutedShares is { } d ? Math.Round(shares / d * 100m, 6, MidpointRounding.AwayFromZero) : null;
        var scenarios = new List<ExitScenario>();
        if (grant.PreferredPrice is { } lastPrice && dilutedShares is { } fd)
        {
            var lastValuation = lastPrice * fd;
            var preference = Math.Max(0m, grant.LiquidationPreference ?? 0m);
            foreach (var multiple in ExitMultiples)
            {
                var exit = multiple * lastValuation;
                var pricePerShare = Math.Max(0m, exit - preference) / fd;
                scenarios.Add(new ExitScenario(
                    multiple,
                    Money(exit * rate),
                    Math.Round(pricePerShare * rate, 4, MidpointRounding.AwayFromZero),
                    Money(shares * Spread(pricePerShare, strike) * rate)));
            }
        }

        return new OptionsValuation(
            ownership,
            Money(shares * Spread(preferred ?? 0m, strike) * rate),
            Money(shares * Spread(grant.FairMarketValue ?? 0m, strike) * rate),
            Money(shares * strike * rate),
            scenarios);
    }

    /// <summary>
    /// How much of the sign-on (in the offer's currency) you would have to pay back if you left at the end of month
    /// <paramref name="month"/> after the start: Σ amount over payments already paid (PaidAtMonth ≤ month) whose clawback
    /// window has not ended (month &lt; PaidAtMonth + ClawbackMonths). Assumes the full amount is repayable (some contracts prorate).
    /// </summary>
    /// <param name="terms">The offer.</param>
    /// <param name="month">Months after the start date when you leave (0 or more).</param>
    /// <returns>The repayable amount in <see cref="OfferTerms.Currency"/>, 0 or more.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="terms"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="month"/> is negative.</exception>
    public static decimal SignOnRepayableIfLeavingAt(OfferTerms terms, int month)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfNegative(month);
        return (terms.SignOn ?? [])
            .Where(p => p.PaidAtMonth <= month && month < p.PaidAtMonth + p.ClawbackMonths)
            .Sum(p => p.Amount);
    }

    /// <summary>
    /// Units of <paramref name="rates"/>' base currency per unit of <paramref name="currency"/>: 1 when they are the same
    /// code (case-insensitive), else the user's rate (key matched exactly, then case-insensitively).
    /// </summary>
    /// <exception cref="DomainValidationException">Under <c>rates.&lt;CODE&gt;</c> when the rate is missing or ≤ 0; under <c>rates.baseCurrency</c> when it is blank.</exception>
    internal static decimal RateFor(string currency, ExchangeRates rates)
    {
        var errors = new ValidationErrors();
        var code = (currency ?? string.Empty).Trim().ToUpperInvariant();
        var baseCurrency = Text.Clean(rates.BaseCurrency)?.ToUpperInvariant();
        if (baseCurrency is null)
        {
            errors.Add("rates.baseCurrency", "Say which currency to compare in (an ISO 4217 code such as USD).");
            errors.ThrowIfAny();
        }

        if (code == baseCurrency)
        {
            return 1m;
        }

        var table = rates.Rates ?? new Dictionary<string, decimal>();
        decimal? rate = table.TryGetValue(code, out var exact)
            ? exact
            : table.Where(kv => string.Equals(kv.Key?.Trim(), code, StringComparison.OrdinalIgnoreCase)).Select(kv => (decimal?)kv.Value).FirstOrDefault();
        if (rate is not { } r)
        {
            errors.Add($"rates.{code}", $"No exchange rate for {code}: give how many {baseCurrency} one {code} buys (rates are not looked up online).");
        }
        else if (r <= 0m)
        {
            errors.Add($"rates.{code}", $"The rate for {code} must be more than 0 {baseCurrency} per {code} (got {r.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        errors.ThrowIfAny();
        return rate!.Value;
    }

    /// <summary>Initial-grant value vesting in each year, in the offer's currency (unrounded).</summary>
    private static decimal[] EquityByYear(EquityGrant? grant, int years)
    {
        var result = new decimal[years];
        if (grant is null)
        {
            return result;
        }

        var value = grant.Kind == EquityKind.Options
            ? (grant.Shares ?? 0m) * Spread(grant.PreferredPrice ?? grant.FairMarketValue ?? 0m, grant.StrikePrice ?? 0m)
            : grant.GrantValue ?? ((grant.Shares ?? 0m) * (grant.SharePrice ?? 0m));
        var fractions = Vesting.VestedFractionByYear(grant.Vesting, years);
        for (var i = 0; i < years; i++)
        {
            result[i] = value * fractions[i];
        }

        return result;
    }

    /// <summary>Refresher value vesting in each year, in the offer's currency (unrounded): grant g (g = 2…) starts its schedule in year g.</summary>
    private static decimal[] RefreshersByYear(RefresherGrant? refresher, int years)
    {
        var result = new decimal[years];
        if (refresher is null)
        {
            return result;
        }

        var fractions = Vesting.VestedFractionByYear(refresher.Vesting, years);
        for (var year = 2; year <= years; year++)
        {
            for (var grantYear = 2; grantYear <= year; grantYear++)
            {
                result[year - 1] += refresher.AnnualValue * fractions[year - grantYear];
            }
        }

        return result;
    }

    private static decimal Spread(decimal price, decimal strike) => Math.Max(0m, price - strike);

    private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
