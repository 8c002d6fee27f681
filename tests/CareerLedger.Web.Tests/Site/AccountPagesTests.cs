using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests.Site;

/// <summary>
/// The account pages over HTTP: the tokens form answers with the API's field errors, the export is byte for byte the API's, and
/// deleting the account on its page ends every browser session of it and every token.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountPagesTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    [Theory]
    [InlineData("laptop", "0", "expiresInDays")]
    [InlineData("laptop", "3651", "expiresInDays")]
    [InlineData("a name that is far too long for a token, a name that is far too long for a token, a name that is far too long", "", "name")]
    public async Task the_tokens_form_refuses_what_the_api_refuses_with_the_same_message(string name, string days, string field)
    {
        using var site = await SiteClient.Create(app).SignUpAsync();
        using var page = await site.PostFormAsync("/account/tokens?handler=create", new() { ["name"] = name, ["expiresInDays"] = days }, formPage: "/account/tokens");
        page.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldNotContain("clp_");

        using var anonymous = app.CreateClient();
        using var api = await anonymous.PostAsJsonAsync("/api/tokens", new
        {
            email = site.Email, password = SiteClient.Password, name, expiresInDays = days.Length == 0 ? (int?)null : int.Parse(days, System.Globalization.CultureInfo.InvariantCulture),
        });
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString()!;
        html.ShouldContain($"id=\"{field}-error\" role=\"alert\">{System.Net.WebUtility.HtmlEncode(message)}</p>");
        (await TokensAsync(site.Email)).ShouldBe(1, "only the token made for this check");
    }

    [Fact]
    public async Task a_token_made_on_the_page_is_shown_in_that_answer_only_and_revoked_there()
    {
        using var site = await SiteClient.Create(app).SignUpAsync();
        using var created = await site.PostFormAsync("/account/tokens?handler=create", new() { ["name"] = "backup script", ["expiresInDays"] = "7" }, formPage: "/account/tokens");
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await created.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(html, "id=\"new-secret\"[^>]*value=\"(clp_[0-9A-Za-z]{43})\"").Groups[1].Value;
        secret.ShouldNotBeEmpty(html);
        created.Headers.CacheControl!.NoStore.ShouldBeTrue();

        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var tokens = await api.GetFromJsonAsync<JsonElement>("/api/tokens");
        var token = tokens.EnumerateArray().Single();
        token.GetProperty("name").GetString().ShouldBe("backup script");
        token.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(app.Clock.GetUtcNow().AddDays(7), TimeSpan.FromSeconds(1));

        var list = await site.Http.GetStringAsync("/account/tokens");
        list.ShouldNotContain(secret);
        list.ShouldContain(secret[..10]);

        using var revoked = await site.PostFormAsync($"/account/tokens?handler=revoke&id={token.GetProperty("id").GetGuid()}", [], formPage: "/account/tokens");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Another user's token id, or one already revoked: nothing to revoke.
        using var again = await site.PostFormAsync($"/account/tokens?handler=revoke&id={token.GetProperty("id").GetGuid()}", [], formPage: "/account/tokens");
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_export_of_the_account_page_is_the_api_export_byte_for_byte()
    {
        using var site = await SiteClient.Create(app).SignUpAsync();
        using (var logged = await site.PostFormAsync("/wins/new", new() { ["title"] = "Ran the restore drill", ["scope"] = "team", ["involvement"] = "led" }))
        {
            logged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var page = await site.Http.GetAsync("/account?handler=export");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        page.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var pageBody = await page.Content.ReadAsStringAsync();

        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(site.Email));
        using var export = await api.GetAsync("/api/export");
        page.Content.Headers.ContentDisposition.FileName.ShouldBe(export.Content.Headers.ContentDisposition!.FileName);
        pageBody.ShouldBe(await export.Content.ReadAsStringAsync());
        pageBody.ShouldContain("Ran the restore drill");
    }

    [Fact]
    public async Task deleting_the_account_on_its_page_ends_every_session_and_token_of_it()
    {
        using var site = await SiteClient.Create(app).SignUpAsync();
        using var otherBrowser = SiteClient.Create(app);
        using (var signIn = await otherBrowser.PostFormAsync("/account/signin", new() { ["email"] = site.Email, ["password"] = SiteClient.Password }))
        {
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(site.Email));
        (await api.PostAsJsonAsync("/api/accomplishments", Json.Win("Goes with the account", "2026-11-20"))).EnsureSuccessStatusCode();

        // Without the antiforgery token, with another e-mail, or with a wrong password: nothing is deleted.
        using (var forged = await site.Http.PostAsync("/account/delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = site.Email, ["password"] = SiteClient.Password })))
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var other = await site.PostFormAsync("/account/delete", new() { ["email"] = "someone@example.com", ["password"] = SiteClient.Password }))
        {
            other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await other.Content.ReadAsStringAsync()).ShouldContain("id=\"email-error\"");
        }

        using (var wrong = await site.PostFormAsync("/account/delete", new() { ["email"] = site.Email.ToUpperInvariant(), ["password"] = "not the password" }))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("Wrong password. Nothing was deleted.");
        }

        (await api.GetFromJsonAsync<JsonElement>("/api/accomplishments")).GetArrayLength().ShouldBe(1);

        using var deleted = await site.PostFormAsync("/account/delete", new() { ["email"] = site.Email, ["password"] = SiteClient.Password });
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deleted.Headers.Location!.PathAndQuery().ShouldBe("/account/signin?deleted=1");
        deleted.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("careerledger=;", StringComparison.Ordinal));

        (await site.Http.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var stale = await otherBrowser.Http.GetAsync("/wins/new");
        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect, "another browser's cookie of the deleted account");
        stale.Headers.Location!.PathAndQuery().ShouldStartWith("/account/signin", Case.Insensitive);
        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/tokens", new { email = site.Email, password = SiteClient.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<string> TokenAsync(string email)
    {
        using var anonymous = app.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/tokens", new { email, password = SiteClient.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private async Task<int> TokensAsync(string email)
    {
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email));
        return (await api.GetFromJsonAsync<JsonElement>("/api/tokens")).GetArrayLength();
    }
}
