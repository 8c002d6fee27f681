using System.Globalization;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Coaching;

/// <summary>Prints the rubric's report (<c>ledger coach</c>, <c>ledger mock answer</c>) and the "… by: …" source lines.</summary>
internal static class CoachView
{
    /// <summary>"quantified_result" → "quantified result".</summary>
    public static string Label(string snake) => snake.Replace('_', ' ');

    /// <summary>The rubric's dimensions in the report's order (stored scores come back in the database's key order).</summary>
    private static readonly string[] DimensionOrder = ["structure", "ownership", "quantified_result", "learning", "concreteness", "length_and_pace", "delivery"];

    /// <summary>Dimension → score pairs in the rubric's order; names the CLI does not know keep their order, after the known ones.</summary>
    public static IEnumerable<KeyValuePair<string, int>> Ordered(IEnumerable<KeyValuePair<string, int>> scores) =>
        scores.Select((kv, i) => (kv, i))
            .OrderBy(x => Array.IndexOf(DimensionOrder, x.kv.Key) is var k and >= 0 ? k : DimensionOrder.Length + x.i)
            .Select(x => x.kv);

    /// <summary>"structure 80, ownership 100, …" in the rubric's order.</summary>
    public static string Dimensions(IEnumerable<KeyValuePair<string, int>> scores) =>
        string.Join(", ", Ordered(scores).Select(kv => $"{Label(kv.Key)} {kv.Value.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>"critique by: rubric (no model configured)", "critique by: model (gpt-4o-mini)".</summary>
    /// <param name="what">"critique", "follow-up", "drafted".</param>
    /// <param name="source">"rubric", "template", "bank", "model", or a stored "model:NAME".</param>
    /// <param name="note">Why the fallback was used, or the model's name.</param>
    public static string Source(string what, string source, string? note)
    {
        var (kind, detail) = source.StartsWith("model:", StringComparison.Ordinal) ? ("model", source["model:".Length..]) : (source, note);
        return string.IsNullOrWhiteSpace(detail) ? $"{what} by: {kind}" : $"{what} by: {kind} ({detail})";
    }

    /// <summary>The whole report: overall, dimensions, section shares, length and pace, every finding.</summary>
    public static void Report(CliContext ctx, CoachReportDto report)
    {
        var format = report.Format.ToUpperInvariant() + (report.FormatDetected ? ", detected" : "");
        ctx.Out.WriteLine($"Overall: {report.Overall}/100 ({format})");
        ctx.Out.WriteLine();

        var dimensions = new Table().Border(ctx.TableBorder);
        dimensions.AddColumn("Dimension");
        dimensions.AddColumn(new TableColumn("Score").RightAligned());
        dimensions.AddColumn(new TableColumn("Weight").RightAligned());
        dimensions.AddColumn(new TableColumn("Points").RightAligned());
        foreach (var d in report.Dimensions)
        {
            dimensions.AddRow(
                new Text(Label(d.Dimension)),
                new Text(d.Score.ToString(CultureInfo.InvariantCulture)),
                new Text(d.Weight.ToString(CultureInfo.InvariantCulture)),
                new Text(d.Points.ToString("0.0#", CultureInfo.InvariantCulture)));
        }

        dimensions.AddRow(new Text("overall", new Style(decoration: Decoration.Bold)), new Text(report.Overall.ToString(CultureInfo.InvariantCulture), new Style(decoration: Decoration.Bold)), new Text("100"), new Text(""));
        ctx.Console.Write(dimensions);

        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Sections (share of the words against the target):");
        var sections = new Table().Border(ctx.TableBorder);
        sections.AddColumn("Section");
        sections.AddColumn(new TableColumn("Words").RightAligned());
        sections.AddColumn(new TableColumn("Share").RightAligned());
        sections.AddColumn("Target");
        sections.AddColumn("Verdict");
        foreach (var s in report.Sections)
        {
            sections.AddRow(
                new Text(Label(s.Section)),
                new Text(s.Words.ToString(CultureInfo.InvariantCulture)),
                new Text(s.Percent.ToString("0.0", CultureInfo.InvariantCulture) + " %"),
                new Text(Target(s)),
                new Text(Label(s.Verdict)));
        }

        ctx.Console.Write(sections);

        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Length: " + Length(report.Length));

        ctx.Out.WriteLine();
        if (report.Findings.Count == 0)
        {
            ctx.Out.WriteLine("Findings: none.");
        }
        else
        {
            ctx.Out.WriteLine($"Findings ({report.Findings.Count}):");
            Findings(ctx, report.Findings);
        }
    }

    /// <summary>Findings as numbered entries: severity, dimension and code, the quoted words, the advice.</summary>
    public static void Findings(CliContext ctx, IEnumerable<FindingDto> findings)
    {
        var n = 0;
        foreach (var f in findings)
        {
            n++;
            ctx.Out.WriteLine($"  {n}. [{f.Severity}] {Label(f.Dimension)}: {f.Code}");
            if (f.Quote is { Length: > 0 } quote)
            {
                ctx.Out.WriteLine($"     \"{quote}\"");
            }

            ctx.Out.WriteLine($"     → {f.Advice}");
        }
    }

    /// <summary>"182 words, 95 s spoken (115 words per minute)" or the estimate.</summary>
    public static string Length(AnswerLengthDto length)
    {
        var text = length.Measured
            ? $"{length.Words} words in {Time(length.Seconds)} ({length.WordsPerMinute} words per minute)"
            : $"{length.Words} words, about {Time(length.Seconds)} at {length.WordsPerMinute} words per minute (estimated; pass --duration to measure your pace)";
        return length.Truncated ? text + "; the answer was too long, only its start was analysed" : text;
    }

    /// <summary>The critique and its source.</summary>
    public static void Critique(CliContext ctx, string critique, string source, string? note)
    {
        ctx.Out.WriteLine("Critique:");
        foreach (var line in critique.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            ctx.Out.WriteLine(line.Length == 0 ? "" : "  " + line);
        }

        ctx.Out.WriteLine(Source("critique", source, note));
    }

    private static string Time(int seconds) => seconds < 60
        ? $"{seconds} s"
        : string.Create(CultureInfo.InvariantCulture, $"{seconds} s ({seconds / 60}:{seconds % 60:00})");

    private static string Target(SectionShareDto s) => (s.TargetMin, s.TargetMax, s.Required) switch
    {
        ({ } min, { } max, _) => $"{min}-{max} %",
        ({ } min, null, _) => $"at least {min} %",
        (null, { } max, _) => $"at most {max} %",
        (null, null, true) => "present",
        _ => "–",
    };
}
