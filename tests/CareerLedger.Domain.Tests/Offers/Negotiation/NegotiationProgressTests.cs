using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Negotiation;
using static CareerLedger.Domain.Tests.Offers.Negotiation.NegotiationFixtures;

namespace CareerLedger.Domain.Tests.Offers.Negotiation;

public sealed class NegotiationProgressTests
{
    [Fact]
    public void a_revised_offer_shows_each_previous_ask_as_met_half_met_or_not_moved()
    {
        // First plan: sign-on 20,000 → 70,000, equity 400,000 → 460,000, base 200,000 → 210,000 (see NegotiationAskTests).
        var beacon = Beacon();
        var first = NegotiationPlanner.Plan(Input(Northwind(), [beacon]));
        // Revision: sign-on 70,000 (all of the ask), RSUs 107,500 a year = 430,000 (30,000 of 60,000 = 50 %), base unchanged.
        var revised = Offer("Northwind", 200_000, bonusPercent: 10, signOn: 70_000, equityByYear: [107_500, 107_500, 107_500, 107_500],
            id: first.OfferId);

        var plan = NegotiationPlanner.Plan(Input(revised, [beacon], previous: first.Asks));

        var progress = plan.Progress.ToDictionary(p => p.Ask.Component);
        (progress[AskComponent.SignOn].Status, progress[AskComponent.SignOn].PercentClosed).ShouldBe((AskStatus.Met, 100m));
        (progress[AskComponent.Equity].Status, progress[AskComponent.Equity].PercentClosed, progress[AskComponent.Equity].Current)
            .ShouldBe((AskStatus.PartlyMet, 50m, (decimal?)430_000m));
        (progress[AskComponent.Base].Status, progress[AskComponent.Base].PercentClosed).ShouldBe((AskStatus.NotMoved, 0m));
    }

    [Fact]
    public void the_plan_for_the_revised_offer_drops_what_was_granted_and_asks_only_for_the_rest()
    {
        // Revised Northwind: year 1 = 200,000 + 20,000 + 70,000 + 107,500 = 397,500; years 2-4 = 327,500; four years 1,380,000.
        // Base still matched to 210,000 → 11,000 a year ≥ the first-year gap 401,000 − 397,500 = 3,500 → no sign-on ask.
        // Equity: 1,454,000 − 1,380,000 − 44,000 = 30,000 → 430,000 → 460,000.
        var revised = Offer("Northwind", 200_000, bonusPercent: 10, signOn: 70_000, equityByYear: [107_500, 107_500, 107_500, 107_500]);

        var plan = NegotiationPlanner.Plan(Input(revised, [Beacon()]));

        plan.Asks.Select(a => (a.Component, a.From, a.Target)).ShouldBe(
            [(AskComponent.Equity, 430_000m, 460_000m), (AskComponent.Base, 200_000m, 210_000m)]);
    }

    [Fact]
    public void a_value_the_revised_terms_no_longer_state_is_unknown()
    {
        var ask = new Ask(AskComponent.Pto, 25, 30, 0, "Ask for 30 days off.", "Beacon gives 30.");

        var row = NegotiationPlanner.Progress([ask], Offer("Northwind", 200_000, pto: null)).Single();

        (row.Status, row.Current).ShouldBe((AskStatus.Unknown, (decimal?)null));
    }
}
