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
    public void an_org_wide_driven_halving_of_latency_with_a_learning_and_four_competencies_from_a_year_ago_scores_81_5()
    {
        // scope org 25×0.9 = 22.5; involvement drove 20×1.0 = 20;
        // impact: 420 → 210 ms, lower is better: fold 420/210 = 2 → x = log2 2 = 1 → size 1/(1+1) = 0.5;
        //         "p99 latency" is an internal metric → reach = scope 0.9; impact 0.2 + 0.8×0.5×0.9 = 0.56 → 25×0.56 = 14;
        // learnings 10; breadth 4 competencies → 10×4/4 = 10; recency 365 days → 0.5^(365/365) = 0.5 → 10×0.5 = 5;
        // total 22.5 + 20 + 14 + 10 + 10 + 5 = 81.5
        var d = Details(scope: Scope.Org, involvement: Involvement.Drove, impact: [Latency(420, 210)], learnings: "Added a latency budget to CI.",
            competencies: Four, on: Today.AddDays(-365));

        var b = StoryRanker.Score(d, Today);

        b.ShouldBe(new ScoreBreakdown(22.5m, 20m, 14m, 10m, 10m, 5m));
        StoryRanker.Total(b).ShouldBe(81.5m);
        StoryRanker.Rank([Win(d)], Today).Top.Single().Score.ShouldBe(81.5m);
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
    public void a_team_story_led_two_years_ago_with_a_single_unbaselined_figure_scores_48_6()
    {
        // scope team 25×0.45 = 11.25 → rounded to one decimal away from zero = 11.3; involvement led 20×0.75 = 15;
        // impact: one figure without a baseline → size 0.25; internal → reach 0.45; 0.2 + 0.8×0.25×0.45 = 0.29 → 25×0.29 = 7.25 → 7.3;
        // learnings 10; breadth 1 competency → 10×1/4 = 2.5; recency 730 days → 0.5^(730/365) = 0.25 → 10×0.25 = 2.5;
        // total 11.3 + 15 + 7.3 + 10 + 2.5 + 2.5 = 48.6
        var d = Details(scope: Scope.Team, involvement: Involvement.Led, impact: [new ImpactMetric("hours saved", null, 120, "h", false)],
            learnings: "Wrote a runbook.", competencies: [Competency.Delivery], on: Today.AddDays(-730));

        var b = StoryRanker.Score(d, Today);

        b.ShouldBe(new ScoreBreakdown(11.3m, 15m, 7.3m, 10m, 2.5m, 2.5m));
        StoryRanker.Total(b).ShouldBe(48.6m);
    }

    [Fact]
    public void a_multi_team_contribution_with_two_metrics_takes_the_best_plus_a_tenth_of_the_other_and_scores_47_5()
    {
        // scope multi_team 25×0.7 = 17.5; involvement contributed 20×0.35 = 7;
        // impact (reach 0.7 for both, internal metrics):
        //   throughput 100 → 120 higher is better: fold 1.2, x = log2 1.2 = 0.2630, size 0.2630/1.2630 = 0.2083 → 0.2 + 0.8×0.2083×0.7 = 0.3166;
        //   "hours saved" without a baseline: size 0.25 → 0.2 + 0.8×0.25×0.7 = 0.34;
        //   best 0.34 + 0.1×0.3166 = 0.3717 → 25×0.3717 = 9.29 → 9.3;
        // learnings 0; breadth 2 competencies → 10×2/4 = 5;
        // recency 73 days → 0.5^(73/365) = 0.5^0.2 = 0.87055… → 8.7055 → 8.7;
        // total 17.5 + 7 + 9.3 + 0 + 5 + 8.7 = 47.5
        var d = Details(scope: Scope.MultiTeam, involvement: Involvement.Contributed,
            impact: [new ImpactMetric("throughput", 100, 120, "rps", false), new ImpactMetric("hours saved", null, 40, "h", false)],
            competencies: [Competency.Collaboration, Competency.Delivery], on: Today.AddDays(-73));

        var b = StoryRanker.Score(d, Today);

        b.ShouldBe(new ScoreBreakdown(17.5m, 7m, 9.3m, 0m, 5m, 8.7m));
        StoryRanker.Total(b).ShouldBe(47.5m);
    }

    [Fact]
    public void a_company_wide_regression_still_counts_as_measured_and_breadth_and_recency_are_capped_scoring_75()
    {
        // scope company 25×1.0 = 25; involvement led 20×0.75 = 15;
        // impact: latency 200 → 300 ms lower is better: fold 200/300 = 0.67 < 1 → size 0 → the measured floor 0.2 → 25×0.2 = 5;
        // learnings 10; breadth 6 competencies capped at 4 → 10×4/4 = 10; recency: tomorrow (future) → age 0 → 10;
        // total 25 + 15 + 5 + 10 + 10 + 10 = 75
        var d = Details(scope: Scope.Company, involvement: Involvement.Led, impact: [Latency(200, 300)], learnings: "Postmortem with a rollback drill.",
            competencies: [.. Four, Competency.Communication, Competency.GrowthMindset], on: Today.AddDays(1));

        var b = StoryRanker.Score(d, Today);

        b.ShouldBe(new ScoreBreakdown(25m, 15m, 5m, 10m, 10m, 10m));
        StoryRanker.Total(b).ShouldBe(75m);
    }

    [Fact]
    public void a_higher_is_better_percentage_is_sized_by_the_gap_to_100_and_a_customer_metric_reaches_further_52_4()
    {
        // scope team 25×0.45 = 11.25 → 11.3; involvement drove 20×1.0 = 20;
        // impact: authorization rate 91.2 % → 93.0 %, higher is better: the gap to 100 % shrank 8.8 → 7.0, fold 1.2571,
        //         x = log2 1.2571 = 0.3301, size 0.3301/1.3301 = 0.2482; "authorization" is a customer word → reach 0.45 + 0.55×0.5 = 0.725;
        //         0.2 + 0.8×0.2482×0.725 = 0.3440 → 25×0.3440 = 8.6;
        // learnings 0; breadth 3 competencies → 10×3/4 = 7.5; recency 365 days → 5;
        // total 11.3 + 20 + 8.6 + 0 + 7.5 + 5 = 52.4
        var d = Details(scope: Scope.Team, involvement: Involvement.Drove,
            impact: [new ImpactMetric("authorization rate", 91.2m, 93.0m, "%", false)],
            competencies: [Competency.CustomerImpact, Competency.Ownership, Competency.Ambiguity], on: Today.AddDays(-365));

        var b = StoryRanker.Score(d, Today);

        b.ShouldBe(new ScoreBreakdown(11.3m, 20m, 8.6m, 0m, 7.5m, 5m));
        StoryRanker.Total(b).ShouldBe(52.4m);
    }

    [Fact]
    public void the_impact_factor_is_the_best_metric_plus_a_tenth_of_each_further_one_capped_at_one()
    {
        // company reach 1 for all: latency 100 → 50 (fold 2, size 0.5 → 0.6); cost 1000 → 500 $ (fold 2 → 0.5; $500 changed is
        // under $1,000 → no absolute size) → 0.6; hours saved without a baseline (size 0.25 → 0.4): best 0.6 + 0.1×(0.6 + 0.4) = 0.7
        StoryRanker.ImpactFactor(
        [
            new ImpactMetric("p99 latency", 100, 50, "ms", true),
            new ImpactMetric("monthly cost", 1000, 500, "$", true),
            new ImpactMetric("hours saved", null, 10, "h", false),
        ], Scope.Company).ShouldBe(0.7m);

        // many strong metrics: 230 → 3 duplicates (fold 76.7, size 0.8623 → 0.8898) + 9 × 0.1 × 0.8898 → capped at 1
        StoryRanker.ImpactFactor(Enumerable.Repeat(new ImpactMetric("duplicate deliveries per day", 230, 3, "count", true), 10).ToList(), Scope.Company)
            .ShouldBe(1m);
        StoryRanker.ImpactFactor([], Scope.Company).ShouldBe(0m);
    }

    [Theory]
    // lower is better: before ÷ after
    [InlineData(420, 210, null, true, 2.0)]
    [InlineData(2400, 850, "ms", true, 2.8235)]
    // higher is better: after ÷ before
    [InlineData(1800, 3100, "req/s", false, 1.7222)]
    // a higher-is-better plain % is measured on what is missing to 100 %: 8.8 → 7.0
    [InlineData(91.2, 93.0, "%", false, 1.2571)]
    [InlineData(0, 60, "%", false, 2.5)]
    // a lower-is-better % is an ordinary ratio: 9.2 → 0.4
    [InlineData(9.2, 0.4, "%", true, 23.0)]
    // a zero count is half an event (Haldane–Anscombe): 1 → 0 is a fold of 2, 230 → 0 one of 460
    [InlineData(1, 0, "count", true, 2.0)]
    [InlineData(230, 0, "count", true, 460.0)]
    // from zero, the good way: 0 → 12 merchants is 12 ÷ 0.5
    [InlineData(0, 12, "count", false, 24.0)]
    // regressions fall below 1; no change is 1
    [InlineData(200, 300, "ms", true, 0.6667)]
    [InlineData(0, 250, "ms", true, 0.0)]
    [InlineData(5, 5, null, true, 1.0)]
    // relative units are ratios too: 100 → 20 % of the Kafka estimate
    [InlineData(100, 20, "% of Kafka estimate", true, 5.0)]
    // capped at 1,000; a continuous unit reaching zero earns the cap
    [InlineData(1_000_000, 1, null, true, 1000.0)]
    [InlineData(2.1, 0, "%", true, 1000.0)]
    // a count below half an event counts as half an event (min(0.5, 0.8/2) = 0.4): 0.8 → 0.3 and 0.8 → 0 are both 2
    [InlineData(0.8, 0.3, "count", true, 2.0)]
    [InlineData(0.8, 0, "count", true, 2.0)]
    public void the_fold_is_the_improvement_ratio_in_the_good_direction(double before, double after, string? unit, bool lowerIsBetter, double fold)
    {
        var m = new ImpactMetric("figure", (decimal)before, (decimal)after, unit, lowerIsBetter);

        Math.Round(StoryRanker.Fold(m)!.Value, 4).ShouldBe(fold);
    }

    [Fact]
    public void a_figure_without_a_baseline_has_no_fold_and_a_negative_one_falls_back_to_the_improvement_percent()
    {
        StoryRanker.Fold(new ImpactMetric("hours saved", null, 120, "h", false)).ShouldBeNull();
        // −200 → −100 higher is better: +50 % on a base of 200 → 1.5
        StoryRanker.Fold(new ImpactMetric("net margin", -200, -100, "$", false))!.Value.ShouldBe(1.5, 1e-9);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.5)]
    [InlineData(4.0, 0.6667)]
    [InlineData(10.0, 0.7686)]
    [InlineData(100.0, 0.8692)]
    public void size_is_doublings_over_doublings_plus_one(double fold, double size)
    {
        var m = new ImpactMetric("p99 latency", (decimal)fold * 10, 10, "ms", true);

        Math.Round(StoryRanker.SizeFactor(m), 4).ShouldBe(size);
    }

    [Fact]
    public void money_is_also_sized_by_the_dollars_changed_and_the_larger_size_counts()
    {
        // $148,000 → $104,000: fold 1.4231 → x 0.5090 → relative size 0.3373; $44,000 saved → d = log10(44) = 1.6435 → 0.6217
        Math.Round(StoryRanker.SizeFactor(new ImpactMetric("monthly payments cloud spend", 148_000, 104_000, "$", true)), 4).ShouldBe(0.6217);
        // $1,200,000 as a single figure (higher is better): d = log10(1,200) = 3.0792 → 0.7549
        Math.Round(StoryRanker.SizeFactor(new ImpactMetric("incremental revenue", null, 1_200_000, "$", false)), 4).ShouldBe(0.7549);
        // a small saving keeps its relative size: $100 → $50 is a fold of 2 (0.5); $50 is under $1,000
        StoryRanker.SizeFactor(new ImpactMetric("monthly cost", 100, 50, "$", true)).ShouldBe(0.5, 1e-9);
        // a negative single figure says nothing about size beyond being measured
        StoryRanker.SizeFactor(new ImpactMetric("quarterly margin", null, -1500, "$", false)).ShouldBe(StoryRanker.UnbaselinedSize);
    }

    [Theory]
    [InlineData("lock waits per nightly export", "count", MetricReach.Internal)]
    [InlineData("median CI duration", "min", MetricReach.Internal)]
    [InlineData("checkout p99 latency at peak load", "ms", MetricReach.Customer)]
    [InlineData("merchants still on the v1 API", "count", MetricReach.Customer)]
    [InlineData("support tickets about refund amounts per week", "count", MetricReach.Customer)]
    [InlineData("monthly log ingest and storage cost", "$", MetricReach.Money)]
    [InlineData("messaging cost", "% of Kafka estimate", MetricReach.Money)]
    [InlineData("incremental volume", "$", MetricReach.Money)]
    [InlineData("duplicate-charge incidents per two quarters", "count", MetricReach.Reliability)]
    [InlineData("time to mitigate a processor outage", "min", MetricReach.Reliability)]
    [InlineData("checkout error rate", "%", MetricReach.Customer)]
    [InlineData("reorder point", null, MetricReach.Internal)] // words match at their start: "reorder" is not "order"
    public void the_reach_kind_comes_from_the_metric_name_and_unit(string name, string? unit, MetricReach reach)
    {
        StoryRanker.ReachOf(new ImpactMetric(name, 1, 2, unit, false)).ShouldBe(reach);
    }

    [Fact]
    public void reach_is_the_scope_raised_toward_one_by_the_metric_kind()
    {
        var internalMetric = new ImpactMetric("lock waits", 1, 0, "count", true);
        var customer = new ImpactMetric("checkout p99 latency", 900, 180, "ms", true);
        var reliability = new ImpactMetric("sev-2 incidents per quarter", 12, 3, "count", true);

        StoryRanker.ReachFactor(internalMetric, Scope.Team).ShouldBe(0.45, 1e-9);
        StoryRanker.ReachFactor(customer, Scope.Team).ShouldBe(0.725, 1e-9);         // 0.45 + 0.55×0.5
        StoryRanker.ReachFactor(reliability, Scope.Team).ShouldBe(0.5875, 1e-9);     // 0.45 + 0.55×0.25
        StoryRanker.ReachFactor(internalMetric, Scope.Company).ShouldBe(1.0, 1e-9);
        StoryRanker.ReachFactor(customer, Scope.Individual).ShouldBe(0.6, 1e-9);     // 0.2 + 0.8×0.5
    }

    [Fact]
    public void a_bigger_change_never_lowers_the_impact()
    {
        var scopes = Enum.GetValues<Scope>();
        foreach (var (name, unit, lowerIsBetter) in new[]
                 {
                     ("p99 latency", "ms", true), ("lock waits", "count", true), ("checkout conversion", "%", false), ("monthly cloud spend", "$", true),
                     ("throughput", "req/s", false), ("messaging cost", "% of Kafka estimate", true), ("incidents", "count", true),
                 })
        {
            foreach (var scope in scopes)
            {
                // From a baseline of 100 (or 50 for the percentage), walk the result in the good direction in small steps.
                var before = unit == "%" ? 50m : 100m;
                var previous = -1.0;
                for (var step = -20; step <= 100; step++)
                {
                    var after = lowerIsBetter ? Math.Max(0, before - step) : Math.Min(unit == "%" ? 100 : decimal.MaxValue, before + (step * 3));
                    var impact = StoryRanker.MetricImpact(new ImpactMetric(name, before, after, unit, lowerIsBetter), scope);
                    impact.ShouldBeGreaterThanOrEqualTo(previous - 1e-12, $"{name} {before} → {after} at {scope}");
                    impact.ShouldBeInRange(StoryRanker.MeasuredFloor, 1.0);
                    previous = impact;
                }
            }
        }

        // Money: the same relative cut on a larger bill is at least as big.
        var small = StoryRanker.MetricImpact(new ImpactMetric("cost", 4_000, 3_000, "$", true), Scope.Team);
        var large = StoryRanker.MetricImpact(new ImpactMetric("cost", 400_000, 300_000, "$", true), Scope.Team);
        large.ShouldBeGreaterThan(small);
        // Eliminating more events is bigger: 2 → 0 < 20 → 0 < 200 → 0.
        var counts = new[] { 2m, 20m, 200m }.Select(n => StoryRanker.MetricImpact(new ImpactMetric("incidents", n, 0, "count", true), Scope.Team)).ToList();
        counts.ShouldBe(counts.Order().ToList());
        counts.Distinct().Count().ShouldBe(3);
        // And no plateau at 50 %: a 90 % cut beats a 50 % cut (version 1 gave both full marks).
        StoryRanker.ImpactFactor([Latency(1000, 100)], Scope.Team).ShouldBeGreaterThan(StoryRanker.ImpactFactor([Latency(1000, 500)], Scope.Team));
    }

    [Fact]
    public void a_wider_reach_never_lowers_the_impact()
    {
        var metrics = new[]
        {
            Latency(900, 180), new ImpactMetric("lock waits", 1, 0, "count", true), new ImpactMetric("checkout conversion", 68, 71.5m, "%", false),
            new ImpactMetric("monthly cloud spend", 148_000, 104_000, "$", true), new ImpactMetric("hours saved", null, 120, "h", false),
            new ImpactMetric("sev-1 incidents", 5, 0, "count", true),
        };
        var scopes = Enum.GetValues<Scope>(); // individual < team < multi_team < org < company
        foreach (var m in metrics)
        {
            var byScope = scopes.Select(s => StoryRanker.ImpactFactor([m], s)).ToList();
            byScope.ShouldBe(byScope.Order().ToList(), m.Name);
            byScope[^1].ShouldBeGreaterThan(byScope[0], m.Name);
        }

        // Same scope and size, a customer-facing or money metric reaches at least as far as a reliability one, and that as far as an internal one.
        foreach (var scope in scopes)
        {
            double Impact(string name) => StoryRanker.MetricImpact(new ImpactMetric(name, 100, 25, "count", true), scope);
            Impact("checkout failures").ShouldBeGreaterThanOrEqualTo(Impact("incidents"));
            Impact("incidents").ShouldBeGreaterThanOrEqualTo(Impact("flaky builds"));
        }
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
