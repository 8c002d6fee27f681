using CareerLedger.Domain.Accomplishments;

namespace CareerLedger.Domain.Reminders;

/// <summary>A run of consecutive ISO weeks (Monday to Sunday, in the user's time zone).</summary>
/// <param name="Current">Weeks in the run that ends this week, or last week while this week has nothing yet (the week is not over).</param>
/// <param name="CurrentSince">The Monday the current run started, or null when it is 0.</param>
/// <param name="Longest">The longest run ever.</param>
public sealed record WeekStreak(int Current, DateOnly? CurrentSince, int Longest);

/// <summary>
/// The two streaks of a ledger. <see cref="Activity"/> counts weeks in which a win happened (the wins' own dates);
/// <see cref="Logging"/> counts weeks in which the user actually logged one (the recorded time of the events). Back-filling a
/// month at once lengthens the first, not the second: only the second measures the habit. See docs/domain.md.
/// </summary>
/// <param name="Activity">Weeks with a win dated in them.</param>
/// <param name="Logging">Weeks with a win recorded in them.</param>
/// <param name="ThisWeek">The current ISO week, e.g. <c>2026-W49</c>.</param>
/// <param name="LoggedThisWeek">Whether a win was recorded this week.</param>
public sealed record LedgerStreaks(WeekStreak Activity, WeekStreak Logging, string ThisWeek, bool LoggedThisWeek)
{
    /// <summary>Computes both streaks at <paramref name="now"/> in <paramref name="zone"/>; retracted wins do not count.</summary>
    public static LedgerStreaks Compute(IEnumerable<Accomplishment> wins, DateTimeOffset now, TimeZoneInfo zone)
    {
        var kept = wins.Where(w => !w.Retracted).ToList();
        var thisWeek = ZonedTime.WeekStart(ZonedTime.Today(now, zone));
        var happened = kept.Select(w => ZonedTime.WeekStart(w.Details.OccurredOn)).ToHashSet();
        var logged = kept.Select(w => ZonedTime.WeekStart(ZonedTime.Today(w.LoggedAt, zone))).ToHashSet();
        return new LedgerStreaks(Run(happened, thisWeek), Run(logged, thisWeek), ZonedTime.WeekLabel(thisWeek), logged.Contains(thisWeek));
    }

    private static WeekStreak Run(HashSet<DateOnly> weeks, DateOnly thisWeek)
    {
        var end = weeks.Contains(thisWeek) ? thisWeek : thisWeek.AddDays(-7);
        var current = 0;
        for (var w = end; weeks.Contains(w); w = w.AddDays(-7))
        {
            current++;
        }

        int longest = 0, run = 0;
        DateOnly? previous = null;
        foreach (var w in weeks.Order())
        {
            run = previous is { } p && p.AddDays(7) == w ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = w;
        }

        return new WeekStreak(current, current == 0 ? null : end.AddDays(-7 * (current - 1)), longest);
    }
}
