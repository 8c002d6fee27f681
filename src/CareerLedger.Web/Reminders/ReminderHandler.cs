using CareerLedger.Domain.Reminders;
using CareerLedger.Web.Infrastructure;
using JasperFx.Events;
using Marten;
using Wolverine.Marten;

namespace CareerLedger.Web.Reminders;

/// <summary>Changes the user's reminder settings. Answered with the settings after the change.</summary>
/// <param name="Change">The validated change (null parts stay as they are).</param>
/// <param name="Expected">If-Match (the settings version, 0 before the first change), or any.</param>
public sealed record ChangeReminderSettings(ReminderSettingsChange Change, ExpectedVersion Expected);

/// <summary>Issues a new private iCalendar feed token (the old one stops working). Answered with the settings.</summary>
/// <param name="TokenHash">SHA-256 (hex) of the new token.</param>
public sealed record IssueCalendarFeed(string TokenHash);

/// <summary>Revokes the iCalendar feed. Answered with the settings.</summary>
public sealed record RevokeCalendarFeed;

/// <summary>Records that a reminder is due, once per key. Answered with <see cref="Started{TDoc}"/>: Created is false for a repeat.</summary>
/// <param name="Notice">What it says; its key makes the stream id.</param>
/// <param name="Channels">Where it goes (the inbox first).</param>
public sealed record RecordReminder(ReminderNotice Notice, IReadOnlyList<ChannelKind> Channels);

/// <summary>Records one delivery attempt. Answered with the reminder, or null when the user has no such reminder.</summary>
/// <param name="ReminderId">The stream id.</param>
/// <param name="Channel">The channel tried.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="Error">Null when delivered, else why it failed.</param>
public sealed record RecordDeliveryAttempt(Guid ReminderId, ChannelKind Channel, int Attempt, string? Error);

/// <summary>Marks a reminder read. Answered like <see cref="RecordDeliveryAttempt"/>.</summary>
/// <param name="ReminderId">The stream id.</param>
public sealed record MarkReminderRead(Guid ReminderId);

/// <summary>Wolverine handlers of the reminder commands.</summary>
public static class ReminderHandler
{
    /// <summary>The id of the user's settings stream (one per tenant).</summary>
    public static Guid SettingsId(string tenantId) => StableIds.For(tenantId, "reminder_settings", "settings");

    /// <summary>The settings of the session's user: the stored document, or the defaults before the first change.</summary>
    public static async Task<ReminderSettings> LoadSettingsAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ReminderSettings>(SettingsId(session.TenantId), ct) ?? ReminderSettings.Defaults(SettingsId(session.TenantId));

    /// <summary>Applies the change; the stream starts with the first change (before it, the defaults apply).</summary>
    /// <exception cref="VersionConflictException">When If-Match names another version.</exception>
    public static Task<ReminderSettings> Handle(ChangeReminderSettings command, IDocumentSession session, CancellationToken ct) =>
        ChangeAsync(session, command.Expected, s => ReminderSettings.Decide(s, command.Change, Secrets.NewWebhookSecret), ct);

    /// <summary>Records the new feed token's hash.</summary>
    public static Task<ReminderSettings> Handle(IssueCalendarFeed command, IDocumentSession session, CancellationToken ct) =>
        ChangeAsync(session, ExpectedVersion.Any, s => [new CalendarFeedIssued(s.Id, command.TokenHash)], ct);

    /// <summary>Revokes the feed; nothing when none is issued.</summary>
    public static Task<ReminderSettings> Handle(RevokeCalendarFeed command, IDocumentSession session, CancellationToken ct) =>
        ChangeAsync(session, ExpectedVersion.Any, s => s.CalendarTokenHash is null ? [] : [new CalendarFeedRevoked(s.Id)], ct);

    /// <summary>Starts the reminder's stream unless its key was recorded before.</summary>
    public static Task<Started<Reminder>> Handle(RecordReminder command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        StreamCreation.StartAsync<Reminder>(session, "reminder", command.Notice.Key, clock,
            (id, state) => state is null ? [new ReminderDue(id, command.Notice, command.Channels)] : [], ct);

    /// <summary>Records a delivery attempt; nothing once the channel has the reminder.</summary>
    public static (UpdatedAggregate, Events) Handle(RecordDeliveryAttempt command, [WriteAggregate(Required = false)] IEventStream<Reminder> stream) =>
        StreamCommands.Decide(stream, ExpectedVersion.Any, r => ReminderDecider.Attempted(r, command.Channel, command.Attempt, command.Error));

    /// <summary>Marks it read.</summary>
    public static (UpdatedAggregate, Events) Handle(MarkReminderRead command, [WriteAggregate(Required = false)] IEventStream<Reminder> stream) =>
        StreamCommands.Decide(stream, ExpectedVersion.Any, ReminderDecider.MarkRead);

    private static async Task<ReminderSettings> ChangeAsync(
        IDocumentSession session, ExpectedVersion expected, Func<ReminderSettings, IReadOnlyList<ReminderSettingsEvent>> decide, CancellationToken ct)
    {
        var id = SettingsId(session.TenantId);
        var stream = await session.Events.FetchForWriting<ReminderSettings>(id, ct);
        var version = stream.CurrentVersion ?? 0;
        if (expected.Value is { } v && v != version)
        {
            throw new VersionConflictException(id, v, version);
        }

        var state = stream.Aggregate ?? ReminderSettings.Defaults(id);
        var events = decide(state);
        foreach (var e in events)
        {
            state = ReminderSettings.Evolve(state, e);
        }

        stream.AppendMany(events);
        return state with { Version = version + events.Count };
    }
}
