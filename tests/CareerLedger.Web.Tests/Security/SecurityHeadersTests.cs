using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Testing;
using static CareerLedger.Web.Tests.Security.SecurityTestSupport;

namespace CareerLedger.Web.Tests.Security;

/// <summary>The app with Hangfire's dashboard on for one admin.</summary>
public sealed class DashboardApp() : ConfiguredAppFactory(new Dictionary<string, string>
{
    ["CareerLedger:Jobs:Dashboard"] = "true",
    ["CareerLedger:Jobs:Admins:0"] = DashboardApp.Admin,
})
{
    /// <summary>The admin's e-mail.</summary>
    public const string Admin = "headers-admin@example.com";
}

/// <summary>Security headers on a sample of endpoints: successes, errors, a 404, HTML, the calendar feed, the dashboard.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SecurityHeadersTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    private const string HtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private const string OtherPolicy = "default-src 'none'; frame-ancestors 'none'";

    [Fact]
    public async Task every_response_has_nosniff_and_no_referrer_and_api_and_calendar_responses_are_not_stored()
    {
        var user = await app.CreateUserAsync();
        using var anonymous = app.CreateClient();
        var issued = await (await user.Http.PostAsync("/api/reminders/calendar", null)).Content.ReadFromJsonAsync<JsonElement>();
        var feed = new Uri(issued.GetProperty("url").GetString()!).PathAndQuery;
        (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Shipped the thing"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var samples = new (string Name, Func<Task<HttpResponseMessage>> Call, HttpStatusCode Status)[]
        {
            ("live health", () => anonymous.GetAsync("/health/live"), HttpStatusCode.OK),
            ("OpenAPI", () => anonymous.GetAsync("/openapi/v1.json"), HttpStatusCode.OK),
            ("me", () => user.Http.GetAsync("/api/me"), HttpStatusCode.OK),
            ("accomplishments", () => user.Http.GetAsync("/api/accomplishments"), HttpStatusCode.OK),
            ("token created", () => SignInAsync(anonymous, user.Email, user.Password), HttpStatusCode.Created),
            ("wrong password", () => SignInAsync(anonymous, user.Email, "not the password at all"), HttpStatusCode.Unauthorized),
            ("no token", () => anonymous.GetAsync("/api/accomplishments"), HttpStatusCode.Unauthorized),
            ("invalid registration", () => anonymous.PostAsJsonAsync("/api/accounts", new { email = "nope", password = "short" }), HttpStatusCode.BadRequest),
            ("broken JSON", () => user.Http.PostAsync("/api/accomplishments", new StringContent("{", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest),
            ("no such accomplishment", () => user.Http.GetAsync($"/api/accomplishments/{Guid.NewGuid()}"), HttpStatusCode.NotFound),
            ("no such API route", () => user.Http.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound),
            ("no such page", () => anonymous.GetAsync("/no-such-page"), HttpStatusCode.NotFound),
            ("brag as Markdown", () => user.Http.GetAsync("/api/brag?format=md"), HttpStatusCode.OK),
            ("brag as HTML", () => user.Http.GetAsync("/api/brag?format=html"), HttpStatusCode.OK),
            ("calendar feed", () => anonymous.GetAsync(feed), HttpStatusCode.OK),
            ("unknown calendar feed", () => anonymous.GetAsync("/calendar/clcal_nothing.ics"), HttpStatusCode.NotFound),
        };

        foreach (var (name, call, status) in samples)
        {
            using var response = await call();
            response.StatusCode.ShouldBe(status, name);
            Header(response, "X-Content-Type-Options").ShouldBe("nosniff", name);
            Header(response, "Referrer-Policy").ShouldBe("no-referrer", name);
            var path = response.RequestMessage!.RequestUri!.AbsolutePath;
            if (path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/calendar", StringComparison.Ordinal))
            {
                (response.Headers.CacheControl?.NoStore ?? false).ShouldBeTrue($"{name}: Cache-Control is '{response.Headers.CacheControl}'");
            }

            var html = response.Content.Headers.ContentType?.MediaType == "text/html";
            Header(response, "Content-Security-Policy").ShouldBe(html ? HtmlPolicy : OtherPolicy, name);
        }
    }

    [Fact]
    public async Task the_html_brag_page_needs_nothing_its_policy_forbids()
    {
        var user = await app.CreateUserAsync();
        var html = await user.Http.GetStringAsync("/api/brag?format=html");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain("src=\"http", Case.Insensitive);
        html.ShouldContain("<style>");
    }

    [Fact]
    public async Task the_hangfire_dashboard_keeps_its_scripts()
    {
        using var anonymous = app.CreateClient();
        await RegisterAsync(anonymous, DashboardApp.Admin);
        var token = (await (await SignInAsync(anonymous, DashboardApp.Admin, "correct horse battery staple")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("token").GetString();
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var page = await admin.GetAsync("/hangfire");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("<script", Case.Insensitive);
        Header(page, "X-Content-Type-Options").ShouldBe("nosniff");
        (Header(page, "Content-Security-Policy") ?? "").ShouldNotContain("default-src 'none'");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
