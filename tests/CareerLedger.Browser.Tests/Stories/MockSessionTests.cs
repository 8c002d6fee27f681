using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests.Stories;

[Collection(SiteCollection.Name)]
public sealed class MockSessionTests(SiteFixture site)
{
    [Fact]
    public async Task a_mock_session_is_answered_with_score_findings_and_a_follow_up_and_shows_on_the_progress_page()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "practice-session", async () =>
        {
            await Site.SignUpAsync(page, Site.NewEmail("mock"));
            await page.GotoAsync("/practice");
            await Assertions.Expect(page.GetByText("Your scores over time appear here")).ToBeVisibleAsync();
            await page.GetByLabel("Level").SelectOptionAsync("staff");
            await page.GetByLabel("Questions").FillAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/practice/[0-9a-f-]{36}$"));

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 1 of 2" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("0 of 2 answered")).ToBeVisibleAsync();
            // The timer is there because JavaScript runs; it fills in the spoken time.
            await Assertions.Expect(page.Locator("[data-timer]")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start timer" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause timer" })).ToBeVisibleAsync();
            await page.GetByLabel("Your answer", new() { Exact = true }).FillAsync(
                "We had a slow build, around 40 minutes, so we looked into it and we fixed a lot of things with caching and it was much faster after that.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Pause timer" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Spoken time in seconds")).Not.ToHaveValueAsync("");
            await page.GetByLabel("Spoken time in seconds").FillAsync("14");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit answer" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("\\?answered="));

            var first = page.Locator("section.question").First;
            await Assertions.Expect(first.Locator(".answer-score")).ToContainTextAsync(new Regex("Score \\d+/100"));
            var score = Regex.Match(await first.Locator(".answer-score").InnerTextAsync(), "Score (\\d+)/100").Groups[1].Value;
            await Assertions.Expect(first.Locator(".coach-panel .figure")).ToHaveTextAsync(score);
            await Assertions.Expect(first.Locator(".coach-panel")).ToContainTextAsync("Make your own part visible");
            await Assertions.Expect(first.Locator(".coach-panel")).ToContainTextAsync("spoken at");
            // "We" dominated, so the rubric's follow-up asks for the personal part; it can be answered too.
            var followUp = first.Locator(".follow-up");
            await Assertions.Expect(followUp).ToContainTextAsync("What was your own part in that, as opposed to the team's?");
            await followUp.GetByLabel("Your answer to the follow-up").FillAsync(
                "I profiled the build, found that the test step rebuilt every module, and I added a remote cache: the build fell from 40 to 12 minutes.");
            await followUp.GetByRole(AriaRole.Button, new() { Name = "Score my follow-up answer" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The coach on your follow-up answer" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Scored, not stored")).ToBeVisibleAsync();
            await SiteFixture.ScreenshotAsync(page, "practice-session-answered");

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 2 of 2" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Finish the session" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Summary" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync($"1 answered, average score {score}/100");

            await page.GotoAsync("/practice");
            await Assertions.Expect(page.GetByText("1 scored answer in 1 session")).ToBeVisibleAsync();
            var sessionRow = page.Locator("table[aria-labelledby='chart-sessions-title'] tbody tr");
            await Assertions.Expect(sessionRow).ToHaveCountAsync(1);
            await Assertions.Expect(sessionRow.Locator("td.num").Last).ToHaveTextAsync(score);
            await Assertions.Expect(page.Locator("svg[aria-labelledby^='chart-sessions'] desc")).ToContainTextAsync($": {score}");
            await Assertions.Expect(page.Locator("table[aria-labelledby='chart-competencies-title'] tbody tr").First.Locator("td.num").Nth(1)).ToHaveTextAsync(score);
            await Assertions.Expect(page.Locator("table:has(caption:text('Sessions, newest first')) tbody tr").First).ToContainTextAsync("finished");
            await SiteFixture.ScreenshotAsync(page, "practice-progress");
        });
    }
}
