using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests;

[Collection(PostgresCollection.Name)]
public sealed class HealthAndAuthTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    [Fact]
    public async Task ready_health_check_reports_the_database_as_healthy()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/health/ready");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task the_server_listens_on_real_http()
    {
        app.BaseAddress.Scheme.ShouldBe("http");
        app.BaseAddress.Port.ShouldBeGreaterThan(0);
        using var raw = new HttpClient { BaseAddress = app.BaseAddress };
        (await raw.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task api_routes_without_a_token_answer_401_problem_details()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/accomplishments");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task a_wrong_token_is_rejected()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "clp_notarealtoken");
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task registering_the_same_email_twice_is_a_409()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateClient();
        var again = await client.PostAsJsonAsync("/api/accounts", new { email = user.Email.ToUpperInvariant(), password = "another long password" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task registration_errors_name_each_field()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/accounts", new { email = "not-an-email", password = "short", timeZone = "Mars/Olympus" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        errors.TryGetProperty("email", out _).ShouldBeTrue();
        errors.TryGetProperty("password", out _).ShouldBeTrue();
        errors.TryGetProperty("timeZone", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task a_wrong_password_gets_no_token()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/tokens", new { email = user.Email, password = "wrong password!" });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_revoked_token_stops_working()
    {
        var user = await app.CreateUserAsync();
        var tokens = await user.Http.GetFromJsonAsync<JsonElement>("/api/tokens");
        var id = tokens[0].GetProperty("id").GetGuid();
        (await user.Http.DeleteAsync($"/api/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await user.Http.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task the_openapi_document_lists_the_api()
    {
        using var client = app.CreateClient();
        var doc = await client.GetStringAsync("/openapi/v1.json");
        doc.ShouldContain("/api/accomplishments");
        doc.ShouldContain("/api/brag");
        doc.ShouldContain("/api/stories/ranking");
    }
}
