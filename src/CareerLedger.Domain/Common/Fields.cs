using System.Text.Json;

namespace CareerLedger.Domain.Common;

/// <summary>Field checks shared by every draft: lengths and snake_case enum names, each failure reported under its field path.</summary>
public static class Fields
{
    /// <summary>Longest free-text reason (a retraction, revision, withdrawal or drop), in characters: 1,000.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The trimmed reason, or null when blank.</summary>
    /// <exception cref="DomainValidationException">Under <c>reason</c> when it is longer than <see cref="MaxReasonLength"/>.</exception>
    public static string? Reason(string? value)
    {
        var errors = new ValidationErrors();
        CheckLength(errors, "reason", value, MaxReasonLength);
        errors.ThrowIfAny();
        return Text.Clean(value);
    }

    /// <summary>
    /// Adds an error when the trimmed <paramref name="value"/> is longer than <paramref name="max"/> characters, or when it
    /// breaks <see cref="TextRules"/> (control or bidirectional formatting characters: query-string values reach here
    /// without passing the JSON door).
    /// </summary>
    public static void CheckLength(ValidationErrors errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(field, $"At most {max} characters (got {value.Trim().Length}).");
        }
        else
        {
            TextRules.Check(errors, field, value);
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
