using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Readiness;
using CareerLedger.Domain.Stories;
using CareerLedger.Domain.Tests.Support;

namespace CareerLedger.Domain.Tests.Readiness;

public sealed class PromotionReadinessTests
{
    private static readonly ImpactMetric Halved = new("p99 latency", 420, 210, "ms", true);

    [Fact]
    public void team_scope_work_counts_for_senior_but_not_for_staff()
    {
        var wins = Enumerable.Range(0, 3).Select(i => Make.Win(Make.Details($"Team win {i}", scope: Scope.Team, impact: [Halved],
            competencies: [Competency.Ambiguity, Competency.Communication, Competency.Mentorship]))).ToList();

        var senior = PromotionReadinessCalculator.Assess(wins, TargetLevel.Senior);
        senior.Ready.ShouldBe(5);
        senior.Dimensions.ShouldAllBe(d => d.Gap == null && d.Evidence.Count == 3);

        var staff = PromotionReadinessCalculator.Assess(wins, TargetLevel.Staff);
        staff.Ready.ShouldBe(0);
        staff.Dimensions.ShouldAllBe(d => d.Evidence.Count == 0 && d.Gap != null && d.Gap.Contains("multi-team"));
    }

    [Fact]
    public void influence_needs_leading_not_just_contributing()
    {
        var contributed = Make.Win(Make.Details("Helped", scope: Scope.MultiTeam, involvement: Involvement.Contributed, competencies: [Competency.Leadership]));
        var led = Make.Win(Make.Details("Led", scope: Scope.MultiTeam, involvement: Involvement.Led, competencies: [Competency.Leadership]));
        var report = PromotionReadinessCalculator.Assess([contributed, led], TargetLevel.Staff);
        var influence = report.Dimensions.Single(d => d.Dimension == LevelDimension.Influence);
        influence.Evidence.Select(e => e.Title).ShouldBe(["Led"]);
        influence.Gap.ShouldNotBeNull();
        influence.Gap.ShouldContain("1 more");
    }

    [Theory]
    [InlineData("L6", TargetLevel.Staff)]
    [InlineData("staff", TargetLevel.Staff)]
    [InlineData("l5", TargetLevel.Senior)]
    [InlineData("Principal", TargetLevel.Principal)]
    public void level_names_parse(string text, TargetLevel level) => PromotionReadinessCalculator.Parse(text).ShouldBe(level);

    [Fact]
    public void retracted_wins_are_not_evidence()
    {
        var win = Make.Win(Make.Details("Gone", scope: Scope.Org, impact: [Halved]), retracted: true);
        PromotionReadinessCalculator.Assess([win], TargetLevel.Senior).Dimensions.ShouldAllBe(d => d.Evidence.Count == 0);
    }

    [Fact]
    public void the_template_draft_uses_first_person_sentences_for_the_action_and_metrics_for_the_result()
    {
        var win = Make.Win(Make.Details("Cut checkout p99 latency in half", scope: Scope.MultiTeam, impact: [Halved], learnings: "Added a latency budget to CI.",
            description: "Checkout was timing out at peak. I profiled the payment path and found two N+1 queries. I batched them and added a cache. Latency fell sharply."));
        var draft = StoryTemplate.From([win], StoryFormat.Star);
        draft.Sections.Action.ShouldBe("I profiled the payment path and found two N+1 queries. I batched them and added a cache.");
        draft.Sections.Situation.ShouldBe("Checkout was timing out at peak.");
        draft.Sections.Result!.ShouldStartWith("As a result: p99 latency 420 ms → 210 ms (−50 %).");
        draft.Sections.Learnings.ShouldBe("Added a latency budget to CI.");
        draft.Headline.ShouldBe("Cut checkout p99 latency in half: p99 latency 420 ms → 210 ms (−50 %)");
        draft.Sections.Task!.ShouldStartWith("This was mine to deliver: I led the work, at multi-team scope.");

        var bare = StoryTemplate.From([Make.Win(Make.Details("Fixed flaky tests"))], StoryFormat.Carl);
        bare.Sections.Context!.ShouldContain("[Add one or two sentences of context");
        bare.Sections.Result!.ShouldStartWith("[Add the measurable result");
        bare.Sections.Situation.ShouldBeNull();
    }
}
