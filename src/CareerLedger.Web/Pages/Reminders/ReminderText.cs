using System.Globalization;
using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Reminders;
using CareerLedger.Web.Infrastructure;
using Marten;

namespace CareerLedger.Web.Pages.Reminders;

/// <summary>Names and local times of reminders as the goals, reminders and inbox pages show them.</summary>
public static class ReminderText
{
    /// <summary>The reminder kinds in settings order, with their API names (snake_case) and what they remind of.</summary>
    public static IReadOnlyList<(ReminderKind Kind, string Name, string Label, string Description)> Kinds { get; } =
    [
        (ReminderKind.WeeklyWins, "weekly_wins", "Log this week's wins", "Once a week at your slot, unless you logged a win that week."),
        (ReminderKind.MockSession, "mock_session", "Run a mock interview", "Checked daily at its time while a job-search goal is active; due when your last session is as old as the cadence (daily within 3 days of an interview)."),
        (ReminderKind.OfferDeadline, "offer_deadline", "Offer deadline", "48 hours and 24 hours before an open offer's answer deadline ends (end of that day)."),
        (ReminderKind.QuarterlyReview, "quarterly_review", "Quarterly brag-document review", "On the 1st of March, June, September and December at the weekly slot's time."),
    ];

    /// <summary>The label of a kind.</summary>
    public static string Label(ReminderKind kind) => Kinds.First(k => k.Kind == kind).Label;

    /// <summary>An instant as a local date and time in <paramref name="zone"/>, e.g. "Fri 27 Nov 2026, 16:00".</summary>
    public static string Local(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The same as <see cref="Local"/> for a <c>datetime</c> attribute: ISO 8601 with the local offset.</summary>
    public static string Iso(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);
    }

    /// <summary>A day as the pages write it, e.g. "Tue 1 Dec 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// When each reminder kind fires next for the signed-in user (<see cref="NextReminders.Compute"/>), from the same settings,
    /// goals, mock sessions, offers and streak the jobs read.
    /// </summary>
    /// <param name="me">The user (time zone, now).</param>
    /// <param name="session">The user's tenant-scoped session.</param>
    /// <param name="settings">The user's settings.</param>
    /// <param name="loggedThisWeek">From the streak: a win was logged this ISO week.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<IReadOnlyList<NextReminder>> NextAsync(CurrentUser me, IQuerySession session, ReminderSettings settings, bool loggedThisWeek, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(session);
        var goals = await session.Query<Goal>().ToListAsync(ct);
        var sessions = await session.Query<MockSession>().ToListAsync(ct);
        var offers = await session.Query<Offer>().ToListAsync(ct);
        return NextReminders.Compute(settings, me.TimeZone, me.Now, loggedThisWeek, goals, sessions, offers);
    }
}
