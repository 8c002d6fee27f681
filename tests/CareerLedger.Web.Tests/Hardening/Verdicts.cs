using System.Collections.Concurrent;
using System.Text.Json;

namespace CareerLedger.Web.Tests.Hardening;

/// <summary>What came back for one request: status, content type, the problem's <c>errors</c> keys, a short excerpt.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="MediaType">The response's media type, or null.</param>
/// <param name="ErrorKeys">The keys of the problem's <c>errors</c> object (empty when it has none).</param>
/// <param name="Excerpt">The first characters of the body.</param>
/// <param name="WwwAuthenticate">The WWW-Authenticate header.</param>
public sealed record Outcome(int Status, string? MediaType, IReadOnlyList<string> ErrorKeys, string Excerpt, string WwwAuthenticate)
{
    /// <summary>Reads the response (and disposes it).</summary>
    public static async Task<Outcome> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var keys = new List<string>();
            if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
            {
                try
                {
                    using var doc = JsonDocument.Parse(text);
                    if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                    {
                        keys.AddRange(errors.EnumerateObject().Select(p => p.Name));
                    }
                }
                catch (JsonException)
                {
                    // Not JSON after all: the excerpt shows it.
                }
            }

            var excerpt = text.Length > 160 ? text[..160] + "…" : text;
            return new Outcome((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, keys, excerpt.ReplaceLineEndings(" "),
                string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.Scheme)));
        }
    }

    /// <summary>Whether the problem's errors name <paramref name="field"/>: the same path, or a path it is part of, or a part of it.</summary>
    public bool Names(string field) => ErrorKeys.Any(k =>
        string.Equals(k, field, StringComparison.OrdinalIgnoreCase)
        || k.StartsWith(field + ".", StringComparison.Ordinal) || k.StartsWith(field + "[", StringComparison.Ordinal)
        || field.StartsWith(k + ".", StringComparison.Ordinal) || field.StartsWith(k + "[", StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() =>
        $"{Status}{(MediaType is null ? "" : " " + MediaType)}{(ErrorKeys.Count > 0 ? " errors: " + string.Join(", ", ErrorKeys) : "")}{(ErrorKeys.Count == 0 && Excerpt.Length > 0 ? " " + Excerpt : "")}";
}

/// <summary>Collects what a suite saw: failures (each naming the request, the status got and what was expected) and counts.</summary>
public sealed class Verdicts
{
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private int _cases;
    private int _accepted;
    private int _rateLimited;

    /// <summary>The failures so far.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>Observations that are not failures (accepted input, requests the client refused to send).</summary>
    public IReadOnlyCollection<string> Notes => _notes;

    /// <summary>Cases judged.</summary>
    public int Cases => _cases;

    /// <summary>Cases answered 2xx that were allowed to be.</summary>
    public int Accepted => _accepted;

    /// <summary>Cases answered 429 (rate limited): refused and nothing written, but the rule under test was not reached.</summary>
    public int RateLimited => _rateLimited;

    /// <summary>Records a failure.</summary>
    public void Fail(string message) => _failures.Enqueue(message);

    /// <summary>Records an observation.</summary>
    public void Note(string message) => _notes.Enqueue(message);

    /// <summary>
    /// Judges one answer: never a 5xx; a 4xx is a problem body and writes nothing; then the case's own expectation.
    /// </summary>
    /// <param name="c">The case.</param>
    /// <param name="outcome">What came back.</param>
    /// <param name="before">Write counts before the request.</param>
    /// <param name="after">Write counts after it.</param>
    /// <returns>Whether the request may have changed the item it addressed (a 2xx, or a 5xx that may have written part of it).</returns>
    public bool Judge(BadCase c, Outcome outcome, WriteCounts before, WriteCounts after)
    {
        Interlocked.Increment(ref _cases);
        var wrote = before != after;
        var status = outcome.Status;
        if (status >= 500)
        {
            Fail($"{c} → {outcome} (a server error{(wrote ? $"; and it wrote: {before} → {after}" : "")})");
            return true;
        }

        if (status == 429)
        {
            Interlocked.Increment(ref _rateLimited);
            if (wrote)
            {
                Fail($"{c} → 429 but it wrote: {before} → {after}");
            }

            return false;
        }

        if (status is >= 400 and < 500)
        {
            if (outcome.MediaType != "application/problem+json")
            {
                Fail($"{c} → {outcome} (a {status} without an application/problem+json body)");
            }

            if (wrote)
            {
                Fail($"{c} → {outcome}, refused but it wrote: {before} → {after}");
            }

            switch (c.Expect)
            {
                case Expectation.FieldError when status == 400 && outcome.Names(c.Field):
                case Expectation.FieldError when status == 413 && c.SizeCase:
                case Expectation.FieldError when status is 401 or 403 && c.Credential:
                case Expectation.NoServerError or Expectation.Refused:
                case Expectation.Unauthorized when status == 401 && outcome.WwwAuthenticate.Contains("Bearer", StringComparison.Ordinal):
                    break;
                case Expectation.FieldError:
                    Fail($"{c} → {outcome} (expected 400 naming {c.Field}{(c.SizeCase ? ", or 413" : "")}{(c.Credential ? ", or 401/403" : "")})");
                    break;
                case Expectation.Unauthorized:
                    Fail($"{c} → {outcome}, WWW-Authenticate: '{outcome.WwwAuthenticate}' (expected 401 with WWW-Authenticate: Bearer)");
                    break;
            }

            return false;
        }

        switch (c.Expect)
        {
            case Expectation.NoServerError:
                Interlocked.Increment(ref _accepted);
                Note($"accepted: {c} → {status}");
                return true;
            case Expectation.FieldError:
                Fail($"{c} → {outcome} (accepted; expected 400 naming {c.Field}{(c.SizeCase ? ", or 413" : "")})");
                return true;
            case Expectation.Refused:
                Fail($"{c} → {outcome} (accepted; expected a 4xx problem)");
                return true;
            default:
                Fail($"{c} → {outcome} (expected 401 with WWW-Authenticate: Bearer)");
                return true;
        }
    }

    /// <summary>A summary line and every failure, for the test output.</summary>
    public string Summary(string suite, int requests, TimeSpan elapsed) =>
        $"{suite}: {Cases} cases, {requests} HTTP requests, {elapsed.TotalSeconds:0.0} s; {Failures.Count} failures, {Accepted} accepted where allowed, {RateLimited} rate-limited, {Notes.Count} notes";
}
