using CareerLedger.Domain.Reminders;
using CareerLedger.Web.Reminders;

namespace CareerLedger.Web.Tests.Reminders;

public sealed class StalledPushTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 11, 0, 0, TimeSpan.Zero); // 12:00 Berlin

    private static Reminder Recorded(DateTimeOffset at, params ReminderEvent[] later)
    {
        var id = Guid.NewGuid();
        var r = Reminder.Evolve(null, new ReminderDue(id, new ReminderNotice("weekly_wins:2026-W49", ReminderKind.WeeklyWins, "t", "b", at, null),
            [ChannelKind.Inbox, ChannelKind.Webhook]), at);
        return later.Aggregate(r, (s, e) => Reminder.Evolve(s, e with { ReminderId = id }, at));
    }

    private static readonly ReminderSettings WithWebhook = ReminderSettings.Defaults(Guid.NewGuid()) with
    {
        Channels = [new Channel(ChannelKind.Webhook, "https://hooks.example.com/x", "whsec_x")],
    };

    [Fact]
    public void a_push_never_attempted_for_over_an_hour_is_sent_again_outside_quiet_hours_only()
    {
        var stalled = Recorded(Noon.AddHours(-2));
        ReminderJobs.StalledPushes([stalled], WithWebhook, Berlin, Noon).ShouldBe([(stalled.Id, ChannelKind.Webhook)]);
        ReminderJobs.StalledPushes([Recorded(Noon.AddMinutes(-30))], WithWebhook, Berlin, Noon).ShouldBeEmpty("recent: its own job may still run");
        ReminderJobs.StalledPushes([stalled], WithWebhook, Berlin, new DateTimeOffset(2026, 12, 4, 22, 0, 0, TimeSpan.Zero)).ShouldBeEmpty("23:00 Berlin is quiet");
        ReminderJobs.StalledPushes([Recorded(Noon.AddHours(-2), new ReminderDeliveryFailed(Guid.Empty, ChannelKind.Webhook, 1, "HTTP 500"))], WithWebhook, Berlin, Noon)
            .ShouldBeEmpty("attempted: Hangfire's retries own it");
        ReminderJobs.StalledPushes([Recorded(Noon.AddHours(-2), new ReminderDelivered(Guid.Empty, ChannelKind.Webhook, 1))], WithWebhook, Berlin, Noon).ShouldBeEmpty();
        ReminderJobs.StalledPushes([stalled], WithWebhook with { Channels = [] }, Berlin, Noon).ShouldBeEmpty("disconnected since");
    }
}
