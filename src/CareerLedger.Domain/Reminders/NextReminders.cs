using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Practice;

namespace CareerLedger.Domain.Reminders;

/// <summary>When one reminder kind fires next, as far as the settings and the ledger today tell.</summary>
/// <param name="Kind">The reminder kind.</param>
/// <param name="Enabled">Whether the kind is switched on.</param>
/// <param name="At">The next instant its job runs and would record a reminder (UTC), or null when none is coming.</param>
/// <param name="Note">What decides it: the condition under which it is sent, or why none is coming.</param>
public sealed record NextReminder(ReminderKind Kind, bool Enabled, DateTimeOffset? At, string Note);

/// <summary>
/// The next firing of each reminder kind, computed with the same rules and local-time arithmetic as the jobs
/// (<see cref="ReminderRules"/>, <see cref="ZonedTime"/>; docs/reminders.md): the weekly slot, the daily mock-session check with
/// the effective cadence, the 48 h and 24 h before an open offer expires, and the 1st of March, June, September and December.
/// It assumes nothing new is logged or practised in between (a win logged this week skips the weekly reminder).
/// </summary>
public static class NextReminders
{
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>The next <paramref name="count"/> instants of a weekly slot after <paramref name="now"/> (UTC), daylight-saving safe.</summary>
    public static IEnumerable<DateTimeOffset> WeeklySlots(WeeklySlot slot, TimeZoneInfo zone, DateTimeOffset now, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var day = ZonedTime.Today(now, zone);
        day = day.AddDays(((int)slot.Day - (int)day.DayOfWeek + 7) % 7);
        for (var found = 0; found < count; day = day.AddDays(7))
        {
            var at = ZonedTime.ToInstant(day, slot.At, zone);
            if (at > now)
            {
                found++;
                yield return at.ToUniversalTime();
            }
        }
    }

    /// <summary>One entry per reminder kind, in the order of <see cref="ReminderKind"/>.</summary>
    /// <param name="settings">The user's settings (or the defaults).</param>
    /// <param name="zone">The user's time zone.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="loggedThisWeek">Whether a win was logged in the current ISO week (the weekly reminder is then skipped this week).</param>
    /// <param name="goals">The user's goals (an active job search drives the mock-session reminder).</param>
    /// <param name="sessions">The user's mock sessions.</param>
    /// <param name="offers">The user's offers.</param>
    public static IReadOnlyList<NextReminder> Compute(
        ReminderSettings settings, TimeZoneInfo zone, DateTimeOffset now, bool loggedThisWeek,
        IReadOnlyList<Goal> goals, IReadOnlyList<MockSession> sessions, IReadOnlyList<Offer> offers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return
        [
            Off(settings, ReminderKind.WeeklyWins) ?? WeeklyWins(settings, zone, now, loggedThisWeek),
            Off(settings, ReminderKind.MockSession) ?? MockSession(settings, zone, now, goals, sessions),
            Off(settings, ReminderKind.OfferDeadline) ?? OfferDeadline(zone, now, offers),
            Off(settings, ReminderKind.QuarterlyReview) ?? QuarterlyReview(settings, zone, now),
        ];
    }

    private static NextReminder? Off(ReminderSettings s, ReminderKind kind) =>
        s.IsEnabled(kind) ? null : new NextReminder(kind, false, null, "Switched off.");

    private static NextReminder WeeklyWins(ReminderSettings s, TimeZoneInfo zone, DateTimeOffset now, bool loggedThisWeek)
    {
        var slots = WeeklySlots(s.WinsSlot, zone, now, 2).ToList();
        var thisWeek = ZonedTime.WeekStart(ZonedTime.Today(now, zone));
        if (loggedThisWeek && ZonedTime.WeekStart(ZonedTime.Today(slots[0], zone)) == thisWeek)
        {
            return new NextReminder(ReminderKind.WeeklyWins, true, slots[1], "You logged a win this week, so this week's reminder is skipped; this is next week's.");
        }

        return new NextReminder(ReminderKind.WeeklyWins, true, slots[0], "Sent unless you log a win that week before then.");
    }

    private static NextReminder MockSession(ReminderSettings s, TimeZoneInfo zone, DateTimeOffset now, IReadOnlyList<Goal> goals, IReadOnlyList<MockSession> sessions)
    {
        if (Goal.Active(goals, GoalKind.JobSearch) is not { } goal)
        {
            return new NextReminder(ReminderKind.MockSession, true, null, "Only while a job-search goal is active: none is.");
        }

        var today = ZonedTime.Today(now, zone);
        DateOnly? last = sessions.Count == 0 ? null : sessions.Max(x => ZonedTime.Today(x.StartedAt, zone));
        for (var day = today; day <= today.AddDays(15); day = day.AddDays(1))
        {
            var at = ZonedTime.ToInstant(day, s.MockAt, zone);
            if (at <= now || (last is { } practised && practised >= day))
            {
                continue;
            }

            var next = goal.Details.NextInterview(day);
            var cadence = ReminderRules.MockCadence(s.MockEveryDays, next is null ? null : next.On.DayNumber - day.DayNumber);
            if (last is null || day.DayNumber - last.Value.DayNumber >= cadence)
            {
                var every = cadence == 1 ? "daily" : string.Create(Invariant, $"every {cadence} days");
                return new NextReminder(ReminderKind.MockSession, true, at.ToUniversalTime(),
                    string.Create(Invariant, $"For \"{goal.Details.Title}\", practising {every} by then; a mock session started before it moves it."));
            }
        }

        return new NextReminder(ReminderKind.MockSession, true, null, "Not within the next two weeks.");
    }

    private static NextReminder OfferDeadline(TimeZoneInfo zone, DateTimeOffset now, IReadOnlyList<Offer> offers)
    {
        var upcoming = offers
            .Where(o => o.Status == OfferStatus.Open && ReminderRules.ExpiresAt(o, zone) > now)
            .SelectMany(o => ReminderRules.DeadlineHours.Select(h => (Offer: o, Hours: h, Due: ReminderRules.ExpiresAt(o, zone)!.Value.AddHours(-h))))
            .Where(x => x.Due > now)
            .OrderBy(x => x.Due)
            .FirstOrDefault();
        if (upcoming.Offer is null)
        {
            return new NextReminder(ReminderKind.OfferDeadline, true, null,
                offers.Any(o => o.Status == OfferStatus.Open && ReminderRules.ExpiresAt(o, zone) > now)
                    ? "The last reminder of each open offer's deadline is due already."
                    : "No open offer has a deadline ahead.");
        }

        return new NextReminder(ReminderKind.OfferDeadline, true, upcoming.Due.ToUniversalTime(),
            string.Create(Invariant, $"{upcoming.Hours} hours before the {upcoming.Offer.Terms.Company} offer expires (deadline {upcoming.Offer.Deadline:yyyy-MM-dd}, end of day)."));
    }

    private static NextReminder QuarterlyReview(ReminderSettings s, TimeZoneInfo zone, DateTimeOffset now)
    {
        var today = ZonedTime.Today(now, zone);
        for (var month = new DateOnly(today.Year, today.Month, 1); ; month = month.AddMonths(1))
        {
            if (month.Month % 3 == 0 && ZonedTime.ToInstant(month, s.WinsSlot.At, zone) is var at && at > now)
            {
                return new NextReminder(ReminderKind.QuarterlyReview, true, at.ToUniversalTime(), "On the 1st of March, June, September and December, at the weekly slot's time.");
            }
        }
    }
}
