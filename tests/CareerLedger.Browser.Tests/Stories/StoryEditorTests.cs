using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests.Stories;

[Collection(SiteCollection.Name)]
public sealed class StoryEditorTests(SiteFixture site)
{
    [Fact]
    public async Task a_new_user_writes_a_story_sees_the_coach_findings_then_revises_it_and_sees_the_lineage()
    {
        var page = await site.NewPageAsync();
        var email = Site.NewEmail("story");
        await SiteFixture.RunAsync(page, "story-editor", async () =>
        {
            await Site.SignUpAsync(page, email);
            using var api = await Seed.ClientAsync(site, email);
            await Seed.PostAsync(api, "/api/accomplishments", new
            {
                title = "Cut checkout p99 latency in half",
                occurredOn = Seed.DaysAgo(20),
                scope = "team",
                involvement = "drove",
                impact = new[] { new { name = "checkout p99 latency", before = 420, after = 210, unit = "ms", lowerIsBetter = true } },
                competencies = new[] { "performance_cost", "ownership" },
            });

            // Write the story in the editor: the only win is ticked already; a first version without a result.
            await page.GotoAsync("/stories");
            await page.GetByRole(AriaRole.Link, new() { Name = "Write a story", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Cut checkout p99 latency in half")).ToBeCheckedAsync();
            await page.GetByLabel("Headline").FillAsync("Halved checkout latency before the holiday peak");
            await page.GetByLabel("Situation (STAR)").FillAsync("Checkout p99 latency had crept up to 420 ms and the holiday peak was six weeks away.");
            await page.GetByLabel("Task (STAR)").FillAsync("I had to bring it under 250 ms without a code freeze.");
            await page.GetByLabel("Action", new() { Exact = true }).FillAsync("We looked at the traces and we fixed a lot of things with caching.");

            // "Check with the coach" scores without saving.
            await page.GetByRole(AriaRole.Button, new() { Name = "Check with the coach" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The coach on your text as typed" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Not saved: a check of the text in the boxes.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("Task (STAR)")).ToHaveValueAsync("I had to bring it under 250 ms without a code freeze.");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save story" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/stories/[0-9a-f-]{36}\\?saved=1$"));
            var status = page.GetByRole(AriaRole.Status);
            await Assertions.Expect(status).ToContainTextAsync(new Regex("Revision 1 is saved: the coach scored it \\d+/100"));
            var first = int.Parse(Regex.Match(await status.InnerTextAsync(), "scored it (\\d+)/100").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var coach = page.Locator("#coach");
            await Assertions.Expect(coach.GetByRole(AriaRole.Heading, new() { Name = "The coach on revision 1" })).ToBeVisibleAsync();
            await Assertions.Expect(coach.Locator(".figure")).ToHaveTextAsync(first.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // The story said "we" and has no result: the findings say so, each with its severity in words.
            await Assertions.Expect(coach.Locator(".finding .advice", new() { HasText = "Finish the story" })).ToBeVisibleAsync();
            await Assertions.Expect(coach.Locator(".finding").First).ToContainTextAsync("Problem");
            await SiteFixture.ScreenshotAsync(page, "stories-editor-findings");

            // Revise: "I" instead of "we", a measured result and a learning.
            await page.GetByLabel("Action", new() { Exact = true }).FillAsync("I profiled the checkout service, found two N+1 queries and a cold cache, rewrote the queries and added a warm-up step to the deploy.");
            await page.GetByLabel("Result", new() { Exact = true }).FillAsync("p99 latency fell from 420 ms to 210 ms (−50 %) and held through the peak.");
            await page.GetByLabel("Learnings", new() { Exact = true }).FillAsync("I added a latency budget check to CI so a regression fails the build.");
            await page.GetByLabel("What changed").FillAsync("own actions and the measured result");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save revision" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("\\?saved=2$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex("Revision 2 is saved: the coach scored it \\d+/100"));
            var second = int.Parse(Regex.Match(await page.GetByRole(AriaRole.Status).InnerTextAsync(), "scored it (\\d+)/100").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(second > first, $"the revision scored {second}, the first {first}");

            // The lineage: both revisions, newest first, with their scores, rubric and how they came about.
            var rows = page.Locator("table:has(caption:text('Revisions of this story')) tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("own actions and the measured result");
            await Assertions.Expect(rows.Nth(0).Locator("td.num").First).ToHaveTextAsync(second.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("written in the editor");
            await Assertions.Expect(rows.Nth(1).Locator("td.num").First).ToHaveTextAsync(first.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("v2");
            await SiteFixture.ScreenshotAsync(page, "stories-editor-lineage");

            // A stale save (another tab saved in between) is a conflict: nothing saved, the typed text kept.
            var url = page.Url.Split('?')[0];
            var other = await page.Context.NewPageAsync();
            await other.GotoAsync(url);
            await other.GetByLabel("What changed").FillAsync("from the other tab");
            await other.GetByLabel("Headline").FillAsync("Halved checkout latency (other tab)");
            await other.GetByRole(AriaRole.Button, new() { Name = "Save revision" }).ClickAsync();
            await other.WaitForURLAsync(new Regex("\\?saved=3$"));
            await page.GetByLabel("Result", new() { Exact = true }).FillAsync("p99 fell from 420 ms to 210 ms, and the conversion rate rose 1.2 pp.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save revision" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "was saved after you opened this page" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("Result", new() { Exact = true })).ToHaveValueAsync("p99 fell from 420 ms to 210 ms, and the conversion rate rose 1.2 pp.");
            await Assertions.Expect(rows).ToHaveCountAsync(3);

            // The same editor on a phone: the findings come below the text.
            var phone = await site.NewPageAsync(phone: true);
            await Site.SignInAsync(phone, email);
            await phone.GotoAsync(url);
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "The coach on revision 3" })).ToBeVisibleAsync();
            var formBox = await phone.Locator(".story-form").BoundingBoxAsync();
            var coachBox = await phone.Locator("#coach").BoundingBoxAsync();
            Assert.True(coachBox!.Y > formBox!.Y + formBox.Height - 1, "on a phone the findings are below the form");
            await SiteFixture.ScreenshotAsync(phone, "stories-editor-phone");
        });
    }
}
