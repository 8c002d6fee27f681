using CareerLedger.Domain.Accomplishments;

namespace CareerLedger.Domain.Tests.Accomplishments;

public sealed class MetricDirectionTests
{
    [Theory]
    [InlineData("p99 latency", null, true)]
    [InlineData("pages per week", null, true)]
    [InlineData("monthly cloud spend", "$", true)]
    [InlineData("landing page conversion", "%", false)]
    [InlineData("uptime", "%", false)]
    [InlineData("customer lifetime value", "$", false)]
    [InlineData("bugs fixed", "count", false)]
    [InlineData("feature flags adopted", "count", false)]
    [InlineData("hours saved", "h", false)]
    [InlineData("checkout", "ms", true)]
    [InlineData("checkout", "count", false)]
    public void direction_is_inferred_from_whole_words_then_from_a_time_unit(string name, string? unit, bool lowerIsBetter) =>
        ImpactMetricDraft.InferLowerIsBetter(name, unit).ShouldBe(lowerIsBetter);

    [Fact]
    public void a_zero_dollar_baseline_keeps_the_dollar_sign_in_the_change() =>
        new ImpactMetric("revenue", 0, 500, "$", false).Describe().ShouldBe("revenue $0 → $500 (+$500)");
}
