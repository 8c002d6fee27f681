using System.Text;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Stories;
using CareerLedger.Web.Ai;

namespace CareerLedger.Web.Coaching;

/// <summary>The rubric coach plus optional model help: a critique that builds on the rubric's findings.</summary>
public sealed class CoachService(AiAssistant ai)
{
    /// <summary>The deterministic critique: the findings as advice, problems first.</summary>
    public static string RubricCritique(CoachReport report)
    {
        if (report.Findings.Count == 0)
        {
            return $"Scored {report.Overall}/100 with nothing to fix: tell it the same way next time.";
        }

        var sb = new StringBuilder();
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"Scored {report.Overall}/100. ");
        foreach (var f in report.Findings.Where(f => f.Severity != FindingSeverity.Info).Take(4))
        {
            sb.Append(f.Advice).Append(' ');
        }

        return sb.ToString().Trim();
    }

    /// <summary>Scores with the rubric and asks the model (when configured) for a critique grounded in the findings.</summary>
    public async Task<(CoachReport Report, AssistedText Critique)> CoachAsync(string answer, TimeSpan? duration, AnswerFormat? format, string? question, CancellationToken ct)
    {
        var report = AnswerCoach.Score(answer, duration, format);
        var fallback = RubricCritique(report);
        var findings = string.Join("\n", report.Findings.Select(f => $"- {f.Code}: {f.Advice}" + (f.Quote is null ? "" : $" (\"{f.Quote}\")")));
        var critique = await ai.CompleteAsync(
            "You are an interview coach for software engineers. Give a short, concrete critique (at most 120 words) of a behavioural " +
            "interview answer. Build on the rubric findings you are given; do not contradict them; do not invent facts about the candidate.",
            $"Question: {question ?? "(not given)"}\nRubric score: {report.Overall}/100\nRubric findings:\n{findings}\n\nAnswer:\n{answer}",
            fallback,
            text => text.Length is > 20 and < 2000,
            ct);
        return (report, critique);
    }

    /// <summary>The rubric's score as stored in events, with the running rubric version (<see cref="AnswerScore.FromReport"/>).</summary>
    public static AnswerScore ToAnswerScore(CoachReport report) => AnswerScore.FromReport(report);

    /// <summary>The rubric's score of a story text, with the running rubric version (<see cref="StoryScore.FromReport"/>).</summary>
    public static StoryScore ToStoryScore(CoachReport report) => StoryScore.FromReport(report);
}
