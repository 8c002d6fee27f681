using System.Globalization;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Questions;
using CareerLedger.Web.Coaching;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Pages.Stories;
using CareerLedger.Web.Practice;
using CareerLedger.Web.Site;
using CareerLedger.Web.Stories;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace CareerLedger.Web.Pages.Practice;

/// <summary>
/// <c>/practice/{sessionId}</c>: one mock interview. The next question with an answer box (and a timer when JavaScript runs);
/// answering is <c>POST /api/practice/sessions/{id}/answers</c> (<see cref="PracticeApi.Answer"/>: the answer is stored first,
/// then scored, critiqued and followed up). Each answered question shows its score, the coach's findings and the follow-up,
/// which can be answered too: that answer is scored by the coach (<c>POST /api/coach</c>) and not stored, as the API keeps only
/// the session's own questions. Finishing is <c>POST …/finish</c>, and a finished session shows its summary.
/// </summary>
public sealed class SessionModel(CurrentUser me, IMessageBus bus, IQuerySession session, QuestionBank bank, CoachService coach) : PageModel
{
    /// <summary>The session with its questions' texts.</summary>
    public SessionView View { get; private set; } = null!;

    /// <summary>The user's active stories (to say which one an answer told), highest coach score first.</summary>
    public IReadOnlyList<StoryView> Stories { get; private set; } = [];

    /// <summary>The signed-in user's time zone (the session's start is shown in it).</summary>
    public TimeZoneInfo TimeZone => me.TimeZone;

    /// <summary>The answer as typed when it was refused (kept in the box), else empty.</summary>
    public string? Text { get; private set; }

    /// <summary>The spoken duration as typed (seconds), when refused.</summary>
    public string? DurationSeconds { get; private set; }

    /// <summary>The story chosen, when refused.</summary>
    public string? StoryId { get; private set; }

    /// <summary>The question whose results are shown open (just answered, or the last answered).</summary>
    public string? Focus { get; private set; }

    /// <summary>The follow-up answered on this request: the question it follows, the answer and the coach's findings.</summary>
    public (string QuestionId, string Text, CoachPanel Panel)? FollowUpResult { get; private set; }

    /// <summary>The follow-up answer as typed when it was refused, by question id.</summary>
    public (string QuestionId, string? Text)? FollowUpTyped { get; private set; }

    /// <summary>The bank question of an id, or null when it left the bank.</summary>
    public Question? QuestionOf(string id) => bank.ById(id);

    /// <summary>The coach's findings on a stored answer: the rubric's report of its text and duration (as it was scored), with the stored critique.</summary>
    public static CoachPanel? PanelOf(SessionQuestion q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return q.Answer is null || q.Score is null
            ? null
            : CoachPanel.Rubric("The coach on your answer", q.Answer, q.DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null, null, q.Critique, q.CritiqueSource);
    }

    /// <summary>Shows the session; 404 when the signed-in user has none with this id.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="answered">The question just answered (its results are shown open).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnGetAsync(Guid sessionId, string? answered, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct))
        {
            return NotFound();
        }

        Focus = answered ?? View.Session.Questions.LastOrDefault(q => q.Answer is not null)?.QuestionId;
        return Page();
    }

    /// <summary>Answers the question; then shows its score, findings and follow-up, or the same box with the error and the text kept.</summary>
    public async Task<IActionResult> OnPostAsync(Guid sessionId, CancellationToken ct)
    {
        Text = Request.Form["text"];
        DurationSeconds = Request.Form["durationSeconds"];
        StoryId = Request.Form["storyId"];
        var questionId = Request.Form["questionId"].ToString();
        int? duration = ParseDuration(DurationSeconds, "durationSeconds");
        Guid? story = Guid.TryParse(StoryId, out var sid) ? sid : null;
        AnswerResult? result = null;
        var found = true;
        var ok = ModelState.IsValid && await ModelState.TryAsync(async () =>
        {
            var answer = await PracticeApi.Answer(sessionId, new AnswerRequest(Text, duration, string.IsNullOrEmpty(questionId) ? null : questionId, story), me, bus, ct);
            result = ApiResults.Value<AnswerResult>(answer);
            found = result is not null;
        }, key => key == "answer" ? "text" : key);
        if (!found)
        {
            return NotFound();
        }

        if (!ok || result is null)
        {
            return await RefusedAsync(sessionId, ct);
        }

        return Redirect($"/practice/{sessionId}?answered={Uri.EscapeDataString(result.QuestionId)}#q-{result.QuestionId}");
    }

    /// <summary>Answers a follow-up: the coach scores the answer (nothing is stored) and the page shows the findings under it.</summary>
    public async Task<IActionResult> OnPostFollowUpAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct))
        {
            return NotFound();
        }

        var questionId = Request.Form["questionId"].ToString();
        var text = Request.Form["text"].ToString();
        Focus = questionId;
        var asked = View.Session.Questions.FirstOrDefault(q => q.QuestionId == questionId && q.FollowUp is not null);
        if (asked is null)
        {
            ModelState.AddModelError(PageErrors.FormKey, "That question has no follow-up yet: answer the question first.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        CoachResponse? response = null;
        await ModelState.TryAsync(
            async () => response = ApiResults.Value<CoachResponse>(await CoachApi.Coach(new CoachRequest(text, null, null, asked.FollowUp), coach, ct)),
            key => key is "text" or "answer" ? "followUp.text" : key);
        if (response is null)
        {
            FollowUpTyped = (questionId, text);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        FollowUpResult = (questionId, text, new CoachPanel("The coach on your follow-up answer", response.Report, response.Critique, response.CritiqueSource,
            "Scored, not stored: the session keeps the answers to its own questions."));
        return Page();
    }

    /// <summary>Finishes the session (its summary is stored) and shows it.</summary>
    public async Task<IActionResult> OnPostFinishAsync(Guid sessionId, CancellationToken ct)
    {
        var finished = ApiResults.Value<SessionView>(await PracticeApi.Finish(sessionId, me, bus, bank, ct));
        return finished is null ? NotFound() : Redirect($"/practice/{sessionId}#summary");
    }

    private int? ParseDuration(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        ModelState.AddModelError(key, $"'{text}' is not a number of seconds: give the spoken time in whole seconds, 1 to 3600, or leave it empty.");
        return null;
    }

    private async Task<IActionResult> RefusedAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct))
        {
            return NotFound();
        }

        Focus = View.Session.Questions.LastOrDefault(q => q.Answer is not null)?.QuestionId;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid sessionId, CancellationToken ct)
    {
        var view = ApiResults.Value<SessionView>(await PracticeApi.Get(sessionId, me, session, bank, ct));
        if (view is null)
        {
            return false;
        }

        View = view;
        Stories = ApiResults.Value<IReadOnlyList<StoryView>>(await StoryBankApi.List(false, me, session, ct)) ?? [];
        return true;
    }
}
