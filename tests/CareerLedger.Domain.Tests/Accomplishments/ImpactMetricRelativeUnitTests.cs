using CareerLedger.Domain.Accomplishments;

namespace CareerLedger.Domain.Tests.Accomplishments;

/// <summary>How metric sentences read, relative units ("% of X", "x of X", "×") next to ordinary ones (docs/scoring.md).</summary>
public sealed class ImpactMetricRelativeUnitTests
{
    [Theory]
    // Relative to a reference: the reference is named once, and from the reference level (100 % or 1×) the result reads as a level.
    [InlineData("messaging cost", "100", "20", "% of Kafka estimate", true, "messaging cost at 20 % of the Kafka estimate (\u221280 %)")]
    [InlineData("build time", "100", "35", "% of baseline", true, "build time at 35 % of the baseline (\u221265 %)")]
    [InlineData("infra spend", "100", "120", "% of the 2025 budget", true, "infra spend at 120 % of the 2025 budget (+20 %)")]
    [InlineData("messaging cost", "80", "20", "% of Kafka estimate", true, "messaging cost 80 % \u2192 20 % of the Kafka estimate (\u221275 %)")]
    [InlineData("query time", "1", "0.4", "x of baseline", true, "query time at 0.4\u00d7 the baseline (\u221260 %)")]
    [InlineData("peak throughput", "1", "3", "\u00d7 of last year's peak", false, "peak throughput at 3\u00d7 last year's peak (+200 %)")]
    [InlineData("peak throughput", "1", "3", "x", false, "peak throughput at 3\u00d7 the baseline (+200 %)")]
    [InlineData("peak throughput", "2", "3", "x", false, "peak throughput 2\u00d7 \u2192 3\u00d7 the baseline (+50 %)")]
    [InlineData("messaging cost", null, "20", "% of Kafka estimate", true, "messaging cost: 20 % of the Kafka estimate")]
    [InlineData("shadow traffic", "0", "15", "% of production traffic", false, "shadow traffic 0 % \u2192 15 % of the production traffic")]
    // Ordinary units keep their forms.
    [InlineData("p99 latency", "900", "180", "ms", true, "p99 latency 900 ms \u2192 180 ms (\u221280 %)")]
    [InlineData("error rate", "2.1", "0.4", "%", true, "error rate 2.1 % \u2192 0.4 % (\u22121.7 pp)")]
    [InlineData("availability", "100", "99.9", "%", false, "availability 100 % \u2192 99.9 % (\u22120.1 pp)")]
    [InlineData("monthly infra spend", "48000", "36000", "$", true, "monthly infra spend $48,000 \u2192 $36,000 (\u221225 %)")]
    [InlineData("sev-2 incidents per quarter", "12", "3", "count", true, "sev-2 incidents per quarter 12 \u2192 3 (\u221275 %)")]
    [InlineData("on-call pages", "19", "7", "pages/week", true, "on-call pages 19 pages/week \u2192 7 pages/week (\u221263 %)")]
    [InlineData("queue lag", "0", "250", "ms", true, "queue lag 0 ms \u2192 250 ms (+250 ms)")]
    [InlineData("hours saved", null, "120", "h", false, "hours saved: 120 h")]
    [InlineData("build time", "200", "190.7", "s", true, "build time 200 s \u2192 190.7 s (\u22124.7 %)")]
    public void metric_sentences_read_naturally(string name, string? before, string after, string? unit, bool lowerIsBetter, string expected)
    {
        var m = new ImpactMetric(name, before is null ? null : Parse(before), Parse(after), unit, lowerIsBetter);

        m.Describe().ShouldBe(expected);
    }

    private static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("% of Kafka estimate", true)]
    [InlineData("% of baseline", true)]
    [InlineData("x of baseline", true)]
    [InlineData("\u00d7 of peak", true)]
    [InlineData("x", true)]
    [InlineData("%", false)]
    [InlineData("% of ", false)]
    [InlineData("ms", false)]
    [InlineData(null, false)]
    public void relative_units_are_recognised(string? unit, bool relative)
    {
        ImpactMetric.IsRelativeUnit(unit).ShouldBe(relative);
    }
}
