using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CareerLedger.Web.Tests.Faults;

/// <summary>One request a load client sent, and what came back.</summary>
/// <param name="Client">The client's number.</param>
/// <param name="User">The user it acted for.</param>
/// <param name="Kind"><c>POST</c> (a win with its own Idempotency-Key) or <c>GET</c> (the list).</param>
/// <param name="Key">The write's Idempotency-Key (null for reads).</param>
/// <param name="Started">When it was sent, from the start of the run.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="Status">The HTTP status, or 0 when no answer came (connection refused or reset, timeout).</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header in seconds, when present.</param>
/// <param name="Problem">The problem body of a 4xx/5xx answer, when it was JSON.</param>
/// <param name="Error">For status 0: what the client saw.</param>
internal sealed record Attempt(
    int Client, Guid User, string Kind, string? Key, TimeSpan Started, TimeSpan Elapsed, int Status, int? RetryAfter, JsonElement? Problem, string? Error)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public string? Outcome => Problem is { } p && p.TryGetProperty("outcome", out var o) ? o.GetString() : null;
}

/// <summary>A user and a client for them on the app under test.</summary>
internal sealed record LoadUser(Guid Id, HttpClient Http);

/// <summary>
/// Concurrent clients, each looping: POST a win with a fresh Idempotency-Key, then GET the list; every request is recorded
/// (<see cref="Attempt"/>). Clients never retry on their own: the test resends what was not acknowledged afterwards.
/// </summary>
internal sealed class LoadClients
{
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The title of the win sent with <paramref name="key"/>: unique per key, so the stored list shows each key's items.</summary>
    public static string TitleOf(string key) => "Win " + key;

    /// <summary>Every request so far.</summary>
    public IReadOnlyList<Attempt> Attempts => [.. _attempts];

    /// <summary>Time since the clients were created.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Runs <paramref name="clients"/> clients over <paramref name="users"/> (round robin) until <paramref name="stop"/> fires.</summary>
    public Task RunAsync(IReadOnlyList<LoadUser> users, int clients, string keyPrefix, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var user = users[c % users.Count];
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{keyPrefix}-c{c}-{n}");
                await SendAsync(c, user, "POST", key, () => PostWin(key));
                await SendAsync(c, user, "GET", null, () => new HttpRequestMessage(HttpMethod.Get, "/api/accomplishments"));
            }
        })));

    /// <summary>The POST of the win for <paramref name="key"/>, with the key as Idempotency-Key.</summary>
    public static HttpRequestMessage PostWin(string key)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, "/api/accomplishments") { Content = JsonContent.Create(Json.Win(TitleOf(key))) };
        post.Headers.Add("Idempotency-Key", key);
        return post;
    }

    /// <summary>Sends one request and records it.</summary>
    public async Task<Attempt> SendAsync(int client, LoadUser user, string kind, string? key, Func<HttpRequestMessage> request)
    {
        var started = _clock.Elapsed;
        Attempt attempt;
        try
        {
            using var message = request();
            using var response = await user.Http.SendAsync(message);
            var status = (int)response.StatusCode;
            int? retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : null;
            JsonElement? problem = null;
            if (status >= 400 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
            {
                problem = await response.ReadAsync();
            }

            attempt = new Attempt(client, user.Id, kind, key, started, _clock.Elapsed - started, status, retryAfter, problem, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            attempt = new Attempt(client, user.Id, kind, key, started, _clock.Elapsed - started, 0, null, null, ex.GetBaseException().Message);
        }

        _attempts.Enqueue(attempt);
        return attempt;
    }

    /// <summary>How many accomplishments each title has in <paramref name="user"/>'s list.</summary>
    public static async Task<Dictionary<string, int>> StoredTitlesAsync(HttpClient user)
    {
        using var response = await user.GetAsync("/api/accomplishments?includeRetracted=true");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await response.ReadAsync();
        return list.EnumerateArray()
            .GroupBy(a => a.GetProperty("title").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
