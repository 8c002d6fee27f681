using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerLedger.Web.Import;

namespace CareerLedger.Benchmarks;

/// <summary>
/// A user of the running app, signed in with a personal access token (the calls of
/// tests/CareerLedger.Testing/LedgerAppFactory.cs CreateUserAsync), and the requests the benchmark measures.
/// </summary>
internal sealed class LedgerUser
{
    private const string Password = "correct horse battery staple";
    private readonly Uri _baseAddress;
    private readonly string _token;
    private readonly string? _email;

    private LedgerUser(Uri baseAddress, string token, string? email = null)
    {
        _baseAddress = baseAddress;
        _token = token;
        _email = email;
    }

    /// <summary>Registers a new user (time zone UTC) and creates a token.</summary>
    public static async Task<LedgerUser> SignUpAsync(Uri baseAddress, CancellationToken ct)
    {
        using var anonymous = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseAddress };
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        const string password = Password;
        using (var register = await anonymous.PostAsJsonAsync("api/accounts", new { email, password, timeZone = "UTC", displayName = "Bench User" }, ct))
        {
            await EnsureAsync(register, HttpStatusCode.Created, "POST /api/accounts", ct);
        }

        using var token = await anonymous.PostAsJsonAsync("api/tokens", new { email, password, name = "bench" }, ct);
        await EnsureAsync(token, HttpStatusCode.Created, "POST /api/tokens", ct);
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync(ct));
        return new LedgerUser(baseAddress, json.RootElement.GetProperty("token").GetString()!, email);
    }

    /// <summary>
    /// A browser-like client of the web site, signed in through the sign-in page (its cookie kept, redirects not followed):
    /// for the page rows of the benchmark.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the sign-in page does not answer as expected.</exception>
    public async Task<HttpClient> SiteClientAsync(CancellationToken ct)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = _baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var form = await client.GetStringAsync("account/signin", ct);
        var marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var start = form.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0 || _email is null)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        }

        start += marker.Length;
        var antiforgery = form[start..form.IndexOf('"', start)];
        using var signIn = await client.PostAsync("account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = _email,
            ["password"] = Password,
            ["__RequestVerificationToken"] = antiforgery,
        }), ct);
        await EnsureAsync(signIn, HttpStatusCode.Redirect, "POST /account/signin", ct);
        return client;
    }

    /// <summary>The user's personal access token (sent as <c>Authorization: Bearer</c>).</summary>
    public string Token => _token;

    /// <summary>The same user (the same token) on another instance of the app at <paramref name="baseAddress"/>, on the same database.</summary>
    public LedgerUser At(Uri baseAddress) => new(baseAddress, _token, _email);

    /// <summary>A client carrying the token that uses at most <paramref name="connections"/> connections (HTTP/1.1, keep-alive).</summary>
    public HttpClient Client(int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = _baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return client;
    }

    /// <summary>Imports <paramref name="ledger"/> in one <c>POST /api/import</c>; returns how long it took.</summary>
    public async Task<TimeSpan> ImportAsync(ImportRequest ledger, CancellationToken ct)
    {
        using var client = Client(1);
        client.Timeout = TimeSpan.FromMinutes(10);
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("api/import", ledger, LedgerData.RequestJson, ct);
        await EnsureAsync(response, HttpStatusCode.OK, "POST /api/import", ct);
        return clock.Elapsed;
    }

    /// <summary>Records an offer (<c>POST /api/offers</c> with an Idempotency-Key).</summary>
    public async Task RecordOfferAsync(string key, string body, CancellationToken ct)
    {
        using var client = Client(1);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/offers") { Content = Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, ct);
        await EnsureAsync(response, HttpStatusCode.Created, "POST /api/offers", ct);
    }

    /// <summary>A GET that must answer 200; the whole body is read (into the client's buffer).</summary>
    public static async Task GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead, ct);
        await EnsureAsync(response, HttpStatusCode.OK, "GET /" + path, ct);
    }

    /// <summary>The length in bytes of the body a GET answers (which must be 200).</summary>
    public static async Task<long> GetSizeAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead, ct);
        await EnsureAsync(response, HttpStatusCode.OK, "GET /" + path, ct);
        return (await response.Content.ReadAsByteArrayAsync(ct)).LongLength;
    }

    /// <summary>Logs win number <paramref name="n"/> (<c>POST /api/accomplishments</c>, no Idempotency-Key); must answer 201.</summary>
    public static Task PostWinAsync(HttpClient client, long n, DateOnly today, CancellationToken ct) => PostWinAsync(client, n, today, null, ct);

    /// <summary>Logs win number <paramref name="n"/> (<c>POST /api/accomplishments</c>) with <paramref name="idempotencyKey"/> when not null; must answer 201.</summary>
    public static async Task PostWinAsync(HttpClient client, long n, DateOnly today, string? idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/accomplishments") { Content = Json(LedgerData.NewWinBody(n, today)) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request, ct);
        await EnsureAsync(response, HttpStatusCode.Created, "POST /api/accomplishments", ct);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken ct)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode} (expected {(int)expected}): {body[..Math.Min(body.Length, 500)]}");
        }
    }
}
