using System.Globalization;
using System.Text.Json;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Stories;
using CareerLedger.Web.Coaching;
using CareerLedger.Web.Stories;

namespace CareerLedger.Web.Pages.Stories;

/// <summary>
/// What the coach said about one text, as the findings panel (<c>_CoachFindings.cshtml</c>) shows it: the rubric's report (score,
/// dimensions, section shares, findings) and the critique, with where the critique came from.
/// </summary>
/// <param name="Heading">The panel's heading, e.g. "The coach on revision 2".</param>
/// <param name="Report">The rubric's report (deterministic: the same text always gets the same report).</param>
/// <param name="Critique">The critique: the rubric's, or the model's when one is configured and the text was checked or answered.</param>
/// <param name="CritiqueSource">"rubric" or "model".</param>
/// <param name="Note">A line under the heading (e.g. "Not saved: a check of the text as typed."), or null.</param>
public sealed record CoachPanel(string Heading, CoachReport Report, string Critique, string CritiqueSource, string? Note = null)
{
    /// <summary>The panel of a text scored by the rubric alone (as a story revision or a mock answer is scored).</summary>
    /// <param name="heading">The heading.</param>
    /// <param name="text">The text as scored.</param>
    /// <param name="duration">The spoken duration, if known.</param>
    /// <param name="format">The format to measure against, or null to detect it.</param>
    /// <param name="critique">The stored critique to show, or null for the rubric's.</param>
    /// <param name="critiqueSource">Where a stored critique came from ("rubric" or "model:…").</param>
    /// <param name="note">A line under the heading.</param>
    public static CoachPanel Rubric(string heading, string text, TimeSpan? duration, AnswerFormat? format, string? critique = null, string? critiqueSource = null, string? note = null)
    {
        var report = AnswerCoach.Score(text, duration, format);
        return new CoachPanel(heading, report, critique ?? CoachService.RubricCritique(report),
            critiqueSource is { } s && s.StartsWith("model", StringComparison.Ordinal) ? "model" : "rubric", note);
    }

    /// <summary>The panel of a story revision: its spoken text (<see cref="StoryScore.SpokenText"/>) in its format.</summary>
    public static CoachPanel? OfRevision(string heading, StoryRevision revision, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var text = StoryScore.SpokenText(revision.Sections, revision.Format);
        return text.Any(char.IsLetterOrDigit)
            ? Rubric(heading, text, null, StoryHandler.Map(revision.Format), note: note)
            : null;
    }
}

/// <summary>Labels of the coach's and the ranking's names, as the pages show them.</summary>
public static class CoachText
{
    /// <summary>"Quantified result" for <c>quantified_result</c> (a dimension's stored name) or <see cref="CoachDimension.QuantifiedResult"/>.</summary>
    public static string Dimension(string name) => name switch
    {
        "structure" => "Structure",
        "ownership" => "Ownership",
        "quantified_result" => "Quantified result",
        "learning" => "Learning",
        "concreteness" => "Concreteness",
        "length_and_pace" => "Length and pace",
        "delivery" => "Delivery",
        _ => Sentence(name),
    };

    /// <summary>The label of a dimension.</summary>
    public static string Dimension(CoachDimension dimension) => Dimension(Snake(dimension.ToString()));

    /// <summary>"Problem", "Warning" or "Tip".</summary>
    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Problem => "Problem",
        FindingSeverity.Warning => "Warning",
        _ => "Tip",
    };

    /// <summary>A section's name, e.g. "Situation".</summary>
    public static string Section(AnswerSection section) => section.ToString();

    /// <summary>A section share's verdict in words.</summary>
    public static string Verdict(ShareVerdict verdict) => verdict switch
    {
        ShareVerdict.OnTarget => "on target",
        ShareVerdict.TooShort => "too short",
        ShareVerdict.TooLong => "too long",
        ShareVerdict.Missing => "missing",
        _ => "not scored",
    };

    /// <summary>The target share of a section, e.g. "15-20 %", or "present" / "—".</summary>
    public static string Target(SectionShare share)
    {
        ArgumentNullException.ThrowIfNull(share);
        return share.TargetMin is { } min && share.TargetMax is { } max
            ? string.Create(CultureInfo.InvariantCulture, $"{min}-{max} %")
            : share.Required ? "present" : "—";
    }

    /// <summary>"STAR" or "CARL".</summary>
    public static string Format(StoryFormat format) => format == StoryFormat.Star ? "STAR" : "CARL";

    /// <summary>A finding code in words, e.g. "we instead of i" → "We instead of I".</summary>
    public static string Code(string code) => code switch
    {
        "we_instead_of_i" => "“We” instead of “I”",
        _ => Sentence(code),
    };

    /// <summary>A number as the pages print it (invariant culture, at most one decimal).</summary>
    public static string Number(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Sentence(string snake)
    {
        var words = (snake ?? "").Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
