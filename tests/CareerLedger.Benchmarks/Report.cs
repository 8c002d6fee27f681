using System.Globalization;
using System.Text;

namespace CareerLedger.Benchmarks;

/// <summary>One row of the report table; empty cells are blank strings.</summary>
/// <param name="Measurement">What was measured.</param>
/// <param name="Concurrency">Writers or HTTP connections.</param>
/// <param name="Result">The main figure (events/s, req/s, seconds, MB).</param>
/// <param name="P50">Median latency in ms.</param>
/// <param name="P99">99th percentile latency in ms.</param>
/// <param name="VsRaw">Throughput relative to the raw insert at the same concurrency.</param>
/// <param name="Statements">SQL statements the server executed per request.</param>
/// <param name="RoundTrips">Database round trips per request (see <see cref="RoundTripRelay"/>).</param>
/// <param name="Target">The issue's target and whether this run meets it.</param>
internal sealed record ReportRow(
    string Measurement, string Concurrency, string Result, string P50 = "", string P99 = "", string VsRaw = "", string Statements = "", string RoundTrips = "", string Target = "");

/// <summary>One row of the "Load at fixed rates" table.</summary>
/// <param name="Scenario">The request.</param>
/// <param name="TargetRate">The offered rate ("500 req/s").</param>
/// <param name="Achieved">Answers per second.</param>
/// <param name="P50">Median latency in ms.</param>
/// <param name="P99">99th percentile latency in ms.</param>
/// <param name="P999">99.9th percentile latency in ms.</param>
/// <param name="Max">Slowest answer in ms.</param>
/// <param name="Errors">Non-2xx answers plus socket errors.</param>
/// <param name="PeakRss">The app's peak RSS during the scenario.</param>
/// <param name="AppCpu">The app's CPU time per answer, and the cores it kept busy.</param>
/// <param name="Target">The issue's target for the scenario.</param>
/// <param name="Met">"met", or "missed:" and what.</param>
internal sealed record LoadRow(
    string Scenario, string TargetRate, string Achieved, string P50, string P99, string P999, string Max, string Errors, string PeakRss, string AppCpu,
    string Target, string Met);

/// <summary>The benchmark's output: a few lines about the machine and options, the main Markdown table, then the load table.</summary>
internal sealed class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Lines printed above the table.</summary>
    public List<string> Header { get; } = [];

    /// <summary>The table's rows, in order.</summary>
    public List<ReportRow> Rows { get; } = [];

    /// <summary>Notes printed below the table (errors, skipped measurements).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Lines printed above the load table (tool, pacing, durations).</summary>
    public List<string> LoadHeader { get; } = [];

    /// <summary>The load table's rows; the table is left out when there are none.</summary>
    public List<LoadRow> LoadRows { get; } = [];

    /// <summary>Notes printed below the load table (per scenario: alone, CPU, machine).</summary>
    public List<string> LoadNotes { get; } = [];

    /// <summary>The report as Markdown.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var line in Header)
        {
            text.Append(line).Append("  \n");
        }

        if (Rows.Count > 0)
        {
            text.Append('\n');
            text.Append("| measurement | conc. | result | p50 ms | p99 ms | vs raw insert | SQL statements / request | DB round trips / request | target |\n");
            text.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            foreach (var r in Rows)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| {r.Measurement} | {r.Concurrency} | {r.Result} | {r.P50} | {r.P99} | {r.VsRaw} | {r.Statements} | {r.RoundTrips} | {r.Target} |\n");
            }

            foreach (var note in Notes)
            {
                text.Append('\n').Append(note).Append('\n');
            }
        }

        if (LoadRows.Count > 0)
        {
            text.Append("\n**Load at fixed rates**\n\n");
            foreach (var line in LoadHeader)
            {
                text.Append(line).Append("  \n");
            }

            text.Append('\n');
            text.Append("| scenario | target rate | achieved req/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | app peak RSS | app CPU / request | target | met? |\n");
            text.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
            foreach (var r in LoadRows)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| {r.Scenario} | {r.TargetRate} | {r.Achieved} | {r.P50} | {r.P99} | {r.P999} | {r.Max} | {r.Errors} | {r.PeakRss} | {r.AppCpu} | {r.Target} | {r.Met} |\n");
            }
        }

        foreach (var note in LoadNotes)
        {
            text.Append('\n').Append(note).Append('\n');
        }

        if (Rows.Count == 0)
        {
            foreach (var note in Notes)
            {
                text.Append('\n').Append(note).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>"6,012 events/s".</summary>
    public static string Rate(double perSecond, string unit) => perSecond.ToString(perSecond >= 100 ? "N0" : "N1", Invariant) + " " + unit;

    /// <summary>Milliseconds with two decimals, or a dash without samples.</summary>
    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString(ms >= 100 ? "N0" : "0.00", Invariant);

    /// <summary>"0.62×".</summary>
    public static string Ratio(double ratio) => ratio.ToString("0.00", Invariant) + "×";

    /// <summary>Seconds with two decimals.</summary>
    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", Invariant) + " s";

    /// <summary>Megabytes without decimals.</summary>
    public static string Mb(double mb) => mb.ToString("N0", Invariant) + " MB";

    /// <summary>"met" or "not met".</summary>
    public static string Met(bool met) => met ? "**met**" : "not met";

    /// <summary>Statements per request, with the pool's resets called out; "n/a" when not counted (the reason goes into <see cref="Notes"/>).</summary>
    public static string Statements(StatementCount? count) => count is null
        ? "n/a"
        : string.Create(Invariant, $"{count.PerRequest:0.0} (incl. {count.DiscardsPerRequest:0.0} DISCARD ALL)");

    /// <summary>Round trips per request ("3.0", "3.05"); "n/a" when not counted (the reason goes into <see cref="Notes"/>).</summary>
    public static string RoundTrips(RoundTripCount? count) => count is null ? "n/a" : count.PerRequest.ToString("0.0#", Invariant);
}
