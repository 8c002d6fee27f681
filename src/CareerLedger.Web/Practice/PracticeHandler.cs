using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Questions;
using CareerLedger.Domain.Stories;
using CareerLedger.Web.Ai;
using CareerLedger.Web.Coaching;
using CareerLedger.Web.Infrastructure;
using JasperFx.Events;
using Marten;
using Wolverine.Marten;

namespace CareerLedger.Web.Practice;

/// <summary>Starts a mock session with drawn questions. Answered with <see cref="Started{TDoc}"/> of <see cref="MockSession"/>.</summary>
/// <param name="Target">What the session practises.</param>
/// <param name="Seed">The draw seed (kept so follow-ups are reproducible).</param>
/// <param name="QuestionIds">The drawn bank questions, in order.</param>
/// <param name="Today">The user's today.</param>
/// <param name="ClientKey">The Idempotency-Key; null for none.</param>
public sealed record StartMockSession(MockTarget Target, int Seed, IReadOnlyList<string> QuestionIds, DateOnly Today, string? ClientKey);

/// <summary>Records an answer to the next (or the named) question. Answered with <see cref="RecordedAnswer"/>, or null when the user has no such session.</summary>
/// <param name="MockSessionId">The stream id.</param>
/// <param name="QuestionId">The question answered, or null for the next unanswered one.</param>
/// <param name="Text">The answer as typed or transcribed.</param>
/// <param name="DurationSeconds">Spoken duration in seconds (1-3600), if timed.</param>
/// <param name="StoryId">The story told, if any.</param>
public sealed record RecordMockAnswer(Guid MockSessionId, string? QuestionId, string? Text, int? DurationSeconds, Guid? StoryId);

/// <summary>The session after the answer was stored, and the stored answer.</summary>
/// <param name="Session">The session document including the answer.</param>
/// <param name="Submitted">The event that recorded it (cleaned text, resolved question id).</param>
public sealed record RecordedAnswer(MockSession Session, MockAnswerSubmitted Submitted);

/// <summary>Scores a recorded answer, critiques it and asks a follow-up. Answered with <see cref="AnswerResult"/>.</summary>
/// <param name="Session">The session as it was after the answer was recorded.</param>
/// <param name="Submitted">The recorded answer.</param>
public sealed record ScoreMockAnswer(MockSession Session, MockAnswerSubmitted Submitted);

/// <summary>Ends a session with its summary. Answered with the updated <see cref="MockSession"/>, or null when the user has no such session.</summary>
/// <param name="MockSessionId">The stream id.</param>
/// <param name="Today">The user's today.</param>
public sealed record FinishMockSession(Guid MockSessionId, DateOnly Today);

/// <summary>Wolverine handlers of the mock-session commands.</summary>
public static class PracticeHandler
{
    /// <summary>Starts the session stream; a repeat with the same key answers with the stored session.</summary>
    public static Task<Started<MockSession>> Handle(StartMockSession c, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        StreamCreation.StartAsync<MockSession>(
            session, "mock_session", c.ClientKey, clock,
            (id, existing) => existing is not null ? [] : [new MockSessionStarted(id, c.Target, c.Seed, c.QuestionIds, c.Today)], ct);

    /// <summary>
    /// Records the answer at the version just fetched (a concurrent answer to the same session makes this a 409). A plain handler
    /// rather than the aggregate workflow, because it answers with the recorded event as well as the document.
    /// </summary>
    /// <exception cref="CareerLedger.Domain.Common.DomainRuleException">When the session is finished or the question already answered.</exception>
    /// <exception cref="CareerLedger.Domain.Common.DomainValidationException">When the text or duration is invalid.</exception>
    public static async Task<RecordedAnswer?> Handle(RecordMockAnswer c, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<MockSession>(c.MockSessionId, ct);
        if (stream.Aggregate is not { } current)
        {
            return null;
        }

        var submitted = MockSessionDecider.Answer(current, c.QuestionId, c.Text, c.DurationSeconds, c.StoryId);
        stream.AppendOne(submitted);
        var at = PostgresClock.Truncate(clock.GetUtcNow());
        return new RecordedAnswer((MockSession)LedgerStore.Evolve(current, submitted, at, current.Version + 1), submitted);
    }

    /// <summary>
    /// Scores the answer with the rubric, critiques it (model when configured, else the rubric) and asks one follow-up (model,
    /// else the rubric's or the bank's); appends the score and the follow-up, and credits the story that was told, in one transaction.
    /// </summary>
    public static async Task<AnswerResult> Handle(
        ScoreMockAnswer c, IDocumentSession session, QuestionBank bank, CoachService coach, AiAssistant ai, CancellationToken ct)
    {
        var (doc, submitted) = (c.Session, c.Submitted);
        var id = doc.Id;
        var question = bank.ById(submitted.QuestionId);
        var duration = submitted.DurationSeconds is { } sec ? TimeSpan.FromSeconds(sec) : (TimeSpan?)null;

        var (report, critique) = await coach.CoachAsync(submitted.Text, duration, null, question?.Text, ct);
        var scored = new MockAnswerScored(id, submitted.QuestionId, CoachService.ToAnswerScore(report), critique.Text,
            critique.Source == AiSource.Model ? "model:" + critique.Note : "rubric");

        var (templateFollowUp, templateSource) = PracticeApi.FollowUp(question, report, doc.Seed);
        var follow = await ai.CompleteAsync(
            "You are a behavioural interviewer. Ask exactly one short follow-up question (one sentence ending in '?') that probes the weakest part of the candidate's answer.",
            $"Question: {question?.Text}\nAnswer: {submitted.Text}\nRubric findings: {string.Join(", ", report.Findings.Select(f => f.Code))}",
            templateFollowUp,
            text => text.EndsWith('?') && text.Length < 300 && !text.Contains('\n', StringComparison.Ordinal),
            ct);
        var asked = new MockFollowUpAsked(id, submitted.QuestionId, follow.Text, follow.Source == AiSource.Model ? "model:" + follow.Note : templateSource);
        // Each stream is locked for this transaction (Marten's exclusive fetch: select … for update on the stream row), so
        // the events get their real versions (the documents and ETags stay right) and concurrent answers crediting one story
        // queue up instead of overwriting each other's projected document. Always the session first, then the story.
        var sessionStream = await session.Events.FetchForExclusiveWriting<MockSession>(id, ct);
        sessionStream.AppendMany(scored, asked);

        if (submitted.StoryId is { } storyId)
        {
            var storyStream = await session.Events.FetchForExclusiveWriting<Story>(storyId, ct);
            if (storyStream.Aggregate is { } story)
            {
                storyStream.AppendOne(new StoryPracticed(storyId, story.Current.Revision, id, submitted.QuestionId, report.Overall, AnswerCoach.RubricVersion));
            }
        }

        var next = doc.Next is { } n ? bank.ById(n.QuestionId) : null;
        return new AnswerResult(submitted.QuestionId, report, critique.Text, CoachApi.Source(critique), critique.Note, asked.FollowUp,
            follow.Source == AiSource.Model ? "model" : templateSource, next);
    }

    /// <summary>Finishes the session (no event when it already is).</summary>
    public static (UpdatedAggregate, Events) Handle(FinishMockSession c, [WriteAggregate(Required = false)] IEventStream<MockSession> stream) =>
        StreamCommands.Decide(stream, ExpectedVersion.Any, s => s.Finished ? [] : [new MockSessionFinished(s.Id, c.Today, MockSessionDecider.Summarise(s))]);
}
