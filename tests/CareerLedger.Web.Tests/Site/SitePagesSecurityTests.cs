using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Testing;
using CareerLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CareerLedger.Web.Tests.Site;

/// <summary>The site's pages: sign-in required, cookie only, antiforgery on every post, their security headers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SitePagesSecurityTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private static readonly string[] Anonymous = ["/", "/index", "/account/signin", "/account/signup"];

    /// <summary>Every page route, with a made-up id for route parameters.</summary>
    private List<string> PageRoutes() => app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        .Select(e => "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => Guid.NewGuid().ToString(),
            _ => "",
        })))))
        .Select(r => r.Length > 1 ? r.TrimEnd('/').ToLowerInvariant() : r)
        .Distinct()
        .ToList();

    [Fact]
    public async Task every_page_but_the_home_and_sign_in_pages_sends_a_visitor_to_sign_in_and_an_api_token_does_not_sign_in()
    {
        var routes = PageRoutes();
        routes.ShouldContain("/wins/new");
        routes.Count.ShouldBeGreaterThan(4);
        var user = await app.CreateUserAsync();
        using var site = SiteClient.Create(app);
        foreach (var route in routes.Except(Anonymous))
        {
            using var anonymous = await site.Http.GetAsync(route);
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect, route);
            anonymous.Headers.Location!.PathAndQuery().ShouldStartWith("/account/signin?ReturnUrl=", Case.Insensitive, route);

            using var request = new HttpRequestMessage(HttpMethod.Get, route);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
            using var withToken = await site.Http.SendAsync(request);
            withToken.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{route} with a bearer token");
        }

        foreach (var route in Anonymous)
        {
            using var response = await site.Http.GetAsync(route);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, route);
        }
    }

    [Fact]
    public async Task the_api_does_not_accept_the_site_cookie()
    {
        using var site = await SiteClient.Create(app).SignUpAsync();
        using var me = await site.Http.GetAsync("/api/me");
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_post_without_the_antiforgery_token_is_refused_and_writes_nothing()
    {
        using var site = await SiteClient.Create(app).SignUpAsync();
        using var forged = await site.Http.PostAsync("/wins/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "Forged win" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var logged = await site.PostFormAsync("/wins/new", new() { ["title"] = "Real win", ["scope"] = "team", ["involvement"] = "led" });
        logged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = await TokenAsync(site.Email);
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var wins = await api.GetFromJsonAsync<JsonElement>("/api/accomplishments");
        wins.EnumerateArray().Select(w => w.GetProperty("title").GetString()).ShouldBe(["Real win"]);
    }

    [Fact]
    public async Task sign_out_needs_a_post_with_the_token_and_ends_the_session()
    {
        using var site = await SiteClient.Create(app).SignUpAsync();
        (await site.Http.GetAsync("/wins/new")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var forged = await site.Http.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await site.Http.GetAsync("/wins/new")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var signOut = await site.PostFormAsync("/account/signout", [], formPage: "/wins/new");
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await site.Http.GetAsync("/wins/new")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task pages_carry_the_site_policy_and_are_not_stored_and_the_cookie_is_http_only()
    {
        using var site = SiteClient.Create(app);
        using var home = await site.Http.GetAsync("/");
        home.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.SitePolicy);
        home.Headers.CacheControl!.NoStore.ShouldBeTrue();
        home.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await home.Content.ReadAsStringAsync()).ShouldContain("href=\"/scalar\"");

        var email = $"cookie-{Guid.NewGuid():N}@example.com";
        using var signUp = await site.PostFormAsync("/account/signup", new() { ["email"] = email, ["password"] = SiteClient.Password, ["timeZone"] = "UTC" });
        var cookie = signUp.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("careerledger=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);

        using var explorer = await site.Http.GetAsync("/scalar/");
        explorer.StatusCode.ShouldBe(HttpStatusCode.OK);
        explorer.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ExplorerPolicy);
        var explorerHtml = await explorer.Content.ReadAsStringAsync();
        explorerHtml.ShouldContain("scalar.js");
    }

    [Fact]
    public async Task sign_up_errors_name_the_field_and_keep_what_was_typed()
    {
        using var site = SiteClient.Create(app);
        using var response = await site.PostFormAsync("/account/signup", new() { ["email"] = "not an address", ["password"] = "short", ["displayName"] = "Ada", ["timeZone"] = "Mars/Olympus" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"email-error\"");
        html.ShouldContain("id=\"password-error\"");
        html.ShouldContain("id=\"timeZone-error\"");
        html.ShouldContain("value=\"not an address\"");
        html.ShouldContain("value=\"Ada\"");
        html.ShouldNotContain("value=\"short\""); // a password is never sent back
    }

    [Fact]
    public async Task sign_in_goes_back_to_the_page_asked_for_but_never_off_site()
    {
        using var owner = await SiteClient.Create(app).SignUpAsync();
        using var site = SiteClient.Create(app);
        using var local = await site.PostFormAsync("/account/signin?returnUrl=%2Fwins%2Fnew", new() { ["email"] = owner.Email, ["password"] = SiteClient.Password, ["returnUrl"] = "/wins/new" });
        local.Headers.Location!.PathAndQuery().ShouldBe("/wins/new");

        using var other = SiteClient.Create(app);
        using var offSite = await other.PostFormAsync("/account/signin", new() { ["email"] = owner.Email, ["password"] = SiteClient.Password, ["returnUrl"] = "https://evil.example/" });
        offSite.Headers.Location!.PathAndQuery().ShouldBe("/");
    }

    private async Task<string> TokenAsync(string email)
    {
        using var anonymous = app.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/tokens", new { email, password = SiteClient.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}

/// <summary>The app with at most 3 sign-in attempts per account (per 15 minutes).</summary>
public sealed class StrictSignInApp() : CareerLedger.Web.Tests.Security.ConfiguredAppFactory(new Dictionary<string, string>
{
    ["CareerLedger:RateLimits:TokensPerAccount:PermitLimit"] = "3",
});

/// <summary>The site's sign-in shares the API's per-account attempt limit.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SiteSignInLimitTests(StrictSignInApp app) : IClassFixture<StrictSignInApp>
{
    [Fact]
    public async Task sign_in_is_limited_per_account_after_repeated_wrong_passwords()
    {
        using var owner = await SiteClient.Create(app).SignUpAsync();
        using var attacker = SiteClient.Create(app);
        const int limit = 3;
        HttpResponseMessage? last = null;
        for (var i = 0; i <= limit; i++)
        {
            last?.Dispose();
            last = await attacker.PostFormAsync("/account/signin", new() { ["email"] = owner.Email, ["password"] = "wrong password " + i });
        }

        last!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await last.Content.ReadAsStringAsync()).ShouldContain("Too many sign-in attempts for this account");
        last.Dispose();
    }

}

/// <summary>Helpers for Location headers.</summary>
internal static class LocationExtensions
{
    /// <summary>The path and query of <paramref name="location"/>, whether absolute or relative.</summary>
    public static string PathAndQuery(this Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
