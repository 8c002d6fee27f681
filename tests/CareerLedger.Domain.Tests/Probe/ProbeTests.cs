using CareerLedger.Domain.Accomplishments;
using Xunit.Abstractions;

namespace CareerLedger.Domain.Tests.Probe;

public sealed class ProbeTests(ITestOutputHelper o)
{
    [Fact]
    public void probe()
    {
        foreach (var s in new[] { "https://x.com/a>b<script>", "https://x.com/a%3Eb", "https://x.com/a b", "https://x.com/a\"b", "http://x.com/a)b*c_d", "https://example.com", "HTTPS://Example.COM/Path", "javascript:alert(1)", "https://x.com/%3Cscript%3E", "https://x.com/a%20b" })
        {
            var ok = Uri.TryCreate(s, UriKind.Absolute, out var u);
            o.WriteLine($"{s} -> {ok} {u?.Scheme} [{u}] [{u?.AbsoluteUri}]");
        }
        foreach (var n in new[] { "uptime", "landing page conversion", "customer lifetime value", "bugs fixed", "deploy frequency", "feature flags adopted", "test coverage", "time saved" })
            o.WriteLine($"{n} -> {ImpactMetricDraft.InferLowerIsBetter(n)}");
    }
}
