using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests.Isolation;

/// <summary>A second user types the first user's page addresses into the browser: every one is a 404 and shows none of their data.</summary>
[Collection(SiteCollection.Name)]
public sealed class SecondUserTests(SiteFixture site)
{
    [Fact]
    public async Task a_second_user_cannot_reach_the_first_users_pages_by_url()
    {
        var first = await site.NewPageAsync();
        var firstEmail = Site.NewEmail("owner");
        var urls = new List<string>();
        const string secret = "Secret migration of the ledger service";
        await SiteFixture.RunAsync(first, "isolation-owner", async () =>
        {
            await Site.SignUpAsync(first, firstEmail);
            await first.GotoAsync("/wins/new");
            await first.GetByLabel("What did you do?").FillAsync(secret);
            await first.GetByLabel("What did you do?").PressAsync("Enter");
            var winLink = first.GetByRole(AriaRole.Status).GetByRole(AriaRole.Link, new() { Name = secret });
            var winUrl = await winLink.GetAttributeAsync("href");
            winUrl.ShouldNotBeNull();
            urls.Add(winUrl);
            var winId = Guid.Parse(winUrl.Split('/')[^1]);

            // The other items are created through the API with a token of the same user: the pages are what is being tested.
            using var api = await ApiAsync(firstEmail);
            using (var offer = await api.PostAsync("/api/offers", new StringContent(
                       await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "samples", "offers", "riverbend-backloaded.json")), System.Text.Encoding.UTF8, "application/json")))
            {
                offer.EnsureSuccessStatusCode();
                urls.Add("/offers/" + (await offer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("offer").GetProperty("id").GetString());
            }

            using (var story = await api.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { winId } }))
            {
                story.EnsureSuccessStatusCode();
                urls.Add("/stories/" + IdOf(await story.Content.ReadFromJsonAsync<JsonElement>(), "story"));
            }

            using (var session = await api.PostAsJsonAsync("/api/practice/sessions", new { questions = 2, seed = 7 }))
            {
                session.EnsureSuccessStatusCode();
                urls.Add("/practice/" + IdOf(await session.Content.ReadFromJsonAsync<JsonElement>(), "session"));
            }

            foreach (var url in urls)
            {
                var own = await first.GotoAsync(url);
                own!.Status.ShouldBe(200, $"the owner reads {url}");
            }
        });

        var second = await site.NewPageAsync();
        await SiteFixture.RunAsync(second, "isolation-second-user", async () =>
        {
            await Site.SignUpAsync(second, Site.NewEmail("intruder"));
            foreach (var url in urls)
            {
                var response = await second.GotoAsync(url);
                response!.Status.ShouldBe(404, url);
                (await second.ContentAsync()).ShouldNotContain(secret, Case.Insensitive, url);
            }

            foreach (var list in new[] { "/", "/wins", "/brag", "/stories", "/offers", "/practice" })
            {
                var response = await second.GotoAsync(list);
                response!.Status.ShouldBe(200, list);
                var html = await second.ContentAsync();
                html.ShouldNotContain(secret, Case.Insensitive, list);
                html.ShouldNotContain("Riverbend", Case.Insensitive, list);
            }

            await second.GotoAsync(urls[0]);
            await SiteFixture.ScreenshotAsync(second, "isolation-not-found");
        });
    }

    /// <summary>The item's id: top-level <c>id</c>, or <c>{wrapper}.id</c> for views that wrap the document.</summary>
    private static string IdOf(JsonElement view, string wrapper) =>
        (view.TryGetProperty("id", out var id) ? id : view.GetProperty(wrapper).GetProperty("id")).GetString()!;

    private async Task<HttpClient> ApiAsync(string email)
    {
        var http = new HttpClient { BaseAddress = site.BaseAddress };
        using var created = await http.PostAsJsonAsync("/api/tokens", new { email, password = Site.Password, name = "browser test" });
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareerLedger.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
