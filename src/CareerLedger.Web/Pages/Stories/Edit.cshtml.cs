using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Questions;
using CareerLedger.Domain.Stories;
using CareerLedger.Web.Accomplishments;
using CareerLedger.Web.Coaching;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Site;
using CareerLedger.Web.Stories;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace CareerLedger.Web.Pages.Stories;

/// <summary>
/// <c>/stories/{id}</c>: one story in the editor, the coach's findings on its current revision beside it, and its lineage (every
/// revision with the score it was written with and the rubric version). Saving is <c>PUT /api/stories/{id}</c>
/// (<see cref="StoryBankApi.ReviseAsync"/>: the same validation and <see cref="ReviseStory"/> handler) with the version the page
/// was read at: when the story changed since, the save is refused as a conflict and the typed text is kept. Ticked competencies
/// that differ from the story's are saved with <c>PUT /api/stories/{id}/links</c>.
/// </summary>
public sealed class EditModel(CurrentUser me, IMessageBus bus, IQuerySession session, QuestionBank bank, CoachService coach) : PageModel
{
    /// <summary>The story as stored (after a refused save: as it is now in the store).</summary>
    public Story Story { get; private set; } = null!;

    /// <summary>The form: the current revision, or the text as typed when a save was refused or checked.</summary>
    public StoryForm Form { get; private set; } = new();

    /// <summary>The wins the story tells (main one first); retracted or unknown ones are left out.</summary>
    public IReadOnlyList<AccomplishmentView> SourceWins { get; private set; } = [];

    /// <summary>The coach's findings: on the current revision, or on the text as typed after "Check with the coach".</summary>
    public CoachPanel? Panel { get; private set; }

    /// <summary>The revision just saved (from the redirect after a save), or null.</summary>
    public int? Saved { get; private set; }

    /// <summary>The signed-in user's time zone (times of revisions are shown in it).</summary>
    public TimeZoneInfo TimeZone => me.TimeZone;

    /// <summary>True when a save was refused because the story changed after the page was read.</summary>
    public bool Conflict { get; private set; }

    /// <summary>Shows the story; 404 when the signed-in user has no story with this id.</summary>
    /// <param name="id">The story id.</param>
    /// <param name="saved">The revision a save just stored (shown as a confirmation).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnGetAsync(Guid id, int? saved, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Saved = saved;
        Form = StoryForm.From(Story);
        Panel = CoachPanel.OfRevision($"The coach on revision {Story.Current.Revision}", Story.Current);
        return Page();
    }

    /// <summary>Saves a new revision at the version read, or shows the form again with the errors (or the conflict) and nothing lost.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Form = StoryForm.From(Request.Form);
        if (Form.Version is not { } version)
        {
            ModelState.AddModelError(PageErrors.FormKey, "The page did not say which version you edited; reload it and apply your change again.");
            return Refused();
        }

        Story? revised = null;
        var ok = await ModelState.TryAsync(async () =>
        {
            revised = await StoryBankApi.ReviseAsync(Story, Form.ToRevision(), ExpectedVersion.Exactly(version), me, bus, ct);
            var ticked = CompetencyCatalog.ParseAll(Form.Competencies, "competencies", new Domain.Common.ValidationErrors());
            if (revised is not null && !ticked.ToHashSet().SetEquals(revised.Competencies))
            {
                var linked = ApiResults.Value<StoryView>(await StoryBankApi.Link(id, new LinkStoryRequest(Form.Competencies, revised.QuestionIds), me, bus, bank, HttpContext, ct));
                revised = linked?.Story ?? revised;
            }
        }, StoryEditing.FormKey);
        if (!ok || revised is null)
        {
            await LoadAsync(id, ct);
            if (Story.Version != version)
            {
                // The newer revision is in the history below; the typed text stays, and saving again puts it after that one.
                Conflict = true;
                Form.Version = Story.Version;
            }

            return Refused();
        }

        return Redirect($"/stories/{id}?saved={revised.Current.Revision}");
    }

    /// <summary>"Check with the coach": scores the text as typed without saving it.</summary>
    public async Task<IActionResult> OnPostCheckAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Form = StoryForm.From(Request.Form);
        Panel = await StoryEditing.CheckAsync(Form, coach, ModelState, ct);
        return Panel is null ? Refused() : Page();
    }

    /// <summary>The sections of <paramref name="revision"/> that have text, in its format's order with their labels (for the history).</summary>
    public static IReadOnlyList<(string Label, string Text)> Lines(StoryRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var s = revision.Sections;
        var parts = revision.Format == StoryFormat.Star
            ? new[] { ("Situation", s.Situation), ("Task", s.Task), ("Action", s.Action), ("Result", s.Result), ("Learnings", s.Learnings) }
            : new[] { ("Context", s.Context), ("Action", s.Action), ("Result", s.Result), ("Learnings", s.Learnings) };
        return parts.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => (p.Item1, p.Item2!)).ToList();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var story = ApiResults.Value<StoryView>(await StoryBankApi.Get(id, me, session, HttpContext, ct))?.Story;
        if (story is null)
        {
            return false;
        }

        Story = story;
        var wins = await StoryEditing.WinsAsync(session, ct);
        SourceWins = story.AccomplishmentIds.Select(a => wins.FirstOrDefault(w => w.Id == a)).OfType<AccomplishmentView>().ToList();
        return true;
    }

    private PageResult Refused()
    {
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
