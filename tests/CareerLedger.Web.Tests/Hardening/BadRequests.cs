using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CareerLedger.Web.Tests.Hardening;

/// <summary>What a bad request must get.</summary>
public enum Expectation
{
    /// <summary>
    /// A 400 problem whose <c>errors</c> name the offending field (or a 413 problem when the point of the case is its size). For
    /// NUL characters, over-long text, extreme numbers, out-of-range dates and nulls inside arrays.
    /// </summary>
    FieldError,

    /// <summary>Never a 5xx; a 4xx is a problem body. The input may be legitimately fine (a 2xx).</summary>
    NoServerError,

    /// <summary>A 4xx problem body, whatever the status (a body too large to be anything else).</summary>
    Refused,

    /// <summary>401 problem with <c>WWW-Authenticate: Bearer</c> (a token that is not one).</summary>
    Unauthorized,
}

/// <summary>One bad request of the suite.</summary>
/// <param name="Endpoint">"METHOD /route".</param>
/// <param name="Field">The field, header or query parameter the case is about (<c>body</c> for the whole body).</param>
/// <param name="What">What was sent there, in a few words.</param>
/// <param name="Expect">What it must get.</param>
/// <param name="Content">Builds the request content from the endpoint's valid body (null: no content at all).</param>
/// <param name="Headers">Headers to add or replace.</param>
/// <param name="SizeCase">Whether the point of the case is its size, so a 413 (body too large) answers it as well as a 400.</param>
/// <param name="Credential">Whether the field is a sign-in credential, so a 401 answers it as well as a 400.</param>
public sealed record BadCase(
    string Endpoint, string Field, string What, Expectation Expect, Func<JsonNode, HttpContent?> Content,
    IReadOnlyDictionary<string, string>? Headers = null, bool SizeCase = false, bool Credential = false)
{
    /// <inheritdoc />
    public override string ToString() => $"{Endpoint} · {Field} = {What}";
}

/// <summary>A leaf or container of a valid body, with its path and what the schema says it is.</summary>
/// <param name="Path">The segments: property names and array indexes.</param>
/// <param name="Kind">string, number, integer, boolean, array or object.</param>
/// <param name="Format">The schema's format (date, uuid…), or date for a value that looks like one.</param>
public sealed record BodyField(IReadOnlyList<object> Path, string Kind, string? Format)
{
    /// <summary>The JSON path as the API's errors spell it: <c>terms.signOn[0].amount</c>.</summary>
    public string Name => Render(Path);

    /// <summary>Renders segments as a JSON path.</summary>
    public static string Render(IEnumerable<object> path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment is int i)
            {
                text.Append('[').Append(i).Append(']');
            }
            else
            {
                text.Append(text.Length == 0 ? "" : ".").Append(segment);
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// Generates the bad requests: for every field of a valid body, values of the wrong type, hostile text (NUL, control and bidi
/// characters, unpaired surrogates, a megabyte), extreme numbers, impossible dates and nulls inside arrays, one field at a time;
/// for the whole body, broken JSON, deep nesting, ten megabytes and other content types; and garbage in the headers.
/// </summary>
public static partial class BadRequests
{
    /// <summary>One mebibyte of text: over every text limit, and over a 1 MB body limit once wrapped in JSON.</summary>
    public const int Megabyte = 1 << 20;

    private const string Json = "application/json";

    private static readonly string MegabyteToken = "\"" + new string('x', Megabyte) + "\"";

    /// <summary>Every field of <paramref name="body"/>, containers included, with the schema's type and format where it has them.</summary>
    public static IReadOnlyList<BodyField> Fields(ApiSurface api, JsonNode? schema, JsonNode body)
    {
        var fields = new List<BodyField>();
        void Walk(JsonNode? node, List<object> path)
        {
            var declared = path.Count == 0 ? null : api.SchemaAt(schema, path);
            var kind = ApiSurface.SchemaType(declared) is { } t and not "null" ? t : KindOf(node);
            if (kind is "object" && node is not JsonObject && declared is not null && node is not null)
            {
                kind = KindOf(node); // a schema-less union (vesting: a preset name or an object) follows the value
            }

            if (path.Count > 0)
            {
                var format = (string?)declared?["format"] ?? (node is JsonValue v && v.TryGetValue<string>(out var s) && DatePattern().IsMatch(s) ? "date" : null);
                fields.Add(new BodyField(path.ToList(), kind, format));
            }

            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, child) in o)
                    {
                        Walk(child, [.. path, name]);
                    }

                    break;
                case JsonArray { Count: > 0 } a:
                    Walk(a[0], [.. path, 0]);
                    break;
            }
        }

        Walk(body, []);
        return fields;
    }

    private static string KindOf(JsonNode? node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
        JsonValue => "number",
        _ => "null",
    };

    /// <summary>The cases of one field: (what, raw JSON token, expectation).</summary>
    public static IEnumerable<(string What, string Token, Expectation Expect)> ValuesFor(BodyField field)
    {
        var lenient = Expectation.NoServerError;
        var strict = Expectation.FieldError;
        switch (field.Kind)
        {
            case "string":
                yield return ("a number", "42", lenient);
                yield return ("true", "true", lenient);
                yield return ("an object", "{}", lenient);
                yield return ("an array", "[\"x\"]", lenient);
                yield return ("text with NUL (\\u0000)", "\"before\\u0000after\"", strict);
                yield return ("1 MiB of text", MegabyteToken, strict);
                yield return ("control characters (\\u0001 \\u0008 \\u001b \\u007f \\u0085)", "\"ctl\\u0001\\u0008\\u001b\\u007f\\u0085end\"", lenient);
                yield return ("a right-to-left override (U+202E)", "\"abc\\u202edef\"", lenient);
                yield return ("a left-to-right isolate (U+2066 … U+2069)", "\"\\u2066abc\\u2069\"", lenient);
                yield return ("an unpaired surrogate (\\ud800)", "\"x\\ud800y\"", lenient);
                yield return ("an unescaped control byte", "\"raw\u0001byte\"", lenient);
                if (field.Format == "date")
                {
                    yield return ("0001-01-01", "\"0001-01-01\"", strict);
                    yield return ("9999-12-31", "\"9999-12-31\"", strict);
                    yield return ("10000-01-01", "\"10000-01-01\"", strict);
                    yield return ("2026-02-30", "\"2026-02-30\"", strict);
                    yield return ("a timestamp", "\"2026-11-20T10:00:00Z\"", lenient);
                }

                break;
            case "number" or "integer":
                yield return ("a numeric string", "\"5\"", lenient);
                yield return ("true", "true", lenient);
                yield return ("an array", "[1]", lenient);
                yield return ("an object", "{}", lenient);
                yield return ("-0", "-0", lenient);
                yield return ("0.5", "0.5", lenient);
                yield return ("1e300", "1e300", strict);
                yield return ("-1e300", "-1e300", strict);
                yield return ("7.9e28", "7.9e28", strict);
                yield return ("-7.9e28", "-7.9e28", strict);
                yield return ("1e400 (beyond double)", "1e400", strict);
                yield return ("a 39-digit integer", "123456789012345678901234567890123456789", strict);
                yield return ("a negative 39-digit integer", "-123456789012345678901234567890123456789", strict);
                break;
            case "boolean":
                yield return ("\"true\"", "\"true\"", lenient);
                yield return ("1", "1", lenient);
                yield return ("an array", "[true]", lenient);
                yield return ("an object", "{}", lenient);
                break;
            case "array":
                yield return ("an object", "{}", lenient);
                yield return ("a string", "\"x\"", lenient);
                yield return ("a number", "1", lenient);
                yield return ("[null]", "[null]", strict);
                break;
            case "object":
                yield return ("an array", "[]", lenient);
                yield return ("a string", "\"x\"", lenient);
                yield return ("a number", "1", lenient);
                break;
        }
    }

    /// <summary>Every bad request of one body endpoint.</summary>
    public static IReadOnlyList<BadCase> For(ApiSurface api, ApiEndpoint endpoint, JsonNode sample, IReadOnlySet<string>? credentials = null)
    {
        var key = endpoint.Key;
        var schema = api.BodySchema(endpoint);
        var cases = new List<BadCase>();
        foreach (var field in Fields(api, schema, sample))
        {
            foreach (var (what, token, expect) in ValuesFor(field))
            {
                cases.Add(new BadCase(key, field.Name, what, expect, body => JsonText(Replace(body, field.Path, token)), SizeCase: ReferenceEquals(token, MegabyteToken),
                    Credential: credentials?.Contains(field.Name) == true));
            }
        }

        var firstText = Fields(api, schema, sample).FirstOrDefault(f => f.Kind == "string" && f.Format is null);
        cases.AddRange(
        [
            new(key, "body", "truncated JSON", Expectation.NoServerError, b => JsonText(b.ToJsonString()[..(b.ToJsonString().Length / 2)])),
            new(key, "body", "not JSON", Expectation.NoServerError, _ => JsonText("this is not json")),
            new(key, "body", "a trailing comma", Expectation.NoServerError, b => JsonText(b.ToJsonString()[..^1] + ",}")),
            new(key, "body", "an empty body", Expectation.NoServerError, _ => JsonText("")),
            new(key, "body", "null", Expectation.NoServerError, _ => JsonText("null")),
            new(key, "body", "an array", Expectation.NoServerError, _ => JsonText("[]")),
            new(key, "body", "a string", Expectation.NoServerError, _ => JsonText("\"text\"")),
            new(key, "body", "a number", Expectation.NoServerError, _ => JsonText("42")),
            new(key, "body", "a property given twice", Expectation.NoServerError, b => JsonText(DuplicateFirst(b))),
            new(key, "body", "invalid UTF-8 bytes", Expectation.NoServerError, b => InvalidUtf8(b)),
            new(key, "body", "10,000 nested arrays", Expectation.NoServerError, _ => JsonText(new string('[', 10_000) + new string(']', 10_000))),
            new(key, "body", "10,000 nested arrays in its first property", Expectation.NoServerError, b => JsonText(NestedInFirst(b))),
            new(key, "body", "10,000 nested objects", Expectation.NoServerError, _ => JsonText(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000))),
            new(key, "body", "10 MiB", Expectation.Refused, b => JsonText(firstText is null
                ? "{\"padding\":\"" + new string('x', 10 * Megabyte) + "\"}"
                : Replace(b, firstText.Path, "\"" + new string('x', 10 * Megabyte) + "\"")), SizeCase: true),
            new(key, "Content-Type", "text/plain", Expectation.NoServerError, b => new StringContent(b.ToJsonString(), Encoding.UTF8, "text/plain")),
            new(key, "Content-Type", "application/xml", Expectation.NoServerError, _ => new StringContent("<request><title>x</title></request>", Encoding.UTF8, "application/xml")),
            new(key, "Content-Type", "multipart/form-data", Expectation.NoServerError, b => new MultipartFormDataContent { { new StringContent(b.ToJsonString(), Encoding.UTF8, Json), "body" } }),
            new(key, "Content-Type", "application/x-www-form-urlencoded", Expectation.NoServerError, _ => new FormUrlEncodedContent([new("title", "x")])),
            new(key, "Content-Type", "none", Expectation.NoServerError, b => new ByteArrayContent(Encoding.UTF8.GetBytes(b.ToJsonString()))),
            new(key, "Content-Type", "application/json; charset=utf-16 (UTF-16 bytes)", Expectation.NoServerError, b => new StringContent(b.ToJsonString(), Encoding.Unicode, Json)),
            new(key, "If-Match", "garbage", Expectation.NoServerError, JsonOf, new Dictionary<string, string> { ["If-Match"] = "garbage" }),
            new(key, "If-Match", "\"abc\"", Expectation.NoServerError, JsonOf, new Dictionary<string, string> { ["If-Match"] = "\"abc\"" }),
            new(key, "If-Match", "a list of ETags", Expectation.NoServerError, JsonOf, new Dictionary<string, string> { ["If-Match"] = "\"1\", \"2\"" }),
            new(key, "If-Match", "a 10,000-digit version", Expectation.NoServerError, JsonOf, new Dictionary<string, string> { ["If-Match"] = "\"" + new string('9', 10_000) + "\"" }),
            new(key, "If-Match", "\"-1\"", Expectation.NoServerError, JsonOf, new Dictionary<string, string> { ["If-Match"] = "\"-1\"" }),
            new(key, "Idempotency-Key", "10,000 characters", api.TakesIdempotencyKey(endpoint) ? Expectation.FieldError : Expectation.NoServerError,
                JsonOf, new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 10_000) }),
            new(key, "Idempotency-Key", "control characters", Expectation.NoServerError, JsonOf, new Dictionary<string, string> { ["Idempotency-Key"] = "key\u0001\u007f" }),
        ]);
        return cases;
    }

    /// <summary>Bad Authorization headers: a token that is not one must be a 401 problem everywhere.</summary>
    public static IEnumerable<(string What, string Header)> Authorizations()
    {
        yield return ("Bearer garbage", "Bearer garbage");
        yield return ("Bearer with 10,000 characters", "Bearer clp_" + new string('A', 10_000));
        yield return ("Bearer with control characters", "Bearer clp_\u0001\u007f\u001b");
        yield return ("Basic credentials", "Basic dXNlcjpwYXNzd29yZA==");
        yield return ("Bearer without a token", "Bearer");
    }

    private static HttpContent JsonOf(JsonNode body) => JsonText(body.ToJsonString());

    private static ByteArrayContent JsonText(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Json);
        return content;
    }

    /// <summary>The body's JSON with the value at <paramref name="path"/> replaced by the raw token (which may be anything, valid JSON or not).</summary>
    public static string Replace(JsonNode body, IReadOnlyList<object> path, string rawToken)
    {
        var copy = body.DeepClone();
        var marker = $"__hardening_{Guid.NewGuid():N}__";
        JsonNode parent = copy;
        for (var i = 0; i < path.Count - 1; i++)
        {
            parent = path[i] is int index ? parent[index]! : parent[(string)path[i]]!;
        }

        if (path[^1] is int last)
        {
            parent.AsArray()[last] = marker;
        }
        else
        {
            parent.AsObject()[(string)path[^1]] = marker;
        }

        return copy.ToJsonString().Replace($"\"{marker}\"", rawToken, StringComparison.Ordinal);
    }

    private static string DuplicateFirst(JsonNode body)
    {
        var text = body.ToJsonString();
        return body is JsonObject { Count: > 0 } o ? "{" + $"\"{o.First().Key}\":null," + text[1..] : text;
    }

    private static string NestedInFirst(JsonNode body) =>
        body is JsonObject { Count: > 0 } o
            ? Replace(body, [o.First().Key], new string('[', 10_000) + new string(']', 10_000))
            : new string('[', 10_000) + new string(']', 10_000);

    private static ByteArrayContent InvalidUtf8(JsonNode body)
    {
        var text = body.ToJsonString();
        var at = text.IndexOf("\":\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        var insert = at < 0 ? 1 : Encoding.UTF8.GetByteCount(text[..(at + 3)]);
        bytes.InsertRange(insert, [0xC3, 0x28, 0xFF, 0xFE]);
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Json);
        return content;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();
}
