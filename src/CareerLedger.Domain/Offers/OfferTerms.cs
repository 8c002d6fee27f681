namespace CareerLedger.Domain.Offers;

/// <summary>
/// The terms of one job offer at one point in its negotiation. All money is in <see cref="Currency"/> (ISO 4217 code),
/// per year unless a field says otherwise. Facts behind the fields: docs/domain.md, "Offers and negotiation".
/// </summary>
/// <param name="Company">Company name.</param>
/// <param name="Role">Job title as offered.</param>
/// <param name="Level">The company's level label and a normalised rank for comparing across companies.</param>
/// <param name="Location">City or "remote".</param>
/// <param name="Currency">ISO 4217 code of every amount in these terms (e.g. USD, EUR).</param>
/// <param name="BaseSalary">Annual base salary (&gt; 0).</param>
/// <param name="BonusTargetPercent">Annual bonus target as a percent of base, 0-100.</param>
/// <param name="SignOn">One-time sign-on payments (0-4).</param>
/// <param name="Equity">The initial equity grant, if any.</param>
/// <param name="Refresher">Expected yearly refresher grants, if any (granted at the start of each year from year 2).</param>
/// <param name="RetirementMatchPercent">401(k) or pension match as a percent of base, 0-100.</param>
/// <param name="PtoDays">Paid days off per year.</param>
/// <param name="Remote">Remote-work policy.</param>
/// <param name="Stage">Company stage (public, or the private funding round).</param>
/// <param name="StartDate">Proposed start date.</param>
/// <param name="Deadline">When the company wants an answer (must not be before the offer date).</param>
/// <param name="Notes">Free text.</param>
public sealed record OfferTerms(
    string Company,
    string Role,
    OfferLevel Level,
    string? Location,
    string Currency,
    decimal BaseSalary,
    decimal BonusTargetPercent,
    IReadOnlyList<SignOnPayment> SignOn,
    EquityGrant? Equity,
    RefresherGrant? Refresher,
    decimal? RetirementMatchPercent,
    int? PtoDays,
    RemotePolicy? Remote,
    CompanyStage? Stage,
    DateOnly? StartDate,
    DateOnly? Deadline,
    string? Notes);

/// <summary>A level: the company's own label and a normalised rank (docs/domain.md, "Levels": 4 mid, 5 senior, 6 staff, 7 principal, 8 distinguished).</summary>
/// <param name="Label">The company's label, e.g. "L5", "E5", "Senior II", "IC4".</param>
/// <param name="Rank">Normalised rank 1-10 used to compare levels across companies.</param>
public sealed record OfferLevel(string Label, int Rank);

/// <summary>A one-time sign-on payment.</summary>
/// <param name="Amount">Amount (&gt; 0).</param>
/// <param name="PaidAtMonth">Months after the start date when it is paid (0 = with the first pay cycle, 12 = after one year).</param>
/// <param name="ClawbackMonths">Months after payment during which leaving means paying it back (0 = none).</param>
public sealed record SignOnPayment(decimal Amount, int PaidAtMonth, int ClawbackMonths);

/// <summary>
/// An equity grant: restricted stock units or stock options. RSUs give <see cref="GrantValue"/> or
/// <see cref="Shares"/> × <see cref="SharePrice"/>. Options give <see cref="Shares"/> options at <see cref="StrikePrice"/>,
/// valued with <see cref="FairMarketValue"/> (the 409A) and <see cref="PreferredPrice"/> (last round).
/// </summary>
/// <param name="Kind">rsu or options.</param>
/// <param name="GrantValue">RSU: total value of the grant at grant (alternative to shares × price).</param>
/// <param name="Shares">Number of RSUs or options.</param>
/// <param name="SharePrice">RSU: the share price used to value the grant.</param>
/// <param name="StrikePrice">Options: exercise (strike) price per share.</param>
/// <param name="FairMarketValue">Options: latest 409A fair market value per common share.</param>
/// <param name="PreferredPrice">Options: price per preferred share in the last round.</param>
/// <param name="FullyDilutedShares">Options: fully diluted share count (for the ownership percent).</param>
/// <param name="OptionType">Options: iso or nso.</param>
/// <param name="ExerciseWindowDays">Options: days to exercise after leaving (90 common; up to 10 years).</param>
/// <param name="LiquidationPreference">Options: total liquidation preference ahead of common, in <see cref="OfferTerms.Currency"/> (non-participating).</param>
/// <param name="Vesting">The vesting schedule.</param>
public sealed record EquityGrant(
    EquityKind Kind,
    decimal? GrantValue,
    decimal? Shares,
    decimal? SharePrice,
    decimal? StrikePrice,
    decimal? FairMarketValue,
    decimal? PreferredPrice,
    decimal? FullyDilutedShares,
    OptionType? OptionType,
    int? ExerciseWindowDays,
    decimal? LiquidationPreference,
    VestingSchedule Vesting);

/// <summary>Expected yearly refresher grants: <paramref name="AnnualValue"/> granted at the start of each year from year 2, each vesting on <paramref name="Vesting"/>.</summary>
/// <param name="AnnualValue">Grant value per year (&gt; 0).</param>
/// <param name="Vesting">Each refresher's schedule (often no cliff).</param>
public sealed record RefresherGrant(decimal AnnualValue, VestingSchedule Vesting);

/// <summary>
/// A vesting schedule: <paramref name="YearPercents"/> of the grant vest in each year (percent 0-100, summing to 100),
/// paid out in equal parts per <paramref name="Frequency"/> period; nothing vests before <paramref name="CliffMonths"/>,
/// when everything accrued so far vests at once.
/// </summary>
/// <param name="CliffMonths">Months before the first vest (0 = no cliff; 12 = the usual one-year cliff).</param>
/// <param name="Frequency">How often shares vest after the cliff.</param>
/// <param name="YearPercents">Percent of the grant vesting in year 1, 2, …; must sum to 100.</param>
public sealed record VestingSchedule(int CliffMonths, VestingFrequency Frequency, IReadOnlyList<decimal> YearPercents)
{
    /// <summary>25 % a year for 4 years, one-year cliff, then quarterly.</summary>
    public static VestingSchedule Even4Year { get; } = new(12, VestingFrequency.Quarterly, [25, 25, 25, 25]);

    /// <summary>Back-loaded 5/15/40/40 with a one-year cliff, then semi-annual.</summary>
    public static VestingSchedule BackLoaded5_15_40_40 { get; } = new(12, VestingFrequency.SemiAnnual, [5, 15, 40, 40]);

    /// <summary>Back-loaded 10/20/30/40 with a one-year cliff, then quarterly.</summary>
    public static VestingSchedule BackLoaded10_20_30_40 { get; } = new(12, VestingFrequency.Quarterly, [10, 20, 30, 40]);

    /// <summary>The preset with this name (<c>even_4y</c>, <c>5_15_40_40</c>, <c>10_20_30_40</c>), or null.</summary>
    public static VestingSchedule? Preset(string name) => name.Trim().ToLowerInvariant() switch
    {
        "even_4y" or "even" or "25_25_25_25" => Even4Year,
        "5_15_40_40" => BackLoaded5_15_40_40,
        "10_20_30_40" => BackLoaded10_20_30_40,
        _ => null,
    };
}

/// <summary>RSUs or stock options. Stored snake_case.</summary>
public enum EquityKind
{
    /// <summary>Restricted stock units.</summary>
    Rsu,
    /// <summary>Stock options.</summary>
    Options,
}

/// <summary>US option tax treatment. Stored snake_case.</summary>
public enum OptionType
{
    /// <summary>Incentive stock options.</summary>
    Iso,
    /// <summary>Non-qualified stock options.</summary>
    Nso,
}

/// <summary>How often equity vests after the cliff. Stored snake_case.</summary>
public enum VestingFrequency
{
    /// <summary>12 times a year.</summary>
    Monthly,
    /// <summary>4 times a year.</summary>
    Quarterly,
    /// <summary>Twice a year (<c>semi_annual</c>).</summary>
    SemiAnnual,
    /// <summary>Once a year.</summary>
    Annual,
}

/// <summary>Remote-work policy. Stored snake_case.</summary>
public enum RemotePolicy
{
    /// <summary>In the office.</summary>
    Onsite,
    /// <summary>Some days in the office.</summary>
    Hybrid,
    /// <summary>Fully remote.</summary>
    Remote,
}

/// <summary>Company stage. Stored snake_case.</summary>
public enum CompanyStage
{
    /// <summary>Publicly traded.</summary>
    Public,
    /// <summary>Late-stage private (pre-IPO).</summary>
    LatePrivate,
    /// <summary>Series C or later.</summary>
    SeriesCPlus,
    /// <summary>Series B.</summary>
    SeriesB,
    /// <summary>Series A.</summary>
    SeriesA,
    /// <summary>Seed.</summary>
    Seed,
}
