namespace CareerLedger.Domain.Offers;

/// <summary>
/// Year-by-year compensation of one offer, converted to <see cref="Currency"/>. Year 1 starts on the start date.
/// Total per year = base + expected bonus + sign-on paid that year + initial equity vesting that year + refreshers vesting
/// that year (docs/domain.md, "Offers and negotiation"; formulas in docs/compensation.md).
/// </summary>
/// <param name="Currency">The comparison currency (ISO 4217).</param>
/// <param name="Years">Years 1..N (N = 4, or 5 when refreshers are included).</param>
/// <param name="FourYearTotal">Sum of years 1-4.</param>
/// <param name="AverageAnnual">Four-year total / 4.</param>
/// <param name="FirstYearTotal">Year 1 total.</param>
/// <param name="Options">Stock-option valuation, when the equity is options.</param>
/// <param name="Note">Null when computed; otherwise why not (the figures are too large: see <see cref="TooLarge"/>).</param>
public sealed record CompensationBreakdown(
    string Currency,
    IReadOnlyList<YearBreakdown> Years,
    decimal FourYearTotal,
    decimal AverageAnnual,
    decimal FirstYearTotal,
    OptionsValuation? Options,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? Note = null)
{
    /// <summary>Whether the figures could be computed (false for <see cref="TooLarge"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Computed => Note is null;

    /// <summary>
    /// The breakdown of an offer whose stored figures are too large to add up in decimal (about 7.9e28): no years, zero
    /// totals, and a note asking to revise the offer within the limits of docs/api.md.
    /// </summary>
    /// <param name="currency">The comparison currency (ISO 4217).</param>
    /// <param name="company">The offer's company, named in the note.</param>
    public static CompensationBreakdown TooLarge(string currency, string company) => new(
        currency, [], 0m, 0m, 0m, null,
        $"{Possessive(company)} figures are too large to compute (an amount or share count beyond the limits in docs/api.md was stored): revise the offer with the real amounts.");

    private static string Possessive(string name) => name.EndsWith('s') ? name + "'" : name + "'s";
}

/// <summary>One year of an offer, in the comparison currency.</summary>
/// <param name="Year">1-based year of employment.</param>
/// <param name="Base">Base salary.</param>
/// <param name="Bonus">Expected bonus (target percent × base).</param>
/// <param name="SignOn">Sign-on payments paid in this year.</param>
/// <param name="Equity">Initial grant vesting in this year (options: vested options × (preferred − strike), never below 0).</param>
/// <param name="Refreshers">Refresher grants vesting in this year.</param>
/// <param name="Total">Sum of the five components.</param>
/// <param name="Guaranteed">Cash you get by staying: base + sign-on.</param>
/// <param name="AtRisk">Depends on performance or the share price: bonus + equity + refreshers.</param>
public sealed record YearBreakdown(
    int Year, decimal Base, decimal Bonus, decimal SignOn, decimal Equity, decimal Refreshers, decimal Total, decimal Guaranteed, decimal AtRisk);

/// <summary>What a stock-option grant is worth under different assumptions, in the comparison currency.</summary>
/// <param name="OwnershipPercent">Options / fully diluted shares × 100 (percent 0-100), or null without a share count.</param>
/// <param name="ValueAtPreferred">Options × (preferred price − strike), not below 0: the "paper" value at the last round.</param>
/// <param name="ValueAt409A">Options × (409A FMV − strike), not below 0: usually about 0 at grant.</param>
/// <param name="ExerciseCost">Options × strike: cash needed to exercise everything.</param>
/// <param name="Scenarios">Exit outcomes at multiples of the last valuation.</param>
public sealed record OptionsValuation(
    decimal? OwnershipPercent, decimal ValueAtPreferred, decimal ValueAt409A, decimal ExerciseCost, IReadOnlyList<ExitScenario> Scenarios);

/// <summary>
/// One exit outcome: the company sells at <paramref name="Multiple"/> × the last post-money valuation (preferred price ×
/// fully diluted shares); the liquidation preference is paid first, the rest is shared per fully diluted share.
/// </summary>
/// <param name="Multiple">Exit valuation / last valuation (0, 1, 3, 10…).</param>
/// <param name="ExitValuation">The sale price of the company.</param>
/// <param name="PricePerCommonShare">(Exit − preference) / fully diluted shares, not below 0.</param>
/// <param name="Value">Options × (price per common share − strike), not below 0.</param>
public sealed record ExitScenario(decimal Multiple, decimal ExitValuation, decimal PricePerCommonShare, decimal Value);

/// <summary>
/// User-supplied exchange rates (no network): <paramref name="Rates"/>[code] is how many units of
/// <paramref name="BaseCurrency"/> one unit of that currency buys.
/// </summary>
/// <param name="BaseCurrency">The comparison currency (ISO 4217).</param>
/// <param name="Rates">Code → units of the base currency per unit (&gt; 0).</param>
public sealed record ExchangeRates(string BaseCurrency, IReadOnlyDictionary<string, decimal> Rates);
