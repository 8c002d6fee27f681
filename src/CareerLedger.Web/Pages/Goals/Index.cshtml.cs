using CareerLedger.Domain.Common;
using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Questions;
using CareerLedger.Domain.Readiness;
using CareerLedger.Domain.Reminders;
using CareerLedger.Web.Goals;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Pages.Reminders;
using CareerLedger.Web.Practice;
using CareerLedger.Web.Reminders;
using CareerLedger.Web.Site;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace CareerLedger.Web.Pages.Goals;

/// <summary>
/// <c>/goals</c>: the active goals with their progress as the API reports it (promotion readiness for the goal's level,
/// <c>GET /api/readiness</c>; the job search's next interview and mock-session cadence, <c>GET /api/practice/progress</c>),
/// reaching or dropping a goal, the two logging streaks (<c>GET /api/streak</c>), when each reminder fires next, and the private
/// calendar feed, issued and revoked through the API's handlers (<c>POST</c> and <c>DELETE /api/reminders/calendar</c>).
/// </summary>
public sealed class IndexModel(CurrentUser me, IQuerySession session, LedgerReader reader, QuestionBank bank, IMessageBus bus) : PageModel
{
    /// <summary>Every goal, active first (the API's order).</summary>
    public IReadOnlyList<GoalView> Goals { get; private set; } = [];

    /// <summary>The active promotion goal, if any.</summary>
    public GoalView? Promotion => Goals.FirstOrDefault(g => g.Status == GoalStatus.Active && g.Kind == GoalKind.Promotion);

    /// <summary>The active job-search goal, if any.</summary>
    public GoalView? JobSearch => Goals.FirstOrDefault(g => g.Status == GoalStatus.Active && g.Kind == GoalKind.JobSearch);

    /// <summary>Readiness for the promotion goal's level (null without one, or when its level is not one readiness knows).</summary>
    public ReadinessReport? Readiness { get; private set; }

    /// <summary>Why readiness could not be assessed for the promotion goal's level (the API's message), or null.</summary>
    public string? ReadinessProblem { get; private set; }

    /// <summary>The job search as practice progress reports it (next interview, days to it, cadence in days, days since the last session).</summary>
    public JobSearchFocus? JobSearchFocus { get; private set; }

    /// <summary>The activity and logging streaks with their explanation.</summary>
    public StreakView Streak { get; private set; } = null!;

    /// <summary>The reminder settings (the calendar feed's state among them).</summary>
    public ReminderSettingsView Settings { get; private set; } = null!;

    /// <summary>When each reminder kind fires next.</summary>
    public IReadOnlyList<NextReminder> Next { get; private set; } = [];

    /// <summary>The calendar feed URL just issued (shown once, on the answer to the post that issued it).</summary>
    public string? FeedUrl { get; private set; }

    /// <summary>A confirmation to show (goal saved, reached, dropped; feed stopped).</summary>
    public string? Notice { get; private set; }

    /// <summary>The user's today (their time zone).</summary>
    public DateOnly Today => me.Today;

    /// <summary>The user's time zone.</summary>
    public TimeZoneInfo Zone => me.TimeZone;

    /// <summary>Shows the page.</summary>
    /// <param name="saved">A goal just set or changed.</param>
    /// <param name="closed">"reached" or "dropped" after closing a goal.</param>
    /// <param name="feed">"revoked" after stopping the calendar feed.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task OnGetAsync(Guid? saved, string? closed, string? feed, CancellationToken ct)
    {
        await LoadAsync(ct);
        Notice = closed switch
        {
            "reached" => "Goal marked reached. Congratulations! You can set a new goal of that kind now.",
            "dropped" => "Goal dropped. You can set a new goal of that kind whenever you are ready.",
            _ => feed == "revoked" ? "The calendar feed is stopped: its link no longer works. Remove the subscription from your calendar app."
                : saved is { } id && Goals.FirstOrDefault(g => g.Id == id) is { } g ? $"Saved your goal \"{g.Title}\"." : null,
        };
    }

    /// <summary>Marks a goal reached today (<see cref="ReachGoal"/>, at the version shown).</summary>
    /// <param name="id">The goal.</param>
    /// <param name="version">The version the page showed.</param>
    /// <param name="note">What happened (optional).</param>
    /// <param name="ct">Cancellation.</param>
    public Task<IActionResult> OnPostReachAsync(Guid id, long version, string? note, CancellationToken ct) => CloseAsync(id, version, note, true, ct);

    /// <summary>Drops a goal today (<see cref="DropGoal"/>, at the version shown).</summary>
    /// <param name="id">The goal.</param>
    /// <param name="version">The version the page showed.</param>
    /// <param name="note">Why (optional).</param>
    /// <param name="ct">Cancellation.</param>
    public Task<IActionResult> OnPostDropAsync(Guid id, long version, string? note, CancellationToken ct) => CloseAsync(id, version, note, false, ct);

    /// <summary>
    /// Issues a new calendar feed through the API's endpoint function (<c>POST /api/reminders/calendar</c>): the previous link stops
    /// working, and the new one is shown on this answer only (it is not stored, only its hash).
    /// </summary>
    public async Task<IActionResult> OnPostCalendarAsync(CancellationToken ct)
    {
        var issued = await RemindersApi.IssueFeed(me, bus, HttpContext, ct);
        FeedUrl = issued.Value?.Url;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Revokes the calendar feed (<c>DELETE /api/reminders/calendar</c>).</summary>
    public async Task<IActionResult> OnPostRevokeCalendarAsync(CancellationToken ct)
    {
        await RemindersApi.RevokeFeed(me, bus, ct);
        return Redirect("/goals?feed=revoked#calendar");
    }

    private async Task<IActionResult> CloseAsync(Guid id, long version, string? note, bool reached, CancellationToken ct)
    {
        Goal? closed = null;
        var ok = await ModelState.TryAsync(async () =>
        {
            var errors = new ValidationErrors();
            Fields.CheckLength(errors, "note", note, 2000);
            errors.ThrowIfAny();
            object command = reached ? new ReachGoal(id, me.Today, note, ExpectedVersion.Exactly(version)) : new DropGoal(id, me.Today, note, ExpectedVersion.Exactly(version));
            closed = await bus.InvokeForUserAsync<Goal?>(me, command, ct);
        });
        if (ok && closed is null)
        {
            return NotFound();
        }

        if (!ok)
        {
            foreach (var message in ModelState.Where(e => e.Key.Length > 0).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList())
            {
                ModelState.AddModelError(PageErrors.FormKey, message);
            }

            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Redirect($"/goals?closed={(reached ? "reached" : "dropped")}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Goals = (await GoalsApi.List("all", me, session, ct)).Value ?? [];
        if (Promotion is not null)
        {
            try
            {
                Readiness = (await PracticeApi.Readiness(null, me, reader, session, ct)).Value;
            }
            catch (DomainValidationException e)
            {
                ReadinessProblem = string.Join(" ", e.Errors.SelectMany(x => x.Value));
            }
        }

        if (JobSearch is not null)
        {
            JobSearchFocus = (await PracticeApi.Progress(me, session, bank, ct)).Value?.JobSearch;
        }

        Streak = (await RemindersApi.Streak(me, session, ct)).Value!;
        var settings = await ReminderHandler.LoadSettingsAsync(session, ct);
        Settings = ReminderSettingsView.Of(settings, me.TimeZone, me.Now);
        Next = await ReminderText.NextAsync(me, session, settings, Streak.LoggedThisWeek, ct);
    }
}
