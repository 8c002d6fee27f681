using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CareerLedger.Cli.Offers;

/// <summary>A line of a YAML-subset file that cannot be read; <see cref="Exception.Message"/> starts with "line N: ".</summary>
internal sealed class YamlSubsetException(int line, string message) : FormatException($"line {line}: {message}")
{
    /// <summary>The 1-based line number.</summary>
    public int Line { get; } = line;
}

/// <summary>
/// Reads the small YAML subset offer files use, into JSON nodes (no YAML library is available, and none is needed):
/// <list type="bullet">
/// <item><description><c>key: value</c> lines; a key with nothing after the colon opens a nested block indented by exactly two
/// more spaces (a mapping, or a list of <c>- </c> items, which may also sit at the key's own indentation).</description></item>
/// <item><description><c>- value</c> list items; <c>- key: value</c> starts a mapping whose other keys line up under the first
/// (two spaces past the dash); a lone <c>-</c> opens a nested block.</description></item>
/// <item><description><c>#</c> comments: whole lines, or after a value when preceded by a space (outside quotes).</description></item>
/// <item><description>Scalars: <c>"double"</c> (escapes <c>\" \\ \n \t \r \/ \uXXXX</c>) and <c>'single'</c> (<c>''</c> for a
/// quote) strings; numbers (<c>205000</c>, <c>-1.5</c>, <c>2.1e3</c>: no thousands separators, so <c>10_20_30_40</c> and dates
/// stay text); <c>true</c>/<c>false</c>; <c>null</c>, <c>~</c> or nothing; anything else is text, trimmed.</description></item>
/// <item><description>An optional <c>---</c> first line. Indentation is spaces only.</description></item>
/// </list>
/// Everything else (flow <c>[…]</c>/<c>{…}</c> collections, <c>|</c>/<c>&gt;</c> block text, anchors, aliases, tags, several
/// documents, duplicate keys) is rejected with a one-line <see cref="YamlSubsetException"/> naming the line.
/// </summary>
internal static class YamlSubset
{
    private sealed class Line(int number, int indent, string content)
    {
        public int Number { get; } = number;

        public int Indent { get; set; } = indent;

        /// <summary>The text after the indentation, comments not yet removed.</summary>
        public string Content { get; set; } = content;

        public bool IsItem => Content == "-" || Content.StartsWith("- ", StringComparison.Ordinal);
    }

    /// <summary>Parses a document: a mapping, a list, a single scalar, or null when it has no content.</summary>
    /// <exception cref="YamlSubsetException">At the first line outside the subset.</exception>
    public static JsonNode? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Split(text);
        if (lines.Count == 0)
        {
            return null;
        }

        if (lines[0].Indent != 0)
        {
            throw new YamlSubsetException(lines[0].Number, "the first line must not be indented");
        }

        var position = 0;
        JsonNode? root;
        if (lines[0].IsItem || IsKeyLine(lines[0]))
        {
            root = ParseBlock(lines, ref position, 0);
        }
        else if (lines.Count == 1)
        {
            root = Scalar(lines[0].Content, lines[0].Number);
            position = 1;
        }
        else
        {
            SplitKey(lines[0]); // throws the precise "expected 'key: value' …" error
            throw new YamlSubsetException(lines[0].Number, "expected 'key: value' or '- item'");
        }

        if (position < lines.Count)
        {
            var extra = lines[position];
            throw new YamlSubsetException(extra.Number, extra.Indent > 0
                ? "unexpected indentation (nested blocks go under a 'key:' line with nothing after the colon, indented by two spaces)"
                : "expected 'key: value' at the top level");
        }

        return root;
    }

    private static List<Line> Split(string text)
    {
        var result = new List<Line>();
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            var number = i + 1;
            var s = raw[i];
            if (number == 1 && s.Length > 0 && s[0] == '\uFEFF')
            {
                s = s[1..];
            }

            var indent = 0;
            while (indent < s.Length && s[indent] == ' ')
            {
                indent++;
            }

            var content = s[indent..].TrimEnd();
            if (content.Length == 0 || content[0] == '#')
            {
                continue;
            }

            if (content[0] == '\t')
            {
                throw new YamlSubsetException(number, "tabs cannot indent; use two spaces per level");
            }

            if (content is "---" or "..." && indent == 0)
            {
                if (content == "---" && result.Count == 0)
                {
                    continue;
                }

                throw new YamlSubsetException(number, $"'{content}': only one document per file");
            }

            result.Add(new Line(number, indent, content));
        }

        return result;
    }

    /// <summary>A mapping or a list starting at <paramref name="position"/>, whose lines have exactly <paramref name="indent"/> spaces.</summary>
    private static JsonNode ParseBlock(List<Line> lines, ref int position, int indent) =>
        lines[position].IsItem ? ParseSequence(lines, ref position, indent) : ParseMapping(lines, ref position, indent);

    private static JsonObject ParseMapping(List<Line> lines, ref int position, int indent)
    {
        var map = new JsonObject();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        while (position < lines.Count)
        {
            var line = lines[position];
            if (line.Indent < indent)
            {
                break;
            }

            if (line.Indent > indent)
            {
                throw new YamlSubsetException(line.Number, $"unexpected indentation: {line.Indent} spaces where {indent} were expected");
            }

            if (line.IsItem)
            {
                throw new YamlSubsetException(line.Number, "a '- ' list item where a 'key: value' line was expected (a list goes under a 'key:' line)");
            }

            var (key, rest) = SplitKey(line);
            if (firstLine.TryGetValue(key, out var earlier))
            {
                throw new YamlSubsetException(line.Number, $"duplicate key '{key}' (first given on line {earlier})");
            }

            firstLine[key] = line.Number;
            position++;
            map[key] = Value(lines, ref position, indent, rest, line, allowSameIndentList: true);
        }

        return map;
    }

    private static JsonArray ParseSequence(List<Line> lines, ref int position, int indent)
    {
        var list = new JsonArray();
        while (position < lines.Count)
        {
            var line = lines[position];
            if (line.Indent < indent)
            {
                break;
            }

            if (line.Indent > indent)
            {
                throw new YamlSubsetException(line.Number, $"unexpected indentation: {line.Indent} spaces where {indent} were expected");
            }

            if (!line.IsItem)
            {
                // "key:" followed by items at the key's own indentation: the list ends at the next key.
                break;
            }

            var rest = line.Content.Length == 1 ? "" : line.Content[2..].TrimStart();
            if (rest.StartsWith('-') && (rest.Length == 1 || rest[1] == ' '))
            {
                throw new YamlSubsetException(line.Number, "a list directly inside a list item ('- - …') is not supported");
            }

            var probe = new Line(line.Number, indent + 2, rest);
            if (rest.Length > 0 && rest[0] != '#' && IsKeyLine(probe))
            {
                // "- key: value": a mapping whose first key sits two columns past the dash, like the keys after it.
                lines[position] = probe;
                list.Add(ParseMapping(lines, ref position, indent + 2));
                continue;
            }

            position++;
            list.Add(Value(lines, ref position, indent, rest, line, allowSameIndentList: false));
        }

        return list;
    }

    /// <summary>The value after "key:" or "- ": a scalar on the same line, or a nested block on the following lines.</summary>
    private static JsonNode? Value(List<Line> lines, ref int position, int indent, string rest, Line owner, bool allowSameIndentList)
    {
        var text = StripComment(rest, owner.Number);
        var next = position < lines.Count ? lines[position] : null;
        if (text.Length > 0)
        {
            var scalar = Scalar(text, owner.Number);
            if (next is not null && next.Indent > indent)
            {
                throw new YamlSubsetException(next.Number, $"unexpected indentation: the value on line {owner.Number} was already given on that line");
            }

            return scalar;
        }

        if (next is null || next.Indent < indent)
        {
            return null;
        }

        if (next.Indent == indent + 2)
        {
            return ParseBlock(lines, ref position, indent + 2);
        }

        if (next.Indent == indent && allowSameIndentList && next.IsItem)
        {
            return ParseSequence(lines, ref position, indent);
        }

        if (next.Indent > indent)
        {
            throw new YamlSubsetException(next.Number, $"indent nested blocks by exactly two spaces ({indent + 2}, not {next.Indent})");
        }

        return null;
    }

    private static bool IsKeyLine(Line line)
    {
        var c = line.Content;
        if (c.Length == 0 || c[0] is '"' or '\'')
        {
            return c.Length > 0 && QuotedKeyEnd(c) is int end && end < c.Length && c[end] == ':' && (end + 1 == c.Length || c[end + 1] == ' ');
        }

        return KeyColon(c) >= 0;
    }

    /// <summary>The index of the colon ending a plain key (followed by a space or the end of the line), or -1.</summary>
    private static int KeyColon(string content)
    {
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '#' && i > 0 && content[i - 1] == ' ')
            {
                return -1;
            }

            if (content[i] == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private static int? QuotedKeyEnd(string content)
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

    private static (string Key, string Value) SplitKey(Line line)
    {
        var c = line.Content;
        if (c[0] is '"' or '\'')
        {
            var end = QuotedKeyEnd(c) ?? throw new YamlSubsetException(line.Number, "the quoted key is not closed");
            if (end >= c.Length || c[end] != ':' || (end + 1 < c.Length && c[end + 1] != ' '))
            {
                throw new YamlSubsetException(line.Number, "expected ':' after the quoted key");
            }

            var quoted = Scalar(c[..end], line.Number)!.GetValue<string>();
            return (quoted, c[(end + 1)..].TrimStart());
        }

        var colon = KeyColon(c);
        if (colon < 0)
        {
            throw new YamlSubsetException(line.Number, c.Contains(':', StringComparison.Ordinal)
                ? "expected 'key: value' (a space after the colon)"
                : "expected 'key: value' or '- item'");
        }

        var key = c[..colon].TrimEnd();
        if (key.Length == 0)
        {
            throw new YamlSubsetException(line.Number, "the key before ':' is empty");
        }

        if (key[0] is '[' or '{' or '?' or '&' or '*' or '!' or '|' or '>')
        {
            throw new YamlSubsetException(line.Number, $"'{key}' is not a plain key; write 'key: value'");
        }

        return (key, c[(colon + 1)..].TrimStart());
    }

    /// <summary>Removes a trailing comment (outside quotes; '#' after a space) and surrounding blanks.</summary>
    private static string StripComment(string value, int line)
    {
        var v = value.Trim();
        if (v.Length == 0 || v[0] == '#')
        {
            return "";
        }

        if (v[0] is '"' or '\'')
        {
            var end = QuotedKeyEnd(v) ?? throw new YamlSubsetException(line, $"the {(v[0] == '"' ? "double" : "single")}-quoted string is not closed on this line");
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

    private static JsonNode? Scalar(string rawText, int line)
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

    /// <summary>Optional sign, digits with an optional fraction (or a bare fraction), optional exponent.</summary>
    private static bool IsNumber(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }

        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            var exponent = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                exponent++;
            }

            if (exponent == 0)
            {
                return false;
            }
        }

        return i == s.Length;
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
