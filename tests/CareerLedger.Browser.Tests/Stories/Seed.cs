using System.Net.Http.Json;
using System.Text.Json;

namespace CareerLedger.Browser.Tests.Stories;

/// <summary>Seeds a signed-up user's data through the HTTP API (faster than the pages, for what a test is not about).</summary>
public static class Seed
{
    /// <summary>An API client of the user who signed up with <paramref name="email"/> and <see cref="Site.Password"/>.</summary>
    public static async Task<HttpClient> ClientAsync(SiteFixture site, string email)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var anonymous = site.App.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/tokens", new { email, password = Site.Password, name = "browser test" });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return site.App.CreateClient(json.RootElement.GetProperty("token").GetString());
    }

    /// <summary>Posts <paramref name="body"/> as JSON and answers the response's <c>id</c>.</summary>
    public static async Task<Guid> PostAsync(HttpClient api, string path, object body)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var response = await api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A day <paramref name="daysAgo"/> days before today (UTC), as yyyy-MM-dd.</summary>
    public static string DaysAgo(int daysAgo) => DateTime.UtcNow.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
