using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Reminders;

/// <summary>The reminders the product sends. Stored snake_case.</summary>
public enum ReminderKind
{
    /// <summary>Weekly, at the user's slot: log this week's wins (skipped when a win was logged this week).</summary>
    WeeklyWins,
    /// <summary>While a job-search goal is active: run a mock session, more often as an interview approaches.</summary>
    MockSession,
    /// <summary>48 h and 24 h before an open offer's answer deadline expires.</summary>
    OfferDeadline,
    /// <summary>At the start of each quarter's last month: review and tidy the brag document before review season.</summary>
    QuarterlyReview,
}

/// <summary>Where a reminder is delivered. Stored snake_case. The in-app inbox always receives every reminder.</summary>
public enum ChannelKind
{
    /// <summary>The in-app inbox (<c>GET /api/inbox</c>, <c>ledger inbox</c>); always on.</summary>
    Inbox,
    /// <summary>A JSON POST to an https URL (Slack-, Discord- or ntfy-style), signed with HMAC-SHA256.</summary>
    Webhook,
    /// <summary>An e-mail over SMTP.</summary>
    Email,
}

/// <summary>A weekly slot in the user's time zone.</summary>
/// <param name="Day">Day of the week.</param>
/// <param name="At">Local time of day (minutes precision).</param>
public sealed record WeeklySlot(DayOfWeek Day, TimeOnly At);

/// <summary>Hours in which nothing is pushed (webhook, e-mail); the inbox still shows the reminder. Local times; may wrap midnight.</summary>
/// <param name="From">Start, inclusive (e.g. 21:00).</param>
/// <param name="To">End, exclusive (e.g. 08:00).</param>
public sealed record QuietHours(TimeOnly From, TimeOnly To)
{
    /// <summary>Whether the local time <paramref name="t"/> is inside the quiet hours.</summary>
    public bool Contains(TimeOnly t) => From <= To ? t >= From && t < To : t >= From || t < To;

    /// <summary>
    /// <paramref name="at"/> itself when it is outside the quiet hours, else the instant they end (the next local <see cref="To"/>
    /// in <paramref name="zone"/>; when that local time does not exist on a daylight-saving day, the first instant after the gap).
    /// </summary>
    public DateTimeOffset Defer(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        if (!Contains(TimeOnly.FromDateTime(local.DateTime)))
        {
            return at;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= To)
        {
            day = day.AddDays(1); // wrapped: 23:00 → tomorrow's end
        }

        return ZonedTime.ToInstant(day, To, zone);
    }
}

/// <summary>A delivery channel the user connected.</summary>
/// <param name="Kind">Webhook or e-mail (the inbox needs no connection).</param>
/// <param name="Address">Webhook: an absolute https URL (http only for localhost); e-mail: an address.</param>
/// <param name="SigningSecret">Webhook: the HMAC-SHA256 key (<c>whsec_</c> + 32 random bytes, base64url) shared with the receiver; null for e-mail.</param>
public sealed record Channel(ChannelKind Kind, string Address, string? SigningSecret);

/// <summary>Events of the user's <c>reminder_settings</c> stream (one per user; its id derives from the user id).</summary>
public abstract record ReminderSettingsEvent(Guid SettingsId);

/// <summary>Stored as <c>weekly_wins_slot_set</c>.</summary>
/// <param name="SettingsId">Stream id.</param>
/// <param name="Slot">Day and local time of the weekly "log your wins" reminder.</param>
public sealed record WeeklyWinsSlotSet(Guid SettingsId, WeeklySlot Slot) : ReminderSettingsEvent(SettingsId);

/// <summary>Stored as <c>mock_cadence_set</c>.</summary>
/// <param name="SettingsId">Stream id.</param>
/// <param name="EveryDays">Days between mock sessions while a job search is active, 1-14 (shortened near interviews).</param>
/// <param name="At">Local time of day the daily check runs.</param>
public sealed record MockCadenceSet(Guid SettingsId, int EveryDays, TimeOnly At) : ReminderSettingsEvent(SettingsId);

/// <summary>Stored as <c>quiet_hours_set</c>.</summary>
/// <param name="SettingsId">Stream id.</param>
/// <param name="Quiet">The quiet hours, or null for none.</param>
public sealed record QuietHoursSet(Guid SettingsId, QuietHours? Quiet) : ReminderSettingsEvent(SettingsId);

/// <summary>Stored as <c>reminder_kind_switched</c>.</summary>
/// <param name="SettingsId">Stream id.</param>
/// <param name="Kind">The reminder.</param>
/// <param name="Enabled">On or off.</param>
public sealed record ReminderKindSwitched(Guid SettingsId, ReminderKind Kind, bool Enabled) : ReminderSettingsEvent(SettingsId);

/// <summary>Stored as <c>channel_connected</c>: a webhook or e-mail channel was added or its address changed.</summary>
/// <param name="SettingsId">Stream id.</param>
/// <param name="Channel">The channel.</param>
public sealed record ChannelConnected(Guid SettingsId, Channel Channel) : ReminderSettingsEvent(SettingsId);

/// <summary>Stored as <c>channel_disconnected</c>.</summary>
/// <param name="SettingsId">Stream id.</param>
/// <param name="Kind">The channel removed.</param>
public sealed record ChannelDisconnected(Guid SettingsId, ChannelKind Kind) : ReminderSettingsEvent(SettingsId);

/// <summary>Stored as <c>calendar_feed_issued</c>: a new private iCalendar feed token (the previous one stops working).</summary>
/// <param name="SettingsId">Stream id.</param>
/// <param name="TokenHash">SHA-256 of the token, hex; the token itself is shown once.</param>
public sealed record CalendarFeedIssued(Guid SettingsId, string TokenHash) : ReminderSettingsEvent(SettingsId);

/// <summary>Stored as <c>calendar_feed_revoked</c>.</summary>
/// <param name="SettingsId">Stream id.</param>
public sealed record CalendarFeedRevoked(Guid SettingsId) : ReminderSettingsEvent(SettingsId);

/// <summary>A user's reminder settings (fold of the settings stream; the inline document). <see cref="Defaults"/> before any event.</summary>
/// <param name="Id">Stream id.</param>
/// <param name="WinsSlot">Weekly wins slot; Friday 16:00 by default.</param>
/// <param name="MockEveryDays">Mock-session cadence in days; 3 by default.</param>
/// <param name="MockAt">Local time of the daily mock-session check; 18:00 by default.</param>
/// <param name="Quiet">Quiet hours; 21:00-08:00 by default.</param>
/// <param name="Disabled">Reminder kinds switched off (all on by default).</param>
/// <param name="Channels">Connected webhook / e-mail channels (the inbox is implicit).</param>
/// <param name="CalendarTokenHash">SHA-256 (hex) of the iCalendar feed token, or null when no feed is issued.</param>
public sealed record ReminderSettings(
    Guid Id, WeeklySlot WinsSlot, int MockEveryDays, TimeOnly MockAt, QuietHours? Quiet, IReadOnlyList<ReminderKind> Disabled,
    IReadOnlyList<Channel> Channels, string? CalendarTokenHash)
{
    /// <summary>The stream version of the last event folded in (the document's ETag); 0 for the defaults.</summary>
    public long Version { get; init; }

    /// <summary>Settings before the user changed anything.</summary>
    public static ReminderSettings Defaults(Guid id) => new(
        id, new WeeklySlot(DayOfWeek.Friday, new TimeOnly(16, 0)), 3, new TimeOnly(18, 0), new QuietHours(new TimeOnly(21, 0), new TimeOnly(8, 0)),
        [], [], null);

    /// <summary>Whether <paramref name="kind"/> is on.</summary>
    public bool IsEnabled(ReminderKind kind) => !Disabled.Contains(kind);

    /// <summary>The channels a reminder goes to: the inbox, then each connected channel.</summary>
    public IReadOnlyList<ChannelKind> DeliveryChannels => [ChannelKind.Inbox, .. Channels.Select(c => c.Kind)];

    /// <summary>Folds one event (pure); a null state starts from <see cref="Defaults"/>.</summary>
    public static ReminderSettings Evolve(ReminderSettings? state, ReminderSettingsEvent e)
    {
        var s = state ?? Defaults(e.SettingsId);
        return e switch
        {
            WeeklyWinsSlotSet w => s with { WinsSlot = w.Slot },
            MockCadenceSet m => s with { MockEveryDays = m.EveryDays, MockAt = m.At },
            QuietHoursSet q => s with { Quiet = q.Quiet },
            ReminderKindSwitched k => s with
            {
                Disabled = k.Enabled ? s.Disabled.Where(d => d != k.Kind).ToList() : s.Disabled.Append(k.Kind).Distinct().Order().ToList(),
            },
            ChannelConnected c => s with { Channels = s.Channels.Where(x => x.Kind != c.Channel.Kind).Append(c.Channel).OrderBy(x => x.Kind).ToList() },
            ChannelDisconnected d => s with { Channels = s.Channels.Where(x => x.Kind != d.Kind).ToList() },
            CalendarFeedIssued f => s with { CalendarTokenHash = f.TokenHash },
            CalendarFeedRevoked => s with { CalendarTokenHash = null },
            _ => throw new InvalidOperationException($"{e.GetType().Name} cannot apply here."),
        };
    }

    /// <summary>
    /// The events that take the settings from <paramref name="state"/> to <paramref name="change"/> (only what differs; nothing
    /// for an identical change). A webhook whose address is unchanged keeps its signing secret.
    /// </summary>
    /// <param name="state">Current settings.</param>
    /// <param name="change">The validated change; null parts stay as they are.</param>
    /// <param name="newSecret">Makes a signing secret for a newly connected webhook.</param>
    public static IReadOnlyList<ReminderSettingsEvent> Decide(ReminderSettings state, ReminderSettingsChange change, Func<string> newSecret)
    {
        var events = new List<ReminderSettingsEvent>();
        var id = state.Id;
        if (change.WinsSlot is { } slot && slot != state.WinsSlot)
        {
            events.Add(new WeeklyWinsSlotSet(id, slot));
        }

        if ((change.MockEveryDays ?? state.MockEveryDays) != state.MockEveryDays || (change.MockAt ?? state.MockAt) != state.MockAt)
        {
            events.Add(new MockCadenceSet(id, change.MockEveryDays ?? state.MockEveryDays, change.MockAt ?? state.MockAt));
        }

        if (change.Quiet is { } quiet && quiet.Value != state.Quiet)
        {
            events.Add(new QuietHoursSet(id, quiet.Value));
        }

        foreach (var (kind, enabled) in change.Switches ?? new Dictionary<ReminderKind, bool>())
        {
            if (enabled != state.IsEnabled(kind))
            {
                events.Add(new ReminderKindSwitched(id, kind, enabled));
            }
        }

        foreach (var (kind, address) in change.Channels ?? new Dictionary<ChannelKind, string?>())
        {
            var current = state.Channels.FirstOrDefault(c => c.Kind == kind);
            if (address is null)
            {
                if (current is not null)
                {
                    events.Add(new ChannelDisconnected(id, kind));
                }
            }
            else if (current?.Address != address)
            {
                events.Add(new ChannelConnected(id, new Channel(kind, address, kind == ChannelKind.Webhook ? newSecret() : null)));
            }
        }

        return events;
    }
}
