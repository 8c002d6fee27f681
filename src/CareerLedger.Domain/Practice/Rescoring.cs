using System.Text.Json;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Practice;

/// <summary>
/// Scores stored text again under the running rubric (<see cref="AnswerCoach.RubricVersion"/>). The events keep the raw text
/// (<c>mock_answer_submitted</c> with its duration, the story sections), so a score stored under an older rubric can be
/// recomputed while a projection folds them; pure and deterministic. docs/projections.md, "Re-scoring".
/// </summary>
public static class Rescoring
{
    /// <summary>Whether a score stored under <paramref name="rubricVersion"/> differs in origin from the running rubric's.</summary>
    /// <param name="rubricVersion">The version the stored score names (1 for scores stored without one).</param>
    public static bool IsStale(int rubricVersion) => rubricVersion != AnswerCoach.RubricVersion;

    /// <summary>The report's dimension scores keyed by snake_case dimension name (<c>quantified_result</c>), as events store them.</summary>
    /// <param name="report">A coach report.</param>
    public static IReadOnlyDictionary<string, int> DimensionScores(CoachReport report) =>
        report.Dimensions.ToDictionary(d => JsonNamingPolicy.SnakeCaseLower.ConvertName(d.Dimension.ToString()), d => d.Score, StringComparer.Ordinal);

    /// <summary>
    /// The running rubric's score of a mock answer, exactly as <c>POST …/answers</c> scores it: the text with its spoken duration
    /// (seconds) when one was recorded, the structure detected. Null when the text cannot be scored (no words), which the
    /// answer's validation already prevents.
    /// </summary>
    /// <param name="text">The answer as stored in <c>mock_answer_submitted</c>.</param>
    /// <param name="durationSeconds">Its spoken duration in seconds, if recorded.</param>
    public static AnswerScore? Answer(string? text, int? durationSeconds)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return AnswerScore.FromReport(AnswerCoach.Score(text, durationSeconds is { } s and > 0 ? TimeSpan.FromSeconds(s) : null));
        }
        catch (DomainValidationException)
        {
            return null;
        }
    }
}
