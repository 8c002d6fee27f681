using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests.Accounts;

[Collection(SiteCollection.Name)]
public sealed class SignUpAndWinsTests(SiteFixture site)
{
    [Fact]
    public async Task a_new_user_signs_up_and_logs_three_wins_with_the_keyboard_alone()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "three-wins", async () =>
        {
        await Site.SignUpAsync(page, Site.NewEmail("keys"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        string[] titles = ["Cut checkout p99 latency in half", "Mentored two new engineers through their first on-call", "Led the move of billing to the new queue"];
        await page.GotoAsync("/wins/new");
        for (var i = 0; i < titles.Length; i++)
        {
            // The title has focus on arrival; every other field is reached with Tab (the date input alone takes three presses,
            // one per part), typed into, and the form is sent with Enter.
            await Site.TabToAsync(page, page.GetByLabel("What did you do?"));
            await page.Keyboard.TypeAsync(titles[i]);
            await Site.TabToAsync(page, page.GetByLabel("Scope"));
            await page.Keyboard.PressAsync(i == 0 ? "ArrowDown" : "Home");
            await Site.TabToAsync(page, page.GetByLabel("Your part"));
            await page.Keyboard.PressAsync("ArrowDown");
            await Site.TabToAsync(page, page.GetByLabel("Project"));
            await page.Keyboard.TypeAsync("Checkout");
            if (i == 0)
            {
                await page.Keyboard.PressAsync("Tab");
                await Assertions.Expect(page.GetByLabel("Metric 1")).ToBeFocusedAsync();
                await page.Keyboard.TypeAsync("p99 latency");
                await page.Keyboard.PressAsync("Tab");
                await page.Keyboard.TypeAsync("420");
                await page.Keyboard.PressAsync("Tab");
                await page.Keyboard.TypeAsync("210");
                await page.Keyboard.PressAsync("Tab");
                await page.Keyboard.TypeAsync("ms");
            }

            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Logged {titles[i]}");
            if (i == 0)
            {
                await SiteFixture.ScreenshotAsync(page, "log-a-win");
            }
        }

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("p99 latency 420 ms → 210 ms")).ToHaveCountAsync(0); // the dashboard lists titles only
        foreach (var title in titles)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        }

        await SiteFixture.ScreenshotAsync(page, "dashboard");
        });
    }

    [Fact]
    public async Task a_refused_win_keeps_everything_typed_and_names_the_field()
    {
        var page = await site.NewPageAsync();
        await Site.SignUpAsync(page, Site.NewEmail("errors"));
        await page.GotoAsync("/wins/new");
        await page.GetByLabel("Project").FillAsync("Payments");
        await page.GetByLabel("Metric 1").FillAsync("error rate");
        await page.GetByLabel("Before", new() { Exact = true }).First.FillAsync("fast");
        await page.GetByLabel("What you learned").FillAsync("Write the runbook before the launch.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log win" }).ClickAsync();

        await Assertions.Expect(page.Locator("#title-error")).ToContainTextAsync("Title is required");
        await Assertions.Expect(page.Locator("#impact-0--before-error")).ToContainTextAsync("'fast' is not a number");
        await Assertions.Expect(page.GetByLabel("Project")).ToHaveValueAsync("Payments");
        await Assertions.Expect(page.GetByLabel("Metric 1")).ToHaveValueAsync("error rate");
        await Assertions.Expect(page.GetByLabel("What you learned")).ToHaveValueAsync("Write the runbook before the launch.");
        await Assertions.Expect(page.GetByLabel("What did you do?")).ToHaveAttributeAsync("aria-invalid", "true");
        await SiteFixture.ScreenshotAsync(page, "log-a-win-errors");
    }
}
