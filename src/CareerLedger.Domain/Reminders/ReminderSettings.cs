using System.Net.Mail;
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

/// <summary>A validated change of reminder settings: null parts are left as they are.</summary>
/// <param name="WinsSlot">New weekly wins slot.</param>
/// <param name="MockEveryDays">New cadence in days (1-14).</param>
/// <param name="MockAt">New local time of the mock-session check.</param>
/// <param name="Quiet">New quiet hours (wrapping a null value: remove them).</param>
/// <param name="Switches">Reminder kinds to switch on (true) or off (false).</param>
/// <param name="Channels">Channels to connect (address) or disconnect (null). Never the inbox.</param>
public sealed record ReminderSettingsChange(
    WeeklySlot? WinsSlot = null, int? MockEveryDays = null, TimeOnly? MockAt = null, Optional<QuietHours?>? Quiet = null,
    IReadOnlyDictionary<ReminderKind, bool>? Switches = null, IReadOnlyDictionary<ChannelKind, string?>? Channels = null);

/// <summary>A value that may be set to null explicitly (distinguishes "remove" from "leave as is").</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value, possibly null.</param>
public readonly record struct Optional<T>(T Value);

/// <summary>Unvalidated reminder settings input (the API body and the CLI flags); every part optional.</summary>
/// <param name="WinsDay">monday … sunday (or mon … sun).</param>
/// <param name="WinsAt">HH:mm local.</param>
/// <param name="MockEveryDays">1-14.</param>
/// <param name="MockAt">HH:mm local.</param>
/// <param name="QuietHours">"HH:mm-HH:mm" (may wrap midnight), or "off".</param>
/// <param name="Enable">Reminder kinds to switch on: weekly_wins, mock_session, offer_deadline, quarterly_review.</param>
/// <param name="Disable">Reminder kinds to switch off.</param>
/// <param name="Webhook">An https URL (http only for localhost), or "" / "off" to disconnect.</param>
/// <param name="Email">An e-mail address, or "" / "off" to disconnect.</param>
public sealed record ReminderSettingsDraft(
    string? WinsDay = null, string? WinsAt = null, int? MockEveryDays = null, string? MockAt = null, string? QuietHours = null,
    IReadOnlyList<string>? Enable = null, IReadOnlyList<string>? Disable = null, string? Webhook = null, string? Email = null)
{
    /// <summary>Validates every field at once against <paramref name="current"/> (a day without a time keeps the current time).</summary>
    /// <exception cref="DomainValidationException">Listing every invalid field.</exception>
    public ReminderSettingsChange Validate(ReminderSettings current)
    {
        var errors = new ValidationErrors();
        WeeklySlot? slot = null;
        var day = ParseDay(errors, "winsDay", WinsDay);
        var at = ParseTime(errors, "winsAt", WinsAt);
        if (day is not null || at is not null)
        {
            slot = new WeeklySlot(day ?? current.WinsSlot.Day, at ?? current.WinsSlot.At);
        }

        if (MockEveryDays is < 1 or > 14)
        {
            errors.Add("mockEveryDays", "The mock-session cadence is 1-14 days.");
        }

        var mockAt = ParseTime(errors, "mockAt", MockAt);
        Optional<QuietHours?>? quiet = null;
        if (Text.Clean(QuietHours) is { } q)
        {
            if (q.Equals("off", StringComparison.OrdinalIgnoreCase) || q.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                quiet = new Optional<QuietHours?>(null);
            }
            else if (q.Split('-', StringSplitOptions.TrimEntries) is [var a, var b] && ParseTime(null, "", a) is { } from && ParseTime(null, "", b) is { } to && from != to)
            {
                quiet = new Optional<QuietHours?>(new QuietHours(from, to));
            }
            else
            {
                errors.Add("quietHours", $"'{q}' is not quiet hours: write HH:mm-HH:mm (e.g. 21:00-08:00) or off.");
            }
        }

        var switches = new Dictionary<ReminderKind, bool>();
        foreach (var (list, on, field) in new[] { (Enable, true, "enable"), (Disable, false, "disable") })
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                if (Text.Clean(list![i]) is null)
                {
                    errors.Add($"{field}[{i}]", "Name a reminder: weekly_wins, mock_session, offer_deadline or quarterly_review.");
                    continue;
                }

                var kind = Fields.ParseEnum(errors, $"{field}[{i}]", list[i], ReminderKind.WeeklyWins);
                if (switches.TryGetValue(kind, out var other) && other != on)
                {
                    errors.Add($"{field}[{i}]", $"'{list[i]}' is both enabled and disabled.");
                }

                switches[kind] = on;
            }
        }

        var channels = new Dictionary<ChannelKind, string?>();
        if (Webhook is not null)
        {
            channels[ChannelKind.Webhook] = Off(Webhook) ? null : ValidateWebhook(errors, Webhook.Trim());
        }

        if (Email is not null)
        {
            channels[ChannelKind.Email] = Off(Email) ? null : ValidateEmail(errors, Email.Trim());
        }

        errors.ThrowIfAny();
        return new ReminderSettingsChange(slot, MockEveryDays, mockAt, quiet, switches, channels);
    }

    private static bool Off(string value) => value.Trim() is "" || value.Trim().Equals("off", StringComparison.OrdinalIgnoreCase);

    private static string? ValidateWebhook(ValidationErrors errors, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || url.Length > 500)
        {
            errors.Add("webhook", "The webhook must be an absolute URL of at most 500 characters.");
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            errors.Add("webhook", "The webhook must use https (plain http only to localhost).");
            return null;
        }

        return uri.ToString();
    }

    private static string? ValidateEmail(ValidationErrors errors, string address)
    {
        if (address.Length > 254 || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || !parsed.Host.Contains('.'))
        {
            errors.Add("email", $"'{address}' is not an e-mail address.");
            return null;
        }

        return parsed.Address;
    }

    private static DayOfWeek? ParseDay(ValidationErrors errors, string field, string? value)
    {
        if (Text.Clean(value) is not { } v)
        {
            return null;
        }

        foreach (var d in Enum.GetValues<DayOfWeek>())
        {
            var name = d.ToString();
            if (v.Equals(name, StringComparison.OrdinalIgnoreCase) || v.Equals(name[..3], StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }

        errors.Add(field, $"'{v}' is not a day of the week (monday … sunday).");
        return null;
    }

    private static TimeOnly? ParseTime(ValidationErrors? errors, string field, string? value)
    {
        if (Text.Clean(value) is not { } v)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(v, ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t))
        {
            return t;
        }

        errors?.Add(field, $"'{v}' is not a time of day: write HH:mm (24-hour), e.g. 16:00.");
        return null;
    }
}

/// <summary>Local dates and times in a user's time zone, made daylight-saving safe.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant of the local <paramref name="day"/> at <paramref name="time"/> in <paramref name="zone"/>. A local time skipped by
    /// a spring-forward transition maps to the first instant after the gap; an ambiguous one (fall-back) to its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The local calendar day of <paramref name="at"/> in <paramref name="zone"/>.</summary>
    public static DateOnly Today(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The Monday starting the ISO week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The ISO week label, e.g. <c>2026-W49</c>.</summary>
    public static string WeekLabel(DateOnly day)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{System.Globalization.ISOWeek.GetYear(dt)}-W{System.Globalization.ISOWeek.GetWeekOfYear(dt):00}");
    }
}
