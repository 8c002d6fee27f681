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
/// <para>
/// Three steps, three files: <see cref="YamlLine"/> cuts the text into significant lines and tells what each line is (the
/// tokenizer), this class parses their block structure into mappings and lists, and <see cref="YamlScalar"/> converts each value.
/// </para>
/// </summary>
internal static class YamlSubset
{
    /// <summary>Parses a document: a mapping, a list, a single scalar, or null when it has no content.</summary>
    /// <exception cref="YamlSubsetException">At the first line outside the subset.</exception>
    public static JsonNode? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = YamlLine.Split(text);
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
        if (lines[0].IsItem || lines[0].IsKeyLine())
        {
            root = ParseBlock(lines, ref position, 0);
        }
        else if (lines.Count == 1)
        {
            root = YamlScalar.Parse(lines[0].Content, lines[0].Number);
            position = 1;
        }
        else
        {
            lines[0].SplitKey(); // throws the precise "expected 'key: value' …" error
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

    /// <summary>A mapping or a list starting at <paramref name="position"/>, whose lines have exactly <paramref name="indent"/> spaces.</summary>
    private static JsonNode ParseBlock(List<YamlLine> lines, ref int position, int indent) =>
        lines[position].IsItem ? ParseSequence(lines, ref position, indent) : ParseMapping(lines, ref position, indent);

    private static JsonObject ParseMapping(List<YamlLine> lines, ref int position, int indent)
    {
        var map = new JsonObject();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        while (LineOfBlock(lines, position, indent) is { } line)
        {
            if (line.IsItem)
            {
                throw new YamlSubsetException(line.Number, "a '- ' list item where a 'key: value' line was expected (a list goes under a 'key:' line)");
            }

            var (key, rest) = line.SplitKey();
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

    private static JsonArray ParseSequence(List<YamlLine> lines, ref int position, int indent)
    {
        var list = new JsonArray();
        while (LineOfBlock(lines, position, indent) is { } line)
        {
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

            var probe = new YamlLine(line.Number, indent + 2, rest);
            if (rest.Length > 0 && rest[0] != '#' && probe.IsKeyLine())
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

    /// <summary>
    /// The line at <paramref name="position"/> when it continues the block whose lines have exactly <paramref name="indent"/>
    /// spaces; null when the block has ended (no more lines, or a line indented less).
    /// </summary>
    /// <exception cref="YamlSubsetException">The line is indented more.</exception>
    private static YamlLine? LineOfBlock(List<YamlLine> lines, int position, int indent)
    {
        if (position >= lines.Count || lines[position].Indent < indent)
        {
            return null;
        }

        var line = lines[position];
        if (line.Indent > indent)
        {
            throw new YamlSubsetException(line.Number, $"unexpected indentation: {line.Indent} spaces where {indent} were expected");
        }

        return line;
    }

    /// <summary>The value after "key:" or "- ": a scalar on the same line, or a nested block on the following lines.</summary>
    private static JsonNode? Value(List<YamlLine> lines, ref int position, int indent, string rest, YamlLine owner, bool allowSameIndentList)
    {
        var text = YamlScalar.StripComment(rest, owner.Number);
        var next = position < lines.Count ? lines[position] : null;
        if (text.Length > 0)
        {
            var scalar = YamlScalar.Parse(text, owner.Number);
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
}
