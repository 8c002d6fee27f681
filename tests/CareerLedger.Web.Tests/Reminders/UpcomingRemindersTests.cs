using CareerLedger.Domain.Reminders;
using CareerLedger.Web.Reminders;

namespace CareerLedger.Web.Tests.Reminders;

public sealed class UpcomingRemindersTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void the_defaults_list_the_weekly_slot_and_the_next_quarterly_review_in_local_time()
    {
        // Wednesday 9 December 2026, 10:00 in Berlin (UTC+1).
        var now = new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero);
        var next = UpcomingReminders.Next(ReminderSettings.Defaults(Guid.NewGuid()), jobSearchActive: false, [], Berlin, now);

        next.Select(r => r.Kind).ShouldBe([ReminderKind.WeeklyWins, ReminderKind.QuarterlyReview]);
        next[0].At.ShouldBe(new DateTimeOffset(2026, 12, 11, 15, 0, 0, TimeSpan.Zero)); // Friday 16:00 local
        next[1].At.ShouldBe(new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero)); // 1 March at the slot's time
    }

    [Fact]
    public void a_job_search_adds_the_daily_mock_check_today_or_tomorrow_after_its_time()
    {
        var settings = ReminderSettings.Defaults(Guid.NewGuid());
        var morning = new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero);
        UpcomingReminders.Next(settings, jobSearchActive: true, [], Berlin, morning)
            .Single(r => r.Kind == ReminderKind.MockSession).At.ShouldBe(new DateTimeOffset(2026, 12, 9, 17, 0, 0, TimeSpan.Zero)); // 18:00 local
        var evening = new DateTimeOffset(2026, 12, 9, 18, 30, 0, TimeSpan.Zero);
        UpcomingReminders.Next(settings, jobSearchActive: true, [], Berlin, evening)
            .Single(r => r.Kind == ReminderKind.MockSession).At.ShouldBe(new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.Zero));
        UpcomingReminders.Next(settings, jobSearchActive: false, [], Berlin, morning).ShouldNotContain(r => r.Kind == ReminderKind.MockSession);
    }

    [Fact]
    public void a_kind_switched_off_is_not_listed()
    {
        var id = Guid.NewGuid();
        var off = ReminderSettings.Evolve(ReminderSettings.Defaults(id), new ReminderKindSwitched(id, ReminderKind.WeeklyWins, false));
        UpcomingReminders.Next(off, jobSearchActive: false, [], Berlin, new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero))
            .Select(r => r.Kind).ShouldBe([ReminderKind.QuarterlyReview]);
    }
}
