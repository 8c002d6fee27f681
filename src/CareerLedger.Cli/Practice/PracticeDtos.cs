using CareerLedger.Cli.Coaching;

namespace CareerLedger.Cli.Practice;

// Response shapes of the practice API (src/CareerLedger.Web/Practice/PracticeApi.cs and the domain records it returns).
// Enums arrive as snake_case strings, days as yyyy-MM-dd.

internal sealed record SessionViewDto(long Version, MockSessionDto Session, IReadOnlyDictionary<string, string> Questions, QuestionDto? Next);

internal sealed record MockSessionDto(
    Guid Id, MockTargetDto Target, int Seed, string StartedOn, DateTimeOffset StartedAt, IReadOnlyList<SessionQuestionDto> Questions, SessionSummaryDto? Summary,
    SessionSummaryDto? RescoredSummary = null)
{
    public bool IsFinished => Summary is not null;

    public int Answered => Questions.Count(q => q.Answer is not null);
}

internal sealed record MockTargetDto(string? Lens, string? Level, IReadOnlyList<string> Competencies, int QuestionCount);

internal sealed record SessionQuestionDto(
    string QuestionId, string? Answer, int? DurationSeconds, Guid? StoryId, AnswerScoreDto? Score, string? Critique, string? CritiqueSource,
    string? FollowUp, string? FollowUpSource, DateTimeOffset? AnsweredOn, AnswerScoreDto? Rescored = null)
{
    /// <summary>The score under the running rubric: the re-score when the stored one is older, else the stored one.</summary>
    public AnswerScoreDto? CurrentScore => Rescored ?? Score;
}

// rubricVersion: the rubric that produced the score (absent from servers before re-scoring: 1).
internal sealed record AnswerScoreDto(int Overall, IReadOnlyDictionary<string, int> Dimensions, IReadOnlyList<string> FindingCodes, int RubricVersion = 1);

internal sealed record SessionSummaryDto(
    int Answered, int AverageOverall, IReadOnlyDictionary<string, int> DimensionAverages, IReadOnlyList<string> Weakest, IReadOnlyList<string> CommonFindings,
    int RubricVersion = 1);

internal sealed record QuestionDto(
    string Id, string Text, IReadOnlyList<string> Competencies, string Difficulty, string Level, IReadOnlyList<string> Lenses,
    IReadOnlyList<string>? FollowUps, string Kind);

internal sealed record AnswerResultDto(
    string QuestionId, CoachReportDto Report, string Critique, string CritiqueSource, string? CritiqueNote, string FollowUp, string FollowUpSource, QuestionDto? Next);

internal sealed record PracticeProgressDto(
    int Answers, int Sessions, IReadOnlyList<ScorePointDto> Overall, IReadOnlyDictionary<string, IReadOnlyList<ScorePointDto>> ByDimension,
    IReadOnlyDictionary<string, IReadOnlyList<ScorePointDto>> ByCompetency, IReadOnlyList<string> WeakestDimensions, IReadOnlyList<string> WeakestCompetencies,
    IReadOnlyList<WeekCountDto> SessionsPerWeek, IReadOnlyList<StoryPracticeSummaryDto> StoriesPractised, JobSearchFocusDto? JobSearch = null,
    int RubricVersion = 1, int RescoredAnswers = 0);

internal sealed record JobSearchFocusDto(Guid GoalId, string Title, Reminders.InterviewDto? NextInterview, int? DaysToInterview, int CadenceDays, int? DaysSinceLastSession);

internal sealed record ScorePointDto(DateTimeOffset At, int Score, int RubricVersion = 1, int? Rescored = null, int? RescoredRubricVersion = null)
{
    /// <summary>The score under the running rubric.</summary>
    public int Current => Rescored ?? Score;
}

internal sealed record WeekCountDto(string Week, int Sessions);

internal sealed record StoryPracticeSummaryDto(Guid StoryId, string Headline, int Times, int Best, int Last);

internal sealed record ReadinessReportDto(string Level, IReadOnlyList<DimensionEvidenceDto> Dimensions, int Ready, string Summary);

internal sealed record DimensionEvidenceDto(string Dimension, string Expectation, IReadOnlyList<EvidenceItemDto> Evidence, string? Gap, IReadOnlyList<ReviewCitationDto>? ReviewEvidence = null);

internal sealed record ReviewCitationDto(Guid ReviewId, string Review, string PeriodEnd, string Why);

internal sealed record EvidenceItemDto(Guid AccomplishmentId, string Title, string OccurredOn, string Why);
