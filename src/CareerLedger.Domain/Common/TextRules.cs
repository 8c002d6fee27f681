using System.Globalization;

namespace CareerLedger.Domain.Common;

/// <summary>
/// What any text a user sends may contain (docs/api.md, "Limits"): at most <see cref="MaxLength"/> UTF-16 characters,
/// no control characters other than tab, line feed and carriage return (U+0000-U+001F, U+007F-U+009F: PostgreSQL cannot
/// store U+0000 in text or jsonb, and the others are invisible), no bidirectional embedding, override or isolate
/// characters (U+202A-U+202E, U+2066-U+2069: they make text display in a different order from what is stored, the
/// "Trojan Source" trick), no unpaired surrogates and no noncharacters U+FFFE/U+FFFF. Right-to-left scripts themselves
/// (Arabic, Hebrew) are fine: only the invisible formatting characters are refused. Each field also has its own,
/// smaller maximum length, checked by its draft.
/// </summary>
public static class TextRules
{
    /// <summary>The longest text accepted in any field, in UTF-16 characters (the answer coach's limit; most fields are far smaller).</summary>
    public const int MaxLength = 60_000;

    /// <summary>Why <paramref name="value"/> is refused, as a sentence for a field error, or null when it is acceptable.</summary>
    /// <param name="value">The text as received (before trimming).</param>
    public static string? Problem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxLength)
        {
            return $"Text is at most {MaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters (got {value.Length.ToString("N0", CultureInfo.InvariantCulture)}).";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"Text contains an unpaired surrogate at position {i + 1}: it is not valid Unicode.";
            }

            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (char.IsControl(c))
            {
                return $"Text contains the control character {Code(c)} at position {i + 1}; remove it (tabs and line breaks are fine).";
            }

            if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return $"Text contains the invisible bidirectional formatting character {Code(c)} at position {i + 1}, which makes text display differently from what is stored; remove it.";
            }

            if (c is '\uFFFE' or '\uFFFF')
            {
                return $"Text contains the noncharacter {Code(c)} at position {i + 1}.";
            }
        }

        return null;
    }

    /// <summary>Adds an error under <paramref name="field"/> when <paramref name="value"/> breaks a rule above; null passes.</summary>
    /// <param name="errors">Where the error goes.</param>
    /// <param name="field">The field's JSON path or parameter name.</param>
    /// <param name="value">The text, or null.</param>
    public static void Check(ValidationErrors errors, string field, string? value)
    {
        if (value is not null && Problem(value) is { } problem)
        {
            errors.Add(field, problem);
        }
    }

    private static string Code(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
