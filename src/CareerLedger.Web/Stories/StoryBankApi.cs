using Wolverine;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Questions;
using CareerLedger.Domain.Stories;
using Marten;
using CareerLedger.Web.Ai;
using CareerLedger.Web.Coaching;
using CareerLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerLedger.Web.Stories;

/// <summary>Draft request.</summary>
/// <param name="AccomplishmentIds">One or more accomplishments (the first is the main one).</param>
/// <param name="Format">star | carl (default star).</param>
/// <param name="Headline">Your own headline (with <paramref name="Sections"/>; default the main accomplishment's title and first metric).</param>
/// <param name="Sections">Your own text for revision 1 instead of a draft; the rules are those of a revision (action required, 4,000 characters each).</param>
public sealed record DraftStoryRequest(IReadOnlyList<Guid>? AccomplishmentIds, string? Format, string? Headline = null, StorySections? Sections = null);

/// <summary>A revision.</summary>
/// <param name="Format">star | carl (default: the current one).</param>
/// <param name="Headline">One line.</param>
/// <param name="Sections">The text per section.</param>
/// <param name="Reason">Why it changed.</param>
public sealed record ReviseStoryRequest(string? Format, string? Headline, StorySections? Sections, string? Reason);

/// <summary>Links.</summary>
/// <param name="Competencies">Competency names.</param>
/// <param name="QuestionIds">Question bank ids.</param>
public sealed record LinkStoryRequest(IReadOnlyList<string>? Competencies, IReadOnlyList<string>? QuestionIds);

/// <summary>A use of a story.</summary>
/// <param name="Company">Where (or "promotion packet").</param>
/// <param name="Round">Which round.</param>
/// <param name="On">The day (default today).</param>
public sealed record UseStoryRequest(string? Company, string? Round, DateOnly? On);

/// <summary>A story as the API returns it.</summary>
/// <param name="Version">Stream version (ETag).</param>
/// <param name="Story">The story with every revision.</param>
/// <param name="Text">The current revision as labelled text.</param>
/// <param name="DraftSource">For a new draft: "template" or "model".</param>
/// <param name="DraftNote">Why the template was used, or the model name.</param>
public sealed record StoryView(long Version, Story Story, string Text, string? DraftSource = null, string? DraftNote = null)
{
    /// <summary>Maps a document.</summary>
    /// <param name="doc">The story.</param>
    /// <param name="draft">For a new story: how revision 1 was written.</param>
    /// <param name="written">For a new story: true when revision 1 is the user's own text ("written", note null).</param>
    public static StoryView Of(Story doc, Assisted<ModelStoryDraft>? draft = null, bool written = false) => new(
        doc.Version, doc, doc.Current.Headline + "\n" + doc.Current.Sections.ToLabelledText(doc.Current.Format),
        draft is null ? null : written ? StoryHandler.WrittenNote : draft.Source == AiSource.Model ? "model" : "template", written ? null : draft?.Note);
}

/// <summary>Stories: <c>/api/stories</c> (draft, revise, link, use, retire, "tell me about yourself").</summary>
public static class StoryBankApi
{
    /// <summary>Maps the endpoints (all require a token).</summary>
    public static IEndpointRouteBuilder MapStoryBankApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stories").WithTags("Stories").RequireAuthorization();
        group.MapPost("/", Draft).WithName("DraftStory").WithSummary("Drafts a STAR or CARL story from accomplishments (template, or the model when configured); the rubric scores it. Send Idempotency-Key to make retries safe.");
        group.MapGet("/", List).WithName("ListStories").WithSummary("Your active stories (includeRetired=true for all).");
        group.MapGet("/intro", Intro).WithName("TellMeAboutYourself").WithSummary("A \"tell me about yourself\" draft from your top stories.");
        group.MapGet("/{id:guid}", Get).WithName("GetStory").WithSummary("One story with its lineage (every revision and its scores).");
        group.MapPut("/{id:guid}", Revise).WithName("ReviseStory").WithSummary("A new revision (scored). Requires If-Match.");
        group.MapPut("/{id:guid}/links", Link).WithName("LinkStory").WithSummary("Sets the competencies and bank questions the story answers.");
        group.MapPost("/{id:guid}/uses", Use).WithName("UseStory").WithSummary("Records where the story was told.");
        group.MapDelete("/{id:guid}", Retire).WithName("RetireStory").WithSummary("Retires the story.");
        return app;
    }

    internal static async Task<Results<Created<StoryView>, Ok<StoryView>>> Draft(
        DraftStoryRequest request, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var format = Fields.ParseEnum(errors, "format", request.Format, StoryFormat.Star);
        errors.ThrowIfAny();
        var drafted = await bus.InvokeForUserAsync<DraftedStory>(
            me, new DraftStory(request.AccomplishmentIds ?? [], format, IdempotencyKeys.FromHeader(idempotencyKey), request.Headline, request.Sections), ct);
        var (story, draft, created) = drafted;
        Etags.Set(http, story.Version);
        var view = StoryView.Of(story, draft, drafted.Written);
        return created ? TypedResults.Created($"/api/stories/{story.Id}", view) : TypedResults.Ok(view); // a repeat with the same Idempotency-Key is 200
    }

    internal static async Task<Ok<IReadOnlyList<StoryView>>> List(bool? includeRetired, CurrentUser me, IQuerySession session, CancellationToken ct)
    {
        IReadOnlyList<StoryView> stories = (await session.Query<Story>().ToListAsync(ct))
            .Where(d => includeRetired == true || !d.Retired)
            .OrderByDescending(d => d.Current.CurrentScore.Overall)
            .Select(d => StoryView.Of(d))
            .ToList();
        return TypedResults.Ok(stories);
    }

    internal static async Task<Results<Ok<StoryView>, NotFound>> Get(Guid id, CurrentUser me, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var doc = await session.LoadAsync<Story>(id, ct);
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.Ok(StoryView.Of(doc));
    }

    internal static async Task<IResult> Revise(Guid id, ReviseStoryRequest request, CurrentUser me, IMessageBus bus, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: true) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        var current = await session.LoadAsync<Story>(id, ct);
        if (current is null)
        {
            return TypedResults.NotFound();
        }

        return Answer(http, await ReviseAsync(current, request, expected, me, bus, ct));
    }

    /// <summary>
    /// A revision of <paramref name="current"/> as <c>PUT /api/stories/{id}</c> makes it (and the site's story editor): absent
    /// format, headline or sections keep the current ones, then the <see cref="ReviseStory"/> handler validates, scores and appends.
    /// </summary>
    /// <returns>The revised story, or null when it no longer exists.</returns>
    /// <exception cref="DomainValidationException">An unknown format, a missing action, a section or headline too long.</exception>
    /// <exception cref="VersionConflictException">When <paramref name="expected"/> is stale.</exception>
    internal static async Task<Story?> ReviseAsync(Story current, ReviseStoryRequest request, ExpectedVersion expected, CurrentUser me, IMessageBus bus, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var format = Text.Clean(request.Format) is null ? current.Current.Format : Fields.ParseEnum(errors, "format", request.Format, StoryFormat.Star);
        var sections = request.Sections ?? current.Current.Sections;
        errors.ThrowIfAny();
        return await bus.InvokeForUserAsync<Story?>(me, new ReviseStory(current.Id, format, Text.Clean(request.Headline) ?? current.Current.Headline, sections, request.Reason, expected), ct);
    }

    internal static async Task<IResult> Link(Guid id, LinkStoryRequest request, CurrentUser me, IMessageBus bus, QuestionBank bank, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var competencies = CompetencyCatalog.ParseAll(request.Competencies, "competencies", errors);
        var questions = request.QuestionIds ?? [];
        for (var i = 0; i < questions.Count; i++)
        {
            if (questions[i] is null)
            {
                errors.Add($"questionIds[{i}]", "Empty entry: give a question id from the bank (GET /api/questions lists them), or leave it out.");
            }
            else if (bank.ById(questions[i]) is null)
            {
                errors.Add($"questionIds[{i}]", $"No question '{questions[i]}' in the bank (GET /api/questions lists them).");
            }
        }

        errors.ThrowIfAny();
        var expected = Etags.Expected(http.Request, required: false) ?? ExpectedVersion.Any;
        return Answer(http, await bus.InvokeForUserAsync<Story?>(me, new LinkStory(id, competencies, questions.Distinct().ToList(), expected), ct));
    }

    internal static async Task<IResult> Use(Guid id, UseStoryRequest request, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        var expected = Etags.Expected(http.Request, required: false) ?? ExpectedVersion.Any;
        return Answer(http, await bus.InvokeForUserAsync<Story?>(me, new UseStory(id, request.Company, request.Round, request.On ?? me.Today, me.Today, expected), ct));
    }

    internal static async Task<IResult> Retire(Guid id, string? reason, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        var expected = Etags.Expected(http.Request, required: false) ?? ExpectedVersion.Any;
        var doc = await bus.InvokeForUserAsync<Story?>(me, new RetireStory(id, reason, expected), ct);
        return doc is null ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    internal static async Task<Ok<AssistedText>> Intro(CurrentUser me, LedgerReader reader, AiAssistant ai, CancellationToken ct)
    {
        var (accomplishments, _) = await reader.LoadAsync(null, ct);
        var ranking = StoryRanker.Rank(accomplishments, me.Today, 3);
        var fallback = IntroTemplate.Write(ranking);
        var facts = string.Join("\n", ranking.Top.Select(t => $"- {t.Title} ({t.Reason})"));
        return TypedResults.Ok(await ai.CompleteAsync(
            "Write a 60-90 second \"tell me about yourself\" answer for a software engineer in first person: who they are with a personal " +
            "twist, two or three measurable accomplishments from the list, and a forward-looking goal. Keep every number; invent nothing.",
            facts, fallback, text => text.Length is > 100 and < 3000, ct));
    }

    private static IResult Answer(HttpContext http, Story? doc)
    {
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.Ok(StoryView.Of(doc));
    }
}

/// <summary>The deterministic "tell me about yourself" template (docs/domain.md, "Practice").</summary>
public static class IntroTemplate
{
    /// <summary>Writes the template from the top-ranked stories.</summary>
    public static string Write(StoryRanking ranking)
    {
        if (ranking.Top.Count == 0)
        {
            return "[Log a few wins first: the intro is built from your three strongest stories.]";
        }

        var wins = ranking.Top.Select(t => t.Title.TrimEnd('.')).ToList();
        var strengths = ranking.Top.SelectMany(t => t.Competencies).GroupBy(c => c).OrderByDescending(g => g.Count()).Take(2)
            .Select(g => CompetencyCatalog.LabelOf(g.Key).ToLowerInvariant()).ToList();
        return $"I'm a software engineer who [one line about you: what you build, and a personal twist]. " +
               $"The work I'm proudest of recently: {string.Join("; ", wins)}. " +
               (strengths.Count > 0 ? $"What ties these together is {string.Join(" and ", strengths)}. " : "") +
               "Next I want to [the goal this role serves], which is why this role caught my eye.";
    }
}
