using CareerLedger.Domain.Common;
using CareerLedger.Domain.Reminders;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Reminders;
using CareerLedger.Web.Site;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wolverine;

namespace CareerLedger.Web.Pages.Reminders;

/// <summary>
/// <c>/reminders</c>: the user's time zone, the reminder kinds switched on or off with their slots (the weekly wins day and time,
/// the mock-session cadence and time), quiet hours and the delivery channels (the inbox, always on; a webhook; e-mail when the
/// server has SMTP settings), and when each reminder fires next in the user's time zone. Saving runs the same validation and
/// handler as <c>PUT /api/reminders/settings</c> (<see cref="RemindersApi.ChangeSettingsAsync"/>) at the version the form was read
/// at, and reschedules the user's reminder jobs.
/// </summary>
public sealed class IndexModel(CurrentUser me, IQuerySession session, IMessageBus bus, ReminderScheduler scheduler, IOptions<SmtpOptions> smtp) : PageModel
{
    /// <summary>The form: the current settings, or as typed when refused.</summary>
    public ReminderForm Form { get; private set; } = new();

    /// <summary>The settings as stored (the API's view).</summary>
    public ReminderSettingsView Settings { get; private set; } = null!;

    /// <summary>The settings version the form was read at (sent back as the API's If-Match).</summary>
    public long Version { get; private set; }

    /// <summary>When each reminder kind fires next.</summary>
    public IReadOnlyList<NextReminder> Next { get; private set; } = [];

    /// <summary>Whether this server can send e-mail (CareerLedger:Smtp:Host is set).</summary>
    public bool EmailAvailable => smtp.Value.Configured;

    /// <summary>The user's time zone.</summary>
    public TimeZoneInfo Zone => me.TimeZone;

    /// <summary>The current instant (shown as the local time now).</summary>
    public DateTimeOffset Now => me.Now;

    /// <summary>Whether the page follows a successful save.</summary>
    public bool Saved { get; private set; }

    /// <summary>Shows the settings.</summary>
    /// <param name="saved">Set after a save.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(ct);
        Form = ReminderForm.From(Settings);
        Version = Settings.Version;
    }

    /// <summary>Saves the settings and shows them again, or the same form with field errors and every typed value.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = ReminderForm.From(Request.Form);
        var expected = long.TryParse(Request.Form["version"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? ExpectedVersion.Exactly(v) : ExpectedVersion.Any;
        var ok = await ModelState.TryAsync(async () =>
        {
            var own = new ValidationErrors();
            var draft = Form.ToDraft(own);
            if (own.Any)
            {
                // A cadence that is not a number never reaches the API: report it with whatever else the API's validation finds.
                try
                {
                    draft.Validate(await ReminderHandler.LoadSettingsAsync(session, ct));
                }
                catch (DomainValidationException api)
                {
                    throw Merge(own, api);
                }

                own.ThrowIfAny();
            }

            await RemindersApi.ChangeSettingsAsync(draft, expected, me, session, bus, scheduler, smtp.Value, ct);
        }, ReminderForm.FormKey);
        if (ok)
        {
            return Redirect("/reminders?saved=true");
        }

        await LoadAsync(ct);
        Version = expected.Value ?? Settings.Version;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static DomainValidationException Merge(ValidationErrors own, DomainValidationException api)
    {
        var merged = new ValidationErrors();
        try
        {
            own.ThrowIfAny();
        }
        catch (DomainValidationException mine)
        {
            foreach (var (key, messages) in mine.Errors.Concat(api.Errors.Where(e => !mine.Errors.ContainsKey(e.Key))))
            {
                foreach (var m in messages)
                {
                    merged.Add(key, m);
                }
            }
        }

        try
        {
            merged.ThrowIfAny();
        }
        catch (DomainValidationException e)
        {
            return e;
        }

        return api;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var settings = await ReminderHandler.LoadSettingsAsync(session, ct);
        Settings = ReminderSettingsView.Of(settings, me.TimeZone, me.Now);
        var streak = (await RemindersApi.Streak(me, session, ct)).Value!;
        Next = await ReminderText.NextAsync(me, session, settings, streak.LoggedThisWeek, ct);
    }
}
