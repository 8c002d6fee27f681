using System.Globalization;
using CareerLedger.Domain.Common;

namespace CareerLedger.Web.Infrastructure;

/// <summary>Parses query-string values by hand so that a bad value is a 400 naming its parameter.</summary>
public static class QueryParsing
{
    /// <summary>The earliest date accepted anywhere (query or body): 1900-01-01.</summary>
    public static readonly DateOnly MinDate = new(1900, 1, 1);

    /// <summary>The latest date accepted anywhere (query or body): 2999-12-31. Later days are refused, so time-zone arithmetic never leaves the calendar.</summary>
    public static readonly DateOnly MaxDate = new(2999, 12, 31);

    /// <summary>Whether <paramref name="day"/> is within <see cref="MinDate"/>..<see cref="MaxDate"/>.</summary>
    public static bool InRange(DateOnly day) => day >= MinDate && day <= MaxDate;

    /// <summary>The field error for a day outside the accepted range.</summary>
    public static string OutOfRange(DateOnly day) =>
        $"{day:yyyy-MM-dd} is outside the dates accepted, {MinDate:yyyy-MM-dd} to {MaxDate:yyyy-MM-dd}.";

    /// <summary>Parses an optional <c>yyyy-MM-dd</c> date within <see cref="MinDate"/>..<see cref="MaxDate"/>.</summary>
    public static DateOnly? Date(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            if (InRange(d))
            {
                return d;
            }

            errors.Add(field, OutOfRange(d));
            return null;
        }

        errors.Add(field, $"'{value}' is not a date; use yyyy-MM-dd.");
        return null;
    }

    /// <summary>
    /// Parses an optional "as of" instant: a date (<c>yyyy-MM-dd</c>, meaning the end of that day in the user's zone) or an
    /// ISO 8601 timestamp with an offset, within <see cref="MinDate"/>..<see cref="MaxDate"/>. Returns UTC.
    /// </summary>
    public static DateTimeOffset? AsOf(string? value, TimeZoneInfo zone, ValidationErrors errors, string field = "asOf")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim();
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (InRange(day))
            {
                return TimeZones.EndOfDay(day, zone);
            }

            errors.Add(field, OutOfRange(day));
            return null;
        }

        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            if (InRange(DateOnly.FromDateTime(at.UtcDateTime)))
            {
                return at;
            }

            errors.Add(field, OutOfRange(DateOnly.FromDateTime(at.UtcDateTime)));
            return null;
        }

        errors.Add(field, $"'{value}' is not a date (yyyy-MM-dd) or an ISO 8601 timestamp.");
        return null;
    }
}
