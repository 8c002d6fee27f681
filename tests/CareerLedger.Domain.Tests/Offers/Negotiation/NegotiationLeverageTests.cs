using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Negotiation;
using static CareerLedger.Domain.Tests.Offers.Negotiation.NegotiationFixtures;

namespace CareerLedger.Domain.Tests.Offers.Negotiation;

public sealed class NegotiationLeverageTests
{
    [Fact]
    public void leverage_names_the_best_competitor_and_the_gaps_per_year_and_over_four_years()
    {
        // Gaps Beacon − Northwind: year 1 401,000 − 340,000 = 61,000; years 2-4 351,000 − 320,000 = 31,000;
        // four years 1,454,000 − 1,300,000 = 154,000, i.e. 38,500 a year.
        var plan = NegotiationPlanner.Plan(Input(Northwind(), [Beacon()]));

        var l = plan.Leverage;
        l.CompetingOffers.ShouldBe(1);
        l.BestByFourYear!.Company.ShouldBe("Beacon");
        l.BestByFirstYear!.Company.ShouldBe("Beacon");
        (l.FirstYearGap, l.FourYearGap, l.AverageAnnualGap).ShouldBe((61_000m, 154_000m, 38_500m));
        l.YearGaps.ShouldBe([61_000m, 31_000m, 31_000m, 31_000m]);
        // 1,454,000 ≥ 1,300,000 × 1.05 = 1,365,000 → strong.
        l.Strength.ShouldBe(LeverageStrength.Strong);
        l.Summary.ShouldContain("Beacon");
    }

    [Fact]
    public void strength_is_moderate_for_a_close_competitor_and_weak_with_no_alternative_that_pays_as_much()
    {
        // 1,300,000 × 1.05 = 1,365,000; a competitor at 1,320,000 is below it, at the same level → moderate.
        var close = Offer("Beacon", 330_000);
        NegotiationPlanner.RateStrength(Northwind(), [close], null).ShouldBe(LeverageStrength.Moderate);
        // No competitor; the current job pays 330,000 ≥ the target's average 325,000 → moderate; 300,000 → weak.
        NegotiationPlanner.RateStrength(Northwind(), [], new CurrentJob(330_000)).ShouldBe(LeverageStrength.Moderate);
        NegotiationPlanner.RateStrength(Northwind(), [], new CurrentJob(300_000)).ShouldBe(LeverageStrength.Weak);
    }

    [Fact]
    public void the_walk_away_floor_is_the_current_job_for_four_years_and_never_below_it()
    {
        // Current 300,000 a year × 1.0 → floor 300,000 a year, 1,200,000 over four years; a lower minimum of the user's
        // (250,000) does not pull it down. Northwind's 1,300,000 is above it.
        var input = Input(Northwind(), [Offer("Beacon", 250_000)], new CurrentJob(300_000, "My role at Acme")) with { MinimumAnnual = 250_000 };

        var floor = NegotiationPlanner.Plan(input).WalkAwayFloor!;

        (floor.PerYear, floor.FourYear, floor.TargetMeetsFloor).ShouldBe((300_000m, 1_200_000m, true));
        floor.Basis.ShouldContain("My role at Acme");
    }

    [Fact]
    public void the_walk_away_floor_rises_to_the_users_own_minimum_when_that_is_higher()
    {
        // Minimum 350,000 > current 300,000 → floor 350,000 a year, 1,400,000 over four years; Northwind's 1,300,000 is below it.
        var floor = NegotiationPlanner.Floor(Northwind(), new CurrentJob(300_000), minimumAnnual: 350_000)!;

        (floor.PerYear, floor.FourYear, floor.TargetMeetsFloor).ShouldBe((350_000m, 1_400_000m, false));
        floor.PerYear.ShouldBeGreaterThanOrEqualTo(300_000m);
        NegotiationPlanner.Floor(Northwind(), current: null).ShouldBeNull();
    }

    [Fact]
    public void with_no_competitor_and_no_current_job_there_is_still_a_plan_that_asks_for_the_range()
    {
        var plan = NegotiationPlanner.Plan(Input(Northwind()));

        plan.Asks.ShouldBeEmpty();
        plan.TargetFourYearTotal.ShouldBeNull();
        plan.WalkAwayFloor.ShouldBeNull();
        plan.Leverage.Strength.ShouldBe(LeverageStrength.Weak);
        plan.Leverage.FourYearGap.ShouldBeNull();
        plan.Questions.ShouldContain(q => q.Key == "budgeted_range");
        plan.Scripts.Email.ShouldContain("range budgeted for this level");
        plan.Scripts.Phone.ShouldContain("range budgeted for this level");
        plan.Progress.ShouldBeEmpty();
    }
}
