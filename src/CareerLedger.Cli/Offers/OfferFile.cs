using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareerLedger.Cli.Infrastructure;
using YamlDotNet.Core;

namespace CareerLedger.Cli.Offers;

/// <summary>
/// What an offer file holds: the terms, and from a request-body-shaped file also the stage, the date and (for a revision)
/// the reason.
/// </summary>
/// <param name="Terms">The terms object (keys in camelCase).</param>
/// <param name="Stage">verbal | written, when the file says.</param>
/// <param name="ReceivedOn">receivedOn (used by <c>add</c>), when the file says.</param>
/// <param name="RevisedOn">revisedOn (used by <c>revise</c>), when the file says.</param>
/// <param name="Reason">reason (used by <c>revise</c>), when the file says.</param>
internal sealed record OfferFileContent(JsonObject Terms, string? Stage, string? ReceivedOn, string? RevisedOn, string? Reason);

/// <summary>
/// Reads an offer from a JSON or a YAML file (<see cref="YamlToJson"/>), either shaped like the <c>POST /api/offers</c> body
/// (<c>stage</c>, <c>receivedOn</c>, <c>terms</c>) or holding just the terms. Keys may be camelCase or snake_case
/// (<c>base_salary</c> = <c>baseSalary</c>). Both kinds become the same JSON model, and the fields whose type is known are
/// checked there (a number for <c>baseSalary</c>, text for <c>company</c>…). <c>-</c> reads standard input.
/// </summary>
internal static partial class OfferFile
{
    private static readonly string[] BodyKeys = ["stage", "receivedOn", "revisedOn", "reason", "terms"];

    /// <summary>The JSON kind of each terms field that has a scalar type, by path under the terms ("[]" stands for any index).</summary>
    private static readonly Dictionary<string, JsonValueKind> FieldKinds = new(StringComparer.Ordinal)
    {
        ["company"] = JsonValueKind.String,
        ["role"] = JsonValueKind.String,
        ["level.label"] = JsonValueKind.String,
        ["level.rank"] = JsonValueKind.Number,
        ["location"] = JsonValueKind.String,
        ["currency"] = JsonValueKind.String,
        ["baseSalary"] = JsonValueKind.Number,
        ["bonusTargetPercent"] = JsonValueKind.Number,
        ["signOn[].amount"] = JsonValueKind.Number,
        ["signOn[].paidAtMonth"] = JsonValueKind.Number,
        ["signOn[].clawbackMonths"] = JsonValueKind.Number,
        ["equity.kind"] = JsonValueKind.String,
        ["equity.grantValue"] = JsonValueKind.Number,
        ["equity.shares"] = JsonValueKind.Number,
        ["equity.sharePrice"] = JsonValueKind.Number,
        ["equity.strikePrice"] = JsonValueKind.Number,
        ["equity.fairMarketValue"] = JsonValueKind.Number,
        ["equity.preferredPrice"] = JsonValueKind.Number,
        ["equity.fullyDilutedShares"] = JsonValueKind.Number,
        ["equity.optionType"] = JsonValueKind.String,
        ["equity.exerciseWindowDays"] = JsonValueKind.Number,
        ["equity.liquidationPreference"] = JsonValueKind.Number,
        ["equity.vesting.preset"] = JsonValueKind.String,
        ["equity.vesting.cliffMonths"] = JsonValueKind.Number,
        ["equity.vesting.frequency"] = JsonValueKind.String,
        ["equity.vesting.yearPercents[]"] = JsonValueKind.Number,
        ["refresher.annualValue"] = JsonValueKind.Number,
        ["refresher.vesting.preset"] = JsonValueKind.String,
        ["refresher.vesting.cliffMonths"] = JsonValueKind.Number,
        ["refresher.vesting.frequency"] = JsonValueKind.String,
        ["refresher.vesting.yearPercents[]"] = JsonValueKind.Number,
        ["retirementMatchPercent"] = JsonValueKind.Number,
        ["ptoDays"] = JsonValueKind.Number,
        ["remote"] = JsonValueKind.String,
        ["stage"] = JsonValueKind.String,
        ["startDate"] = JsonValueKind.String,
        ["deadline"] = JsonValueKind.String,
        ["notes"] = JsonValueKind.String,
    };

    /// <summary>Reads and parses <paramref name="path"/> (or stdin for "-").</summary>
    /// <exception cref="CliException">The file cannot be read or parsed, or has the wrong shape (exit 1, naming the file).</exception>
    public static async Task<OfferFileContent> ReadAsync(string path, TextReader stdin, CancellationToken ct)
    {
        var text = await InputFile.ReadAsync(path, stdin, ct).ConfigureAwait(false);
        return Parse(text, path == "-" ? "stdin" : path, IsJson(path, text));
    }

    /// <summary>JSON when the name ends in .json, YAML when it ends in .yaml/.yml, otherwise JSON when the text starts with '{'.</summary>
    public static bool IsJson(string path, string text)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{');
    }

    /// <summary>Parses file text; <paramref name="name"/> is used in messages.</summary>
    /// <exception cref="CliException">
    /// Exit 1, naming <paramref name="name"/> and, for YAML, the line (<c>offer.yaml: line 7: baseSalary: 'abc' is not a number</c>).
    /// </exception>
    public static OfferFileContent Parse(string text, string name, bool json)
    {
        JsonNode? root;
        IReadOnlyDictionary<JsonNode, int> lines = new Dictionary<JsonNode, int>();
        if (json)
        {
            try
            {
                root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
                throw CliException.Validation($"{name} is not valid JSON{where}");
            }
        }
        else
        {
            try
            {
                (root, lines) = YamlToJson.Parse(text);
            }
            catch (YamlException ex)
            {
                throw CliException.Validation($"{name}: line {ex.Start.Line}: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }

        if (root is null)
        {
            throw CliException.Validation($"{name} is empty: expected the offer's terms (company, role, level, currency, baseSalary…)");
        }

        JsonNode? normalized;
        try
        {
            normalized = Normalize(root, "", name, lines);
        }
        catch (ArgumentException)
        {
            // JsonNode reports a duplicate property of a JSON object only when the object is first read.
            throw CliException.Validation($"{name}: a key is given twice in the same object");
        }

        if (normalized is not JsonObject obj)
        {
            throw CliException.Validation($"{name}: expected an object with the offer's terms (company, role, level…) or a request body with \"terms\"");
        }

        if (obj["terms"] is null && !obj.ContainsKey("terms"))
        {
            return new OfferFileContent(obj, null, null, null, null);
        }

        foreach (var (key, _) in obj)
        {
            if (!BodyKeys.Contains(key))
            {
                throw CliException.Validation($"{name}: unknown top-level key '{key}'; a file with \"terms\" may also hold {string.Join(", ", BodyKeys.Where(k => k != "terms"))} (or give just the terms)");
            }
        }

        if (obj["terms"] is not JsonObject terms)
        {
            throw CliException.Validation($"{name}: \"terms\" must be an object (company, role, level…)");
        }

        obj.Remove("terms");
        return new OfferFileContent(
            terms, TextField(obj, "stage", name), TextField(obj, "receivedOn", name), TextField(obj, "revisedOn", name), TextField(obj, "reason", name));
    }

    /// <summary>
    /// Overlays <paramref name="changes"/> on <paramref name="target"/> (in place): nested objects merge key by key, anything
    /// else (lists, numbers, text) replaces, and null removes the field. A vesting schedule is replaced whole, and an
    /// equity grant of another kind replaces the grant.
    /// </summary>
    public static void Merge(JsonObject target, JsonObject changes)
    {
        foreach (var (key, value) in changes.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
                continue;
            }

            if (value is JsonObject child && target[key] is JsonObject existing && key != "vesting"
                && !(key == "equity" && !SameKind(existing, child)))
            {
                Merge(existing, child);
                continue;
            }

            target[key] = value.DeepClone();
        }
    }

    /// <summary>A copy of <paramref name="node"/> without null object members (the API writes every optional field).</summary>
    public static JsonNode? WithoutNulls(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create(kv.Key, WithoutNulls(kv.Value)))),
        JsonArray list => new JsonArray(list.Select(WithoutNulls).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>The node's string value, or null when it is not a JSON string.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>camelCase key: "base_salary" and "base-salary" → "baseSalary", "BaseSalary" → "baseSalary".</summary>
    public static string CamelCase(string key)
    {
        var parts = key.Split(['_', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return key;
        }

        var sb = new StringBuilder();
        sb.Append(char.ToLowerInvariant(parts[0][0])).Append(parts[0].AsSpan(1));
        foreach (var part in parts.Skip(1))
        {
            sb.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return sb.ToString();
    }

    private static bool SameKind(JsonObject current, JsonObject change) =>
        Text(change["kind"]) is not { } kind || string.Equals(Text(current["kind"]), kind, StringComparison.OrdinalIgnoreCase);

    private static string? TextField(JsonObject obj, string key, string name) => obj[key] switch
    {
        null => null,
        var node when Text(node) is { } s => s,
        _ => throw CliException.Validation($"{name}: \"{key}\" must be text"),
    };

    /// <summary>
    /// A copy of <paramref name="node"/> (found at <paramref name="path"/>, camelCase) with camelCase keys; a field of a known
    /// type must have it.
    /// </summary>
    private static JsonNode? Normalize(JsonNode? node, string path, string name, IReadOnlyDictionary<JsonNode, int> lines)
    {
        var field = Index().Replace(path.StartsWith("terms.", StringComparison.Ordinal) ? path["terms.".Length..] : path, "[]");
        if (node is not null && FieldKinds.TryGetValue(field, out var kind) && node.GetValueKind() != kind)
        {
            var line = lines.TryGetValue(node, out var n) ? $"line {n}: " : "";
            var value = Text(node) is { } s ? $"'{s.ReplaceLineEndings(" ")}'" : node.ToJsonString();
            throw CliException.Validation($"{name}: {line}{path}: {value} is not {(kind == JsonValueKind.Number ? "a number" : "text")}");
        }

        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var camel = CamelCase(key);
                    if (result.ContainsKey(camel))
                    {
                        throw CliException.Validation($"{name}: '{key}' is given twice (as '{camel}' too)");
                    }

                    result[camel] = Normalize(value, path.Length == 0 ? camel : $"{path}.{camel}", name, lines);
                }

                return result;
            case JsonArray list:
                return new JsonArray(list.Select((item, i) => Normalize(item, $"{path}[{i}]", name, lines)).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    [GeneratedRegex(@"\[[0-9]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Index();
}
