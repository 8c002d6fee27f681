using System.Globalization;
using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Offers;
using CareerLedger.Web.Accomplishments;
using CareerLedger.Web.Goals;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Offers;
using CareerLedger.Web.Practice;
using CareerLedger.Web.Reminders;
using CareerLedger.Web.Site;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages;

/// <summary>
/// <c>GET /</c>: the dashboard when signed in (this week's wins, the streaks, the next reminders, open offers with their
/// deadlines, the practice trend), otherwise what CareerLedger is with sign-up and sign-in links. Every card is the value of
/// one of the API's own reads (one query each, six in all), so the dashboard shows what the API answers.
/// </summary>
public sealed class IndexModel(IServiceProvider services) : PageModel
{
    /// <summary>How many finished mock sessions the practice trend shows.</summary>
    public const int TrendSessions = 10;

    /// <summary>How many upcoming reminders the dashboard lists.</summary>
    public const int UpcomingShown = 4;

    /// <summary>Whether a user is signed in (the site cookie).</summary>
    public bool SignedIn { get; private set; }

    /// <summary>Today in the user's time zone.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The user's time zone, in which every time on the dashboard is shown.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Monday of the current week in the user's time zone (ISO weeks).</summary>
    public DateOnly WeekStart { get; private set; }

    /// <summary>Wins that happened this week (Monday to today, user's time zone), newest first.</summary>
    public IReadOnlyList<AccomplishmentView> ThisWeek { get; private set; } = [];

    /// <summary>The activity and logging streaks (<c>GET /api/streak</c>).</summary>
    public StreakView? Streak { get; private set; }

    /// <summary>The next reminder checks, soonest first (at most <see cref="UpcomingShown"/>).</summary>
    public IReadOnlyList<Domain.Reminders.NextReminder> Upcoming { get; private set; } = [];

    /// <summary>Open offers, soonest deadline first (offers without a deadline last).</summary>
    public IReadOnlyList<Offer> OpenOffers { get; private set; } = [];

    /// <summary>The last <see cref="TrendSessions"/> finished mock sessions with a score, oldest first.</summary>
    public IReadOnlyList<TrendPoint> Trend { get; private set; } = [];

    /// <summary>Mock sessions started in all (finished or not).</summary>
    public int SessionsStarted { get; private set; }

    /// <summary>Loads the dashboard for the signed-in user.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        // The home page allows anonymous visitors, so the cookie is read here rather than by the authorization policy.
        var auth = await HttpContext.AuthenticateAsync(SiteRegistration.CookieScheme);
        if (!auth.Succeeded)
        {
            return;
        }

        HttpContext.User = auth.Principal!;
        SignedIn = true;
        var me = services.GetRequiredService<CurrentUser>();
        var session = services.GetRequiredService<IQuerySession>();
        var bank = services.GetRequiredService<Domain.Questions.QuestionBank>();
        Today = me.Today;
        Zone = me.TimeZone;
        WeekStart = Domain.Reminders.ZonedTime.WeekStart(Today);

        var week = await AccomplishmentsApi.List(WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, false, session, ct);
        ThisWeek = week.Value ?? [];
        Streak = (await RemindersApi.Streak(me, session, ct)).Value;

        var settings = await ReminderHandler.LoadSettingsAsync(session, ct);
        var goals = (await GoalsApi.List("active", me, session, ct)).Value ?? [];
        var offers = ((await OffersApi.List(null, me, session, ct)).Value ?? []).Select(v => v.Offer).ToList();
        var mockSessions = await session.Query<Domain.Practice.MockSession>().ToListAsync(ct);
        var offerDocs = await session.Query<Domain.Offers.Offer>().ToListAsync(ct);
        var goalDocs = await session.Query<Domain.Goals.Goal>().ToListAsync(ct);
        Upcoming = Domain.Reminders.NextReminders.Compute(settings, Zone, me.Now, Streak?.LoggedThisWeek == true, goalDocs, mockSessions, offerDocs)
            .Where(r => r is { Enabled: true, At: not null })
            .OrderBy(r => r.At)
            .Take(UpcomingShown)
            .ToList();
        OpenOffers = offers.OrderBy(o => o.Deadline is null).ThenBy(o => o.Deadline).ThenBy(o => o.Terms.Company, StringComparer.OrdinalIgnoreCase).ToList();

        var sessions = (await PracticeApi.Sessions(me, session, bank, ct)).Value ?? [];
        SessionsStarted = sessions.Count;
        Trend = sessions
            .Select(s => (s.Session, Summary: s.Session.RescoredSummary ?? s.Session.Summary))
            .Where(x => x.Summary is { Answered: > 0 })
            .OrderByDescending(x => x.Session.StartedAt).Take(TrendSessions)
            .Reverse()
            .Select(x => new TrendPoint(x.Session.Id, x.Session.StartedOn, x.Summary!.AverageOverall, x.Summary.Answered))
            .ToList();
    }

    /// <summary>Days from today to <paramref name="deadline"/> (0 = today; negative once passed).</summary>
    public int DaysLeft(DateOnly deadline) => deadline.DayNumber - Today.DayNumber;

    /// <summary>An instant in the user's time zone, e.g. "Fri 11 Dec, 16:00".</summary>
    public string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The sparkline's polyline points in a 0-<see cref="SparkWidth"/> × 0-<see cref="SparkHeight"/> box (score 100 at the top).</summary>
    public string SparkPoints()
    {
        if (Trend.Count == 0)
        {
            return "";
        }

        var step = Trend.Count == 1 ? 0 : (SparkWidth - 8.0) / (Trend.Count - 1);
        return string.Join(' ', Trend.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{4 + (i * step):0.#},{SparkY(p.Score):0.#}")));
    }

    /// <summary>The y coordinate of a score 0-100 on the sparkline.</summary>
    public static double SparkY(int score) => 4 + ((100 - Math.Clamp(score, 0, 100)) * (SparkHeight - 8.0) / 100);

    /// <summary>The x coordinate of the <paramref name="index"/>-th point.</summary>
    public double SparkX(int index) => Trend.Count <= 1 ? 4 : 4 + (index * (SparkWidth - 8.0) / (Trend.Count - 1));

    /// <summary>Sparkline width in SVG units.</summary>
    public const int SparkWidth = 200;

    /// <summary>Sparkline height in SVG units.</summary>
    public const int SparkHeight = 48;
}

/// <summary>One finished mock session on the practice trend.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="On">The day it started (user's time zone).</param>
/// <param name="Score">Mean overall score of its answers, 0-100, under the running rubric.</param>
/// <param name="Answered">Answers scored in it.</param>
public sealed record TrendPoint(Guid SessionId, DateOnly On, int Score, int Answered);
