using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Negotiation;
using static CareerLedger.Domain.Tests.Offers.Negotiation.NegotiationFixtures;

namespace CareerLedger.Domain.Tests.Offers.Negotiation;

public sealed class NegotiationQuestionTests
{
    private static readonly string[] StartupKeys = ["409a", "fully_diluted_shares", "preferred_price", "liquidation_preference", "exercise_window", "anti_dilution", "liquidity"];

    private static EquityGrant Options(decimal? fullyDiluted) => new(
        EquityKind.Options, null, 40_000, null, 1.50m, 1.50m, 6.00m, fullyDiluted, OptionType.Iso, 90, 50_000_000m, VestingSchedule.Even4Year);

    [Fact]
    public void an_options_offer_gets_the_startup_questions_and_a_public_rsu_offer_does_not()
    {
        var startup = Offer("Sprout", 160_000, equityByYear: [45_000, 45_000, 45_000, 45_000], grant: Options(20_000_000), stage: CompanyStage.SeriesB);

        var startupKeys = NegotiationPlanner.Plan(Input(startup)).Questions.Select(q => q.Key).ToList();
        var publicKeys = NegotiationPlanner.Plan(Input(Northwind())).Questions.Select(q => q.Key).ToList();

        foreach (var key in new[] { "409a", "fully_diluted_shares", "liquidation_preference", "exercise_window", "refresh_policy", "liquidity" })
        {
            startupKeys.ShouldContain(key);
        }

        publicKeys.ShouldNotContain(k => StartupKeys.Contains(k));
        publicKeys.Take(3).ShouldBe(["budgeted_range", "level_criteria", "first_review"]);
    }

    [Fact]
    public void a_missing_fully_diluted_share_count_turns_into_a_question()
    {
        var known = Offer("Sprout", 160_000, grant: Options(20_000_000), stage: CompanyStage.SeriesB);
        var unknown = Offer("Sprout", 160_000, grant: Options(null), stage: CompanyStage.SeriesB);

        NegotiationQuestions.For(known.Terms).Single(q => q.Key == "fully_diluted_shares").Kind.ShouldBe(QuestionKind.Startup);
        var asked = NegotiationQuestions.For(unknown.Terms).Single(q => q.Key == "fully_diluted_shares");
        asked.Kind.ShouldBe(QuestionKind.MissingData);
        asked.Text.ShouldContain("fully diluted");
    }

    [Fact]
    public void missing_remote_policy_and_days_off_turn_into_questions()
    {
        var vague = Offer("Northwind", 200_000, remote: null, pto: null);

        var missing = NegotiationQuestions.For(vague.Terms).Where(q => q.Kind == QuestionKind.MissingData).Select(q => q.Key);

        missing.ShouldBe(["remote_policy", "pto_days"]);
    }
}
