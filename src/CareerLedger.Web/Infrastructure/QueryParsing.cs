using System.Globalization;
using CareerLedger.Domain.Common;

namespace CareerLedger.Web.Infrastructure;

/// <summary>Parses query-string values by hand so that a bad value is a 400 naming its parameter.</summary>
public static class QueryParsing
{
    /// <summary>Parses an optional <c>yyyy-MM-dd</c> date.</summary>
    public static DateOnly? Date(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors.Add(field, $"'{value}' is not a date; use yyyy-MM-dd.");
        return null;
    }

    /// <summary>
    /// Parses an optional "as of" instant: a date (<c>yyyy-MM-dd</c>, meaning the end of that day in the user's zone) or an
    /// ISO 8601 timestamp with an offset. Returns UTC.
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
            return TimeZones.EndOfDay(day, zone);
        }

        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        errors.Add(field, $"'{value}' is not a date (yyyy-MM-dd) or an ISO 8601 timestamp.");
        return null;
    }
}
