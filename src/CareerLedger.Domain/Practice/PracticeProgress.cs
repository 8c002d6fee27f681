using System.Globalization;
using System.Text.Json.Serialization;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Stories;

namespace CareerLedger.Domain.Practice;

/// <summary>
/// Practice over time: scores per dimension and competency, weakest areas, sessions per week, stories practised. Every score
/// point carries the score as stored with the rubric version that produced it and, when that rubric is older than the running
/// one, the score under the running rubric beside it; means, weakest areas and story best/last use the running rubric's
/// scores (docs/projections.md, "Re-scoring").
/// </summary>
/// <param name="Answers">Scored answers counted.</param>
/// <param name="Sessions">Sessions started.</param>
/// <param name="Overall">Overall score per answer, oldest first.</param>
/// <param name="ByDimension">Dimension → scores over time.</param>
/// <param name="ByCompetency">Competency (of the question) → overall scores over time.</param>
/// <param name="WeakestDimensions">Up to three dimensions with the lowest mean over the last <see cref="PracticeProgressBuilder.RecentAnswers"/> answers.</param>
/// <param name="WeakestCompetencies">Up to three competencies with the lowest mean overall score.</param>
/// <param name="SessionsPerWeek">ISO week ("2026-W47") → sessions started.</param>
/// <param name="StoriesPractised">Stories told in sessions, most practised first.</param>
public sealed record PracticeProgress(
    int Answers,
    int Sessions,
    IReadOnlyList<ScorePoint> Overall,
    IReadOnlyDictionary<string, IReadOnlyList<ScorePoint>> ByDimension,
    IReadOnlyDictionary<Competency, IReadOnlyList<ScorePoint>> ByCompetency,
    IReadOnlyList<string> WeakestDimensions,
    IReadOnlyList<Competency> WeakestCompetencies,
    IReadOnlyList<WeekCount> SessionsPerWeek,
    IReadOnlyList<StoryPracticeSummary> StoriesPractised)
{
    /// <summary>The active job-search goal practice is aimed at, when there is one (set by the caller, not by the builder).</summary>
    public JobSearchFocus? JobSearch { get; init; }

    /// <summary>The running rubric's version (<see cref="AnswerCoach.RubricVersion"/>): the version of every <see cref="ScorePoint.Rescored"/>.</summary>
    public int RubricVersion { get; init; } = AnswerCoach.RubricVersion;

    /// <summary>How many of the <see cref="Answers"/> were stored under an older rubric and are shown re-scored beside it.</summary>
    public int RescoredAnswers { get; init; }
}

/// <summary>What practice is for while a job search is active.</summary>
/// <param name="GoalId">The goal.</param>
/// <param name="Title">Its title.</param>
/// <param name="NextInterview">The next interview on or after today, if any.</param>
/// <param name="DaysToInterview">Days from today to it (0 = today), if any.</param>
/// <param name="CadenceDays">Days between mock sessions right now (the user's cadence, shortened near an interview; see docs/reminders.md).</param>
/// <param name="DaysSinceLastSession">Days since the last mock session started, or null when there was none.</param>
public sealed record JobSearchFocus(Guid GoalId, string Title, Goals.InterviewDate? NextInterview, int? DaysToInterview, int CadenceDays, int? DaysSinceLastSession);

/// <summary>A score at a time: as stored, and under the running rubric when the stored one is older.</summary>
/// <param name="At">When the answer was given (UTC).</param>
/// <param name="Score">0-100, as stored in the event.</param>
/// <param name="RubricVersion">The rubric version that produced <paramref name="Score"/> (1 for scores stored without one).</param>
/// <param name="Rescored">
/// 0-100 under the running rubric (<see cref="AnswerCoach.RubricVersion"/>, also <see cref="RescoredRubricVersion"/>), recomputed
/// from the stored text; null when <paramref name="RubricVersion"/> is the running one (then <paramref name="Score"/> is current).
/// </param>
public sealed record ScorePoint(DateTimeOffset At, int Score, int RubricVersion, int? Rescored)
{
    /// <summary>The rubric version of <see cref="Rescored"/>, or null when there is no re-score.</summary>
    public int? RescoredRubricVersion => Rescored is null ? null : AnswerCoach.RubricVersion;

    /// <summary>The score under the running rubric: <see cref="Rescored"/>, else <see cref="Score"/>.</summary>
    [JsonIgnore]
    public int Current => Rescored ?? Score;
}

/// <summary>Sessions started in an ISO week.</summary>
/// <param name="Week">"2026-W47".</param>
/// <param name="Sessions">Count.</param>
public sealed record WeekCount(string Week, int Sessions);

/// <summary>How a story did in practice.</summary>
/// <param name="StoryId">The story.</param>
/// <param name="Headline">Its current headline.</param>
/// <param name="Times">Times told in sessions.</param>
/// <param name="Best">Best overall score 0-100, under the running rubric.</param>
/// <param name="Last">Most recent overall score 0-100, under the running rubric.</param>
public sealed record StoryPracticeSummary(Guid StoryId, string Headline, int Times, int Best, int Last);

/// <summary>Builds <see cref="PracticeProgress"/> from sessions (pure).</summary>
public static class PracticeProgressBuilder
{
    /// <summary>How many recent answers decide the weakest dimensions.</summary>
    public const int RecentAnswers = 10;

    /// <summary>Builds the progress view. <paramref name="competenciesOf"/> maps a question id to its competencies.</summary>
    public static PracticeProgress Build(IEnumerable<MockSession> sessions, IEnumerable<Story> stories, Func<string, IReadOnlyList<Competency>> competenciesOf)
    {
        var list = sessions.OrderBy(s => s.StartedAt).ToList();
        var answers = list.SelectMany(s => s.Questions.Where(q => q.Score is not null && q.AnsweredOn is not null).Select(q => (Session: s, Q: q)))
            .OrderBy(x => x.Q.AnsweredOn).ToList();
        var overall = answers.Select(x => Point(x.Q, x.Q.Score!.Overall, x.Q.Rescored?.Overall)).ToList();
        IReadOnlyDictionary<string, IReadOnlyList<ScorePoint>> byDimension = answers
            .SelectMany(x => x.Q.Score!.Dimensions.Select(d => (d.Key, Point: Point(x.Q, d.Value, x.Q.Rescored is { } r ? r.Dimensions.GetValueOrDefault(d.Key) : null))))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ScorePoint>)g.Select(x => x.Point).ToList(), StringComparer.Ordinal);
        IReadOnlyDictionary<Competency, IReadOnlyList<ScorePoint>> byCompetency = answers
            .SelectMany(x => competenciesOf(x.Q.QuestionId).Select(c => (C: c, Point: Point(x.Q, x.Q.Score!.Overall, x.Q.Rescored?.Overall))))
            .GroupBy(x => x.C)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ScorePoint>)g.Select(x => x.Point).ToList());

        var recent = answers.TakeLast(RecentAnswers).ToList();
        var weakestDimensions = recent.SelectMany(x => x.Q.CurrentScore!.Dimensions).GroupBy(d => d.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Mean: g.Average(d => d.Value))).OrderBy(x => x.Mean).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Take(3).Select(x => x.Key).ToList();
        var weakestCompetencies = byCompetency.Select(kv => (kv.Key, Mean: kv.Value.Average(p => p.Current))).OrderBy(x => x.Mean).ThenBy(x => x.Key)
            .Take(3).Select(x => x.Key).ToList();
        var perWeek = list.GroupBy(s => Week(s.StartedOn)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new WeekCount(g.Key, g.Count())).ToList();

        var storyById = stories.ToDictionary(s => s.Id);
        var practised = answers.Where(x => x.Q.StoryId is { } id && storyById.ContainsKey(id))
            .GroupBy(x => x.Q.StoryId!.Value)
            .Select(g => new StoryPracticeSummary(g.Key, storyById[g.Key].Current.Headline, g.Count(), g.Max(x => x.Q.CurrentScore!.Overall), g.Last().Q.CurrentScore!.Overall))
            .OrderByDescending(s => s.Times).ThenByDescending(s => s.Best).ToList();

        return new PracticeProgress(answers.Count, list.Count, overall, byDimension, byCompetency, weakestDimensions, weakestCompetencies, perWeek, practised)
        {
            RescoredAnswers = answers.Count(x => x.Q.Rescored is not null),
        };
    }

    private static ScorePoint Point(SessionQuestion q, int stored, int? rescored) =>
        new(q.AnsweredOn!.Value, stored, q.Score!.RubricVersion, q.Rescored is null ? null : rescored ?? stored);

    /// <summary>The ISO 8601 week of a day, e.g. "2026-W47".</summary>
    public static string Week(DateOnly day)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}");
    }
}
