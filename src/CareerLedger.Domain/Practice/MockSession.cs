using System.Text.Json.Serialization;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Practice;

/// <summary>One question of a session with what happened to it.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Answer">The answer, once given.</param>
/// <param name="DurationSeconds">Spoken duration, if timed.</param>
/// <param name="StoryId">Story told, if any.</param>
/// <param name="Score">The rubric score as stored in <c>mock_answer_scored</c>, with the rubric version that produced it, once scored.</param>
/// <param name="Critique">The critique.</param>
/// <param name="CritiqueSource">"rubric" or "model:…".</param>
/// <param name="FollowUp">The follow-up asked.</param>
/// <param name="FollowUpSource">Where the follow-up came from.</param>
/// <param name="AnsweredOn">When answered (UTC).</param>
public sealed record SessionQuestion(
    string QuestionId, string? Answer, int? DurationSeconds, Guid? StoryId, AnswerScore? Score, string? Critique, string? CritiqueSource,
    string? FollowUp, string? FollowUpSource, DateTimeOffset? AnsweredOn)
{
    /// <summary>
    /// The answer's score under the running rubric (<see cref="AnswerCoach.RubricVersion"/>), recomputed from the stored text and
    /// duration when <see cref="Score"/> came from an older rubric; null when the stored score is already the running rubric's
    /// (or the answer is not scored). docs/projections.md, "Re-scoring".
    /// </summary>
    public AnswerScore? Rescored { get; init; }

    /// <summary>The score under the running rubric: <see cref="Rescored"/> when there is one, else <see cref="Score"/>.</summary>
    [JsonIgnore]
    public AnswerScore? CurrentScore => Rescored ?? Score;
}

/// <summary>A mock session's state (fold of its stream; the inline document).</summary>
/// <param name="Id">Stream id.</param>
/// <param name="Target">What it practises.</param>
/// <param name="Seed">Draw seed.</param>
/// <param name="StartedOn">Start day.</param>
/// <param name="StartedAt">Start instant (UTC).</param>
/// <param name="Questions">The questions in order.</param>
/// <param name="Summary">Set when finished.</param>
public sealed record MockSession(
    Guid Id, MockTarget Target, int Seed, DateOnly StartedOn, DateTimeOffset StartedAt, IReadOnlyList<SessionQuestion> Questions, SessionSummary? Summary)
{
    /// <summary>
    /// The stream version of the last event folded into this state (1 after the first event): the document's ETag. Set by the
    /// projection that stores the document, from the event's position in its stream; 0 for a state built outside a stream.
    /// </summary>
    public long Version { get; init; }

    /// <summary>Whether it has finished.</summary>
    public bool Finished => Summary is not null;

    /// <summary>The first question without an answer, or null when all are answered.</summary>
    public SessionQuestion? Next => Questions.FirstOrDefault(q => q.Answer is null);

    /// <summary>
    /// The summary under the running rubric (<see cref="AnswerCoach.RubricVersion"/>), from every answer's
    /// <see cref="SessionQuestion.CurrentScore"/>, when the stored <see cref="Summary"/> came from an older rubric; null when the
    /// stored summary is the running rubric's or the session is not finished. docs/projections.md, "Re-scoring".
    /// </summary>
    public SessionSummary? RescoredSummary { get; init; }

    /// <summary>Folds one event (pure).</summary>
    /// <exception cref="InvalidOperationException">When the event does not fit.</exception>
    public static MockSession Evolve(MockSession? state, MockSessionEvent e, DateTimeOffset at) => (state, e) switch
    {
        (null, MockSessionStarted s) => new MockSession(s.SessionId, s.Target, s.Seed, s.StartedOn, at,
            s.QuestionIds.Select(q => new SessionQuestion(q, null, null, null, null, null, null, null, null, null)).ToList(), null),
        ({ } s, MockAnswerSubmitted a) => s.Update(a.QuestionId, q => q with { Answer = a.Text, DurationSeconds = a.DurationSeconds, StoryId = a.StoryId, AnsweredOn = at }),
        ({ } s, MockAnswerScored sc) => s.Update(sc.QuestionId, q => q with
        {
            Score = sc.Score,
            Rescored = Rescoring.IsStale(sc.Score.RubricVersion) ? Rescoring.Answer(q.Answer, q.DurationSeconds) : null,
            Critique = sc.Critique,
            CritiqueSource = sc.CritiqueSource,
        }),
        ({ } s, MockFollowUpAsked f) => s.Update(f.QuestionId, q => q with { FollowUp = f.FollowUp, FollowUpSource = f.Source }),
        ({ } s, MockSessionFinished f) => s with
        {
            Summary = f.Summary,
            RescoredSummary = Rescoring.IsStale(f.Summary.RubricVersion) ? MockSessionDecider.Summarise(s) : null,
        },
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot apply to {(state is null ? "an empty stream" : "this session")}."),
    };

    private MockSession Update(string questionId, Func<SessionQuestion, SessionQuestion> change) =>
        this with { Questions = Questions.Select(q => q.QuestionId == questionId ? change(q) : q).ToList() };
}

/// <summary>The mock-session decider (pure).</summary>
public static class MockSessionDecider
{
    /// <summary>Records an answer to the next unanswered question (or the named one).</summary>
    /// <exception cref="DomainRuleException">When the session is finished or every question is answered.</exception>
    /// <exception cref="DomainValidationException">When the text is empty or too long, or the duration is out of range.</exception>
    public static MockAnswerSubmitted Answer(MockSession state, string? questionId, string? text, int? durationSeconds, Guid? storyId)
    {
        if (state.Finished)
        {
            throw new DomainRuleException("This session is finished; start a new one.");
        }

        var question = questionId is null ? state.Next : state.Questions.FirstOrDefault(q => q.QuestionId == questionId);
        var errors = new ValidationErrors();
        if (question is null)
        {
            if (questionId is null)
            {
                throw new DomainRuleException("Every question is answered; finish the session.");
            }

            errors.Add("questionId", $"'{questionId}' is not a question of this session.");
        }
        else if (question.Answer is not null)
        {
            throw new DomainRuleException($"'{question.QuestionId}' is already answered.");
        }

        var clean = Text.Clean(text);
        if (clean is null || !clean.Any(char.IsLetterOrDigit))
        {
            errors.Add("text", "Type (or paste) your answer: it needs words to be scored.");
        }
        else if (clean.Length > 20_000)
        {
            errors.Add("text", "Answers are at most 20,000 characters.");
        }

        if (durationSeconds is < 1 or > 3600)
        {
            errors.Add("durationSeconds", "Use the spoken duration in seconds, 1 to 3600.");
        }

        errors.ThrowIfAny();
        return new MockAnswerSubmitted(state.Id, question!.QuestionId, clean!, durationSeconds, storyId);
    }

    /// <summary>
    /// Summarises the scored answers under the running rubric: each answer's <see cref="SessionQuestion.CurrentScore"/> (its
    /// stored score, or the re-score when that came from an older rubric), stamped with <see cref="AnswerCoach.RubricVersion"/>.
    /// </summary>
    public static SessionSummary Summarise(MockSession state)
    {
        var scored = state.Questions.Where(q => q.CurrentScore is not null).Select(q => q.CurrentScore!).ToList();
        if (scored.Count == 0)
        {
            return new SessionSummary(0, 0, new Dictionary<string, int>(), [], [], AnswerCoach.RubricVersion);
        }

        var dims = scored.SelectMany(s => s.Dimensions).GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => (int)Math.Round(g.Average(kv => kv.Value), MidpointRounding.AwayFromZero), StringComparer.Ordinal);
        var weakest = dims.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(2).Select(kv => kv.Key).ToList();
        var common = scored.SelectMany(s => s.FindingCodes.Distinct()).GroupBy(c => c).Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        return new SessionSummary(
            scored.Count, (int)Math.Round(scored.Average(s => s.Overall), MidpointRounding.AwayFromZero), dims, weakest, common, AnswerCoach.RubricVersion);
    }
}
