using Wolverine;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Questions;
using CareerLedger.Domain.Readiness;
using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Reminders;
using CareerLedger.Domain.Stories;
using Marten;
using CareerLedger.Web.Ai;
using CareerLedger.Web.Coaching;
using CareerLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerLedger.Web.Practice;

/// <summary>Start a mock session.</summary>
/// <param name="Lens">amazon | google | meta | apple | netflix | stripe (optional).</param>
/// <param name="Level">senior | staff | principal (optional).</param>
/// <param name="Competencies">Competency names to focus on (optional).</param>
/// <param name="Questions">How many questions, 1-20 (default 5).</param>
/// <param name="Seed">Random seed (optional; the same seed and data draw the same questions).</param>
public sealed record StartSessionRequest(string? Lens, string? Level, IReadOnlyList<string>? Competencies, int? Questions, int? Seed);

/// <summary>An answer.</summary>
/// <param name="Text">The answer.</param>
/// <param name="DurationSeconds">Spoken duration (1-3600), if timed.</param>
/// <param name="QuestionId">Which question (default: the next unanswered one).</param>
/// <param name="StoryId">The story you told, if any.</param>
public sealed record AnswerRequest(string? Text, int? DurationSeconds, string? QuestionId, Guid? StoryId);

/// <summary>A session with the bank text of its questions.</summary>
/// <param name="Version">Stream version.</param>
/// <param name="Session">The session.</param>
/// <param name="Questions">Question id → text.</param>
/// <param name="Next">The next question to answer, or null.</param>
public sealed record SessionView(long Version, MockSession Session, IReadOnlyDictionary<string, string> Questions, Question? Next);

/// <summary>What answering returns.</summary>
/// <param name="QuestionId">The question answered.</param>
/// <param name="Report">The rubric's report.</param>
/// <param name="Critique">The critique.</param>
/// <param name="CritiqueSource">"rubric" or "model".</param>
/// <param name="CritiqueNote">Why the rubric was used (no model configured, timeout, error, unusable answer), or the model's name.</param>
/// <param name="FollowUp">The follow-up question.</param>
/// <param name="FollowUpSource">"bank", "rubric" or "model".</param>
/// <param name="Next">The next question, or null when all are answered.</param>
public sealed record AnswerResult(string QuestionId, CoachReport Report, string Critique, string CritiqueSource, string CritiqueNote, string FollowUp, string FollowUpSource, Question? Next);

/// <summary>Mock sessions, practice progress, readiness and the question bank.</summary>
public static class PracticeApi
{
    /// <summary>Maps the endpoints (all require a token).</summary>
    public static IEndpointRouteBuilder MapPracticeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Practice").RequireAuthorization();
        group.MapPost("/practice/sessions", Start).WithName("StartMockSession")
            .WithSummary("Starts a mock session: questions drawn with a seed, weighted toward competencies your stories don't cover and your weakest scores.");
        group.MapGet("/practice/sessions", Sessions).WithName("ListMockSessions").WithSummary("Your sessions, newest first.");
        group.MapGet("/practice/sessions/{id:guid}", Get).WithName("GetMockSession").WithSummary("One session.");
        group.MapPost("/practice/sessions/{id:guid}/answers", Answer).WithName("AnswerMockQuestion")
            .WithSummary("Answers the next question: the answer is recorded first, then scored by the rubric, critiqued and followed up (model or template).");
        group.MapPost("/practice/sessions/{id:guid}/finish", Finish).WithName("FinishMockSession").WithSummary("Ends the session with a summary.");
        group.MapGet("/practice/progress", Progress).WithName("PracticeProgress").WithSummary("Scores over time per dimension and competency, weakest areas, sessions per week, stories practised.");
        group.MapGet("/readiness", Readiness).WithName("PromotionReadiness").WithSummary("Which accomplishments and performance reviews evidence each level dimension for level=L5|L6|L7, the gaps (including growth areas a review names) and your reviews' promotion outcomes.");
        group.MapGet("/questions", Questions).WithName("QuestionBank").WithSummary("The behavioural question bank; filter by competency, lens, level.");
        return app;
    }

    internal static async Task<Results<Created<SessionView>, Ok<SessionView>>> Start(
        StartSessionRequest request, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CurrentUser me, QuestionBank bank, LedgerReader reader, IQuerySession session, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        CompanyLens? lens = null;
        if (Text.Clean(request.Lens) is { } l)
        {
            if (LensCatalog.TryParse(l, out CompanyLens parsed))
            {
                lens = parsed;
            }
            else
            {
                errors.Add("lens", $"Unknown lens '{l}'. Use one of: {string.Join(", ", LensCatalog.Lenses.Select(LensCatalog.NameOf))}.");
            }
        }

        var level = Text.Clean(request.Level) is null ? (ProbedLevel?)null : Fields.ParseEnum(errors, "level", request.Level, ProbedLevel.Senior);
        var focus = CompetencyCatalog.ParseAll(request.Competencies, "competencies", errors);
        var count = request.Questions ?? 5;
        if (count is < 1 or > 20)
        {
            errors.Add("questions", "Ask for 1 to 20 questions.");
        }

        errors.ThrowIfAny();

        var (accomplishments, _) = await reader.LoadAsync(null, ct);
        var stories = (await session.Query<Story>().ToListAsync(ct)).Where(s => !s.Retired).ToList();
        var sessions = (await session.Query<MockSession>().ToListAsync(ct)).ToList();
        var storyCovered = stories.SelectMany(s => s.Competencies).ToHashSet();
        var uncovered = CompetencyCatalog.All.Where(c => !storyCovered.Contains(c)).ToHashSet();
        var weakest = PracticeProgressBuilder.Build(sessions, stories, id => bank.ById(id)?.Competencies ?? []).WeakestCompetencies.ToHashSet();
        var seed = request.Seed ?? (int)(me.Now.UtcTicks % int.MaxValue);
        var filter = new QuestionFilter
        {
            Lenses = lens is { } ln ? [ln] : null,
            Levels = level is { } lv ? [lv] : null,
            Competencies = focus.Count > 0 ? focus : null,
            Kinds = [InterviewQuestionKind.Behavioral, InterviewQuestionKind.Failure],
        };
        var drawn = bank.Draw(count, seed, q => Weight(q, uncovered, weakest), filter);
        if (drawn.Count == 0)
        {
            errors.Add(lens is not null ? "lens" : level is not null ? "level" : "competencies", "No question in the bank matches these filters; widen them.");
            errors.ThrowIfAny();
        }

        var target = new MockTarget(lens is { } x ? LensCatalog.NameOf(x) : null, level?.ToString().ToLowerInvariant(), focus, drawn.Count);
        var (doc, created, _) = await bus.InvokeForUserAsync<Started<MockSession>>(
            me, new StartMockSession(target, seed, drawn.Select(q => q.Id).ToList(), me.Today, IdempotencyKeys.FromHeader(idempotencyKey)), ct);
        Etags.Set(http, doc.Version);
        return created ? TypedResults.Created($"/api/practice/sessions/{doc.Id}", View(doc, bank)) : TypedResults.Ok(View(doc, bank)); // a repeat is 200
    }

    /// <summary>
    /// Draw weight of a question: 1, ×3 when it probes a competency no active story covers, ×2 when it probes one of the
    /// user's weakest competencies in practice (docs/coaching.md).
    /// </summary>
    public static double Weight(Question q, IReadOnlySet<Competency> uncovered, IReadOnlySet<Competency> weakest) =>
        (q.Competencies.Any(uncovered.Contains) ? 3.0 : 1.0) * (q.Competencies.Any(weakest.Contains) ? 2.0 : 1.0);

    internal static async Task<Ok<IReadOnlyList<SessionView>>> Sessions(CurrentUser me, IQuerySession session, QuestionBank bank, CancellationToken ct)
    {
        IReadOnlyList<SessionView> list = (await session.Query<MockSession>().ToListAsync(ct))
            .OrderByDescending(d => d.StartedAt).Select(d => View(d, bank)).ToList();
        return TypedResults.Ok(list);
    }

    internal static async Task<Results<Ok<SessionView>, NotFound>> Get(Guid id, CurrentUser me, IQuerySession session, QuestionBank bank, CancellationToken ct) =>
        await session.LoadAsync<MockSession>(id, ct) is { } doc ? TypedResults.Ok(View(doc, bank)) : TypedResults.NotFound();

    internal static async Task<Results<Ok<AnswerResult>, NotFound>> Answer(Guid id, AnswerRequest request, CurrentUser me, IMessageBus bus, CancellationToken ct)
    {
        // 1. Record the answer before anything that can fail or take long (scoring, the model): its own transaction.
        var recorded = await bus.InvokeForUserAsync<RecordedAnswer?>(
            me, new RecordMockAnswer(id, Text.Clean(request.QuestionId), request.Text, request.DurationSeconds, request.StoryId), ct);
        if (recorded is null)
        {
            return TypedResults.NotFound();
        }

        // 2. Score, critique and follow up; the score and the story's practice credit in a second transaction.
        return TypedResults.Ok(await bus.InvokeForUserAsync<AnswerResult>(me, new ScoreMockAnswer(recorded.Session, recorded.Submitted), ct));
    }

    /// <summary>
    /// The deterministic follow-up: when "we" dominated, ask for the personal part; when there was no number or no learning,
    /// ask for it; otherwise one of the question's own follow-ups, chosen by the session seed.
    /// </summary>
    public static (string Text, string Source) FollowUp(Question? question, CoachReport report, int seed)
    {
        if (report.Has(FindingCodes.WeInsteadOfI))
        {
            return ("What was your own part in that, as opposed to the team's?", "rubric");
        }

        if (report.Has(FindingCodes.NoNumbers))
        {
            return ("How did you measure the result, and what was the number before and after?", "rubric");
        }

        if (report.Has(FindingCodes.NoLearning))
        {
            return ("What would you do differently, and what did you change so it doesn't happen again?", "rubric");
        }

        if (question is { FollowUps.Count: > 0 })
        {
            return (question.FollowUps[(int)((uint)(seed ^ question.Id.Length) % (uint)question.FollowUps.Count)], "bank");
        }

        return ("What would you do differently next time?", "rubric");
    }

    internal static async Task<Results<Ok<SessionView>, NotFound>> Finish(Guid id, CurrentUser me, IMessageBus bus, QuestionBank bank, CancellationToken ct)
    {
        var doc = await bus.InvokeForUserAsync<MockSession?>(me, new FinishMockSession(id, me.Today), ct);
        return doc is null ? TypedResults.NotFound() : TypedResults.Ok(View(doc, bank));
    }

    internal static async Task<Ok<PracticeProgress>> Progress(CurrentUser me, IQuerySession session, QuestionBank bank, CancellationToken ct)
    {
        var sessions = (await session.Query<MockSession>().ToListAsync(ct));
        var stories = (await session.Query<Story>().ToListAsync(ct));
        var progress = PracticeProgressBuilder.Build(sessions, stories, q => bank.ById(q)?.Competencies ?? []);
        if (Goal.Active(await session.Query<Goal>().ToListAsync(ct), GoalKind.JobSearch) is { } goal)
        {
            var settings = await Reminders.ReminderHandler.LoadSettingsAsync(session, ct);
            var next = goal.Details.NextInterview(me.Today);
            int? days = next is null ? null : next.On.DayNumber - me.Today.DayNumber;
            int? since = sessions.Count == 0 ? null : me.Today.DayNumber - sessions.Max(s => ZonedTime.Today(s.StartedAt, me.TimeZone)).DayNumber;
            progress = progress with
            {
                JobSearch = new JobSearchFocus(goal.Id, goal.Details.Title, next, days, ReminderRules.MockCadence(settings.MockEveryDays, days), since),
            };
        }

        return TypedResults.Ok(progress);
    }

    internal static async Task<Ok<ReadinessReport>> Readiness(string? level, CurrentUser me, LedgerReader reader, IQuerySession session, CancellationToken ct)
    {
        // Without level=, the active promotion goal's target level is assessed.
        var goalLevel = level is null && Goal.Active(await session.Query<Goal>().ToListAsync(ct), GoalKind.Promotion) is { } goal ? goal.Details.TargetLevel : null;
        var target = PromotionReadinessCalculator.Parse(level ?? goalLevel);
        if (target is null)
        {
            var errors = new ValidationErrors();
            errors.Add("level", level is null && goalLevel is not null
                ? $"Your promotion goal's level '{goalLevel}' is not one readiness knows; use level=L5 (senior), L6 (staff) or L7 (principal)."
                : level is null
                    ? "Use level=L5 (senior), L6 (staff) or L7 (principal), or open a promotion goal with a target level."
                    : "Use level=L5 (senior), L6 (staff) or L7 (principal).");
            errors.ThrowIfAny();
        }

        var (accomplishments, _, reviews) = await reader.LoadWithReviewsAsync(null, ct);
        return TypedResults.Ok(PromotionReadinessCalculator.Assess(accomplishments, reviews, target!.Value));
    }

    internal static Ok<IReadOnlyList<Question>> Questions(string? competency, string? lens, string? level, QuestionBank bank)
    {
        var errors = new ValidationErrors();
        var filter = new QuestionFilter();
        if (Text.Clean(competency) is { } c)
        {
            filter = filter with { Competencies = CompetencyCatalog.ParseAll([c], "competency", errors) };
        }

        if (Text.Clean(lens) is { } l)
        {
            if (LensCatalog.TryParse(l, out CompanyLens parsed))
            {
                filter = filter with { Lenses = [parsed] };
            }
            else
            {
                errors.Add("lens", $"Unknown lens '{l}'.");
            }
        }

        if (Text.Clean(level) is { } lv)
        {
            filter = filter with { Levels = [Fields.ParseEnum(errors, "level", lv, ProbedLevel.Senior)] };
        }

        errors.ThrowIfAny();
        return TypedResults.Ok(bank.Where(filter));
    }

    private static SessionView View(MockSession doc, QuestionBank bank) => new(
        doc.Version,
        doc,
        doc.Questions.ToDictionary(q => q.QuestionId, q => bank.ById(q.QuestionId)?.Text ?? "(question no longer in the bank)", StringComparer.Ordinal),
        doc.Finished || doc.Next is null ? null : bank.ById(doc.Next.QuestionId));
}
