using System.Globalization;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Practice;

namespace CareerLedger.Domain.Reminders;

/// <summary>
/// When each reminder is due and what it says (pure; the time is passed in). Jobs call these at their scheduled time and
/// record a <see cref="ReminderDue"/> under the notice's key, so running a rule twice for one occurrence yields one reminder.
/// The rules and their reasons are written up in docs/domain.md ("Reminders").
/// </summary>
public static class ReminderRules
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Hours before an offer's expiry at which its deadline reminders are due.</summary>
    public static IReadOnlyList<int> DeadlineHours { get; } = [48, 24];

    /// <summary>One question a week, to make the weekly log easier to start; chosen by the ISO week number.</summary>
    public static IReadOnlyList<string> WeeklyPrompts { get; } =
    [
        "What did you unblock for someone else?",
        "Which number moved because of your work (latency, cost, revenue, tickets)?",
        "What did you ship, fix or delete?",
        "Which decision did you drive that others now build on?",
        "Who did you help grow, and how?",
        "Which risk did you spot before it became an incident?",
        "What did you learn that changed how you or your team work?",
        "Which meeting, process or manual step did you make unnecessary?",
    ];

    /// <summary>
    /// The weekly "log your wins" reminder at <paramref name="now"/>, or null when a win was already logged this week (recorded
    /// in the current ISO week, in the user's zone). Key: <c>weekly_wins:&lt;ISO week&gt;</c>.
    /// </summary>
    public static ReminderNotice? WeeklyWins(DateTimeOffset now, TimeZoneInfo zone, IReadOnlyList<Accomplishment> wins)
    {
        var streaks = LedgerStreaks.Compute(wins, now, zone);
        if (streaks.LoggedThisWeek)
        {
            return null;
        }

        var week = ZonedTime.WeekStart(ZonedTime.Today(now, zone));
        var prompt = WeeklyPrompts[ISOWeek.GetWeekOfYear(week.ToDateTime(TimeOnly.MinValue)) % WeeklyPrompts.Count];
        var streak = streaks.Logging.Current switch
        {
            0 => "Your logging streak starts with this week's first entry.",
            1 => "You logged last week: keep the streak going.",
            var n => string.Create(Invariant, $"You have logged {n} weeks in a row: keep the streak going."),
        };
        return new ReminderNotice($"weekly_wins:{streaks.ThisWeek}", ReminderKind.WeeklyWins, "Log this week's wins",
            $"{streak} This week's question: {prompt}", now, null);
    }

    /// <summary>
    /// The effective mock-session cadence in days: the user's <paramref name="everyDays"/>, at most every 2 days within a week of the
    /// next interview, and daily within 3 days of it.
    /// </summary>
    public static int MockCadence(int everyDays, int? daysToInterview) => daysToInterview switch
    {
        <= 3 => 1,
        <= 7 => Math.Min(everyDays, 2),
        _ => everyDays,
    };

    /// <summary>
    /// The mock-session reminder for today, or null: only while a job-search goal is active, not on a day a session was started,
    /// and only when the last session is at least the effective cadence (<see cref="MockCadence"/>) ago. Key:
    /// <c>mock_session:&lt;local date&gt;</c>.
    /// </summary>
    public static ReminderNotice? MockSession(
        DateTimeOffset now, TimeZoneInfo zone, int everyDays, IReadOnlyList<Goal> goals, IReadOnlyList<MockSession> sessions)
    {
        if (Goal.Active(goals, GoalKind.JobSearch) is not { } goal)
        {
            return null;
        }

        var today = ZonedTime.Today(now, zone);
        var last = sessions.Select(s => ZonedTime.Today(s.StartedAt, zone)).DefaultIfEmpty().Max();
        if (sessions.Count > 0 && last >= today)
        {
            return null; // practised today
        }

        var next = goal.Details.NextInterview(today);
        var daysToInterview = next is null ? (int?)null : next.On.DayNumber - today.DayNumber;
        var cadence = MockCadence(everyDays, daysToInterview);
        var since = sessions.Count == 0 ? (int?)null : today.DayNumber - last.DayNumber;
        if (since is { } d && d < cadence)
        {
            return null;
        }

        var when = next is null ? "No interview is scheduled yet; practice keeps answers ready."
            : daysToInterview == 0 ? $"Your {Stage(next)} with {next.Company} is today."
            : string.Create(Invariant, $"Your {Stage(next)} with {next.Company} is in {daysToInterview} day{(daysToInterview == 1 ? "" : "s")} ({next.On:yyyy-MM-dd}).");
        var gap = since is null ? "You have not run a mock session yet." : string.Create(Invariant, $"Your last mock session was {since} day{(since == 1 ? "" : "s")} ago.");
        return new ReminderNotice($"mock_session:{today:yyyy-MM-dd}", ReminderKind.MockSession, "Time for a mock interview",
            $"{when} {gap} Run one with `ledger mock start` (about 20 minutes).", now, goal.Id);
    }

    /// <summary>
    /// When an offer expires: the end of its deadline day in the user's zone (the start of the next local day), or null when it
    /// has no deadline.
    /// </summary>
    public static DateTimeOffset? ExpiresAt(Offer offer, TimeZoneInfo zone) =>
        offer.Deadline is { } d ? ZonedTime.ToInstant(d.AddDays(1), TimeOnly.MinValue, zone) : null;

    /// <summary>
    /// The deadline reminder <paramref name="hoursBefore"/> (48 or 24) hours before the offer expires, or null when it is not
    /// due: the offer is closed or has no deadline, it is earlier than the due time, the offer already expired, or (for 48 h) the
    /// 24 h reminder is due already, so a job run late never sends both. Key:
    /// <c>offer_deadline:&lt;offer id&gt;:&lt;deadline&gt;:&lt;hours&gt;h</c>, so a moved deadline gets fresh reminders.
    /// </summary>
    public static ReminderNotice? OfferDeadline(DateTimeOffset now, TimeZoneInfo zone, Offer offer, int hoursBefore)
    {
        if (offer.Status != OfferStatus.Open || ExpiresAt(offer, zone) is not { } expires)
        {
            return null;
        }

        var due = expires.AddHours(-hoursBefore);
        var superseded = DeadlineHours.Any(h => h < hoursBefore && now >= expires.AddHours(-h));
        if (now < due || now >= expires || superseded)
        {
            return null;
        }

        var company = offer.Terms.Company;
        var left = expires - now;
        var advice = offer.Counters.Count == 0
            ? "You have not countered yet: if you need more time, ask for an extension now; a short, specific ask (a few business days, with the reason) is usually granted."
            : string.Create(Invariant, $"You countered on {offer.Counters[^1].SentOn:yyyy-MM-dd}; if the answer has not come, follow up and confirm the deadline still holds.");
        return new ReminderNotice(
            string.Create(Invariant, $"offer_deadline:{offer.Id}:{offer.Deadline:yyyy-MM-dd}:{hoursBefore}h"), ReminderKind.OfferDeadline,
            string.Create(Invariant, $"The {company} offer expires in {Math.Max(1, (int)Math.Round(left.TotalHours))} hours"),
            string.Create(Invariant, $"Its answer deadline is {offer.Deadline:yyyy-MM-dd} (end of day). {advice} See `ledger offers plan {offer.Id}`."),
            now, offer.Id);
    }

    /// <summary>
    /// The quarterly review reminder: due from the 1st of March, June, September and December (the month before the usual review
    /// cycles), once per quarter. The body counts what to tidy among the quarter's wins. Key: <c>quarterly_review:&lt;yyyy&gt;-Q&lt;n&gt;</c>.
    /// </summary>
    public static ReminderNotice? QuarterlyReview(DateTimeOffset now, TimeZoneInfo zone, IReadOnlyList<Accomplishment> wins)
    {
        var today = ZonedTime.Today(now, zone);
        if (today.Month % 3 != 0)
        {
            return null;
        }

        var quarter = (today.Month - 1) / 3 + 1;
        var start = new DateOnly(today.Year, today.Month - 2, 1);
        var recent = wins.Where(w => !w.Retracted && w.Details.OccurredOn >= start && w.Details.OccurredOn <= today).ToList();
        var noImpact = recent.Count(w => w.Details.Impact.Count == 0);
        var noCompetency = recent.Count(w => w.Details.Competencies.Count == 0);
        var body = recent.Count == 0
            ? "You logged no wins this quarter. Before review season, add the ones you remember (`ledger import` takes a file)."
            : string.Create(Invariant,
                $"{recent.Count} win{(recent.Count == 1 ? "" : "s")} since {start:yyyy-MM-dd}; {noImpact} without a measured impact, {noCompetency} without a competency. Tidy them and read `ledger brag` before review season.");
        return new ReminderNotice(string.Create(Invariant, $"quarterly_review:{today.Year}-Q{quarter}"), ReminderKind.QuarterlyReview,
            "Review your brag document", body, now, null);
    }

    private static string Stage(InterviewDate i) => i.Stage ?? "interview";
}
