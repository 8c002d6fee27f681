using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Reminders;
using CareerLedger.Web.Infrastructure;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine;

namespace CareerLedger.Web.Reminders;

/// <summary>The reminder settings as the API shows them.</summary>
/// <param name="Version">Settings stream version (the ETag; 0 before the first change).</param>
/// <param name="WinsDay">Weekly wins slot: day (monday … sunday).</param>
/// <param name="WinsAt">Weekly wins slot: local time HH:mm.</param>
/// <param name="MockEveryDays">Mock-session cadence in days.</param>
/// <param name="MockAt">Local time of the daily mock-session check, HH:mm.</param>
/// <param name="QuietHours">"HH:mm-HH:mm", or null for none.</param>
/// <param name="TimeZone">The user's IANA time zone, in which every time here is meant.</param>
/// <param name="Enabled">Per reminder kind: on or off.</param>
/// <param name="Channels">The inbox, then each connected channel.</param>
/// <param name="CalendarFeed">Whether a private iCalendar feed is issued (its URL is shown only when issued).</param>
/// <param name="NextWeeklyWins">The next weekly wins slot (UTC), or null when that reminder is off.</param>
public sealed record ReminderSettingsView(
    long Version, string WinsDay, string WinsAt, int MockEveryDays, string MockAt, string? QuietHours, string TimeZone,
    IReadOnlyDictionary<string, bool> Enabled, IReadOnlyList<ChannelView> Channels, bool CalendarFeed, DateTimeOffset? NextWeeklyWins)
{
    /// <summary>Maps the settings for the user's zone at <paramref name="now"/>.</summary>
    public static ReminderSettingsView Of(ReminderSettings s, TimeZoneInfo zone, DateTimeOffset now) => new(
        s.Version, s.WinsSlot.Day.ToString().ToLowerInvariant(), s.WinsSlot.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        s.MockEveryDays, s.MockAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        s.Quiet is { } q ? $"{q.From:HH:mm}-{q.To:HH:mm}" : null, zone.Id,
        Enum.GetValues<ReminderKind>().ToDictionary(k => Snake(k.ToString()), s.IsEnabled),
        [new ChannelView("inbox", null, null), .. s.Channels.Select(c => new ChannelView(Snake(c.Kind.ToString()), c.Address, c.SigningSecret))],
        s.CalendarTokenHash is not null,
        s.IsEnabled(ReminderKind.WeeklyWins) ? RemindersApi.NextSlots(s.WinsSlot, zone, now).First() : null);

    internal static string Snake(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}

/// <summary>One delivery channel.</summary>
/// <param name="Kind">inbox | webhook | email.</param>
/// <param name="Address">Webhook URL or e-mail address (null for the inbox).</param>
/// <param name="SigningSecret">Webhook only: the HMAC-SHA256 key its requests are signed with (docs/reminders.md).</param>
public sealed record ChannelView(string Kind, string? Address, string? SigningSecret);

/// <summary>A reminder in the inbox.</summary>
/// <param name="Id">Stream id.</param>
/// <param name="Key">The occurrence key (e.g. <c>weekly_wins:2026-W49</c>).</param>
/// <param name="Kind">weekly_wins | mock_session | offer_deadline | quarterly_review.</param>
/// <param name="Title">One line.</param>
/// <param name="Body">The text.</param>
/// <param name="DueAt">When it was due (UTC).</param>
/// <param name="SubjectId">The offer or goal it is about.</param>
/// <param name="Read">Marked read.</param>
/// <param name="Deliveries">Per channel: state, attempts, last error.</param>
public sealed record ReminderView(
    Guid Id, string Key, ReminderKind Kind, string Title, string Body, DateTimeOffset DueAt, Guid? SubjectId, bool Read, IReadOnlyList<ChannelDelivery> Deliveries)
{
    /// <summary>Maps a stored reminder.</summary>
    public static ReminderView Of(Reminder r) => new(r.Id, r.Notice.Key, r.Notice.Kind, r.Notice.Title, r.Notice.Body, r.Notice.DueAt, r.Notice.SubjectId, r.Read, r.Deliveries);
}

/// <summary>The two streaks with what they mean.</summary>
/// <param name="ThisWeek">The current ISO week.</param>
/// <param name="LoggedThisWeek">Whether a win was recorded this week.</param>
/// <param name="Activity">Weeks in a row with a win dated in them (the wins' own dates).</param>
/// <param name="Logging">Weeks in a row in which a win was recorded (when you actually wrote it down).</param>
/// <param name="Explanation">Why the two differ.</param>
public sealed record StreakView(string ThisWeek, bool LoggedThisWeek, WeekStreak Activity, WeekStreak Logging, string Explanation);

/// <summary>The calendar feed's URL, shown once when issued.</summary>
/// <param name="Url">Subscribe to it in a calendar app; anyone with the URL can read the feed, so revoke it if it leaks.</param>
public sealed record CalendarFeedView(string Url);

/// <summary>Reminders: <c>/api/reminders/settings</c>, <c>/api/inbox</c>, <c>/api/streak</c>, the private calendar feed.</summary>
public static class RemindersApi
{
    /// <summary>Maps the endpoints (all require a token except the feed, which carries its own).</summary>
    public static IEndpointRouteBuilder MapRemindersApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/reminders").WithTags("Reminders").RequireAuthorization();
        settings.MapGet("/settings", GetSettings).WithName("GetReminderSettings").WithSummary("Your reminder settings (defaults until you change them); ETag = version.");
        settings.MapPut("/settings", ChangeSettings).WithName("ChangeReminderSettings")
            .WithSummary("Changes reminder settings: only the fields sent change. Optional If-Match.").ProducesValidationProblem();
        settings.MapPost("/calendar", IssueFeed).WithName("IssueCalendarFeed").WithSummary("Issues a private iCalendar feed URL (the previous one stops working).");
        settings.MapDelete("/calendar", RevokeFeed).WithName("RevokeCalendarFeed").WithSummary("Revokes the calendar feed.");
        var inbox = app.MapGroup("/api/inbox").WithTags("Reminders").RequireAuthorization();
        inbox.MapGet("/", Inbox).WithName("Inbox").WithSummary("Your reminders, newest first; unread=true for unread only.");
        inbox.MapPost("/{id:guid}/read", MarkRead).WithName("MarkReminderRead").WithSummary("Marks one reminder read.");
        inbox.MapPost("/read-all", MarkAllRead).WithName("MarkAllRemindersRead").WithSummary("Marks every reminder read; answers how many changed.");
        app.MapGet("/api/streak", Streak).WithTags("Reminders").WithName("Streak").WithSummary("Your activity and logging streaks.").RequireAuthorization();
        app.MapGet("/calendar/{token}.ics", Feed).WithTags("Reminders").WithName("CalendarFeed").WithSummary("The private iCalendar feed (token from POST /api/reminders/calendar).").AllowAnonymous();
        return app;
    }

    /// <summary>The next <paramref name="count"/> instants of a weekly slot after <paramref name="now"/> (UTC), daylight-saving safe.</summary>
    public static IEnumerable<DateTimeOffset> NextSlots(WeeklySlot slot, TimeZoneInfo zone, DateTimeOffset now, int count = 1) =>
        NextReminders.WeeklySlots(slot, zone, now, count);

    internal static async Task<Ok<ReminderSettingsView>> GetSettings(CurrentUser me, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var s = await ReminderHandler.LoadSettingsAsync(session, ct);
        Etags.Set(http, s.Version);
        return TypedResults.Ok(ReminderSettingsView.Of(s, me.TimeZone, me.Now));
    }

    internal static async Task<IResult> ChangeSettings(
        ReminderSettingsDraft draft, CurrentUser me, IQuerySession session, IMessageBus bus, ReminderScheduler scheduler,
        Microsoft.Extensions.Options.IOptions<SmtpOptions> smtp, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: false) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        var s = await ChangeSettingsAsync(draft, expected, me, session, bus, scheduler, smtp.Value, ct);
        Etags.Set(http, s.Version);
        return TypedResults.Ok(ReminderSettingsView.Of(s, me.TimeZone, me.Now));
    }

    /// <summary>
    /// Validates <paramref name="draft"/> against the current settings (every field at once; then an e-mail address while the server
    /// has no SMTP host), applies it at <paramref name="expected"/> and brings the user's reminder jobs in line: what
    /// <c>PUT /api/reminders/settings</c> does, and the site's reminder form.
    /// </summary>
    /// <exception cref="CareerLedger.Domain.Common.DomainValidationException">Naming every invalid field.</exception>
    /// <exception cref="VersionConflictException">When <paramref name="expected"/> is stale.</exception>
    internal static async Task<ReminderSettings> ChangeSettingsAsync(
        ReminderSettingsDraft draft, ExpectedVersion expected, CurrentUser me, IQuerySession session, IMessageBus bus, ReminderScheduler scheduler,
        SmtpOptions smtp, CancellationToken ct)
    {
        var change = draft.Validate(await ReminderHandler.LoadSettingsAsync(session, ct));
        if (change.Channels?.GetValueOrDefault(ChannelKind.Email) is not null && !smtp.Configured)
        {
            var errors = new CareerLedger.Domain.Common.ValidationErrors();
            errors.Add("email", "E-mail delivery is not configured on this server (CareerLedger:Smtp:Host); use the inbox or a webhook.");
            errors.ThrowIfAny();
        }

        var s = await bus.InvokeForUserAsync<ReminderSettings>(me, new ChangeReminderSettings(change, expected), ct);
        await scheduler.SyncUserAsync(me.Id, ct);
        return s;
    }

    internal static async Task<Ok<CalendarFeedView>> IssueFeed(CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        var token = Secrets.NewCalendarToken(me.Id);
        await bus.InvokeForUserAsync<ReminderSettings>(me, new IssueCalendarFeed(Secrets.Sha256Hex(token)), ct);
        var url = $"{http.Request.Scheme}://{http.Request.Host}/calendar/{token}.ics";
        return TypedResults.Ok(new CalendarFeedView(url));
    }

    internal static async Task<NoContent> RevokeFeed(CurrentUser me, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeForUserAsync<ReminderSettings>(me, new RevokeCalendarFeed(), ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<IReadOnlyList<ReminderView>>> Inbox(bool? unread, IQuerySession session, CancellationToken ct)
    {
        IReadOnlyList<ReminderView> views = (await session.Query<Reminder>().ToListAsync(ct))
            .Where(r => unread != true || !r.Read)
            .OrderByDescending(r => r.Notice.DueAt).ThenByDescending(r => r.RecordedAt)
            .Select(ReminderView.Of).ToList();
        return TypedResults.Ok(views);
    }

    internal static async Task<Results<Ok<ReminderView>, NotFound>> MarkRead(Guid id, CurrentUser me, IMessageBus bus, CancellationToken ct) =>
        await bus.InvokeForUserAsync<Reminder?>(me, new MarkReminderRead(id), ct) is { } r ? TypedResults.Ok(ReminderView.Of(r)) : TypedResults.NotFound();

    internal static async Task<Ok<int>> MarkAllRead(CurrentUser me, IQuerySession session, IMessageBus bus, CancellationToken ct)
    {
        var unread = await session.Query<Reminder>().Where(r => !r.Read).ToListAsync(ct);
        foreach (var r in unread)
        {
            await bus.InvokeForUserAsync<Reminder?>(me, new MarkReminderRead(r.Id), ct);
        }

        return TypedResults.Ok(unread.Count);
    }

    internal static async Task<Ok<StreakView>> Streak(CurrentUser me, IQuerySession session, CancellationToken ct)
    {
        var s = LedgerStreaks.Compute(await session.Query<Accomplishment>().ToListAsync(ct), me.Now, me.TimeZone);
        var explanation = s.Activity.Current > s.Logging.Current || s.Activity.Longest > s.Logging.Longest
            ? "Your activity streaks are longer than your logging streaks: some wins were written down weeks after they happened. Logging each week, while details are fresh, is the habit the logging streak measures."
            : "Activity counts weeks in which a win happened (its date); logging counts weeks in which you wrote one down (when it was recorded). Back-filling raises the first, not the second.";
        return TypedResults.Ok(new StreakView(s.ThisWeek, s.LoggedThisWeek, s.Activity, s.Logging, explanation));
    }

    internal static async Task<IResult> Feed(string token, IDocumentStore store, Accounts.AccountStore accounts, TimeProvider clock, CancellationToken ct)
    {
        if (Secrets.CalendarTokenUser(token) is not { } userId || await accounts.FindAsync(userId, ct) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var tenant = userId.ToString();
        await using (var check = store.QuerySession(tenant))
        {
            var stored = (await check.LoadAsync<ReminderSettings>(ReminderHandler.SettingsId(tenant), ct))?.CalendarTokenHash;
            if (stored is null || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(stored), System.Text.Encoding.ASCII.GetBytes(Secrets.Sha256Hex(token))))
            {
                return TypedResults.NotFound(); // revoked, replaced or never issued
            }
        }

        var zone = TimeZones.FindOrUtc(user.TimeZone);
        await using var session = store.QuerySession(tenant);
        var settings = await ReminderHandler.LoadSettingsAsync(session, ct);
        var goals = await session.Query<Goal>().ToListAsync(ct);
        var offers = await session.Query<Offer>().ToListAsync(ct);
        var now = clock.GetUtcNow();
        var calendar = new Ical.Net.Calendar { ProductId = "-//CareerLedger//Reminders//EN" };
        calendar.AddProperty("X-WR-CALNAME", "CareerLedger");
        if (settings.IsEnabled(ReminderKind.WeeklyWins))
        {
            foreach (var at in NextSlots(settings.WinsSlot, zone, now, 8))
            {
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"weekly-wins-{at:yyyyMMdd}@careerledger",
                    Summary = "Log this week's wins",
                    Start = new CalDateTime(at.UtcDateTime, "UTC"),
                    Duration = Ical.Net.DataTypes.Duration.FromMinutes(15),
                });
            }
        }

        foreach (var goal in goals.Where(g => g.Status == GoalStatus.Active))
        {
            foreach (var i in goal.Details.Interviews)
            {
                calendar.Events.Add(AllDay($"interview-{goal.Id:N}-{i.On:yyyyMMdd}-{StableIds.For(tenant, "interview", i.Company):N}", $"{i.Stage ?? "Interview"}: {i.Company}", i.On));
            }
        }

        foreach (var offer in offers.Where(o => o.Status == OfferStatus.Open && o.Deadline is not null))
        {
            calendar.Events.Add(AllDay($"offer-deadline-{offer.Id:N}", $"Offer deadline: {offer.Terms.Company}", offer.Deadline!.Value));
        }

        var body = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return TypedResults.Text(body, "text/calendar; charset=utf-8");
    }

    private static CalendarEvent AllDay(string uid, string summary, DateOnly day) => new()
    {
        Uid = uid + "@careerledger",
        Summary = summary,
        Start = new CalDateTime(day.Year, day.Month, day.Day),
        End = new CalDateTime(day.AddDays(1).Year, day.AddDays(1).Month, day.AddDays(1).Day),
    };
}
