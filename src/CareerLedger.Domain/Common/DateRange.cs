namespace CareerLedger.Domain.Common;

/// <summary>An inclusive range of calendar dates (in the user's time zone).</summary>
/// <param name="From">First day, inclusive.</param>
/// <param name="To">Last day, inclusive.</param>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    /// <summary>Whether <paramref name="day"/> is within the range.</summary>
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>Number of days, counting both ends.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The half-year containing <paramref name="today"/>: 1 Jan – 30 Jun or 1 Jul – 31 Dec.</summary>
    public static DateRange HalfYearOf(DateOnly today) => today.Month <= 6
        ? new DateRange(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 6, 30))
        : new DateRange(new DateOnly(today.Year, 7, 1), new DateOnly(today.Year, 12, 31));

    /// <summary>
    /// Builds a range from optional ends. Both missing: the half-year containing <paramref name="today"/>. Only <paramref name="from"/>:
    /// up to the end of the current half-year (or just that day when it is later). Only <paramref name="to"/>: from the start of the
    /// current half-year, or of <paramref name="to"/>'s own half-year when <paramref name="to"/> is earlier.
    /// </summary>
    /// <exception cref="DomainValidationException">When <paramref name="from"/> is after <paramref name="to"/>.</exception>
    public static DateRange Resolve(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var half = HalfYearOf(today);
        var range = (from, to) switch
        {
            (null, null) => half,
            ({ } f, null) => new DateRange(f, f > half.To ? f : half.To),
            (null, { } t) => new DateRange(t < half.From ? new DateOnly(t.Year, t.Month <= 6 ? 1 : 7, 1) : half.From, t),
            ({ } f, { } t) => new DateRange(f, t),
        };
        if (range.From > range.To)
        {
            var errors = new ValidationErrors();
            errors.Add("from", $"'from' ({range.From:yyyy-MM-dd}) is after 'to' ({range.To:yyyy-MM-dd}).");
            errors.ThrowIfAny();
        }

        return range;
    }
}
