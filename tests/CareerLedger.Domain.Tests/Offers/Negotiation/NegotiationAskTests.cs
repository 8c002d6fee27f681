using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Negotiation;
using static CareerLedger.Domain.Tests.Offers.Negotiation.NegotiationFixtures;

namespace CareerLedger.Domain.Tests.Offers.Negotiation;

public sealed class NegotiationAskTests
{
    [Fact]
    public void sign_on_and_equity_come_before_level_and_base_and_the_bonus_comes_last()
    {
        var plan = NegotiationPlanner.Plan(Input(Northwind(), [Beacon(rank: 6, bonusPercent: 15)]));

        var order = plan.Asks.Select(a => a.Component).ToList();
        order.Take(2).ShouldBe([AskComponent.SignOn, AskComponent.Equity], ignoreOrder: true);
        order.Skip(2).ShouldBe([AskComponent.Level, AskComponent.Base, AskComponent.Bonus]);
        plan.Asks.Select(a => a.Negotiability).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void targets_close_the_gap_to_the_best_competitor_base_first_then_sign_on_then_equity()
    {
        // Northwind year 1 340,000, four years 1,300,000; Beacon year 1 401,000, four years 1,454,000 (see the fixtures).
        // Base: Beacon's 210,000 > 200,000 → ask 210,000; the raise closes 10,000 × (1 + 0.10) = 11,000 a year, 44,000 over four years.
        // Sign-on: first-year gap 401,000 − 340,000 = 61,000; minus 11,000 from base → 50,000 more → 20,000 + 50,000 = 70,000.
        // Equity: four-year gap 1,454,000 − 1,300,000 = 154,000; minus 44,000 and 50,000 → 60,000 more → 400,000 + 60,000 = 460,000.
        var plan = NegotiationPlanner.Plan(Input(Northwind(), [Beacon()]));

        plan.TargetFourYearTotal.ShouldBe(1_454_000m);
        plan.UncoveredGap.ShouldBe(0m);
        var byComponent = plan.Asks.ToDictionary(a => a.Component);
        byComponent.Keys.ShouldBe([AskComponent.Equity, AskComponent.SignOn, AskComponent.Base]);
        byComponent[AskComponent.Base].ShouldSatisfyAllConditions(
            a => a.From.ShouldBe(200_000m), a => a.Target.ShouldBe(210_000m), a => a.FourYearValue.ShouldBe(44_000m));
        byComponent[AskComponent.SignOn].ShouldSatisfyAllConditions(
            a => a.From.ShouldBe(20_000m), a => a.Target.ShouldBe(70_000m), a => a.FourYearValue.ShouldBe(50_000m));
        byComponent[AskComponent.Equity].ShouldSatisfyAllConditions(
            a => a.From.ShouldBe(400_000m), a => a.Target.ShouldBe(460_000m), a => a.FourYearValue.ShouldBe(60_000m));
        plan.Asks.ShouldAllBe(a => a.Rationale.Contains("Beacon"));
        plan.Asks.Sum(a => a.FourYearValue).ShouldBe(154_000m);
    }

    [Fact]
    public void a_level_ask_appears_only_when_a_competitor_offers_a_higher_rank()
    {
        var same = NegotiationPlanner.Plan(Input(Northwind(rank: 5), [Beacon(rank: 5)]));
        var higher = NegotiationPlanner.Plan(Input(Northwind(rank: 5), [Beacon(rank: 6)]));

        same.Asks.ShouldNotContain(a => a.Component == AskComponent.Level);
        same.Leverage.CompetitorOffersHigherLevel.ShouldBeFalse();
        var level = higher.Asks.Single(a => a.Component == AskComponent.Level);
        (level.From, level.Target, level.FourYearValue).ShouldBe((5m, 6m, 0m));
        level.Text.ShouldContain("Staff");
        level.Rationale.ShouldContain("Beacon");
        higher.Leverage.HigherLevel!.Company.ShouldBe("Beacon");
    }

    [Fact]
    public void without_a_competitor_the_targets_come_from_the_current_job_plus_the_premium_rounded_up_to_a_thousand()
    {
        // Target: base 250,000 + RSUs 50,000 a year → 300,000 a year, 1,200,000 over four years.
        // Current job 301,000 × 1.15 = 346,150 a year; four years 1,384,600.
        // Sign-on: 346,150 − 300,000 = 46,150 → rounded up 47,000. Equity: 1,384,600 − 1,200,000 − 47,000 = 137,600 → 138,000.
        var target = Offer("Northwind", 250_000, equityByYear: [50_000, 50_000, 50_000, 50_000]);

        var plan = NegotiationPlanner.Plan(Input(target, current: new CurrentJob(301_000)));

        plan.TargetFourYearTotal.ShouldBe(1_384_600m);
        plan.Asks.Select(a => (a.Component, a.From, a.Target)).ShouldBe(
            [(AskComponent.Equity, 200_000m, 338_000m), (AskComponent.SignOn, 0m, 47_000m)]);
        plan.Asks.ShouldAllBe(a => a.Rationale.Contains("current job"));
    }

    [Fact]
    public void without_equity_the_base_ask_stops_ten_percent_up_and_the_rest_is_reported_as_uncovered()
    {
        // Target: base 200,000, nothing else → 200,000 a year, 800,000 over four years.
        // Competitor: base 190,000 + RSUs 100,000 a year → 290,000 a year, 1,160,000 over four years.
        // Sign-on: 290,000 − 200,000 = 90,000. Rest: 1,160,000 − 800,000 − 90,000 = 270,000; no equity grant to raise.
        // Base: cap 200,000 × 1.10 = 220,000 → +20,000 (not 270,000 / 4 = 67,500) → closes 80,000; uncovered 270,000 − 80,000 = 190,000.
        var target = Offer("Northwind", 200_000);
        var rival = Offer("Beacon", 190_000, equityByYear: [100_000, 100_000, 100_000, 100_000]);

        var plan = NegotiationPlanner.Plan(Input(target, [rival]));

        plan.Asks.Select(a => (a.Component, a.Target)).ShouldBe([(AskComponent.SignOn, 90_000m), (AskComponent.Base, 220_000m)]);
        plan.UncoveredGap.ShouldBe(190_000m);
    }

    [Fact]
    public void an_offer_that_already_leads_gets_no_money_asks_but_still_the_small_ones_a_competitor_beats()
    {
        var target = Offer("Northwind", 250_000, equityByYear: [100_000, 100_000, 100_000, 100_000], remote: RemotePolicy.Onsite, pto: 25);
        var rival = Offer("Beacon", 200_000, remote: RemotePolicy.Remote, pto: 30);

        var plan = NegotiationPlanner.Plan(Input(target, [rival]));

        plan.Asks.Select(a => (a.Component, a.Target)).ShouldBe([(AskComponent.Remote, (decimal)RemotePolicy.Remote), (AskComponent.Pto, 30m)]);
        plan.Leverage.FourYearGap.ShouldBe(800_000m - 1_400_000m);
    }

    [Fact]
    public void a_competitor_that_is_the_target_itself_or_in_another_currency_is_rejected()
    {
        var target = Northwind();
        var euro = Offer("Beacon", 180_000, currency: "EUR");

        var ex = Should.Throw<DomainValidationException>(() => NegotiationPlanner.Plan(Input(target, [target, euro])));

        ex.Errors.Keys.ShouldBe(["competitors[0].offerId", "competitors[1].comp.currency"], ignoreOrder: true);
    }
}
