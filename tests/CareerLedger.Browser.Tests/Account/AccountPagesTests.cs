using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests.Account;

/// <summary>
/// The account pages: who you are, personal access tokens (created on the page, the secret shown once, working against the API
/// until revoked on the page), the export download, and deleting the account.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AccountPagesTests(SiteFixture site)
{
    [Fact]
    public async Task a_token_created_on_the_tokens_page_is_shown_once_works_against_the_api_and_stops_working_when_revoked()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "account-tokens", async () =>
        {
            var email = Site.NewEmail("tokens");
            await Site.SignUpAsync(page, email, "Tomás Token");
            await page.GetByRole(AriaRole.Link, new() { Name = "Tomás Token" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/account$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(email);
            await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Europe/Berlin");
            await SiteFixture.ScreenshotAsync(page, "account");

            await page.GetByRole(AriaRole.Link, new() { Name = "Manage your access tokens" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/account/tokens$"));
            await Assertions.Expect(page.GetByText("You have no access tokens.")).ToBeVisibleAsync();

            // A lifetime that is not a number is refused next to its field, with the name kept.
            await page.GetByLabel("Name").FillAsync("browser test");
            await page.GetByLabel("Expires after (days)").FillAsync("a month");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
            await Assertions.Expect(page.Locator("#expiresInDays-error")).ToContainTextAsync("Use 1 to 3650 days");
            await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync("browser test");
            await Assertions.Expect(page.Locator("#new-secret")).ToHaveCountAsync(0);

            await page.GetByLabel("Expires after (days)").FillAsync("30");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
            var secretBox = page.GetByLabel("Token", new() { Exact = true });
            await Assertions.Expect(secretBox).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Copy it now: this is the only time it is shown.")).ToBeVisibleAsync();
            var secret = await secretBox.InputValueAsync();
            secret.ShouldStartWith("clp_");
            await Assertions.Expect(page.Locator("pre").First).ToContainTextAsync($"export LEDGER_TOKEN={secret}");
            await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "browser test" })).ToContainTextAsync(secret[..10]);
            await SiteFixture.ScreenshotAsync(page, "account-tokens-new-secret");

            using var api = new HttpClient { BaseAddress = site.BaseAddress };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using (var me = await api.GetAsync("/api/me"))
            {
                me.StatusCode.ShouldBe(HttpStatusCode.OK);
                JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("email").GetString().ShouldBe(email);
            }

            // Shown once: opening the page again lists the token by its first characters only.
            await page.GotoAsync("/account/tokens");
            await Assertions.Expect(page.Locator("#new-secret")).ToHaveCountAsync(0);
            (await page.ContentAsync()).ShouldNotContain(secret);
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "browser test" });
            await Assertions.Expect(row).ToContainTextAsync(secret[..10] + "…");
            await Assertions.Expect(row.Locator("td").Nth(3)).Not.ToHaveTextAsync("never"); // last used: the /api/me call above
            await Assertions.Expect(row.Locator("td").Nth(4)).Not.ToHaveTextAsync("never"); // expires in 30 days

            await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The token was revoked");
            await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "browser test" })).ToHaveCountAsync(0);
            using (var after = await api.GetAsync("/api/me"))
            {
                after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            }
        });
    }

    [Fact]
    public async Task export_downloads_the_json_lines_file_with_the_header_first_and_the_logged_win()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "account-export", async () =>
        {
            await Site.SignUpAsync(page, Site.NewEmail("export"));
            const string title = "Wrote the disaster-recovery runbook";
            await page.GotoAsync("/wins/new");
            await page.GetByLabel("What did you do?").FillAsync(title);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log win" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Logged {title}");

            await page.GotoAsync("/account");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export all my data" }).ClickAsync());
            download.SuggestedFilename.ShouldMatch(@"^careerledger-export-\d{4}-\d{2}-\d{2}\.ndjson$");
            var path = Path.Combine(Path.GetTempPath(), $"careerledger-browser-export-{Guid.NewGuid():N}.ndjson");
            try
            {
                await download.SaveAsAsync(path);
                var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToList();
                using var header = JsonDocument.Parse(lines[0]);
                header.RootElement.GetProperty("format").GetString().ShouldBe("careerledger-events");
                header.RootElement.GetProperty("formatVersion").GetInt32().ShouldBe(1);
                header.RootElement.GetProperty("events").GetInt64().ShouldBe(lines.Count - 1);
                lines.Skip(1).ShouldContain(l => l.Contains("\"type\":\"accomplishment_logged\"", StringComparison.Ordinal) && l.Contains(title, StringComparison.Ordinal));
            }
            finally
            {
                File.Delete(path);
            }
        });
    }

    [Fact]
    public async Task deleting_the_account_on_its_page_signs_out_and_the_account_can_no_longer_sign_in()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "account-delete", async () =>
        {
            var email = Site.NewEmail("delete");
            await Site.SignUpAsync(page, email);
            await page.GotoAsync("/wins/new");
            await page.GetByLabel("What did you do?").FillAsync("A win that goes with the account");
            await page.GetByRole(AriaRole.Button, new() { Name = "Log win" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Logged");

            await page.GotoAsync("/account");
            await page.GetByRole(AriaRole.Link, new() { Name = "Delete my account…" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/account/delete$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delete your account" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".warning")).ToContainTextAsync(email);
            await page.GetByLabel("Type your e-mail address to confirm").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(Site.Password);
            await SiteFixture.ScreenshotAsync(page, "account-delete");

            // The wrong e-mail or the wrong password deletes nothing, and says which field is wrong.
            await page.GetByLabel("Type your e-mail address to confirm").FillAsync("someone-else@example.com");
            await page.GetByLabel("Password").FillAsync(Site.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and all my data" }).ClickAsync();
            await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("to confirm that this is the account to delete");
            await page.GetByLabel("Type your e-mail address to confirm").FillAsync(email);
            await page.GetByLabel("Password").FillAsync("not my password at all");
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and all my data" }).ClickAsync();
            await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("Wrong password. Nothing was deleted.");
            await Assertions.Expect(page.GetByLabel("Type your e-mail address to confirm")).ToHaveValueAsync(email);

            await page.GetByLabel("Password").FillAsync(Site.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and all my data" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/account/signin\\?deleted=1$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your account and everything in it were deleted.");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign up" })).ToBeVisibleAsync(); // signed out

            await page.GotoAsync("/account");
            await page.WaitForURLAsync(new Regex("/account/signin"));
            await page.GetByLabel("E-mail").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(Site.Password);
            await page.GetByLabel("Password").PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong e-mail or password.");
        });
    }
}
