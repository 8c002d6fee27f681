using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Reminders;
using CareerLedger.Domain.Tests.Offers.Compensation;
using CareerLedger.Domain.Tests.Support;

namespace CareerLedger.Domain.Tests.Reminders;

public sealed class NextRemindersTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Tuesday 2026-12-01 10:00 in Berlin (CET, UTC+1).
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly ReminderSettings Defaults = ReminderSettings.Defaults(Guid.NewGuid());

    private static NextReminder Of(IReadOnlyList<NextReminder> all, ReminderKind kind) => all.Single(n => n.Kind == kind);

    [Fact]
    public void the_weekly_reminder_is_the_next_slot_in_local_time_or_next_weeks_after_a_win_this_week()
    {
        var next = NextReminders.Compute(Defaults, Berlin, Tuesday, loggedThisWeek: false, [], [], []);
        Of(next, ReminderKind.WeeklyWins).At.ShouldBe(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero)); // Friday 16:00 CET

        var logged = NextReminders.Compute(Defaults, Berlin, Tuesday, loggedThisWeek: true, [], [], []);
        Of(logged, ReminderKind.WeeklyWins).At.ShouldBe(new DateTimeOffset(2026, 12, 11, 15, 0, 0, TimeSpan.Zero));
        Of(logged, ReminderKind.WeeklyWins).Note.ShouldContain("skipped");

        // The quarterly review: today, the 1st of December, at the slot's 16:00; once that has passed, 1 March at 16:00 CET.
        Of(next, ReminderKind.QuarterlyReview).At.ShouldBe(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        Of(NextReminders.Compute(Defaults, Berlin, Tuesday.AddHours(7), false, [], [], []), ReminderKind.QuarterlyReview).At
            .ShouldBe(new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero));
        var off = Defaults with { Disabled = [ReminderKind.QuarterlyReview] };
        Of(NextReminders.Compute(off, Berlin, Tuesday, false, [], [], []), ReminderKind.QuarterlyReview).ShouldBe(new NextReminder(ReminderKind.QuarterlyReview, false, null, "Switched off."));
    }

    [Fact]
    public void mock_sessions_follow_the_cadence_of_an_active_job_search_and_offers_their_next_deadline_reminder()
    {
        Of(NextReminders.Compute(Defaults, Berlin, Tuesday, false, [], [], []), ReminderKind.MockSession).At.ShouldBeNull();

        // Last session on Monday, interview in 10 days: every 3 days, so Thursday at 18:00.
        var goal = Goal.Evolve(null, new GoalOpened(Guid.NewGuid(),
            new GoalDetails(GoalKind.JobSearch, "Staff role", null, null, [], [new InterviewDate(new DateOnly(2026, 12, 11), "Stripe", "onsite")])), Make.T0);
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var session = new MockSession(Guid.NewGuid(), new MockTarget(null, null, [], 3), 1, new DateOnly(2026, 11, 30), monday, [], null);
        Of(NextReminders.Compute(Defaults, Berlin, Tuesday, false, [goal], [session], []), ReminderKind.MockSession).At
            .ShouldBe(new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero));

        // An offer expiring at the end of 3 December (Berlin): 48 h before is 2 December 00:00, after 'now'.
        var offer = Offer.Evolve(null, new OfferReceived(Guid.NewGuid(), OfferStage.Written, new DateOnly(2026, 11, 28), OfferMake.Terms() with { Deadline = new DateOnly(2026, 12, 3) }), Make.T0);
        var deadline = Of(NextReminders.Compute(Defaults, Berlin, Tuesday, false, [], [], [offer]), ReminderKind.OfferDeadline);
        deadline.At.ShouldBe(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero));
        deadline.Note.ShouldStartWith("48 hours before the");
    }
}
