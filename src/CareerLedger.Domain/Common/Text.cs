using System.Globalization;

namespace CareerLedger.Domain.Common;

/// <summary>Small text helpers shared by renderers and validators.</summary>
public static class Text
{
    /// <summary>Trims and turns empty or whitespace-only strings into null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Like <see cref="Clean"/>, and folds line breaks and runs of white space into single spaces (for one-line fields such as titles).</summary>
    public static string? OneLine(string? value) =>
        Clean(value) is { } v ? string.Join(' ', v.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : null;

    /// <summary>Formats a number the way the product shows figures: thousands separators, at most 2 decimals, no trailing zeros, a typographic minus (U+2212), invariant culture.</summary>
    public static string Number(decimal value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        var magnitude = Math.Abs(rounded);
        var text = magnitude == Math.Truncate(magnitude)
            ? magnitude.ToString("#,0", CultureInfo.InvariantCulture)
            : magnitude.ToString("#,0.##", CultureInfo.InvariantCulture);
        return rounded < 0 ? "\u2212" + text : text;
    }

    /// <summary>A signed figure with a typographic minus (U+2212), for deltas: "+12", "−50".</summary>
    public static string Signed(decimal value) => value < 0 ? "\u2212" + Number(-value) : "+" + Number(value);
}
