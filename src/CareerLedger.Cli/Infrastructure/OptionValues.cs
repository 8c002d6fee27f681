using System.Globalization;

namespace CareerLedger.Cli.Infrastructure;

/// <summary>Client-side checks of option values whose format the CLI knows (errors exit 1 and name the option).</summary>
internal static class OptionValues
{
    public static string? Date(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : throw CliException.Validation($"{option}: '{value}' is not a date; use yyyy-MM-dd");
    }

    /// <summary>Builds <c>?a=1&amp;b=2</c> from the non-null pairs.</summary>
    public static string Query(params (string Name, string? Value)[] pairs)
    {
        var parts = pairs.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
