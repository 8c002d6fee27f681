using System.Text.Json;

namespace CareerLedger.Domain.Common;

/// <summary>Field checks shared by every draft: lengths and snake_case enum names, each failure reported under its field path.</summary>
public static class Fields
{
    /// <summary>Adds an error when the trimmed <paramref name="value"/> is longer than <paramref name="max"/> characters.</summary>
    public static void CheckLength(ValidationErrors errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(field, $"At most {max} characters (got {value.Trim().Length}).");
        }
    }

    /// <summary>
    /// Parses a snake_case enum name (case-insensitive; '-' and ' ' accepted for '_'); empty gives <paramref name="fallback"/>;
    /// an unknown name adds an error listing the allowed names and returns <paramref name="fallback"/>.
    /// </summary>
    public static TEnum ParseEnum<TEnum>(ValidationErrors errors, string field, string? value, TEnum fallback) where TEnum : struct, Enum
    {
        if (Text.Clean(value) is not { } v)
        {
            return fallback;
        }

        var key = v.ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (JsonNamingPolicy.SnakeCaseLower.ConvertName(candidate.ToString()) == key)
            {
                return candidate;
            }
        }

        errors.Add(field, $"Unknown {field} '{value}'. Use one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString())))}.");
        return fallback;
    }
}
