using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests.Brag;

[Collection(SiteCollection.Name)]
public sealed class DashboardTests(SiteFixture site)
{
    [Fact]
    public async Task the_dashboard_shows_this_weeks_wins_the_streaks_offers_and_the_practice_trend()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "dashboard-cards", async () =>
        {
            var email = Site.NewEmail("dash");
            await Site.SignUpAsync(page, email);
            var today = Seed.Today;

            await page.GotoAsync("/wins/new");
            await page.GetByLabel("What did you do?").FillAsync("Shipped the new invoice export");
            await page.GetByLabel("What did you do?").PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Logged Shipped the new invoice export");

            using var seed = await Seed.ForAsync(site, email);
            // Back-filled: it happened three weeks ago but is written down today, so it counts for activity only.
            await seed.WinAsync("Found the cause of the nightly batch timeouts", today.AddDays(-21));
            await seed.PostAsync("/api/offers", new
            {
                stage = "written",
                receivedOn = Seed.Iso(today),
                terms = new
                {
                    company = "Contoso", role = "Senior Software Engineer", level = new { label = "L5", rank = 5 }, location = "Berlin", currency = "EUR",
                    baseSalary = 98000, bonusTargetPercent = 10, signOn = Array.Empty<object>(),
                    equity = new { kind = "rsu", grantValue = 80000, vesting = "even_4y" },
                    remote = "hybrid", stage = "public", startDate = Seed.Iso(today.AddDays(60)), deadline = Seed.Iso(today.AddDays(5)),
                },
            });
            // Three mock sessions of one answer each, a weaker one first: the practice trend shows their scores.
            string[] answers =
            [
                "We fixed the checkout latency. We worked on it together and it got better in the end.",
                "Checkout p99 latency had doubled before a launch. I profiled the service and found an N+1 query, then I rewrote it as one batched read. " +
                    "p99 dropped from 840 ms to 210 ms.",
                "Our checkout p99 latency had doubled to 840 ms before a launch. I owned the fix: I profiled the service, found an N+1 query, " +
                    "and I rewrote it as one batched read. p99 dropped from 840 ms to 210 ms and conversion rose 3 %. I learned to profile before guessing, " +
                    "and I added a latency budget to our reviews so it does not happen again.",
            ];
            var scores = new List<int>();
            foreach (var answer in answers)
            {
                var started = await seed.PostAsync("/api/practice/sessions", new { questions = 1, seed = 7 });
                var sessionId = started.GetProperty("session").GetProperty("id").GetGuid();
                await seed.PostAsync($"/api/practice/sessions/{sessionId}/answers", new { text = answer, durationSeconds = 120 });
                var finished = await seed.PostAsync($"/api/practice/sessions/{sessionId}/finish", new { });
                scores.Add(finished.GetProperty("session").GetProperty("summary").GetProperty("averageOverall").GetInt32());
            }

            await page.GotoAsync("/");
            var week = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "This week's wins" }) });
            await Assertions.Expect(week.GetByRole(AriaRole.Link, new() { Name = "Shipped the new invoice export" })).ToBeVisibleAsync();
            await Assertions.Expect(week).Not.ToContainTextAsync("nightly batch"); // three weeks ago: not this week
            await Assertions.Expect(page.Locator("#logging-streak")).ToHaveTextAsync("1 week in a row");
            await Assertions.Expect(page.Locator("#activity-streak")).ToContainTextAsync("1 week");
            await Assertions.Expect(page.GetByText("You have logged this week")).ToBeVisibleAsync();

            var offers = page.Locator("#offers");
            await Assertions.Expect(offers).ToContainTextAsync("Contoso");
            await Assertions.Expect(offers).ToContainTextAsync("5 days left");

            var upcoming = page.Locator("#upcoming");
            await Assertions.Expect(upcoming).ToContainTextAsync("Log this week's wins");
            await Assertions.Expect(upcoming).ToContainTextAsync("You logged a win this week, so this week's reminder is skipped; this is next week's.");
            await Assertions.Expect(upcoming).ToContainTextAsync("48 hours before the Contoso offer expires");

            await Assertions.Expect(page.Locator("#practice-last")).ToContainTextAsync($"{scores[^1]} / 100");
            await Assertions.Expect(page.Locator("#trend tbody tr")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator("#trend tbody tr td.num:last-child")).ToHaveTextAsync(scores.AsEnumerable().Reverse().Select(x => $"{x}").ToArray());
            await Assertions.Expect(page.Locator("svg.sparkline circle")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator("svg.sparkline title")).ToContainTextAsync(string.Join(", ", scores));

            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Active offers" })).ToHaveAttributeAsync("href", "/offers");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Practice trend" })).ToHaveAttributeAsync("href", "/practice");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logging streak" })).ToHaveAttributeAsync("href", "/goals");
            await SiteFixture.ScreenshotAsync(page, "dashboard-laptop");

            var phone = await site.NewPageAsync(phone: true);
            await Site.SignInAsync(phone, email);
            await Assertions.Expect(phone.Locator("#logging-streak")).ToHaveTextAsync("1 week in a row");
            await SiteFixture.ScreenshotAsync(phone, "dashboard-phone");
        });
    }
}
