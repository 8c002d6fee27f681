using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CareerLedger.Cli.Offers;

/// <summary>A YAML document read into JSON nodes, with the line each node starts on.</summary>
/// <param name="Root">The document: an object, a list or a scalar; null when the text holds no document or an empty one.</param>
/// <param name="Lines">The 1-based line of every non-null node under <see cref="Root"/>, keyed by reference.</param>
internal sealed record YamlTree(JsonNode? Root, IReadOnlyDictionary<JsonNode, int> Lines);

/// <summary>
/// Reads one YAML document into JSON nodes with YamlDotNet's parser: block and flow collections, quoted, literal (<c>|</c>) and
/// folded (<c>&gt;</c>) scalars, comments, anchors, aliases and <c>&lt;&lt;</c> merge keys (keys written in the mapping win over
/// merged ones). Only plain scalars are typed: <c>null</c>, <c>~</c> or nothing is null; <c>true</c> / <c>false</c> are booleans;
/// decimal numbers (<c>205000</c>, <c>2.10</c>, <c>-1.5e2</c>) are <see cref="decimal"/> values that keep their digits; anything
/// else is text (<c>yes</c>, <c>on</c>, <c>2026-11-24</c>, <c>10_20_30_40</c>, <c>0x1F</c>), as is every quoted or block scalar and
/// every scalar tagged <c>!!str</c>.
/// </summary>
internal sealed partial class YamlToJson
{
    private const int MaxDepth = 64;
    private const int MaxNodes = 100_000;
    private const string StrTag = "tag:yaml.org,2002:str";

    private readonly PositionedParser _parser;
    private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonNode, int> _lines = new(ReferenceEqualityComparer.Instance);

    private YamlToJson(string text) => _parser = new PositionedParser(text.StartsWith('\uFEFF') ? text[1..] : text);

    /// <summary>Parses <paramref name="text"/> (a leading byte order mark is skipped), which must hold at most one document.</summary>
    /// <exception cref="YamlException">
    /// At the first problem, with its position in <see cref="YamlException.Start"/>: text that is not YAML, a second document, a
    /// key given twice, a key that is not a scalar, an alias with no anchor before it, a <c>&lt;&lt;</c> whose value is not a
    /// mapping or a list of mappings, a tag other than <c>!!str</c>, a number outside <see cref="decimal"/>'s range, nesting deeper
    /// than 64 levels, or more than 100,000 values (aliases included).
    /// </exception>
    public static YamlTree Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new YamlToJson(text);
        return new YamlTree(reader.ReadStream(), reader._lines);
    }

    private JsonNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        _parser.Consume<DocumentStart>();
        var root = Read(0);
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
        {
            throw new YamlException(second.Start, second.End, "a second document ('---'): a file holds one offer");
        }

        return root;
    }

    private JsonNode? Read(int depth)
    {
        var current = _parser.Current!;
        if (depth > MaxDepth)
        {
            throw new YamlException(current.Start, current.End, $"nested more than {MaxDepth} levels deep");
        }

        _parser.MoveNext();
        if (current is AnchorAlias alias)
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"the alias '*{alias.Value}' names no anchor ('&{alias.Value}') defined before it");
            }

            var copy = target?.DeepClone();
            CopyLines(target, copy, alias);
            return copy;
        }

        var start = (NodeEvent)current; // where a value belongs the parser yields an alias, a scalar, or a list or mapping start
        if (!start.Tag.IsEmpty && !(start is Scalar && (start.Tag.IsNonSpecific || start.Tag.Value == StrTag)))
        {
            throw new YamlException(start.Start, start.End, $"the tag '{start.Tag}' is not supported (only !!str, to keep a value as text)");
        }

        JsonNode? node = start is Scalar scalar ? Scalar(scalar) : start is SequenceStart ? Sequence(depth) : Mapping(depth);
        if (node is not null)
        {
            Track(node, (int)start.Start.Line, start);
        }

        if (!start.Anchor.IsEmpty)
        {
            _anchors[start.Anchor.Value] = node;
        }

        return node;
    }

    private JsonArray Sequence(int depth)
    {
        var list = new JsonArray();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            list.Add(Read(depth + 1));
        }

        return list;
    }

    private JsonObject Mapping(int depth)
    {
        var map = new JsonObject();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        (Scalar Key, JsonNode? Value)? merge = null;
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            if (_parser.Current is not Scalar key)
            {
                var at = _parser.Current!;
                throw new YamlException(at.Start, at.End, "a key must be a scalar, not a list, a mapping or an alias");
            }

            _parser.MoveNext();
            if (firstLine.TryGetValue(key.Value, out var earlier))
            {
                throw new YamlException(key.Start, key.End, $"duplicate key '{key.Value}' (first given on line {earlier})");
            }

            firstLine[key.Value] = key.Start.Line;
            var value = Read(depth + 1);
            if (key.Value == "<<" && key.Style == ScalarStyle.Plain)
            {
                merge = (key, value);
            }
            else
            {
                map[key.Value] = value;
            }
        }

        if (merge is var (mergeKey, merged))
        {
            var sources = merged switch
            {
                JsonObject one => [one],
                JsonArray list when list.All(item => item is JsonObject) => list.Cast<JsonObject>().ToList(),
                _ => throw new YamlException(mergeKey.Start, mergeKey.End, "'<<' merges a mapping (or a list of mappings) into this one"),
            };
            foreach (var source in sources)
            {
                foreach (var (key, value) in source.ToList())
                {
                    if (!map.ContainsKey(key))
                    {
                        var copy = value?.DeepClone();
                        CopyLines(value, copy, mergeKey);
                        map[key] = copy;
                    }
                }
            }
        }

        return map;
    }

    private static JsonValue? Scalar(Scalar scalar)
    {
        var text = scalar.Value;
        if (!scalar.Tag.IsEmpty || scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when !Number().IsMatch(text) => JsonValue.Create(text),
            _ when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => throw new YamlException(scalar.Start, scalar.End, $"the number {text} is out of range"),
        };
    }

    /// <summary>Gives the nodes of <paramref name="copy"/> (of an alias or a merge) the lines of <paramref name="original"/>'s.</summary>
    private void CopyLines(JsonNode? original, JsonNode? copy, ParsingEvent use)
    {
        if (original is null || copy is null)
        {
            return;
        }

        Track(copy, _lines[original], use);
        switch (original)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    CopyLines(value, copy[key], use);
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    CopyLines(list[i], copy[i], use);
                }

                break;
        }
    }

    private void Track(JsonNode node, int line, ParsingEvent at)
    {
        _lines[node] = line;
        if (_lines.Count > MaxNodes)
        {
            throw new YamlException(at.Start, at.End, "more than 100,000 values (an alias counts its values each time it is used)");
        }
    }

    /// <summary>YamlDotNet's parser, whose every failure is a <see cref="YamlException"/> with the position where it stopped.</summary>
    private sealed class PositionedParser : IParser
    {
        private readonly Scanner _scanner;
        private readonly Parser _parser;

        public PositionedParser(string text)
        {
            _scanner = new Scanner(new StringReader(text));
            _parser = new Parser(_scanner);
        }

        public ParsingEvent? Current => _parser.Current;

        public bool MoveNext()
        {
            try
            {
                return _parser.MoveNext();
            }
            catch (YamlException ex) when (ex.Start.Equals(Mark.Empty))
            {
                // A few errors (a tab used as indentation) carry no position; the scanner stopped at the problem.
                throw new YamlException(_scanner.CurrentPosition, _scanner.CurrentPosition, ex.Message, ex);
            }
            catch (InvalidOperationException ex)
            {
                // The scanner fails this way on some broken text, such as "[25, 25" followed by "next: 1".
                throw new YamlException(
                    _scanner.CurrentPosition, _scanner.CurrentPosition, "cannot read the YAML here (is a '[', '{' or quote left open before it?)", ex);
            }
        }
    }

    /// <summary>Optional sign, digits with an optional fraction (or a bare fraction), optional exponent.</summary>
    [GeneratedRegex(@"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
