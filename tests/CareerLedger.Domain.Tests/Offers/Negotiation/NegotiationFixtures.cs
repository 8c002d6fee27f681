using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Negotiation;

namespace CareerLedger.Domain.Tests.Offers.Negotiation;

/// <summary>
/// Offers built by hand for the planner tests: the terms and a matching breakdown in USD. Each year = base + base × bonus % +
/// sign-on (all paid in year 1) + that year's equity; no refreshers. Nothing here goes through the compensation calculator.
/// </summary>
internal static class NegotiationFixtures
{
    /// <summary>The user's calendar day in every test.</summary>
    public static readonly DateOnly Today = new(2026, 3, 10);

    public const string Usd = "USD";

    public static OfferSnapshot Offer(
        string company,
        decimal baseSalary,
        decimal bonusPercent = 0,
        decimal signOn = 0,
        decimal[]? equityByYear = null,
        int rank = 5,
        string? levelLabel = null,
        EquityGrant? grant = null,
        CompanyStage? stage = CompanyStage.Public,
        DateOnly? deadline = null,
        DateOnly? start = null,
        RemotePolicy? remote = RemotePolicy.Hybrid,
        int? pto = 25,
        string currency = Usd,
        Guid? id = null)
    {
        var equity = equityByYear ?? [0, 0, 0, 0];
        var rsu = equity.Sum() > 0
            ? new EquityGrant(EquityKind.Rsu, equity.Sum(), null, null, null, null, null, null, null, null, null, VestingSchedule.Even4Year)
            : null;
        var terms = new OfferTerms(
            company, "Senior Software Engineer", new OfferLevel(levelLabel ?? "L" + rank, rank), "Berlin", currency,
            baseSalary, bonusPercent, signOn > 0 ? [new SignOnPayment(signOn, 0, 12)] : [],
            grant ?? rsu, null, 4, pto, remote, stage, start, deadline, null);

        var years = Enumerable.Range(1, 4).Select(y =>
        {
            var bonus = baseSalary * bonusPercent / 100;
            var s = y == 1 ? signOn : 0;
            var e = equity[y - 1];
            return new YearBreakdown(y, baseSalary, bonus, s, e, 0, baseSalary + bonus + s + e, baseSalary + s, bonus + e);
        }).ToList();
        var four = years.Sum(y => y.Total);
        var comp = new CompensationBreakdown(currency, years, four, four / 4, years[0].Total, null);
        return new OfferSnapshot(id ?? Guid.NewGuid(), terms, comp);
    }

    /// <summary>
    /// Target: base 200,000, bonus 10 % (20,000), sign-on 20,000 in year 1, RSUs 100,000 a year.
    /// Year 1 = 200,000 + 20,000 + 20,000 + 100,000 = 340,000; years 2-4 = 320,000 each; four years = 340,000 + 3 × 320,000 = 1,300,000.
    /// </summary>
    public static OfferSnapshot Northwind(DateOnly? deadline = null, int rank = 5) =>
        Offer("Northwind", 200_000, bonusPercent: 10, signOn: 20_000, equityByYear: [100_000, 100_000, 100_000, 100_000], rank: rank, deadline: deadline);

    /// <summary>
    /// Competitor: base 210,000, bonus 10 % (21,000), sign-on 50,000 in year 1, RSUs 120,000 a year.
    /// Year 1 = 210,000 + 21,000 + 50,000 + 120,000 = 401,000; years 2-4 = 351,000 each; four years = 401,000 + 3 × 351,000 = 1,454,000.
    /// </summary>
    public static OfferSnapshot Beacon(int rank = 5, decimal bonusPercent = 10) =>
        Offer("Beacon", 210_000, bonusPercent: bonusPercent, signOn: 50_000, equityByYear: [120_000, 120_000, 120_000, 120_000], rank: rank,
            levelLabel: rank == 6 ? "Staff" : null);

    public static NegotiationInput Input(
        OfferSnapshot target, IReadOnlyList<OfferSnapshot>? competitors = null, CurrentJob? current = null, IReadOnlyList<Ask>? previous = null) =>
        new(target, competitors ?? [], current, Today, previous);

    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
