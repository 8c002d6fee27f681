using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests.Stories;

[Collection(SiteCollection.Name)]
public sealed class RankingTests(SiteFixture site)
{
    [Fact]
    public async Task the_ranking_shows_each_story_with_its_reasons_the_growth_gap_and_the_coverage_matrix()
    {
        var page = await site.NewPageAsync();
        var email = Site.NewEmail("ranking");
        await SiteFixture.RunAsync(page, "stories-ranking", async () =>
        {
            await Site.SignUpAsync(page, email);
            using var api = await Seed.ClientAsync(site, email);
            await Seed.PostAsync(api, "/api/accomplishments", new
            {
                title = "Led the payments-wide move to idempotent retries",
                occurredOn = Seed.DaysAgo(30),
                scope = "org",
                involvement = "led",
                impact = new[] { new { name = "duplicate charges per month", before = 230, after = 0, unit = "count", lowerIsBetter = true } },
                competencies = new[] { "reliability", "leadership", "collaboration" },
                learnings = "A shared library beats a wiki page: I put the check in CI.",
            });
            await Seed.PostAsync(api, "/api/accomplishments", new
            {
                title = "Fixed the flaky deploy script",
                occurredOn = Seed.DaysAgo(60),
                scope = "team",
                involvement = "contributed",
                competencies = new[] { "delivery" },
            });
            await Seed.PostAsync(api, "/api/accomplishments", new
            {
                title = "Paired with a new engineer on the refunds rewrite",
                occurredOn = Seed.DaysAgo(90),
                scope = "individual",
                involvement = "contributed",
                competencies = new[] { "mentorship" },
            });
            await Seed.PostAsync(api, "/api/feedback", new
            {
                text = "I'd like to see you grow others on the team more deliberately.",
                receivedOn = Seed.DaysAgo(10),
                from = "manager",
                source = "1:1",
                sentiment = "constructive",
                themes = new[] { "conflict_resolution" },
            });

            await page.GotoAsync("/stories");
            await Assertions.Expect(page.GetByText("ranking formula version 2")).ToBeVisibleAsync();
            var first = page.Locator("#rank-1");
            await Assertions.Expect(first.GetByRole(AriaRole.Heading)).ToContainTextAsync("Led the payments-wide move to idempotent retries");
            // The reason names the scope, the part and the most telling metric; the parts are shown out of their weights.
            await Assertions.Expect(first.Locator(".reason")).ToContainTextAsync("org-wide scope; you led it; duplicate charges per month 230 → 0");
            await Assertions.Expect(first.Locator(".breakdown")).ToContainTextAsync("Scope22.5 / 25");
            var third = page.Locator("#rank-3");
            await Assertions.Expect(third.Locator(".reason")).ToContainTextAsync("To strengthen: add a measured result");

            // The growth gap: the feedback's theme, which no top story shows, with its sentence.
            var gaps = page.Locator("li.gap");
            await Assertions.Expect(gaps).ToHaveCountAsync(1);
            await Assertions.Expect(gaps.First.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Conflict resolution");
            await Assertions.Expect(gaps.First).ToContainTextAsync("names conflict resolution as a growth area; none of your top 8 shows it");

            // The coverage matrix marks each cell with a sign and a word, not colour alone.
            var reliability = page.Locator("table.coverage tbody tr", new() { HasText = "Reliability" });
            await Assertions.Expect(reliability.Locator("td.mark").Nth(0)).ToHaveTextAsync("✓yes");
            await Assertions.Expect(reliability.Locator("td.mark").Nth(1)).ToHaveTextAsync("·no");
            await Assertions.Expect(reliability.Locator("td.num").Last).ToHaveTextAsync("1");
            var mentorship = page.Locator("table.coverage tbody tr", new() { HasText = "Mentorship" });
            await Assertions.Expect(mentorship.Locator("td.mark").Nth(2)).ToHaveTextAsync("✓yes");
            await Assertions.Expect(page.Locator("ul.checklist li", new() { HasText = "Conflict" })).ToContainTextAsync("Gap");
            await SiteFixture.ScreenshotAsync(page, "stories-ranking");
        });
    }
}
