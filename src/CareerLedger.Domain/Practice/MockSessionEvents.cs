using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Practice;

/// <summary>What a mock session practises.</summary>
/// <param name="Lens">Company lens (amazon, google, meta, apple, netflix, stripe) or null for any.</param>
/// <param name="Level">Level probed (senior, staff, principal) or null for any.</param>
/// <param name="Competencies">Competencies to focus on (empty = any).</param>
/// <param name="QuestionCount">Number of questions, 1-20.</param>
public sealed record MockTarget(string? Lens, string? Level, IReadOnlyList<Competency> Competencies, int QuestionCount);

/// <summary>The coach's verdict on one answer.</summary>
/// <param name="Overall">0-100.</param>
/// <param name="Dimensions">Dimension name (snake_case, e.g. <c>quantified_result</c>) → 0-100.</param>
/// <param name="FindingCodes">Stable codes of the findings that fired (e.g. we_instead_of_i).</param>
/// <param name="RubricVersion">
/// The <see cref="AnswerCoach.RubricVersion"/> that produced the score (1, 2, …). Stored as <c>rubricVersion</c>; a score stored
/// before the field existed has none and reads as 1, the parameter's default (docs/events.md, "Rubric versions").
/// </param>
public sealed record AnswerScore(int Overall, IReadOnlyDictionary<string, int> Dimensions, IReadOnlyList<string> FindingCodes, int RubricVersion = 1)
{
    /// <summary>The score of a coach report, stamped with the running <see cref="AnswerCoach.RubricVersion"/>: what new events store.</summary>
    /// <param name="report">The report of <see cref="AnswerCoach.Score"/>.</param>
    public static AnswerScore FromReport(CoachReport report) => new(
        report.Overall, Rescoring.DimensionScores(report), report.Findings.Select(f => f.Code).Distinct(StringComparer.Ordinal).ToList(), AnswerCoach.RubricVersion);
}

/// <summary>Events of a <c>mock_session</c> stream.</summary>
public abstract record MockSessionEvent(Guid SessionId);

/// <summary>Stored as <c>mock_session_started</c>: the questions are drawn at the start (seeded) and kept in the event.</summary>
/// <param name="SessionId">Stream id.</param>
/// <param name="Target">What is practised.</param>
/// <param name="Seed">Random seed of the draw.</param>
/// <param name="QuestionIds">The questions, in asking order.</param>
/// <param name="StartedOn">The day (user's calendar).</param>
public sealed record MockSessionStarted(Guid SessionId, MockTarget Target, int Seed, IReadOnlyList<string> QuestionIds, DateOnly StartedOn) : MockSessionEvent(SessionId);

/// <summary>Stored as <c>mock_answer_submitted</c>: the user's answer, recorded before any scoring or model call.</summary>
/// <param name="SessionId">Stream id.</param>
/// <param name="QuestionId">The question answered.</param>
/// <param name="Text">The answer as given.</param>
/// <param name="DurationSeconds">Spoken duration, if timed.</param>
/// <param name="StoryId">The story told, if any.</param>
public sealed record MockAnswerSubmitted(Guid SessionId, string QuestionId, string Text, int? DurationSeconds, Guid? StoryId) : MockSessionEvent(SessionId);

/// <summary>Stored as <c>mock_answer_scored</c>: the rubric's score and the critique shown to the user.</summary>
/// <param name="SessionId">Stream id.</param>
/// <param name="QuestionId">The question.</param>
/// <param name="Score">The rubric's score (always deterministic).</param>
/// <param name="Critique">The critique text.</param>
/// <param name="CritiqueSource">"rubric" or "model:&lt;name&gt;".</param>
public sealed record MockAnswerScored(Guid SessionId, string QuestionId, AnswerScore Score, string Critique, string CritiqueSource) : MockSessionEvent(SessionId);

/// <summary>Stored as <c>mock_follow_up_asked</c>.</summary>
/// <param name="SessionId">Stream id.</param>
/// <param name="QuestionId">The question it follows.</param>
/// <param name="FollowUp">The follow-up question.</param>
/// <param name="Source">"bank" (the question's own follow-ups), "rubric" (chosen from the findings) or "model:&lt;name&gt;".</param>
public sealed record MockFollowUpAsked(Guid SessionId, string QuestionId, string FollowUp, string Source) : MockSessionEvent(SessionId);

/// <summary>Stored as <c>mock_session_finished</c>.</summary>
/// <param name="SessionId">Stream id.</param>
/// <param name="FinishedOn">The day.</param>
/// <param name="Summary">Averages and weakest areas.</param>
public sealed record MockSessionFinished(Guid SessionId, DateOnly FinishedOn, SessionSummary Summary) : MockSessionEvent(SessionId);

/// <summary>What a session showed.</summary>
/// <param name="Answered">Questions answered.</param>
/// <param name="AverageOverall">Mean overall score 0-100 (0 when nothing was answered).</param>
/// <param name="DimensionAverages">Dimension → mean 0-100.</param>
/// <param name="Weakest">Up to two weakest dimensions.</param>
/// <param name="CommonFindings">Finding codes that fired in more than one answer.</param>
/// <param name="RubricVersion">
/// The <see cref="AnswerCoach.RubricVersion"/> of the scores averaged (1, 2, …). A summary stored before the field existed reads as
/// 1 (docs/events.md, "Rubric versions").
/// </param>
public sealed record SessionSummary(
    int Answered, int AverageOverall, IReadOnlyDictionary<string, int> DimensionAverages, IReadOnlyList<string> Weakest, IReadOnlyList<string> CommonFindings,
    int RubricVersion = 1);
