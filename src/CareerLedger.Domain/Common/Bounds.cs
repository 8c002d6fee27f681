namespace CareerLedger.Domain.Common;

/// <summary>
/// Upper bounds on every number a user can store, checked when a draft is validated (docs/api.md, "Limits", gives the
/// reasons). They are far above any real figure in any currency and keep every derived figure (ten-year totals,
/// percents, exit scenarios) well inside the decimal range (about ±7.9e28), so no read overflows on new data. Reads
/// still survive older stored values through <see cref="Arithmetic"/>.
/// </summary>
public static class Bounds
{
    /// <summary>
    /// Largest money amount on an offer (base salary, sign-on, grant value, refresher, counter ask): 10^12 units of the
    /// offer's currency. The largest real annual pay is in the billions only in currencies with small units (Vietnamese
    /// dong, Indonesian rupiah), so this leaves room in every currency.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>Largest company-level amount (an options grant's liquidation preference): 10^15 units of the offer's currency.</summary>
    public const decimal MaxCompanyAmount = 1_000_000_000_000_000m;

    /// <summary>Largest share or option count (a grant, or the fully diluted count): 10^11 (the largest public companies have about 1.5 × 10^10 shares).</summary>
    public const decimal MaxShares = 100_000_000_000m;

    /// <summary>Largest price per share (RSU price, strike, 409A, preferred): 10^9 units of the offer's currency.</summary>
    public const decimal MaxPricePerShare = 1_000_000_000m;

    /// <summary>Largest magnitude of an impact metric's before or after figure: 10^15 (a petabyte in bytes).</summary>
    public const decimal MaxMetricValue = 1_000_000_000_000_000m;

    /// <summary>Smallest and largest exchange rate accepted (units of the comparison currency per unit): 10^-9 to 10^9.</summary>
    public const decimal MinExchangeRate = 0.000000001m;

    /// <inheritdoc cref="MinExchangeRate"/>
    public const decimal MaxExchangeRate = 1_000_000_000m;

    /// <summary>
    /// Largest derived figure a read shows (a four-year total, an options value, an exit scenario): 10^22. Every figure
    /// derived from bounded input stays below it; a stored offer whose figures go past it is shown with a note instead.
    /// </summary>
    public const decimal MaxComputed = 10_000_000_000_000_000_000_000m;

    /// <summary>Adds an error under <paramref name="field"/> when <paramref name="value"/> is given and its magnitude exceeds <paramref name="max"/>.</summary>
    /// <param name="errors">Where the error goes.</param>
    /// <param name="field">JSON path of the field, e.g. <c>baseSalary</c> or <c>impact[0].after</c>.</param>
    /// <param name="value">The value (null is not checked here).</param>
    /// <param name="max">The bound, one of the constants above.</param>
    /// <param name="what">The figure in words, for the message ("Base salary").</param>
    public static void Check(ValidationErrors errors, string field, decimal? value, decimal max, string what)
    {
        if (value is { } v && Math.Abs(v) > max)
        {
            errors.Add(field, $"{what} is at most {Text.Number(max)} in size (got {v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}); see the limits in docs/api.md.");
        }
    }
}
