using System.Net.Http.Json;
using System.Text.Json;

namespace CareerLedger.Web.Tests;

internal static class Json
{
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient http, string url) =>
        await http.GetFromJsonAsync<JsonElement>(url);

    public static object Win(string title, string occurredOn = "2026-10-01", string scope = "team", string involvement = "led",
        object[]? impact = null, string[]? competencies = null, string? learnings = null, string? project = "Payments API") => new
        {
            title,
            occurredOn,
            project,
            scope,
            involvement,
            impact = impact ?? [],
            competencies = competencies ?? [],
            learnings,
        };
}
