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
/// <c>/stories/new</c>: write a story from one or more wins. Saving is <c>POST /api/stories</c> (<see cref="StoryBankApi.Draft"/>:
/// the same validation and the same <see cref="DraftStory"/> handler): with text in the sections it is stored as revision 1 and
/// scored by the rubric; with every section empty the draft is written from the wins (by the template, or the model when one is
/// configured). The form's request id is the idempotency key, so a form sent twice makes one story.
/// </summary>
public sealed class NewModel(CurrentUser me, IMessageBus bus, IQuerySession session, QuestionBank bank, CoachService coach) : PageModel
{
    /// <summary>The form as shown: empty, or as typed when it was refused or checked.</summary>
    public StoryForm Form { get; private set; } = new();

    /// <summary>The user's live wins to pick from, newest first.</summary>
    public IReadOnlyList<AccomplishmentView> Wins { get; private set; } = [];

    /// <summary>The coach's findings on the text as typed ("Check with the coach"), or null.</summary>
    public CoachPanel? Check { get; private set; }

    /// <summary>An empty form; <paramref name="from"/> ticks that win (the ranking page links here with it).</summary>
    /// <param name="from">An accomplishment id to start from.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task OnGetAsync(Guid? from, CancellationToken ct)
    {
        Wins = await StoryEditing.WinsAsync(session, ct);
        Form = new StoryForm
        {
            RequestId = Guid.NewGuid().ToString("N"),
            AccomplishmentIds = from is { } id && Wins.Any(w => w.Id == id) ? [id.ToString()] : Wins.Count == 1 ? [Wins[0].Id.ToString()] : [],
        };
    }

    /// <summary>Saves the story (then shows it with the coach's findings), or the same form with field errors and nothing lost.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = StoryForm.From(Request.Form);
        Wins = await StoryEditing.WinsAsync(session, ct);
        var ids = new List<Guid>();
        for (var i = 0; i < Form.AccomplishmentIds.Count; i++)
        {
            if (Guid.TryParse(Form.AccomplishmentIds[i], out var id))
            {
                ids.Add(id);
            }
            else
            {
                ModelState.AddModelError("accomplishmentIds", $"'{Form.AccomplishmentIds[i]}' is not a win of yours.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Refused();
        }

        var written = !Form.SectionsEmpty;
        StoryView? view = null;
        var ok = await ModelState.TryAsync(async () =>
        {
            var request = new DraftStoryRequest(ids, Form.Format, written ? Form.Headline : null, written ? Form.ToSections() : null);
            view = ApiResults.Value<StoryView>(await StoryBankApi.Draft(request, Form.RequestId is { } key ? "web:" + key : null, me, bus, HttpContext, ct));
            if (view is not null && Form.Competencies.Count > 0)
            {
                // The wins' competencies unless some were ticked: PUT /api/stories/{id}/links, keeping the story's questions.
                view = ApiResults.Value<StoryView>(await StoryBankApi.Link(view.Story.Id, new LinkStoryRequest(Form.Competencies, view.Story.QuestionIds), me, bus, bank, HttpContext, ct)) ?? view;
            }
        }, StoryEditing.FormKey);
        if (!ok || view is null)
        {
            return Refused();
        }

        return Redirect($"/stories/{view.Story.Id}?saved={view.Story.Current.Revision}");
    }

    /// <summary>"Check with the coach": scores the text as typed without saving it.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        Form = StoryForm.From(Request.Form);
        Wins = await StoryEditing.WinsAsync(session, ct);
        Check = await StoryEditing.CheckAsync(Form, coach, ModelState, ct);
        return Check is null ? Refused() : Page();
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
