namespace CareerLedger.Domain.Reminders;

/// <summary>Local dates and times in a user's time zone, made daylight-saving safe.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant of the local <paramref name="day"/> at <paramref name="time"/> in <paramref name="zone"/>. A local time skipped by
    /// a spring-forward transition maps to the first instant after the gap; an ambiguous one (fall-back) to its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The local calendar day of <paramref name="at"/> in <paramref name="zone"/>.</summary>
    public static DateOnly Today(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The Monday starting the ISO week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The ISO week label, e.g. <c>2026-W49</c>.</summary>
    public static string WeekLabel(DateOnly day)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{System.Globalization.ISOWeek.GetYear(dt)}-W{System.Globalization.ISOWeek.GetWeekOfYear(dt):00}");
    }
}
