using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CareerLedger.Cli.Offers;

/// <summary>
/// The scalars of the <see cref="YamlSubset"/>: turns the text of one value (or quoted key) into a JSON value. Knows nothing of
/// lines and blocks.
/// </summary>
internal static class YamlScalar
{
    /// <summary>
    /// A scalar as JSON: null (<c>~</c>, <c>null</c> or nothing), a string (quoted, or any other text), a number or a boolean;
    /// a trailing comment is removed first.
    /// </summary>
    /// <exception cref="YamlSubsetException">A value outside the subset (flow collections, block text, anchors…).</exception>
    public static JsonNode? Parse(string rawText, int line)
    {
        var text = StripComment(rawText, line);
        if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        switch (text[0])
        {
            case '"':
                return JsonValue.Create(DoubleQuoted(text, line));
            case '\'':
                return JsonValue.Create(text[1..^1].Replace("''", "'", StringComparison.Ordinal));
            case '[' or '{':
                throw new YamlSubsetException(line, $"flow collections ('{text[0]}…') are not supported: write one '- item' or 'key: value' per line, or quote the text");
            case '|' or '>':
                throw new YamlSubsetException(line, $"block text ('{text[0]}') is not supported: put the text on one line, in quotes if it has a ': ' or ' #'");
            case '&' or '*' or '!':
                throw new YamlSubsetException(line, $"anchors, aliases and tags ('{text[0]}…') are not supported; quote the text if it is a value");
            case '@' or '`' or '%':
                throw new YamlSubsetException(line, $"a value cannot start with '{text[0]}' unless it is quoted");
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (IsNumber(text))
        {
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return JsonValue.Create(number);
            }

            throw new YamlSubsetException(line, $"the number {text} is out of range");
        }

        return JsonValue.Create(text);
    }

    /// <summary>Removes a trailing comment (outside quotes; '#' after a space) and surrounding blanks.</summary>
    public static string StripComment(string value, int line)
    {
        var v = value.Trim();
        if (v.Length == 0 || v[0] == '#')
        {
            return "";
        }

        if (v[0] is '"' or '\'')
        {
            var end = QuotedEnd(v) ?? throw new YamlSubsetException(line, $"the {(v[0] == '"' ? "double" : "single")}-quoted string is not closed on this line");
            var after = v[end..].TrimStart();
            if (after.Length > 0 && after[0] != '#')
            {
                throw new YamlSubsetException(line, $"unexpected text after the closing quote: '{after}'");
            }

            return v[..end];
        }

        for (var i = 1; i < v.Length; i++)
        {
            if (v[i] == '#' && v[i - 1] is ' ' or '\t')
            {
                return v[..i].TrimEnd();
            }
        }

        return v;
    }

    /// <summary>The index just past the quote closing the quoted text <paramref name="content"/> starts with, or null when it is not closed.</summary>
    public static int? QuotedEnd(string content)
    {
        var quote = content[0];
        for (var i = 1; i < content.Length; i++)
        {
            if (quote == '"' && content[i] == '\\')
            {
                i++;
                continue;
            }

            if (content[i] == quote)
            {
                if (quote == '\'' && i + 1 < content.Length && content[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return null;
    }

    /// <summary>Optional sign, digits with an optional fraction (or a bare fraction), optional exponent.</summary>
    private static bool IsNumber(string s)
    {
        var i = SkipSign(s, 0);
        var digits = SkipDigits(s, ref i);
        if (i < s.Length && s[i] == '.')
        {
            i++;
            digits += SkipDigits(s, ref i);
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i = SkipSign(s, i + 1);
            if (SkipDigits(s, ref i) == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    /// <summary>The index past an optional '+' or '-' at <paramref name="i"/>.</summary>
    private static int SkipSign(string s, int i) => (i < s.Length && s[i] is '+' or '-') ? i + 1 : i;

    /// <summary>Moves <paramref name="i"/> past ASCII digits and returns how many there were.</summary>
    private static int SkipDigits(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i - start;
    }

    private static string DoubleQuoted(string text, int line)
    {
        var sb = new StringBuilder();
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (++i >= text.Length - 1)
            {
                throw new YamlSubsetException(line, "a '\\' ends the quoted string");
            }

            switch (text[i])
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case 'u':
                    var last = text.Length - 2; // the closing quote is at Length - 1
                    if (i + 4 > last || !int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new YamlSubsetException(line, "'\\u' needs four hex digits, e.g. \\u00e9");
                    }

                    sb.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw new YamlSubsetException(line, $"unknown escape '\\{text[i]}' in a double-quoted string (use \\\" \\\\ \\n \\t \\uXXXX, or single quotes)");
            }
        }

        return sb.ToString();
    }
}
