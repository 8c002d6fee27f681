namespace CareerLedger.Domain.Offers.Compensation;

/// <summary>
/// Turns a <see cref="VestingSchedule"/> into vest events and sums them per year or per month. Pure arithmetic, no dates:
/// month 0 is the grant (or start) date, month 12 its first anniversary.
/// </summary>
/// <remarks>
/// <para>The vest events of a schedule with P periods a year (<see cref="PeriodsPerYear"/>: monthly 12, quarterly 4,
/// semi-annual 2, annual 1) are, for each schedule year y = 1…<c>YearPercents.Count</c> and period k = 1…P:
/// month = 12 × (y − 1) + k × 12 / P, amount = <c>YearPercents[y − 1]</c> / 100 / P of the grant. So a quarterly year 1
/// vests at months 3, 6, 9 and 12, and year 2 at months 15, 18, 21 and 24.</para>
/// <para>The cliff: every event at or before <see cref="VestingSchedule.CliffMonths"/> is moved to the cliff month
/// (nothing vests before it; everything accrued so far vests at once). A cliff of 0 (or less) means no cliff. A cliff that
/// falls between events moves only the events before it; the next event still comes at its own month.</para>
/// <para>Fractions are computed from the summed percents with one division per result (Σ percent ÷ (100 × P)), so an even
/// schedule gives exact quarters (0.25), not 0.2499…</para>
/// </remarks>
public static class Vesting
{
    /// <summary>Vest events per year: monthly 12, quarterly 4, semi-annual 2, annual 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a value outside <see cref="VestingFrequency"/>.</exception>
    public static int PeriodsPerYear(VestingFrequency frequency) => frequency switch
    {
        VestingFrequency.Monthly => 12,
        VestingFrequency.Quarterly => 4,
        VestingFrequency.SemiAnnual => 2,
        VestingFrequency.Annual => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown vesting frequency."),
    };

    /// <summary>
    /// The fraction (0-1) of the grant that vests in each year 1…<paramref name="years"/> after the grant: element
    /// y − 1 is the sum of the vest events in months (12 × (y − 1), 12 × y]. Years past the end of the schedule get 0.
    /// For a valid schedule (percents summing to 100) the fractions over all its years sum to 1.
    /// </summary>
    /// <param name="schedule">The schedule (see the remarks on <see cref="Vesting"/> for how events are placed).</param>
    /// <param name="years">How many years to report (0 or more).</param>
    /// <returns>One fraction 0-1 per year, in order.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="years"/> is negative or a frequency is unknown.</exception>
    public static IReadOnlyList<decimal> VestedFractionByYear(VestingSchedule schedule, int years)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        var percents = PercentByMonth(schedule, out var periods);
        var denominator = 100m * periods;
        var result = new decimal[years];
        for (var y = 1; y <= years; y++)
        {
            var sum = 0m;
            for (var m = (12 * (y - 1)) + 1; m <= 12 * y && m < percents.Length; m++)
            {
                sum += percents[m];
            }

            result[y - 1] = sum / denominator;
        }

        return result;
    }

    /// <summary>
    /// The cumulative fraction (0-1) of the grant vested by the end of each month 0…<paramref name="months"/>: element m
    /// is everything vested at or before month m (element 0, the grant date, is always 0). Useful to answer "what do I
    /// keep if I leave after m months?": with a one-year cliff, element 11 is 0 and element 12 is the whole first year.
    /// </summary>
    /// <param name="schedule">The schedule (see the remarks on <see cref="Vesting"/>).</param>
    /// <param name="months">Last month to report (0 or more); the list has <paramref name="months"/> + 1 elements.</param>
    /// <returns>Cumulative fractions 0-1, never decreasing for a schedule without negative percents.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="months"/> is negative or a frequency is unknown.</exception>
    public static IReadOnlyList<decimal> VestedFractionByMonth(VestingSchedule schedule, int months)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        var percents = PercentByMonth(schedule, out var periods);
        var denominator = 100m * periods;
        var result = new decimal[months + 1];
        var cumulative = 0m;
        for (var m = 0; m <= months; m++)
        {
            if (m < percents.Length)
            {
                cumulative += percents[m];
            }

            result[m] = cumulative / denominator;
        }

        return result;
    }

    /// <summary>
    /// Percent points vesting at each month, scaled by the number of periods P: element m holds Σ YearPercents[y − 1]
    /// over the events landing on month m (after the cliff moves them), so the fraction is element ÷ (100 × P).
    /// </summary>
    private static decimal[] PercentByMonth(VestingSchedule schedule, out int periods)
    {
        periods = PeriodsPerYear(schedule.Frequency);
        var yearPercents = schedule.YearPercents ?? [];
        var cliff = Math.Max(0, schedule.CliffMonths);
        var step = 12 / periods;
        var percents = new decimal[Math.Max(12 * yearPercents.Count, cliff) + 1];
        for (var y = 1; y <= yearPercents.Count; y++)
        {
            for (var k = 1; k <= periods; k++)
            {
                var month = (12 * (y - 1)) + (k * step);
                percents[month <= cliff ? cliff : month] += yearPercents[y - 1];
            }
        }

        return percents;
    }
}
