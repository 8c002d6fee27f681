using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Stories;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Stories;

/// <summary>Expected scores are worked out by hand from the documented formula: 25·scope + 20·involvement + 25·impact + 10·learnings + 10·breadth + 10·recency.</summary>
public sealed class StoryRankerScoreTests
{
    private static readonly Competency[] Four = [Competency.PerformanceCost, Competency.Ownership, Competency.Reliability, Competency.Leadership];

    [Fact]
    public void an_org_wide_driven_halving_of_latency_with_a_learning_and_four_competencies_from_a_year_ago_scores_92_5()
    {
        // scope org 25×0.9 = 22.5; involvement drove 20×1.0 = 20;
        // impact: one metric 420 → 210 ms, lower is better, improvement 50 % → 0.4 + 0.6×min(50/50, 1) = 1.0 → 25×1.0 = 25;
        // learnings 10; breadth 4 competencies → 10×4/4 = 10; recency 365 days → 0.5^(365/365) = 0.5 → 10×0.5 = 5;
        // total 22.5 + 20 + 25 + 10 + 10 + 5 = 92.5
        var d = Details(scope: Scope.Org, involvement: Involvement.Drove, impact: [Latency(420, 210)], learnings: "Added a latency budget to CI.",
            competencies: Four, on: Today.AddDays(-365));

        var b = StoryRanker.Score(d, Today);

        b.ShouldBe(new ScoreBreakdown(22.5m, 20m, 25m, 10m, 10m, 5m));
        StoryRanker.Total(b).ShouldBe(92.5m);
        StoryRanker.Rank([Win(d)], Today).Top.Single().Score.ShouldBe(92.5m);
    }

    [Fact]
    public void an_individual_contribution_from_today_with_nothing_else_scores_22()
    {
        // scope individual 25×0.2 = 5; involvement contributed 20×0.35 = 7; impact: no metrics → 0; learnings 0;
        // breadth 0 competencies → 0; recency today → 0.5^0 = 1 → 10;
        // total 5 + 7 + 0 + 0 + 0 + 10 = 22
        var d = Details(scope: Scope.Individual, involvement: Involvement.Contributed, on: Today);

        var b = StoryRanker.Score(d, Today);

        b.ShouldBe(new ScoreBreakdown(5m, 7m, 0m, 0m, 0m, 10m));
        StoryRanker.Total(b).ShouldBe(22m);
    }

    [Fact]
    public void a_team_story_led_two_years_ago_with_a_single_unbaselined_figure_scores_56_3()
    {
        // scope team 25×0.45 = 11.25 → rounded to one decimal away from zero = 11.3; involvement led 20×0.75 = 15;
        // impact: one metric without a baseline → 0.6 → 25×0.6 = 15; learnings 10; breadth 1 competency → 10×1/4 = 2.5;
        // recency 730 days → 0.5^(730/365) = 0.25 → 10×0.25 = 2.5;
        // total 11.3 + 15 + 15 + 10 + 2.5 + 2.5 = 56.3
        var d = Details(scope: Scope.Team, involvement: Involvement.Led, impact: [new ImpactMetric("hours saved", null, 120, "h", false)],
            learnings: "Wrote a runbook.", competencies: [Competency.Delivery], on: Today.AddDays(-730));

        var b = StoryRanker.Score(d, Today);

        b.ShouldBe(new ScoreBreakdown(11.3m, 15m, 15m, 10m, 2.5m, 2.5m));
        StoryRanker.Total(b).ShouldBe(56.3m);
    }

    [Fact]
    public void a_multi_team_contribution_with_two_metrics_takes_the_best_plus_a_tenth_and_scores_56_7()
    {
        // scope multi_team 25×0.7 = 17.5; involvement contributed 20×0.35 = 7;
        // impact: throughput 100 → 120 higher-is-better = +20 % → 0.4 + 0.6×(20/50) = 0.64; "hours saved" without baseline → 0.6;
        //         best 0.64 + 0.1 × (2 − 1) = 0.74 → 25×0.74 = 18.5;
        // learnings 0; breadth 2 competencies → 10×2/4 = 5;
        // recency 73 days → 0.5^(73/365) = 0.5^0.2 = 0.87055… → 8.7055 → 8.7;
        // total 17.5 + 7 + 18.5 + 0 + 5 + 8.7 = 56.7
        var d = Details(scope: Scope.MultiTeam, involvement: Involvement.Contributed,
            impact: [new ImpactMetric("throughput", 100, 120, "rps", false), new ImpactMetric("hours saved", null, 40, "h", false)],
            competencies: [Competency.Collaboration, Competency.Delivery], on: Today.AddDays(-73));

        var b = StoryRanker.Score(d, Today);

        b.ShouldBe(new ScoreBreakdown(17.5m, 7m, 18.5m, 0m, 5m, 8.7m));
        StoryRanker.Total(b).ShouldBe(56.7m);
    }

    [Fact]
    public void a_company_wide_regression_still_counts_as_measured_and_breadth_and_recency_are_capped_scoring_80()
    {
        // scope company 25×1.0 = 25; involvement led 20×0.75 = 15;
        // impact: latency 200 → 300 ms lower-is-better = −50 % improvement → 0.4 + 0.6×clamp(−50/50, 0, 1) = 0.4 → 25×0.4 = 10;
        // learnings 10; breadth 6 competencies capped at 4 → 10×4/4 = 10; recency: tomorrow (future) → age 0 → 10;
        // total 25 + 15 + 10 + 10 + 10 + 10 = 80
        var d = Details(scope: Scope.Company, involvement: Involvement.Led, impact: [Latency(200, 300)], learnings: "Postmortem with a rollback drill.",
            competencies: [.. Four, Competency.Communication, Competency.GrowthMindset], on: Today.AddDays(1));

        var b = StoryRanker.Score(d, Today);

        b.ShouldBe(new ScoreBreakdown(25m, 15m, 10m, 10m, 10m, 10m));
        StoryRanker.Total(b).ShouldBe(80m);
    }

    [Fact]
    public void a_higher_is_better_percentage_scores_its_impact_by_the_gap_to_100_closed_59_9()
    {
        // scope team 25×0.45 = 11.25 → 11.3; involvement drove 20×1.0 = 20;
        // impact: authorization rate 91.2 % → 93.0 %, higher is better: gap closed (93.0 − 91.2)/(100 − 91.2) = 1.8/8.8 = 20.4545… %
        //         → 0.4 + 0.6×(20.4545…/50) = 0.4 + 0.6×0.40909… = 0.645454… → 25×0.645454… = 16.136… → 16.1;
        // learnings 0; breadth 3 competencies → 10×3/4 = 7.5; recency 365 days → 5;
        // total 11.3 + 20 + 16.1 + 0 + 7.5 + 5 = 59.9
        var d = Details(scope: Scope.Team, involvement: Involvement.Drove,
            impact: [new ImpactMetric("authorization rate", 91.2m, 93.0m, "%", false)],
            competencies: [Competency.CustomerImpact, Competency.Ownership, Competency.Ambiguity], on: Today.AddDays(-365));

        var b = StoryRanker.Score(d, Today);

        b.ShouldBe(new ScoreBreakdown(11.3m, 20m, 16.1m, 0m, 7.5m, 5m));
        StoryRanker.Total(b).ShouldBe(59.9m);
    }

    [Fact]
    public void the_impact_factor_is_the_best_metric_plus_a_tenth_per_extra_metric_capped_at_one()
    {
        // latency 100 → 90 (improvement 10 → 0.4 + 0.6×0.2 = 0.52), cost 1000 → 950 (5 → 0.4 + 0.6×0.1 = 0.46),
        // hours saved without baseline (0.6): best 0.6 + 0.1×2 = 0.8
        StoryRanker.ImpactFactor(
        [
            new ImpactMetric("p99 latency", 100, 90, "ms", true),
            new ImpactMetric("monthly cost", 1000, 950, "$", true),
            new ImpactMetric("hours saved", null, 10, "h", false),
        ], Scope.Team).ShouldBe(0.8m);

        // four full-marks metrics: 1.0 + 0.3 → capped at 1
        StoryRanker.ImpactFactor([Latency(), Latency(), Latency(), Latency()], Scope.Team).ShouldBe(1m);
        // improvement beyond 50 % is capped: 420 → 105 = 75 % → 0.4 + 0.6×1 = 1.0
        StoryRanker.ImpactFactor([Latency(420, 105)], Scope.Team).ShouldBe(1m);
        // from a zero baseline: a move the wrong way counts as a measured regression (0.4), the right way as full (1.0)
        StoryRanker.ImpactFactor([new ImpactMetric("queue lag", 0, 250, "ms", true)], Scope.Team).ShouldBe(0.4m);
        StoryRanker.ImpactFactor([new ImpactMetric("merchants onboarded", 0, 12, "count", false)], Scope.Team).ShouldBe(1.0m);
        StoryRanker.ImpactFactor([], Scope.Team).ShouldBe(0m);
    }

    [Theory]
    [InlineData(Scope.Individual, "0.2")]
    [InlineData(Scope.Team, "0.45")]
    [InlineData(Scope.MultiTeam, "0.7")]
    [InlineData(Scope.Org, "0.9")]
    [InlineData(Scope.Company, "1.0")]
    public void scope_factors_grow_with_reach(Scope scope, string factor)
    {
        StoryRanker.ScopeFactor(scope).ShouldBe(decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(Involvement.Contributed, "0.35")]
    [InlineData(Involvement.Led, "0.75")]
    [InlineData(Involvement.Drove, "1.0")]
    public void involvement_factors_grow_with_ownership(Involvement involvement, string factor)
    {
        StoryRanker.InvolvementFactor(involvement).ShouldBe(decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void recency_halves_every_365_days_and_is_full_for_today_or_later()
    {
        StoryRanker.RecencyFactor(Today, Today).ShouldBe(1m);
        StoryRanker.RecencyFactor(Today.AddDays(30), Today).ShouldBe(1m);
        StoryRanker.RecencyFactor(Today.AddDays(-365), Today).ShouldBe(0.5m);
        StoryRanker.RecencyFactor(Today.AddDays(-730), Today).ShouldBe(0.25m);
        Math.Round(StoryRanker.RecencyFactor(Today.AddDays(-182), Today), 3).ShouldBe(0.708m); // 0.5^(182/365)
    }

    [Fact]
    public void the_weights_add_up_to_100()
    {
        (StoryRanker.ScopeWeight + StoryRanker.InvolvementWeight + StoryRanker.ImpactWeight
            + StoryRanker.LearningsWeight + StoryRanker.BreadthWeight + StoryRanker.RecencyWeight).ShouldBe(100m);
    }
}
