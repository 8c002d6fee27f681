using CareerLedger.Domain.Offers;

namespace CareerLedger.Domain.Tests.Offers.Compensation;

/// <summary>Builders for offer terms with neutral defaults, so each worked example states only its own numbers.</summary>
internal static class OfferMake
{
    /// <summary>Comparison in USD with no other rates.</summary>
    public static readonly ExchangeRates Usd = new("USD", new Dictionary<string, decimal>());

    public static OfferTerms Terms(
        decimal baseSalary = 200_000m,
        decimal bonusPercent = 0m,
        IReadOnlyList<SignOnPayment>? signOn = null,
        EquityGrant? equity = null,
        RefresherGrant? refresher = null,
        string currency = "USD") =>
        new("Acme", "Senior Software Engineer", new OfferLevel("L5", 5), null, currency, baseSalary, bonusPercent, signOn ?? [], equity, refresher,
            null, null, null, null, null, null, null);

    public static EquityGrant Rsu(decimal grantValue, VestingSchedule? vesting = null) =>
        new(EquityKind.Rsu, grantValue, null, null, null, null, null, null, null, null, null, vesting ?? VestingSchedule.Even4Year);

    public static EquityGrant Options(
        decimal shares,
        decimal strike,
        decimal? fairMarketValue,
        decimal? preferred,
        decimal? fullyDiluted,
        decimal? preference,
        VestingSchedule? vesting = null) =>
        new(EquityKind.Options, null, shares, null, strike, fairMarketValue, preferred, fullyDiluted, OptionType.Iso, 90, preference,
            vesting ?? VestingSchedule.Even4Year);
}
