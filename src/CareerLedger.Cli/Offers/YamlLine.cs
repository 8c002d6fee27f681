namespace CareerLedger.Cli.Offers;

/// <summary>
/// One significant line of a <see cref="YamlSubset"/> document: its 1-based number, its indentation (spaces) and the text after
/// it, and what kind of line that text makes (a list item, a <c>key: value</c> line). <see cref="Split"/> is the tokenizer that
/// turns a document into these lines.
/// </summary>
internal sealed class YamlLine(int number, int indent, string content)
{
    /// <summary>The 1-based line number.</summary>
    public int Number { get; } = number;

    /// <summary>How many spaces indent the line.</summary>
    public int Indent { get; } = indent;

    /// <summary>The text after the indentation, comments not yet removed.</summary>
    public string Content { get; } = content;

    /// <summary>Whether the line is a <c>- </c> list item (or a lone <c>-</c>).</summary>
    public bool IsItem => Content == "-" || Content.StartsWith("- ", StringComparison.Ordinal);

    /// <summary>Whether the line starts with a key (<c>key:</c> or <c>"quoted key":</c>, then a space or the end of the line).</summary>
    public bool IsKeyLine()
    {
        var c = Content;
        if (c.Length == 0 || c[0] is '"' or '\'')
        {
            return c.Length > 0 && YamlScalar.QuotedEnd(c) is int end && end < c.Length && c[end] == ':' && (end + 1 == c.Length || c[end + 1] == ' ');
        }

        return KeyColon(c) >= 0;
    }

    /// <summary>The key (unquoted) and the rest of the line after the colon.</summary>
    /// <exception cref="YamlSubsetException">The line is not a <c>key: value</c> line.</exception>
    public (string Key, string Value) SplitKey()
    {
        var c = Content;
        if (c[0] is '"' or '\'')
        {
            var end = YamlScalar.QuotedEnd(c) ?? throw new YamlSubsetException(Number, "the quoted key is not closed");
            if (end >= c.Length || c[end] != ':' || (end + 1 < c.Length && c[end + 1] != ' '))
            {
                throw new YamlSubsetException(Number, "expected ':' after the quoted key");
            }

            var quoted = YamlScalar.Parse(c[..end], Number)!.GetValue<string>();
            return (quoted, c[(end + 1)..].TrimStart());
        }

        var colon = KeyColon(c);
        if (colon < 0)
        {
            throw new YamlSubsetException(Number, c.Contains(':', StringComparison.Ordinal)
                ? "expected 'key: value' (a space after the colon)"
                : "expected 'key: value' or '- item'");
        }

        var key = c[..colon].TrimEnd();
        if (key.Length == 0)
        {
            throw new YamlSubsetException(Number, "the key before ':' is empty");
        }

        if (key[0] is '[' or '{' or '?' or '&' or '*' or '!' or '|' or '>')
        {
            throw new YamlSubsetException(Number, $"'{key}' is not a plain key; write 'key: value'");
        }

        return (key, c[(colon + 1)..].TrimStart());
    }

    /// <summary>
    /// Splits <paramref name="text"/> into its significant lines: blank lines, whole-line comments and a leading <c>---</c>
    /// are dropped, a BOM is removed; tabs used as indentation and a second document are rejected.
    /// </summary>
    /// <exception cref="YamlSubsetException">At the first such line.</exception>
    public static List<YamlLine> Split(string text)
    {
        var result = new List<YamlLine>();
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

            result.Add(new YamlLine(number, indent, content));
        }

        return result;
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
}
