using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Tests.Support;

namespace CareerLedger.Domain.Tests.Accomplishments;

public sealed class ImpactMetricTests
{
    // U+2192 RIGHTWARDS ARROW and U+2212 MINUS SIGN, spelled out so a plain '-' or "->" cannot sneak in.
    private const string Arrow = "\u2192";
    private const string Minus = "\u2212";

    [Fact]
    public void a_metric_with_a_baseline_reads_as_before_arrow_after_with_the_percent_change()
    {
        var m = new ImpactMetric("p99 latency", 420, 210, "ms", LowerIsBetter: true);

        m.Describe().ShouldBe($"p99 latency 420 ms {Arrow} 210 ms ({Minus}50 %)");
        m.Describe().ShouldBe("p99 latency 420 ms → 210 ms (−50 %)");
    }

    [Fact]
    public void an_increase_is_shown_with_a_plus_sign()
    {
        new ImpactMetric("throughput", 1200, 1800, "rps", false).Describe()
            .ShouldBe("throughput 1,200 rps → 1,800 rps (+50 %)");
    }

    [Fact]
    public void a_percentage_unit_shows_the_change_in_percentage_points()
    {
        new ImpactMetric("error rate", 2.1m, 0.4m, "%", true).Describe()
            .ShouldBe("error rate 2.1 % → 0.4 % (−1.7 pp)");
        new ImpactMetric("checkout conversion", 3.2m, 4m, "%", false).Describe()
            .ShouldBe("checkout conversion 3.2 % → 4 % (+0.8 pp)");
    }

    [Fact]
    public void dollars_are_prefixed_and_use_thousands_separators()
    {
        new ImpactMetric("monthly infra spend", 48000, 36000, "$", true).Describe()
            .ShouldBe("monthly infra spend $48,000 → $36,000 (−25 %)");
    }

    [Fact]
    public void a_negative_dollar_figure_puts_the_typographic_minus_before_the_dollar_sign()
    {
        new ImpactMetric("quarterly margin", null, -1500.5m, "$", false).Describe()
            .ShouldBe("quarterly margin: −$1,500.5");
    }

    [Fact]
    public void a_count_unit_is_not_printed()
    {
        new ImpactMetric("sev-2 incidents per quarter", 12, 3, "count", true).Describe()
            .ShouldBe("sev-2 incidents per quarter 12 → 3 (−75 %)");
    }

    [Fact]
    public void no_unit_prints_just_the_numbers_with_thousands_separators()
    {
        new ImpactMetric("requests per day", 1_250_000, 2_500_000, null, false).Describe()
            .ShouldBe("requests per day 1,250,000 → 2,500,000 (+100 %)");
    }

    [Fact]
    public void without_a_baseline_it_reads_name_colon_value_unit()
    {
        new ImpactMetric("hours saved", null, 120, "h", false).Describe().ShouldBe("hours saved: 120 h");
        new ImpactMetric("SLO attainment", null, 99.95m, "%", false).Describe().ShouldBe("SLO attainment: 99.95 %");
        new ImpactMetric("runbooks written", null, 7, "count", false).Describe().ShouldBe("runbooks written: 7");
    }

    [Fact]
    public void a_zero_baseline_shows_the_absolute_change_with_the_unit()
    {
        new ImpactMetric("queue lag", 0, 250, "ms", true).Describe().ShouldBe("queue lag 0 ms → 250 ms (+250 ms)");
        new ImpactMetric("flaky tests quarantined", 0, 12, "count", false).Describe().ShouldBe("flaky tests quarantined 0 → 12 (+12)");
    }

    [Fact]
    public void a_change_under_ten_percent_keeps_one_decimal()
    {
        // 40 → 41.4: +1.4 / 40 = +3.5 %
        new ImpactMetric("deploys per week", 40, 41.4m, null, false).Describe().ShouldBe("deploys per week 40 → 41.4 (+3.5 %)");
        // 1000 → 1004.44: +0.444 % → +0.4 %
        new ImpactMetric("cache hit ratio samples", 1000, 1004.44m, null, false).Describe()
            .ShouldBe("cache hit ratio samples 1,000 → 1,004.44 (+0.4 %)");
        // 200 → 190.7: −4.65 % → −4.7 % (midpoint away from zero)
        new ImpactMetric("build time", 200, 190.7m, "s", true).Describe().ShouldBe("build time 200 s → 190.7 s (−4.7 %)");
    }

    [Fact]
    public void a_change_of_ten_percent_or_more_is_rounded_to_a_whole_percent_away_from_zero()
    {
        // 200 → 225 = +12.5 % → +13 %; 200 → 175 = −12.5 % → −13 %
        new ImpactMetric("orders per hour", 200, 225, null, false).Describe().ShouldBe("orders per hour 200 → 225 (+13 %)");
        new ImpactMetric("cold start", 200, 175, "ms", true).Describe().ShouldBe("cold start 200 ms → 175 ms (−13 %)");
        // 300 → 337.6 = +12.53 % → +13 %
        new ImpactMetric("throughput", 300, 337.6m, "rps", false).Describe().ShouldBe("throughput 300 rps → 337.6 rps (+13 %)");
    }

    [Fact]
    public void figures_are_rounded_to_two_decimals_without_trailing_zeros()
    {
        new ImpactMetric("p50 latency", 12.50m, 8.125m, "ms", true).Describe().ShouldBe("p50 latency 12.5 ms → 8.13 ms (−35 %)");
    }

    [Fact]
    public void change_percent_is_relative_to_the_baseline()
    {
        Make.Latency(420, 210).ChangePercent.ShouldBe(-50m);
        new ImpactMetric("throughput", 100, 150, "rps", false).ChangePercent.ShouldBe(50m);
        // A negative baseline is measured against its magnitude: −200 → −100 is +100 on a base of 200.
        new ImpactMetric("net flow", -200, -100, null, false).ChangePercent.ShouldBe(50m);
    }

    [Fact]
    public void change_percent_is_null_without_a_baseline_or_with_a_zero_baseline()
    {
        new ImpactMetric("hours saved", null, 120, "h", false).ChangePercent.ShouldBeNull();
        new ImpactMetric("queue lag", 0, 250, "ms", true).ChangePercent.ShouldBeNull();
    }

    [Fact]
    public void improvement_is_the_change_flipped_for_lower_is_better_metrics()
    {
        Make.Latency(420, 210).ImprovementPercent.ShouldBe(50m);
        // A regression of a lower-is-better metric is a negative improvement.
        Make.Latency(200, 300).ImprovementPercent.ShouldBe(-50m);
        new ImpactMetric("throughput", 100, 150, "rps", false).ImprovementPercent.ShouldBe(50m);
        new ImpactMetric("throughput", 100, 80, "rps", false).ImprovementPercent.ShouldBe(-20m);
    }

    [Fact]
    public void a_higher_is_better_percentage_improves_by_the_share_of_the_gap_to_100_percent_it_closed()
    {
        // 91.2 % → 93.0 %: the gap 8.8 pp shrank by 1.8 pp = 20.45 % of it (the relative change would be only 1.97 %).
        var auth = new ImpactMetric("authorization rate", 91.2m, 93.0m, "%", false);
        Math.Round(auth.ImprovementPercent!.Value, 2).ShouldBe(20.45m);
        Math.Round(auth.ChangePercent!.Value, 2).ShouldBe(1.97m);

        // 0 % → 60 %: the whole 100 pp gap, 60 % of it closed (even though the relative change is undefined).
        var coverage = new ImpactMetric("test coverage", 0, 60, "%", false);
        coverage.ImprovementPercent.ShouldBe(60m);
        coverage.ChangePercent.ShouldBeNull();
    }

    [Fact]
    public void a_lower_is_better_percentage_uses_the_plain_relative_change()
    {
        // 2.0 % → 0.5 %: −75 % relative, an improvement of 75 (not a gap-to-100 computation).
        new ImpactMetric("error rate", 2.0m, 0.5m, "%", true).ImprovementPercent.ShouldBe(75m);
    }

    [Fact]
    public void a_percentage_already_at_100_falls_back_to_the_relative_change()
    {
        new ImpactMetric("availability", 100, 99, "%", false).ImprovementPercent.ShouldBe(-1m);
    }

    [Fact]
    public void improvement_is_null_without_a_usable_baseline()
    {
        new ImpactMetric("hours saved", null, 120, "h", false).ImprovementPercent.ShouldBeNull();
        new ImpactMetric("queue lag", 0, 250, "ms", true).ImprovementPercent.ShouldBeNull();
        new ImpactMetric("SLO attainment", null, 99.9m, "%", false).ImprovementPercent.ShouldBeNull();
    }
}
