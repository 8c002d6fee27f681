using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests.Offers;

/// <summary>The offers pages: adding offers through the form, the comparison and its chart, revising, the plan.</summary>
[Collection(SiteCollection.Name)]
public sealed class OffersTests(SiteFixture site)
{
    private static readonly Regex OfferUrl = new("/offers/[0-9a-f-]{36}$");

    [Fact]
    public async Task a_new_user_adds_two_offers_compares_them_revises_one_and_reads_the_negotiation_plan()
    {
        var page = await site.NewPageAsync();
        var email = Site.NewEmail("offers");
        await SiteFixture.RunAsync(page, "offers-flow", async () =>
        {
            await Site.SignUpAsync(page, email);
            await page.GotoAsync("/offers");
            await Assertions.Expect(page.GetByText("No open offers.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Add an offer" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/offers/new$"));
            await Assertions.Expect(Field(page, "Company")).ToBeFocusedAsync();

            // Contoso: base 205,000, 15 % bonus, 30,000 sign-on, 320,000 of RSUs over four even years, 60,000 refreshers a year.
            await Field(page, "Company").FillAsync("Contoso");
            await Field(page, "Role").FillAsync("Senior Software Engineer, Payments");
            await Field(page, "Level").FillAsync("L5");
            await Field(page, "Level rank (1-10)").FillAsync("5");
            await Field(page, "Location").FillAsync("Redmond, WA");
            await Field(page, "Answer deadline").FillAsync(Day(10));
            await Field(page, "Currency").FillAsync("USD");
            await Field(page, "Base salary per year").FillAsync("205,000");
            await Field(page, "Bonus target (% of base)").FillAsync("15");
            await Field(page, "Sign-on payment 1").FillAsync("30000");
            await Field(page, "Payment 1 clawback (months)").FillAsync("12");
            await Field(page, "Equity grant").SelectOptionAsync("rsu");
            await Field(page, "RSU grant value").FillAsync("320000");
            await Field(page, "Grant vesting schedule").SelectOptionAsync("even_4y");
            await Field(page, "Refresher value per year").FillAsync("60000");
            await Field(page, "Refresher cliff (months)").FillAsync("0");
            await Field(page, "Remote work").SelectOptionAsync("hybrid");
            await SiteFixture.ScreenshotAsync(page, "offers-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add offer" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added the offer from Contoso");

            // Riverbend: base 195,000, sign-on 60,000 now and 45,000 after a year, 2,000 RSUs at 225 vesting 5/15/40/40.
            await page.GetByRole(AriaRole.Link, new() { Name = "Add an offer" }).ClickAsync();
            await Assertions.Expect(Field(page, "Currency")).ToHaveValueAsync("USD"); // the currency of the offers so far
            await Field(page, "Company").FillAsync("Riverbend");
            await Field(page, "Role").FillAsync("Software Development Engineer II");
            await Field(page, "Level").FillAsync("SDE II");
            await Field(page, "Level rank (1-10)").FillAsync("5");
            await Field(page, "Answer deadline").FillAsync(Day(2));
            await Field(page, "Base salary per year").FillAsync("195000");
            await Field(page, "Sign-on payment 1").FillAsync("60000");
            await Field(page, "Sign-on payment 2").FillAsync("45000");
            await Field(page, "Payment 2 paid at month").FillAsync("12");
            await Field(page, "Equity grant").SelectOptionAsync("rsu");
            await Field(page, "Number of shares or options").FillAsync("2000");
            await Field(page, "RSU share price").FillAsync("225");
            await Field(page, "Grant vesting schedule").SelectOptionAsync("5_15_40_40");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add offer" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added the offer from Riverbend");

            // The active offers with the days left to answer.
            var active = page.Locator("table.active-offers");
            await Assertions.Expect(active.GetByRole(AriaRole.Row).Filter(new() { HasText = "Riverbend" })).ToContainTextAsync("2 days left");
            await Assertions.Expect(active.GetByRole(AriaRole.Row).Filter(new() { HasText = "Contoso" })).ToContainTextAsync("10 days left");

            // The comparison: the figures the app computed (docs/compensation.md, worked example).
            var comparison = page.Locator("table.comparison");
            await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Year 1" })).ToContainTextAsync("345,750");
            await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Year 1" })).ToContainTextAsync("277,500");
            await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Year 5" })).ToContainTextAsync("295,750");
            await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "4-year total" })).ToContainTextAsync("1,383,000");
            await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "4-year total" })).ToContainTextAsync("1,335,000");
            await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "vs best" })).ToContainTextAsync("\u221248,000");
            await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Guaranteed" })).ToContainTextAsync("850,000 (61.5 %)");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Comparison (USD)" })).ToBeVisibleAsync();

            // The chart and its figures: equity by vesting year.
            await Assertions.Expect(page.Locator("svg.offers-chart title#chart-title")).ToHaveTextAsync(new Regex("Pay per year by offer \\(USD\\)"));
            await Assertions.Expect(page.Locator("svg.offers-chart rect title").Filter(new() { HasText = "Riverbend, year 3, Equity: 180,000 USD" })).ToHaveCountAsync(1);
            var chartData = page.Locator("table.chart-data");
            await Assertions.Expect(chartData.GetByRole(AriaRole.Row).Filter(new() { HasText = "Riverbend, year 1" })).ToContainTextAsync("22,500");
            await Assertions.Expect(chartData.GetByRole(AriaRole.Row).Filter(new() { HasText = "Riverbend, year 3" })).ToContainTextAsync("180,000");
            await Assertions.Expect(chartData.GetByRole(AriaRole.Row).Filter(new() { HasText = "Contoso, year 2" })).ToContainTextAsync("15,000");
            await SiteFixture.ScreenshotAsync(page, "offers-comparison");

            // Revise Riverbend after a counter: the first sign-on payment goes from 60,000 to 80,000.
            await page.Locator("table.active-offers").GetByRole(AriaRole.Link, new() { Name = "Riverbend" }).ClickAsync();
            await page.WaitForURLAsync(OfferUrl);
            var riverbend = page.Url;
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Riverbend · Software Development Engineer II" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".offer-facts")).ToContainTextAsync("2 days left");
            await Assertions.Expect(Field(page, "Sign-on payment 1")).ToHaveValueAsync("60000");
            await Field(page, "Sign-on payment 1").FillAsync("80000");
            await Field(page, "Why the terms changed").FillAsync("after counter");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the new terms" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved the new terms");
            var timeline = page.Locator("ol.timeline > li");
            await Assertions.Expect(timeline).ToHaveCountAsync(2);
            await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("Written offer received: Riverbend");
            await Assertions.Expect(timeline.Nth(1)).ToContainTextAsync("Terms revised (after counter)");
            await Assertions.Expect(timeline.Nth(1)).ToContainTextAsync("sign-on 105,000 USD → 125,000 USD");
            await Assertions.Expect(page.Locator("table").First.GetByRole(AriaRole.Row).Filter(new() { HasText = "Year 1" })).ToContainTextAsync("297,500");
            await SiteFixture.ScreenshotAsync(page, "offers-detail");

            // The negotiation plan for Riverbend against Contoso, with a current job paying 250,000 a year.
            await page.GetByRole(AriaRole.Link, new() { Name = "Negotiation plan for this offer" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Negotiation plan: Riverbend", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("Your current pay per year").FillAsync("250000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Make the plan" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("currentTotal=250000"));
            var asks = page.Locator("ol.asks > li");
            // First-year gap 345,750 − 297,500 = 48,250, less the 10,000 base raise to Contoso's 205,000 → 39,000 on top of 125,000.
            await Assertions.Expect(asks.First).ToContainTextAsync("Ask for a sign-on bonus of 164,000 USD (now 125,000).");
            await Assertions.Expect(asks.First).ToContainTextAsync("usually negotiable");
            await Assertions.Expect(asks.Filter(new() { HasText = "base salary of 205,000 USD" })).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".plan-figures")).ToContainTextAsync("Walk-away floor: 250,000 USD a year");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What is negotiable" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deadline" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".script").First).ToContainTextAsync("Contoso");
            await SiteFixture.ScreenshotAsync(page, "offers-plan");

            // Printed, the plan leaves out the form and the menus.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.Locator("form.plan-options")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("ol.asks")).ToBeVisibleAsync();
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.GotoAsync(riverbend);
        });

        var phone = await site.NewPageAsync(phone: true);
        await SiteFixture.RunAsync(phone, "offers-phone", async () =>
        {
            await Site.SignInAsync(phone, email);
            await phone.GotoAsync("/offers");
            await Assertions.Expect(phone.Locator("table.comparison").GetByRole(AriaRole.Row).Filter(new() { HasText = "Year 1" })).ToContainTextAsync("297,500");
            var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"The page is {width} px wide on a 390 px phone: wide tables must scroll inside their box.");
            await SiteFixture.ScreenshotAsync(phone, "offers-comparison-phone");
        });
    }

    [Fact]
    public async Task a_refused_offer_form_keeps_what_was_typed_and_names_the_field()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "offers-form-errors", async () =>
        {
            await Site.SignUpAsync(page, Site.NewEmail("offer-errors"));
            await page.GotoAsync("/offers/new");
            await Field(page, "Company").FillAsync("Lumen Labs");
            await Field(page, "Role").FillAsync("Staff Engineer");
            await Field(page, "Level").FillAsync("Staff");
            await Field(page, "Currency").FillAsync("USD");
            await Field(page, "Base salary per year").FillAsync("185k");
            await Field(page, "Equity grant").SelectOptionAsync("options");
            await Field(page, "Number of shares or options").FillAsync("60000");
            await Field(page, "Grant vesting schedule").SelectOptionAsync("custom");
            await Field(page, "Grant percent per year").FillAsync("25, 25, 25");
            await Field(page, "Notes (optional)").FillAsync("Series B; recruiter says the band tops out at 200k.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add offer" }).ClickAsync();

            await Assertions.Expect(page.Locator("#terms-baseSalary-error")).ToContainTextAsync("'185k' is not a number");
            await Assertions.Expect(page.Locator("#terms-level-rank-error")).ToContainTextAsync("Level rank is required");
            await Assertions.Expect(page.Locator("#terms-equity-strikePrice-error")).ToContainTextAsync("strike");
            await Assertions.Expect(page.Locator("#terms-equity-vesting-yearPercents-error")).ToContainTextAsync("sum to 75");
            await Assertions.Expect(Field(page, "Base salary per year")).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.Locator("#form-errors")).ToContainTextAsync("Nothing was saved");

            await Assertions.Expect(Field(page, "Base salary per year")).ToHaveValueAsync("185k");
            await Assertions.Expect(Field(page, "Company")).ToHaveValueAsync("Lumen Labs");
            await Assertions.Expect(Field(page, "Level")).ToHaveValueAsync("Staff");
            await Assertions.Expect(Field(page, "Equity grant")).ToHaveValueAsync("options");
            await Assertions.Expect(Field(page, "Number of shares or options")).ToHaveValueAsync("60000");
            await Assertions.Expect(Field(page, "Grant vesting schedule")).ToHaveValueAsync("custom");
            await Assertions.Expect(Field(page, "Grant percent per year")).ToHaveValueAsync("25, 25, 25");
            await Assertions.Expect(Field(page, "Notes (optional)")).ToHaveValueAsync("Series B; recruiter says the band tops out at 200k.");
            await SiteFixture.ScreenshotAsync(page, "offers-form-errors");

            await page.GotoAsync("/offers");
            await Assertions.Expect(page.GetByText("No open offers.")).ToBeVisibleAsync(); // nothing was written
        });
    }

    [Fact]
    public async Task a_revision_from_a_stale_page_is_refused_and_keeps_the_typed_terms()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "offers-conflict", async () =>
        {
            await Site.SignUpAsync(page, Site.NewEmail("offer-conflict"));
            await page.GotoAsync("/offers/new");
            await Field(page, "Company").FillAsync("Fabrikam");
            await Field(page, "Role").FillAsync("Senior Engineer");
            await Field(page, "Level").FillAsync("Senior");
            await Field(page, "Level rank (1-10)").FillAsync("5");
            await Field(page, "Currency").FillAsync("EUR");
            await Field(page, "Base salary per year").FillAsync("90000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add offer" }).ClickAsync();
            await page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Link, new() { Name = "Fabrikam" }).ClickAsync();
            await page.WaitForURLAsync(OfferUrl);

            // Another tab saves a new base first.
            var other = await page.Context.NewPageAsync();
            await other.GotoAsync(page.Url);
            await Field(other, "Base salary per year").FillAsync("95000");
            await other.GetByRole(AriaRole.Button, new() { Name = "Save the new terms" }).ClickAsync();
            await Assertions.Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved the new terms");
            await other.CloseAsync();

            // This tab still has version 1.
            await Field(page, "Base salary per year").FillAsync("99000");
            await Field(page, "Why the terms changed").FillAsync("my own notes of the call");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the new terms" }).ClickAsync();
            await Assertions.Expect(page.Locator("#form-errors")).ToContainTextAsync("Nothing was saved: this offer was changed after you opened it");
            await Assertions.Expect(Field(page, "Base salary per year")).ToHaveValueAsync("99000");
            await Assertions.Expect(Field(page, "Why the terms changed")).ToHaveValueAsync("my own notes of the call");
            var timeline = page.Locator("ol.timeline > li");
            await Assertions.Expect(timeline).ToHaveCountAsync(2);
            await Assertions.Expect(timeline.Nth(1)).ToContainTextAsync("base 90,000 EUR → 95,000 EUR");
        });
    }

    /// <summary>The form control whose label is exactly <paramref name="label"/> (several labels start alike: Company, Company stage).</summary>
    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    /// <summary>The date <paramref name="days"/> after today in the test user's time zone (Europe/Berlin), yyyy-MM-dd.</summary>
    private static string Day(int days)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).DateTime);
        return today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
