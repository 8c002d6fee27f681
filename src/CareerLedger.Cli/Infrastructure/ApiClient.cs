using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareerLedger.Cli.Infrastructure;

/// <summary>An API response that was not turned into a failure.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, string Body, HttpResponseHeaders Headers)
{
    public T Read<T>()
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Body, ApiClient.Json)
                ?? throw CliException.Validation("the server sent an empty response");
        }
        catch (JsonException ex)
        {
            throw CliException.Validation($"the server sent a response this version of ledger does not understand ({ex.Message})");
        }
    }

    /// <summary>The ETag header's value without quotes or a weak prefix, if any.</summary>
    public string? ETag => Headers.ETag?.Tag.Trim('"');
}

/// <summary>
/// The HTTP API over <see cref="HttpClient"/>: bearer token, JSON bodies, and failures mapped to one-line
/// <see cref="CliException"/>s (problem details → 1, 401 → 3, unreachable → 4, 409 → 5).
/// </summary>
internal sealed class ApiClient : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;

    public ApiClient(Uri server, string? token, Func<HttpMessageHandler>? createHandler)
    {
        Server = server;
        Token = token;
        _http = createHandler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) }, disposeHandler: true)
            : new HttpClient(createHandler(), disposeHandler: false);
        _http.BaseAddress = server;
        _http.Timeout = TimeSpan.FromMinutes(5);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ledger", typeof(ApiClient).Assembly.GetName().Version?.ToString(3) ?? "1.0"));
    }

    public Uri Server { get; }

    public string? Token { get; }

    public void Dispose() => _http.Dispose();

    /// <summary>Sends a request and returns a 2xx response (or one whose status <paramref name="accept"/> lets through).</summary>
    public async Task<ApiResponse> SendAsync(
        HttpMethod method,
        string path,
        CancellationToken ct,
        object? body = null,
        string? rawJsonBody = null,
        bool authenticated = true,
        IReadOnlyDictionary<string, string>? headers = null,
        Func<HttpStatusCode, bool>? accept = null,
        Func<ApiResponse, Problem?, CliException?>? mapError = null)
    {
        if (authenticated && Token is null)
        {
            throw NotLoggedIn();
        }

        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Accept.ParseAdd("application/json");
        if (authenticated)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (rawJsonBody is not null)
        {
            request.Content = new StringContent(rawJsonBody, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        string text;
        try
        {
            response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex.InnerException is SocketException s ? s.Message : ex.Message);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw Unreachable($"no answer within {_http.Timeout.TotalSeconds:0} s ({ex.Message})");
        }

        using (response)
        {
            var result = new ApiResponse(response.StatusCode, text, response.Headers);
            if (response.IsSuccessStatusCode || accept?.Invoke(response.StatusCode) == true)
            {
                return result;
            }

            var problem = Problem.TryParse(text);
            throw mapError?.Invoke(result, problem) ?? Failure(method, path, response.StatusCode, problem);
        }
    }

    public CliException NotLoggedIn() =>
        new(ExitCodes.NotLoggedIn, $"not logged in to {Display(Server)}: run `ledger login` (or set LEDGER_TOKEN)");

    private CliException Unreachable(string why) =>
        new(ExitCodes.Unreachable, $"cannot reach {Display(Server)}: is the app running? start it with `dotnet run --project src/CareerLedger.Web` ({OneLine(why)})");

    private CliException Failure(HttpMethod method, string path, HttpStatusCode status, Problem? problem)
    {
        var code = (int)status;
        if (status == HttpStatusCode.Unauthorized)
        {
            return new CliException(ExitCodes.NotLoggedIn, $"the server at {Display(Server)} did not accept your token (revoked or expired?): run `ledger login`");
        }

        var message = problem?.ToMessage() ?? $"{method} /{path.TrimStart('/')} failed: HTTP {code} {status}";
        return new CliException(status == HttpStatusCode.Conflict ? ExitCodes.Conflict : ExitCodes.Failure, message);
    }

    /// <summary>The server URL as users typed it (no trailing slash).</summary>
    public static string Display(Uri server) => server.ToString().TrimEnd('/');

    internal static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>An RFC 7807 problem details body.</summary>
internal sealed record Problem(string? Title, string? Detail, int? Status, IReadOnlyDictionary<string, string[]> Errors)
{
    public static Problem? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in e.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : m.GetRawText()).ToArray()
                        : [field.Value.ToString()];
                }
            }

            var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            int? status = root.TryGetProperty("status", out var s) && s.TryGetInt32(out var n) ? n : null;
            return title is null && detail is null && errors.Count == 0 ? null : new Problem(title, detail, status, errors);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// One line: the title, then each field error as <c>field: message</c>, separated by "; " (or the title and the
    /// detail when there are no field errors).
    /// </summary>
    public string ToMessage()
    {
        var title = Title ?? "The request failed.";
        if (Errors.Count > 0)
        {
            var parts = new List<string> { title.TrimEnd('.') };
            parts.AddRange(Errors.Select(kv => $"{kv.Key}: {string.Join(" ", kv.Value)}"));
            return ApiClient.OneLine(string.Join("; ", parts));
        }

        return ApiClient.OneLine(Detail is null ? title : $"{title} {Detail}");
    }
}
