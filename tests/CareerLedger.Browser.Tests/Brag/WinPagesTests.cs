using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests.Brag;

[Collection(SiteCollection.Name)]
public sealed class WinPagesTests(SiteFixture site)
{
    [Fact]
    public async Task a_win_is_revised_on_its_page_and_its_history_shows_the_revision()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "win-revise", async () =>
        {
            var email = Site.NewEmail("revise");
            await Site.SignUpAsync(page, email);
            var today = Seed.Today;
            using var seed = await Seed.ForAsync(site, email);
            await seed.WinAsync("Ran the first game day for the payments team", today.AddDays(-30), "Reliability", competencies: ["reliability"]);
            await seed.WinAsync("Wrote the on-call handbook", today.AddDays(-90), "Reliability");

            await page.GotoAsync("/wins/new");
            await page.GetByLabel("What did you do?").FillAsync("Cut checkout p99 latency");
            await page.GetByLabel("Project").FillAsync("Checkout");
            await page.GetByLabel("Metric 1").FillAsync("p99 latency");
            await page.GetByLabel("Before", new() { Exact = true }).First.FillAsync("420");
            await page.GetByLabel("After", new() { Exact = true }).First.FillAsync("210");
            await page.GetByLabel("Unit", new() { Exact = true }).First.FillAsync("ms");
            await page.GetByLabel("Performance and cost").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Log win" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Logged Cut checkout p99 latency");

            // The list: newest first, with the count, metric summaries and competencies.
            await page.GotoAsync("/wins");
            await Assertions.Expect(page.Locator("#win-count")).ToHaveTextAsync("3 wins, newest first.");
            var titles = page.Locator("ol.wins h2");
            await Assertions.Expect(titles).ToHaveTextAsync(["Cut checkout p99 latency", "Ran the first game day for the payments team", "Wrote the on-call handbook"]);
            await Assertions.Expect(page.Locator("ol.wins > li").First).ToContainTextAsync("p99 latency 420 ms → 210 ms (−50 %)");
            await Assertions.Expect(page.Locator("ol.wins > li").First.Locator(".tag")).ToHaveTextAsync("Performance and cost");
            await SiteFixture.ScreenshotAsync(page, "wins-list");

            // The from/to filter (a GET form).
            await page.GetByLabel("From").FillAsync(Seed.Iso(today.AddDays(-60)));
            await page.GetByLabel("To").FillAsync(Seed.Iso(today.AddDays(-1)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await Assertions.Expect(page.Locator("#win-count")).ToHaveTextAsync("1 win in this range, newest first.");
            await Assertions.Expect(titles).ToHaveTextAsync(["Ran the first game day for the payments team"]);
            await page.GetByRole(AriaRole.Link, new() { Name = "All wins" }).ClickAsync();

            // The detail page, then a revision through its form.
            await page.GetByRole(AriaRole.Link, new() { Name = "Cut checkout p99 latency" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/wins/[0-9a-f-]{36}$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cut checkout p99 latency");
            await Assertions.Expect(page.Locator("#history > li")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByLabel("What did you do?")).ToHaveValueAsync("Cut checkout p99 latency");
            await Assertions.Expect(page.GetByLabel("Metric 1")).ToHaveValueAsync("p99 latency");

            await page.GetByLabel("What did you do?").FillAsync("Cut checkout p99 latency in half before the sale");
            await page.GetByLabel("After", new() { Exact = true }).First.FillAsync("190");
            await page.GetByLabel("Why it changed").FillAsync("The final figure came in after the sale");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as version 2");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cut checkout p99 latency in half before the sale");
            var history = page.Locator("#history > li");
            await Assertions.Expect(history).ToHaveCountAsync(2);
            await Assertions.Expect(history.Nth(0)).ToContainTextAsync("Version 1: Logged");
            await Assertions.Expect(history.Nth(1)).ToContainTextAsync("Version 2: Revised");
            await Assertions.Expect(history.Nth(1)).ToContainTextAsync("Title: “Cut checkout p99 latency” → “Cut checkout p99 latency in half before the sale”");
            await Assertions.Expect(history.Nth(1)).ToContainTextAsync("Measured results: p99 latency 420 ms → 190 ms");
            await Assertions.Expect(history.Nth(1)).ToContainTextAsync("Reason: The final figure came in after the sale");
            await Assertions.Expect(page.Locator(".win-fields")).ToContainTextAsync("p99 latency 420 ms → 190 ms");
            await SiteFixture.ScreenshotAsync(page, "win-detail");

            // Another user's id is a 404 page.
            var detailUrl = page.Url;
            var stranger = await site.NewPageAsync();
            await Site.SignUpAsync(stranger, Site.NewEmail("stranger"));
            var response = await stranger.GotoAsync(detailUrl);
            response!.Status.ShouldBe(404);
            await Assertions.Expect(stranger.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Win not found");

            // Retract, after the confirmation step.
            await page.GetByText("Retract this win…").ClickAsync();
            await page.Locator("#retract-reason").FillAsync("Logged twice");
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, retract" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/wins\\?retracted="));
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Retracted “Cut checkout p99 latency in half before the sale”");
            await Assertions.Expect(page.Locator("#win-count")).ToHaveTextAsync("2 wins, newest first.");
            await page.GotoAsync(detailUrl);
            await Assertions.Expect(page.Locator("#history > li").Nth(2)).ToContainTextAsync("Version 3: Retracted");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task a_stale_revise_shows_the_conflict_and_keeps_the_typed_text()
    {
        var first = await site.NewPageAsync();
        await SiteFixture.RunAsync(first, "win-conflict", async () =>
        {
            var email = Site.NewEmail("stale");
            await Site.SignUpAsync(first, email);
            using var seed = await Seed.ForAsync(site, email);
            var id = await seed.WinAsync("Moved the billing jobs to the new queue", Seed.Today.AddDays(-3), "Billing");

            // Two tabs of the same user, both opened at version 1.
            var second = await first.Context.NewPageAsync();
            await first.GotoAsync($"/wins/{id}");
            await second.GotoAsync($"/wins/{id}");

            await first.GetByLabel("What did you do?").FillAsync("Moved the billing jobs to the new queue with zero downtime");
            await first.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as version 2");

            const string typed = "Led the billing queue migration across three teams";
            await second.GetByLabel("What did you do?").FillAsync(typed);
            await second.GetByLabel("What you learned").FillAsync("Dry-run every migration against a copy of production.");
            await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

            await Assertions.Expect(second.Locator("#conflict")).ToContainTextAsync("you edited version 1; it is now at version 2");
            await Assertions.Expect(second.Locator("#conflict")).ToContainTextAsync("Nothing was saved");
            await Assertions.Expect(second.GetByLabel("What did you do?")).ToHaveValueAsync(typed);
            await Assertions.Expect(second.GetByLabel("What you learned")).ToHaveValueAsync("Dry-run every migration against a copy of production.");
            // The page shows what is stored now, and nothing of the second tab was saved.
            await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Moved the billing jobs to the new queue with zero downtime");
            await Assertions.Expect(second.Locator("#history > li")).ToHaveCountAsync(2);
            (await seed.TextAsync($"/api/accomplishments/{id}")).ShouldNotContain(typed);
            await SiteFixture.ScreenshotAsync(second, "win-conflict");

            // Saving again, after seeing the newer version, replaces it deliberately.
            await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Assertions.Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as version 3");
            await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(typed);
        });
    }
}
