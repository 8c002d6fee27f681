using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Reminders;

namespace CareerLedger.Web.Reminders;

/// <summary>When a reminder job will next run and check its rule.</summary>
/// <param name="Kind">Which reminder.</param>
/// <param name="At">When the job runs (UTC); show it in the user's time zone.</param>
/// <param name="Title">What it is about, one line ("Weekly wins", "Offer deadline: Stripe, 24 h before").</param>
/// <param name="Condition">When it is actually recorded, in a sentence (a check that finds nothing due records nothing).</param>
/// <param name="SubjectId">The offer it is about, for offer deadlines.</param>
public sealed record UpcomingReminder(ReminderKind Kind, DateTimeOffset At, string Title, string Condition, Guid? SubjectId = null);

/// <summary>
/// The next run of each reminder that is switched on, from the same settings, slots and deadlines the jobs are scheduled with
/// (<see cref="ReminderScheduler"/>, docs/reminders.md "Reminder kinds"): the weekly wins slot (<see cref="RemindersApi.NextSlots"/>),
/// the daily mock-session check while a job search is active, 48 h and 24 h before each open offer expires
/// (<see cref="ReminderRules.ExpiresAt"/>, <see cref="ReminderRules.DeadlineHours"/>) and the quarterly review on the 1st of March,
/// June, September and December at the weekly slot's time. Pure: the time is passed in.
/// </summary>
public static class UpcomingReminders
{
    private static readonly int[] ReviewMonths = [3, 6, 9, 12];

    /// <summary>The upcoming runs after <paramref name="now"/>, soonest first.</summary>
    /// <param name="settings">The user's reminder settings (defaults until changed).</param>
    /// <param name="jobSearchActive">Whether a job-search goal is active (the mock-session reminder needs one).</param>
    /// <param name="offers">The user's offers; only open ones with a deadline count.</param>
    /// <param name="zone">The user's time zone.</param>
    /// <param name="now">The current instant.</param>
    public static IReadOnlyList<UpcomingReminder> Next(ReminderSettings settings, bool jobSearchActive, IEnumerable<Offer> offers, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(zone);
        var list = new List<UpcomingReminder>();
        if (settings.IsEnabled(ReminderKind.WeeklyWins))
        {
            list.Add(new UpcomingReminder(
                ReminderKind.WeeklyWins, RemindersApi.NextSlots(settings.WinsSlot, zone, now).First(), "Log this week's wins",
                "Only if no win was logged that week."));
        }

        if (settings.IsEnabled(ReminderKind.MockSession) && jobSearchActive)
        {
            var today = ZonedTime.Today(now, zone);
            var at = ZonedTime.ToInstant(today, settings.MockAt, zone);
            if (at <= now)
            {
                at = ZonedTime.ToInstant(today.AddDays(1), settings.MockAt, zone);
            }

            list.Add(new UpcomingReminder(
                ReminderKind.MockSession, at.ToUniversalTime(), "Time for a mock interview",
                "Checked daily while your job search is active; due when your last session is older than your practice cadence."));
        }

        if (settings.IsEnabled(ReminderKind.OfferDeadline))
        {
            foreach (var offer in offers.Where(o => o.Status == OfferStatus.Open))
            {
                if (ReminderRules.ExpiresAt(offer, zone) is not { } expires || expires <= now)
                {
                    continue;
                }

                foreach (var hours in ReminderRules.DeadlineHours)
                {
                    var at = expires.AddHours(-hours);
                    if (at > now)
                    {
                        list.Add(new UpcomingReminder(
                            ReminderKind.OfferDeadline, at.ToUniversalTime(), $"The {offer.Terms.Company} offer expires in {hours} hours",
                            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Its answer deadline is {offer.Deadline:ddd d MMM yyyy}."), offer.Id));
                    }
                }
            }
        }

        if (settings.IsEnabled(ReminderKind.QuarterlyReview))
        {
            var today = ZonedTime.Today(now, zone);
            for (var month = new DateOnly(today.Year, today.Month, 1); ; month = month.AddMonths(1))
            {
                if (!ReviewMonths.Contains(month.Month))
                {
                    continue;
                }

                var at = ZonedTime.ToInstant(month, settings.WinsSlot.At, zone);
                if (at > now)
                {
                    list.Add(new UpcomingReminder(
                        ReminderKind.QuarterlyReview, at.ToUniversalTime(), "Quarterly review of your wins",
                        "Counts the quarter's wins and those without a measured impact or a competency."));
                    break;
                }
            }
        }

        return list.OrderBy(r => r.At).ToList();
    }
}
