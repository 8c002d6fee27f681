using System.Globalization;

namespace CareerLedger.Cli.Accomplishments;

/// <summary>A metric as sent to the API (<c>impact[i]</c>); <see cref="LowerIsBetter"/> null = let the server infer it.</summary>
internal sealed record ImpactInput(string Name, decimal? Before, decimal After, string? Unit, bool? LowerIsBetter);

/// <summary>
/// Parses <c>--impact</c> values: <c>NAME:BEFORE-&gt;AFTER</c> or <c>NAME:AFTER</c>, optionally ending in <c>:lower</c> or
/// <c>:higher</c>. Figures may carry a unit, glued or spaced ("420ms", "420 ms", "99.5%", "3 deploys/week"); a <c>$</c> prefix
/// means the unit "$"; a <c>k</c>/<c>M</c> right after the number (and ending the figure or followed by a space) multiplies by
/// 1,000 / 1,000,000 ("$148k", "$1.2M", "1.2M users"), while "5MB" stays 5 with unit "MB". When both sides carry a unit they must agree.
/// </summary>
internal static class ImpactParser
{
    public const string Syntax = "NAME:BEFORE->AFTER or NAME:AFTER, optionally ending in :lower or :higher (e.g. \"p99 latency:420ms->210ms\")";

    /// <summary>Parses one value or throws <see cref="FormatException"/> with a message naming the value.</summary>
    public static ImpactInput Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spec = text.Trim();
        if (spec.Length == 0)
        {
            throw Error(text, "it is empty; use " + Syntax);
        }

        bool? lowerIsBetter = null;
        var lastColon = spec.LastIndexOf(':');
        if (lastColon >= 0)
        {
            var direction = spec[(lastColon + 1)..].Trim();
            if (direction.Equals("lower", StringComparison.OrdinalIgnoreCase) || direction.Equals("higher", StringComparison.OrdinalIgnoreCase))
            {
                lowerIsBetter = direction.Equals("lower", StringComparison.OrdinalIgnoreCase);
                spec = spec[..lastColon].TrimEnd();
                lastColon = spec.LastIndexOf(':');
            }
        }

        if (lastColon < 0)
        {
            throw Error(text, "no ':' between the metric name and its value; use " + Syntax);
        }

        var name = spec[..lastColon].Trim();
        var value = spec[(lastColon + 1)..].Trim();
        if (name.Length == 0)
        {
            throw Error(text, "the metric name before ':' is empty");
        }

        if (value.Length == 0)
        {
            throw Error(text, $"metric '{name}' has no value after ':'");
        }

        var arrow = FindArrow(value, out var arrowLength);
        if (arrow < 0)
        {
            var single = ParseFigure(text, value, "value");
            return new ImpactInput(name, null, single.Value, single.Unit, lowerIsBetter);
        }

        var beforeText = value[..arrow].Trim();
        var afterText = value[(arrow + arrowLength)..].Trim();
        if (beforeText.Length == 0)
        {
            throw Error(text, "the figure before '->' is missing");
        }

        if (afterText.Length == 0)
        {
            throw Error(text, "the figure after '->' is missing");
        }

        if (FindArrow(afterText, out _) >= 0)
        {
            throw Error(text, "more than one '->'");
        }

        var before = ParseFigure(text, beforeText, "before");
        var after = ParseFigure(text, afterText, "after");
        if (before.Unit is not null && after.Unit is not null && !string.Equals(before.Unit, after.Unit, StringComparison.Ordinal))
        {
            throw Error(text, $"the units differ ('{before.Unit}' before, '{after.Unit}' after); use the same unit on both sides");
        }

        return new ImpactInput(name, before.Value, after.Value, before.Unit ?? after.Unit, lowerIsBetter);
    }

    private static int FindArrow(string value, out int length)
    {
        var ascii = value.IndexOf("->", StringComparison.Ordinal);
        var unicode = value.IndexOf('→');
        if (ascii >= 0 && (unicode < 0 || ascii < unicode))
        {
            length = 2;
            return ascii;
        }

        length = 1;
        return unicode;
    }

    private static (decimal Value, string? Unit) ParseFigure(string original, string figure, string side)
    {
        var s = figure.Trim();
        var i = 0;
        var negative = false;
        var dollar = false;

        // Optional sign and '$' in either order: "-$5", "$-5", "−12".
        for (var guard = 0; guard < 2 && i < s.Length; guard++)
        {
            if (s[i] is '-' or '\u2212' or '+' && !negative)
            {
                negative = s[i] != '+';
                i++;
            }
            else if (s[i] == '$' && !dollar)
            {
                dollar = true;
                i++;
            }
        }

        var start = i;
        var seenDigit = false;
        var seenPoint = false;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                seenDigit = true;
            }
            else if (c == '.' && !seenPoint && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                seenPoint = true;
            }
            else if (c == ',' && seenDigit && !seenPoint && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                // thousands separator: "1,800"
            }
            else
            {
                break;
            }

            i++;
        }

        if (!seenDigit)
        {
            throw Error(original, $"'{figure}' ({side}) is not a number; write figures like 420, 420ms, 99.5%, $148k or 3 deploys/week");
        }

        var number = decimal.Parse(s[start..i].Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (i < s.Length && s[i] is 'k' or 'K' or 'M' && (i + 1 == s.Length || char.IsWhiteSpace(s[i + 1])))
        {
            number *= s[i] == 'M' ? 1_000_000m : 1_000m;
            i++;
        }

        var unit = s[i..].Trim();
        if (negative)
        {
            number = -number;
        }

        if (dollar)
        {
            if (unit.Length > 0)
            {
                throw Error(original, $"'{figure}' ({side}) has both '$' and the unit '{unit}'; use one");
            }

            return (number, "$");
        }

        if (unit.Length > 0 && (char.IsAsciiDigit(unit[0]) || unit[0] is '.' or ','))
        {
            throw Error(original, $"'{figure}' ({side}) is not a number; write figures like 420, 420ms, 99.5%, $148k or 3 deploys/week");
        }

        return (number, unit.Length == 0 ? null : unit);
    }

    private static FormatException Error(string original, string why) => new($"--impact '{original}': {why}");
}
