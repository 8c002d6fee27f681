using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Reminders;
using CareerLedger.Domain.Tests.Offers.Compensation;
using CareerLedger.Domain.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CareerLedger.Domain.Tests.Reminders;

public sealed class ReminderRulesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    // Friday 2026-12-04 16:00 in Berlin (CET, UTC+1).
    private static readonly DateTimeOffset FridaySlot = new(2026, 12, 4, 15, 0, 0, TimeSpan.Zero);

    private static Accomplishment LoggedWin(DateOnly occurredOn, DateTimeOffset loggedAt) => Make.Win(Make.Details(on: occurredOn), loggedAt: loggedAt);

    [Fact]
    public void the_weekly_reminder_is_skipped_when_a_win_was_logged_this_week()
    {
        var clock = new FakeTimeProvider(FridaySlot);
        var loggedMonday = LoggedWin(new DateOnly(2026, 11, 30), new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        ReminderRules.WeeklyWins(clock.GetUtcNow(), Berlin, [loggedMonday]).ShouldBeNull();

        // Logged last Sunday evening Berlin time (Sunday 23:30 CET = 22:30 UTC): that is last week, so the reminder is due.
        var loggedLastWeek = LoggedWin(new DateOnly(2026, 11, 29), new DateTimeOffset(2026, 11, 29, 22, 30, 0, TimeSpan.Zero));
        var notice = ReminderRules.WeeklyWins(clock.GetUtcNow(), Berlin, [loggedLastWeek]).ShouldNotBeNull();
        notice.Key.ShouldBe("weekly_wins:2026-W49");
        notice.Body.ShouldContain("You logged last week");
        notice.Body.ShouldContain(ReminderRules.WeeklyPrompts[49 % ReminderRules.WeeklyPrompts.Count]);
    }

    [Fact]
    public void a_retracted_win_does_not_count_as_logged()
    {
        var retracted = Make.Win(Make.Details(on: new DateOnly(2026, 12, 1)), retracted: true, loggedAt: FridaySlot.AddDays(-2));
        ReminderRules.WeeklyWins(FridaySlot, Berlin, [retracted]).ShouldNotBeNull();
    }

    [Fact]
    public void back_filling_lengthens_the_activity_streak_but_not_the_logging_streak()
    {
        var now = FridaySlot;
        // Eight wins dated one per week over the last eight weeks, all logged today in one sitting.
        var backfilled = Enumerable.Range(0, 8).Select(i => LoggedWin(new DateOnly(2026, 12, 2).AddDays(-7 * i), now.AddMinutes(-i))).ToList();
        var streaks = LedgerStreaks.Compute(backfilled, now, Berlin);
        streaks.Activity.Current.ShouldBe(8);
        streaks.Activity.CurrentSince.ShouldBe(new DateOnly(2026, 10, 12));
        streaks.Logging.Current.ShouldBe(1);
        streaks.LoggedThisWeek.ShouldBeTrue();

        // Logged week by week instead: both streaks are 8, and the longest run survives a later gap.
        var habit = Enumerable.Range(0, 8).Select(i => LoggedWin(new DateOnly(2026, 12, 2).AddDays(-7 * i), now.AddDays(-7 * i))).ToList();
        LedgerStreaks.Compute(habit, now, Berlin).Logging.Current.ShouldBe(8);
        var later = LedgerStreaks.Compute(habit, now.AddDays(21), Berlin);
        later.Logging.Current.ShouldBe(0);
        later.Logging.Longest.ShouldBe(8);
    }

    [Fact]
    public void an_unfinished_week_does_not_break_the_streak()
    {
        // Logged in each of the last three weeks, nothing yet this week (it is Monday morning): the streak is still 3.
        var monday = new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero);
        var wins = Enumerable.Range(1, 3).Select(i => LoggedWin(new DateOnly(2026, 12, 4).AddDays(-7 * (i - 1)), monday.AddDays(-7 * i + 4))).ToList();
        var streaks = LedgerStreaks.Compute(wins, monday, Berlin);
        streaks.Logging.Current.ShouldBe(3);
        streaks.LoggedThisWeek.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29", 2, 30, "2026-03-29T03:00:00+02:00")] // spring forward: 02:30 does not exist
    [InlineData("Europe/Berlin", "2026-10-25", 2, 30, "2026-10-25T02:30:00+02:00")] // fall back: the first 02:30 (CEST)
    [InlineData("America/Los_Angeles", "2026-03-08", 2, 30, "2026-03-08T03:00:00-07:00")]
    [InlineData("America/Los_Angeles", "2026-11-01", 1, 30, "2026-11-01T01:30:00-07:00")]
    [InlineData("Europe/Berlin", "2026-03-27", 16, 0, "2026-03-27T16:00:00+01:00")] // the Friday before the change: CET
    [InlineData("Europe/Berlin", "2026-04-03", 16, 0, "2026-04-03T16:00:00+02:00")] // the Friday after: CEST, still 16:00 local
    public void local_times_map_to_one_instant_across_daylight_saving_changes(string zone, string day, int hour, int minute, string expected)
    {
        var instant = ZonedTime.ToInstant(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(hour, minute), TimeZoneInfo.FindSystemTimeZoneById(zone));
        instant.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void quiet_hours_defer_to_their_end_in_local_time_also_on_a_daylight_saving_night()
    {
        var quiet = new QuietHours(new TimeOnly(21, 0), new TimeOnly(8, 0));
        // 23:00 local on the Saturday before Berlin falls back → 08:00 CET on Sunday (the night is 25 hours long).
        var late = new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.FromHours(2));
        quiet.Defer(late, Berlin).ShouldBe(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.FromHours(1)));
        // 03:00 local in Los Angeles on the spring-forward Sunday → 08:00 PDT the same day.
        var early = new DateTimeOffset(2026, 3, 8, 10, 0, 0, TimeSpan.Zero); // 03:00 PDT
        quiet.Defer(early, LosAngeles).ShouldBe(new DateTimeOffset(2026, 3, 8, 8, 0, 0, TimeSpan.FromHours(-7)));
        // Outside the quiet hours nothing moves.
        var noon = new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.FromHours(-7));
        quiet.Defer(noon, LosAngeles).ShouldBe(noon);
    }

    private static Offer OpenOffer(DateOnly deadline, params OfferEvent[] later)
    {
        var id = Guid.NewGuid();
        var offer = Offer.Evolve(null, new OfferReceived(id, OfferStage.Written, new DateOnly(2026, 12, 1), OfferMake.Terms() with { Deadline = deadline }), Make.T0);
        foreach (var e in later)
        {
            offer = Offer.Evolve(offer, e with { OfferId = id }, Make.T0);
        }

        return offer;
    }

    [Fact]
    public void offer_deadline_reminders_are_due_48_and_24_hours_before_the_end_of_the_deadline_day()
    {
        var offer = OpenOffer(new DateOnly(2026, 12, 10)); // expires 2026-12-11 00:00 Los Angeles = 08:00 UTC
        ReminderRules.ExpiresAt(offer, LosAngeles).ShouldBe(new DateTimeOffset(2026, 12, 11, 8, 0, 0, TimeSpan.Zero));
        var due48 = new DateTimeOffset(2026, 12, 9, 8, 0, 0, TimeSpan.Zero);
        ReminderRules.OfferDeadline(due48.AddMinutes(-1), LosAngeles, offer, 48).ShouldBeNull();
        var notice = ReminderRules.OfferDeadline(due48, LosAngeles, offer, 48).ShouldNotBeNull();
        notice.Key.ShouldBe($"offer_deadline:{offer.Id}:2026-12-10:48h");
        notice.Title.ShouldBe("The Acme offer expires in 48 hours");
        notice.Body.ShouldContain("ask for an extension");

        // A job running late, after the 24 h point, sends only the 24 h reminder: never both at once.
        var late = new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);
        ReminderRules.OfferDeadline(late, LosAngeles, offer, 48).ShouldBeNull();
        ReminderRules.OfferDeadline(late, LosAngeles, offer, 24).ShouldNotBeNull().Key.ShouldEndWith(":24h");
        // After expiry: nothing.
        ReminderRules.OfferDeadline(new DateTimeOffset(2026, 12, 11, 8, 0, 0, TimeSpan.Zero), LosAngeles, offer, 24).ShouldBeNull();
    }

    [Fact]
    public void a_moved_deadline_gets_fresh_keys_and_a_closed_offer_gets_none()
    {
        var at = new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero);
        var original = OpenOffer(new DateOnly(2026, 12, 10));
        var moved = OpenOffer(new DateOnly(2026, 12, 10), new OfferDeadlineSet(Guid.Empty, new DateOnly(2026, 12, 14), true));
        ReminderRules.OfferDeadline(at, LosAngeles, original, 48).ShouldNotBeNull();
        ReminderRules.OfferDeadline(at, LosAngeles, moved, 48).ShouldBeNull(); // the new deadline is five days away
        ReminderRules.OfferDeadline(new DateTimeOffset(2026, 12, 13, 12, 0, 0, TimeSpan.Zero), LosAngeles, moved, 48).ShouldNotBeNull()
            .Key.ShouldContain(":2026-12-14:");

        var declined = OpenOffer(new DateOnly(2026, 12, 10), new OfferDeclined(Guid.Empty, new DateOnly(2026, 12, 8), "took another"));
        ReminderRules.OfferDeadline(at, LosAngeles, declined, 48).ShouldBeNull();
    }

    [Fact]
    public void after_a_counter_the_deadline_reminder_says_to_follow_up_instead()
    {
        var countered = OpenOffer(new DateOnly(2026, 12, 10), new CounterOfferSent(Guid.Empty, new DateOnly(2026, 12, 5), [], null));
        ReminderRules.OfferDeadline(new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero), LosAngeles, countered, 48).ShouldNotBeNull()
            .Body.ShouldContain("You countered on 2026-12-05");
    }

    private static Goal JobSearch(params InterviewDate[] interviews) => Goal.Evolve(null, new GoalOpened(Guid.NewGuid(),
        new GoalDetails(GoalKind.JobSearch, "Staff role at a fintech", "staff", null, ["Stripe"], interviews)), Make.T0);

    private static MockSession SessionStarted(DateTimeOffset at) => new(Guid.NewGuid(), new MockTarget(null, null, [], 3), 1, DateOnly.FromDateTime(at.UtcDateTime), at, [], null);

    [Fact]
    public void mock_sessions_are_reminded_only_during_a_job_search_at_the_cadence_and_more_often_near_an_interview()
    {
        var now = new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero); // 18:00 Berlin
        var twoDaysAgo = SessionStarted(now.AddDays(-2));
        ReminderRules.MockSession(now, Berlin, 3, [], [twoDaysAgo]).ShouldBeNull(); // no job search
        ReminderRules.MockSession(now, Berlin, 3, [JobSearch()], [twoDaysAgo]).ShouldBeNull(); // cadence 3, last 2 days ago
        var soon = JobSearch(new InterviewDate(new DateOnly(2026, 12, 7), "Stripe", "onsite"));
        var notice = ReminderRules.MockSession(now, Berlin, 3, [soon], [twoDaysAgo]).ShouldNotBeNull(); // 3 days out: daily
        notice.Key.ShouldBe("mock_session:2026-12-04");
        notice.Body.ShouldContain("Your onsite with Stripe is in 3 days (2026-12-07).");
        ReminderRules.MockSession(now, Berlin, 3, [soon], [SessionStarted(now.AddHours(-3))]).ShouldBeNull(); // practised today
        ReminderRules.MockCadence(5, 6).ShouldBe(2);
        ReminderRules.MockCadence(5, null).ShouldBe(5);
    }

    [Fact]
    public void the_quarterly_review_is_due_in_the_last_month_of_a_quarter_and_counts_what_to_tidy()
    {
        var march = new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
        var wins = new[]
        {
            Make.Win(Make.Details(on: new DateOnly(2026, 1, 20), impact: [Make.Latency()])),
            Make.Win(Make.Details(on: new DateOnly(2026, 2, 3))),
            Make.Win(Make.Details(on: new DateOnly(2025, 12, 1))), // previous quarter
        };
        var notice = ReminderRules.QuarterlyReview(march, Berlin, wins).ShouldNotBeNull();
        notice.Key.ShouldBe("quarterly_review:2026-Q1");
        notice.Body.ShouldStartWith("2 wins since 2026-01-01; 1 without a measured impact, 2 without a competency.");
        ReminderRules.QuarterlyReview(march.AddMonths(1), Berlin, wins).ShouldBeNull();
    }
}
