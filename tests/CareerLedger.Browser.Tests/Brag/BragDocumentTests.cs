using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests.Brag;

[Collection(SiteCollection.Name)]
public sealed class BragDocumentTests(SiteFixture site)
{
    [Fact]
    public async Task a_user_reads_the_brag_document_for_a_period_and_downloads_its_markdown()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "brag-document", async () =>
        {
            var email = Site.NewEmail("brag");
            await Site.SignUpAsync(page, email, name: "Priya Brag");
            var today = Seed.Today;

            // One win through the form (dated today), two more through the API inside the period, one long before it.
            await page.GotoAsync("/wins/new");
            await page.GetByLabel("What did you do?").FillAsync("Cut checkout p99 latency in half");
            await page.GetByLabel("Project").FillAsync("Checkout");
            await page.GetByLabel("Metric 1").FillAsync("p99 latency");
            await page.GetByLabel("Before", new() { Exact = true }).First.FillAsync("420");
            await page.GetByLabel("After", new() { Exact = true }).First.FillAsync("210");
            await page.GetByLabel("Unit", new() { Exact = true }).First.FillAsync("ms");
            await page.GetByLabel("Performance and cost").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Log win" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Logged Cut checkout p99 latency in half");

            using var seed = await Seed.ForAsync(site, email);
            await seed.WinAsync("Onboarded three teams to the deploy pipeline", today.AddDays(-20), "Delivery",
                [new { name = "teams onboarded", after = 3 }], ["collaboration"]);
            await seed.WinAsync("Mentored two engineers through their first on-call", today.AddDays(-45), "People", competencies: ["mentorship"]);
            await seed.WinAsync("Migrated the ledger of an old quarter", today.AddDays(-400), "Delivery");

            // The period: custom dates, picked in the form (a GET, so the URL holds the whole query).
            var from = Seed.Iso(today.AddDays(-60));
            var to = Seed.Iso(today);
            await page.GotoAsync("/brag");
            await page.GetByLabel("Period").SelectOptionAsync("custom");
            await page.GetByLabel("From", new() { Exact = true }).FillAsync(from);
            await page.GetByLabel("To", new() { Exact = true }).FillAsync(to);
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await page.WaitForURLAsync(new Regex($"/brag\\?period=custom&from={from}&to={to}"));

            var doc = page.Locator("#brag-document");
            await Assertions.Expect(doc.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToHaveTextAsync($"Priya Brag: brag document: {from} to {to}");
            await Assertions.Expect(doc).ToContainTextAsync("3 accomplishments across 3 projects, 2 with measured impact");
            await Assertions.Expect(doc).ToContainTextAsync("Cut checkout p99 latency in half");
            await Assertions.Expect(doc).ToContainTextAsync("p99 latency 420 ms → 210 ms (−50 %)");
            await Assertions.Expect(doc).ToContainTextAsync("Onboarded three teams to the deploy pipeline");
            await Assertions.Expect(doc).ToContainTextAsync("Mentored two engineers through their first on-call");
            await Assertions.Expect(doc).Not.ToContainTextAsync("Migrated the ledger of an old quarter");
            await Assertions.Expect(doc.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 4 })).ToBeVisibleAsync();
            await SiteFixture.ScreenshotAsync(page, "brag");

            // Printed, the document stands alone: no menus, no picker, no buttons.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show" })).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download Markdown" })).ToBeHiddenAsync();
            await Assertions.Expect(doc).ToBeVisibleAsync();
            await SiteFixture.ScreenshotAsync(page, "brag-print");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });

            // The Markdown download is the API's Markdown for the same query, under a file name that says the period.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download Markdown" }).ClickAsync());
            download.SuggestedFilename.ShouldBe($"brag-document-{from}-to-{to}.md");
            var saved = await download.PathAsync();
            var markdown = await File.ReadAllTextAsync(saved);
            markdown.ShouldStartWith($"# Priya Brag: brag document: {from} to {to}");
            markdown.ShouldContain("- **Cut checkout p99 latency in half**");
            markdown.ShouldContain("p99 latency 420 ms → 210 ms (−50 %)");
            markdown.ShouldNotContain("Migrated the ledger of an old quarter");
            markdown.ShouldBe(await seed.TextAsync($"/api/brag?from={from}&to={to}&format=md"));

            var html = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download HTML" }).ClickAsync());
            html.SuggestedFilename.ShouldBe($"brag-document-{from}-to-{to}.html");
            (await File.ReadAllTextAsync(await html.PathAsync())).ShouldBe(await seed.TextAsync($"/api/brag?from={from}&to={to}&format=html"));

            // A preset: last half-year leaves out this half's wins; the as-of date leaves out what was logged later.
            await page.GetByLabel("Period").SelectOptionAsync("this-year");
            await page.GetByLabel("As of").FillAsync(Seed.Iso(today.AddDays(-1)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await Assertions.Expect(doc).ToContainTextAsync("As recorded on");
            await Assertions.Expect(doc).ToContainTextAsync("Nothing logged in this range yet");
        });
    }

    [Fact]
    public async Task five_years_of_weekly_wins_all_show_on_the_brag_page()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "brag-five-years", async () =>
        {
            var email = Site.NewEmail("years");
            await Site.SignUpAsync(page, email);
            using var seed = await Seed.ForAsync(site, email);
            var today = Seed.Today;
            var wins = Enumerable.Range(0, 260).Select(i => new
            {
                id = $"week-{i}",
                title = $"Weekly win number {i}: shipped the change behind ticket {1000 + i}",
                occurredOn = Seed.Iso(today.AddDays(-7 * i)),
                project = $"Project {i % 9}",
                scope = "team",
                involvement = i % 3 == 0 ? "led" : "contributed",
                impact = new object[] { new { name = "p95 latency", before = 300 + i, after = 200 + (i % 50), unit = "ms" } },
                competencies = new[] { "reliability", "performance_cost" },
                learnings = "Measure before and after.",
            }).ToArray();
            var imported = await seed.PostAsync("/api/import", new { accomplishments = wins });
            imported.GetProperty("accomplishmentsCreated").GetInt32().ShouldBe(260);

            var from = Seed.Iso(today.AddDays(-7 * 259));
            var to = Seed.Iso(today);

            // The page as the browser gets it.
            var response = await page.APIRequest.GetAsync($"/brag?period=custom&from={from}&to={to}");
            response.Status.ShouldBe(200);
            var body = await response.TextAsync();
            body.ShouldContain("260 accomplishments across 9 projects, 260 with measured impact");
            Regex.Count(body, "<strong>Weekly win number [0-9]+: [^<]*</strong> \\([A-Z][a-z]+ [0-9]+; team, ").ShouldBe(260); // each win once, in its period

            // How fast it renders is measured by the benchmark (ops/bench, page rows in docs/performance.md), not here.
        });
    }
}
