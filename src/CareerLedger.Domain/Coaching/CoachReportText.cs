using System.Globalization;
using System.Text;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Coaching;

/// <summary>Renders a <see cref="CoachReport"/> as plain text for a terminal (fixed-width columns, '\n' line ends, invariant culture).</summary>
public static class CoachReportText
{
    /// <summary>
    /// The report as text: the overall score and format, length and pace, a table of dimension scores, a table of section
    /// shares against their targets, then each finding with its severity, code, quote and advice. With
    /// <paramref name="showSentences"/>, also how each sentence was read (its section), for checking the section detection.
    /// </summary>
    public static string Render(CoachReport report, bool showSentences = false)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"Answer score: {report.Overall}/100 ({FormatName(report.Format)}{(report.FormatDetected ? ", detected" : "")})\n");
        var l = report.Length;
        var time = string.Create(inv, $"{l.Seconds / 60}:{l.Seconds % 60:00}");
        if (l.Measured)
        {
            sb.Append(inv, $"{l.Words} words in {time} spoken, {l.WordsPerMinute} words a minute (target {AnswerCoach.MinSeconds}-{AnswerCoach.MaxSeconds} s at {AnswerCoach.SlowWordsPerMinute}-{AnswerCoach.FastWordsPerMinute} words a minute)\n");
        }
        else
        {
            sb.Append(inv, $"{l.Words} words, about {time} spoken at {l.WordsPerMinute} words a minute (estimated; target {AnswerCoach.MinWords}-{AnswerCoach.MaxWords} words)\n");
        }
        if (l.Truncated)
        {
            sb.Append(inv, $"Only the first {l.Words:#,0} words were analysed.\n");
        }

        sb.Append('\n');
        sb.Append(inv, $"{"Dimension",-20}{"Score",6}{"Weight",8}{"Points",8}\n");
        foreach (var d in report.Dimensions)
        {
            sb.Append(inv, $"{DimensionName(d.Dimension),-20}{d.Score,6}{d.Weight,8}{Text.Number(d.Points),8}\n");
        }

        sb.Append(inv, $"{"Overall",-20}{"",6}{"",8}{report.Overall,8}\n\n");
        sb.Append(inv, $"{"Section",-20}{"Words",6}{"Share",9}  {"Target",-12}Verdict\n");
        foreach (var s in report.Sections)
        {
            var share = s.Percent.ToString("0.0", inv) + " %";
            sb.Append(inv, $"{SectionName(s.Section),-20}{s.Words,6}{share,9}  {TargetText(s),-12}{VerdictText(s.Verdict)}\n");
        }

        sb.Append('\n');
        if (report.Findings.Count == 0)
        {
            sb.Append("Findings: none. This answer meets every check.\n");
        }
        else
        {
            sb.Append(inv, $"Findings ({report.Findings.Count}):\n");
            foreach (var f in report.Findings)
            {
                sb.Append(inv, $"[{SeverityName(f.Severity)}] {f.Code} ({DimensionName(f.Dimension).ToLowerInvariant()})\n");
                if (f.Quote is not null)
                {
                    sb.Append(inv, $"    \"{f.Quote}\"\n");
                }

                sb.Append(inv, $"    Fix: {f.Advice}\n");
            }
        }

        if (showSentences)
        {
            sb.Append("\nHow the answer was read:\n");
            foreach (var s in report.Sentences)
            {
                var tag = SectionName(s.Section).ToLowerInvariant() + (s.Labelled ? ", labelled" : "") + (s.Hypothetical ? ", hypothetical" : "");
                sb.Append(inv, $"  [{tag}] {s.Text}\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>A label for <paramref name="dimension"/>, e.g. "Quantified result".</summary>
    public static string DimensionName(CoachDimension dimension) => dimension switch
    {
        CoachDimension.Structure => "Structure",
        CoachDimension.Ownership => "Ownership",
        CoachDimension.QuantifiedResult => "Quantified result",
        CoachDimension.Learning => "Learning",
        CoachDimension.Concreteness => "Concreteness",
        CoachDimension.LengthAndPace => "Length and pace",
        _ => "Delivery",
    };

    private static string FormatName(AnswerFormat format) => format == AnswerFormat.Star ? "STAR" : "CARL";

    private static string SectionName(AnswerSection section) => section switch
    {
        AnswerSection.Situation => "Situation",
        AnswerSection.Task => "Task",
        AnswerSection.Context => "Context",
        AnswerSection.Action => "Action",
        AnswerSection.Result => "Result",
        _ => "Learnings",
    };

    private static string SeverityName(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Problem => "problem",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    private static string TargetText(SectionShare s) => (s.TargetMin, s.TargetMax, s.Required) switch
    {
        (0, { } max, _) => string.Create(CultureInfo.InvariantCulture, $"up to {max} %"),
        ({ } min, { } max, _) => string.Create(CultureInfo.InvariantCulture, $"{min}-{max} %"),
        (_, _, true) => "present",
        _ => "-",
    };

    private static string VerdictText(ShareVerdict verdict) => verdict switch
    {
        ShareVerdict.OnTarget => "on target",
        ShareVerdict.TooShort => "too short",
        ShareVerdict.TooLong => "too long",
        ShareVerdict.Missing => "missing",
        _ => "not scored",
    };
}
