using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CareerLedger.Browser.Tests.Brag;

/// <summary>Seeds a signed-up user's ledger through the HTTP API (the flows under test go through the pages).</summary>
public sealed class Seed(HttpClient http) : IDisposable
{
    /// <summary>The API client, with the user's access token.</summary>
    public HttpClient Http { get; } = http;

    /// <summary>Today in Europe/Berlin, the time zone the test users sign up with.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    /// <summary>A date as the API and date inputs write it.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An access token for a user who signed up through the page with <see cref="Site.Password"/>.</summary>
    public static async Task<Seed> ForAsync(SiteFixture site, string email)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var anonymous = site.App.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/tokens", new { email, password = Site.Password, name = "browser tests" });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Seed(site.App.CreateClient(json.RootElement.GetProperty("token").GetString()));
    }

    /// <summary>Logs a win through <c>POST /api/accomplishments</c> and answers its id.</summary>
    public async Task<Guid> WinAsync(string title, DateOnly on, string project = "Platform", object[]? impact = null, string[]? competencies = null)
    {
        var response = await Http.PostAsJsonAsync("/api/accomplishments", new
        {
            title, occurredOn = Iso(on), project, scope = "team", involvement = "led", impact = impact ?? [], competencies = competencies ?? [],
        });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /api/accomplishments answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>GET as text (throws on a non-2xx answer).</summary>
    public async Task<string> TextAsync(string url)
    {
        var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>POSTs JSON and answers the response body as JSON (throws on a non-2xx answer).</summary>
    public async Task<JsonElement> PostAsync(string url, object body)
    {
        var response = await Http.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST {url} answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    /// <inheritdoc />
    public void Dispose() => Http.Dispose();
}
