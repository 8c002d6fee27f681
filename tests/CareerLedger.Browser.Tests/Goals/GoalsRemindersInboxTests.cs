using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareerLedger.Testing;
using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests.Goals;

[Collection(SiteCollection.Name)]
public sealed class GoalsRemindersInboxTests(SiteFixture site)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public async Task a_new_user_sets_a_reminder_and_a_goal_sees_the_streaks_gets_the_calendar_link_and_an_empty_inbox()
    {
        var page = await site.NewPageAsync();
        var email = Site.NewEmail("goals");
        await SiteFixture.RunAsync(page, "goals-reminders", async () =>
        {
            await Site.SignUpAsync(page, email);

            // A win logged through the site: both streaks count this week.
            await page.GotoAsync("/wins/new");
            await page.GetByLabel("What did you do?").FillAsync("Cut checkout p99 latency in half");
            await page.GetByLabel("What did you do?").PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Logged");

            await page.GetByRole(AriaRole.Link, new() { Name = "Goals & reminders", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/goals$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Goals & reminders", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#logging-streak")).ToHaveTextAsync("1 week");
            await Assertions.Expect(page.Locator("#activity-streak")).ToHaveTextAsync("1 week");
            await Assertions.Expect(page.Locator("#this-week")).ToHaveTextAsync(new Regex("^You logged a win this week \\(\\d{4}-W\\d{2}\\)\\.$"));

            // Reminders: the weekly slot moves to Thursday 17:30, the mock cadence to 2 days, a webhook is connected and the
            // quarterly review is switched off.
            await page.GetByRole(AriaRole.Link, new() { Name = "Change reminder times and channels" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/reminders$"));
            await Assertions.Expect(page.Locator("#time-zone")).ToHaveTextAsync("Europe/Berlin");
            await Assertions.Expect(page.GetByLabel("Day", new() { Exact = true })).ToHaveValueAsync("friday");
            await Assertions.Expect(page.GetByLabel("Time", new() { Exact = true })).ToHaveValueAsync("16:00");
            await page.GetByLabel("Day", new() { Exact = true }).SelectOptionAsync("thursday");
            await page.GetByLabel("Time", new() { Exact = true }).FillAsync("17:30");
            await page.GetByLabel("Every how many days (1-14)").FillAsync("2");
            await page.GetByLabel("Webhook URL").FillAsync("https://hooks.example.com/careerledger");
            await page.GetByLabel("Quarterly brag-document review").UncheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save reminder settings" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Reminder settings saved");

            await page.ReloadAsync();
            await Assertions.Expect(page.GetByLabel("Day", new() { Exact = true })).ToHaveValueAsync("thursday");
            await Assertions.Expect(page.GetByLabel("Time", new() { Exact = true })).ToHaveValueAsync("17:30");
            await Assertions.Expect(page.GetByLabel("Every how many days (1-14)")).ToHaveValueAsync("2");
            await Assertions.Expect(page.GetByLabel("Webhook URL")).ToHaveValueAsync("https://hooks.example.com/careerledger");
            await Assertions.Expect(page.GetByLabel("Quarterly brag-document review")).Not.ToBeCheckedAsync();
            await Assertions.Expect(page.GetByLabel("Log this week's wins")).ToBeCheckedAsync();
            await Assertions.Expect(page.Locator("#webhook-secret")).ToHaveTextAsync(new Regex("^whsec_[A-Za-z0-9_-]{43}$"), new() { UseInnerText = false });

            // The next weekly reminder: the next Thursday 17:30 in Berlin, a week later when that Thursday is in this week (a win
            // was logged this week, so this week's reminder is skipped).
            await Assertions.Expect(page.Locator("tr[data-kind=weekly_wins] td.next-at")).ToHaveTextAsync(ExpectedWeeklySlot(DayOfWeek.Thursday, new TimeOnly(17, 30)));
            await Assertions.Expect(page.Locator("tr[data-kind=quarterly_review] td.next-at")).ToHaveTextAsync("off");
            await Assertions.Expect(page.Locator("tr[data-kind=mock_session]")).ToContainTextAsync("Only while a job-search goal is active");
            await SiteFixture.ScreenshotAsync(page, "reminders");

            // A job-search goal with an interview in five days.
            var interview = Today().AddDays(5);
            await page.GotoAsync("/goals");
            await page.GetByRole(AriaRole.Link, new() { Name = "Set a job-search goal" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set a job-search goal" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("A new job (job search)")).ToBeCheckedAsync();
            await page.GetByLabel("Goal", new() { Exact = true }).FillAsync("Staff role at a fintech");
            await page.GetByLabel("Target level (optional)").FillAsync("staff");
            await page.GetByLabel("Target companies, one per line").FillAsync("Stripe\nAdyen\nstripe");
            await page.GetByLabel("Interview 1: day").FillAsync(interview.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByLabel("Company", new() { Exact = true }).First.FillAsync("Stripe");
            await page.GetByLabel("Stage", new() { Exact = true }).First.FillAsync("onsite");
            await SiteFixture.ScreenshotAsync(page, "goal-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set goal" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/goals\\?saved="));
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved your goal \"Staff role at a fintech\"");
            var jobSearch = page.Locator("section.goal", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Job search" }) });
            await Assertions.Expect(jobSearch).ToContainTextAsync("Stripe, Adyen");
            await Assertions.Expect(jobSearch).ToContainTextAsync($"onsite with Stripe, {interview.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)} (in 5 days)");
            await Assertions.Expect(jobSearch).ToContainTextAsync("every 2 days for now; none run yet"); // 5 days before: at most every 2 days
            await Assertions.Expect(page.Locator("tr[data-kind=mock_session] td.next-at time")).ToBeVisibleAsync();

            // A promotion goal: readiness for its level, as the API reports it.
            await page.GetByRole(AriaRole.Link, new() { Name = "Set a promotion goal" }).ClickAsync();
            await page.GetByLabel("Goal", new() { Exact = true }).FillAsync("Staff engineer by the H2 cycle");
            await page.GetByLabel("Target level").FillAsync("staff");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set goal" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/goals\\?saved="));
            var promotion = page.Locator("section.goal", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Promotion" }) });
            await Assertions.Expect(promotion).ToContainTextAsync("Staff engineer by the H2 cycle");
            await Assertions.Expect(promotion.Locator("#readiness-summary")).ToContainTextAsync(new Regex("^\\d of \\d+ dimensions have enough evidence at staff scope"));
            await Assertions.Expect(promotion.GetByLabel("Readiness at staff level")).ToHaveAttributeAsync("value", new Regex("^\\d$"));
            using (var api = await ApiAsync(site.App, email))
            {
                var readiness = await api.GetFromJsonAsync<JsonElement>("/api/readiness");
                await Assertions.Expect(promotion.Locator("#readiness-summary")).ToHaveTextAsync(readiness.GetProperty("summary").GetString()!);
                await Assertions.Expect(promotion.GetByLabel("Readiness at staff level")).ToHaveAttributeAsync("value", readiness.GetProperty("ready").GetInt32().ToString(CultureInfo.InvariantCulture));
            }
            await Assertions.Expect(promotion.Locator("progress")).ToHaveAttributeAsync("max", new Regex("^\\d+$"));

            // The calendar feed: a private URL to subscribe to; a new link replaces the old one.
            await page.GetByRole(AriaRole.Button, new() { Name = "Get the calendar link" }).ClickAsync();
            var url = await page.GetByLabel("Calendar feed URL").InputValueAsync();
            Assert.Matches(new Regex("^http://127\\.0\\.0\\.1:\\d+/calendar/clcal_[0-9a-f]{96}\\.ics$"), url);
            await Assertions.Expect(page.GetByText("subscription \"from URL\"")).ToBeVisibleAsync();
            using var http = site.App.CreateClient();
            var feed = await http.GetAsync(new Uri(url));
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            var ics = await feed.Content.ReadAsStringAsync();
            Assert.Contains("SUMMARY:Log this week's wins", ics, StringComparison.Ordinal);
            Assert.Contains("SUMMARY:onsite: Stripe", ics, StringComparison.Ordinal);
            await SiteFixture.ScreenshotAsync(page, "goals");

            await page.GotoAsync("/goals");
            await Assertions.Expect(page.GetByText("A feed is active.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Get a new calendar link" }).ClickAsync();
            var second = await page.GetByLabel("Calendar feed URL").InputValueAsync();
            Assert.NotEqual(url, second);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(url))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(second))).StatusCode);

            // The inbox: this site runs without reminder jobs, so nothing was recorded yet.
            await page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No reminders yet" })).ToBeVisibleAsync();
            await SiteFixture.ScreenshotAsync(page, "inbox-empty");
        });

        var phone = await site.NewPageAsync(phone: true);
        await SiteFixture.RunAsync(phone, "goals-phone", async () =>
        {
            await Site.SignInAsync(phone, email);
            await phone.GotoAsync("/goals");
            await Assertions.Expect(phone.Locator("#logging-streak")).ToHaveTextAsync("1 week");
            await Assertions.Expect(phone.Locator(".goal-title").Last).ToHaveTextAsync("Staff role at a fintech");
            Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The goals page scrolls sideways at phone width.");
            await SiteFixture.ScreenshotAsync(phone, "goals-phone");
        });
    }

    [Fact]
    public async Task a_refused_reminder_form_keeps_the_values_and_names_the_field()
    {
        var page = await site.NewPageAsync();
        await SiteFixture.RunAsync(page, "reminders-refused", async () =>
        {
            await Site.SignUpAsync(page, Site.NewEmail("reminder-errors"));
            await page.GotoAsync("/reminders");
            await page.GetByLabel("Time", new() { Exact = true }).FillAsync("07:15");
            await page.GetByLabel("Every how many days (1-14)").FillAsync("30");
            await page.GetByLabel("Quiet hours").FillAsync("late");
            await page.GetByLabel("Webhook URL").FillAsync("http://hooks.example.com/careerledger");
            await page.GetByLabel("E-mail address").FillAsync("priya@example.com");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save reminder settings" }).ClickAsync();

            await Assertions.Expect(page.Locator("#form-errors")).ToContainTextAsync("Nothing was saved: 3 fields need a change");
            await Assertions.Expect(page.Locator("#mockEveryDays-error")).ToHaveTextAsync("The mock-session cadence is 1-14 days.");
            await Assertions.Expect(page.Locator("#quietHours-error")).ToContainTextAsync("'late' is not quiet hours");
            await Assertions.Expect(page.Locator("#webhook-error")).ToContainTextAsync("The webhook must use https");
            await Assertions.Expect(page.GetByLabel("Every how many days (1-14)")).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.GetByLabel("Time", new() { Exact = true })).ToHaveValueAsync("07:15");
            await Assertions.Expect(page.GetByLabel("Every how many days (1-14)")).ToHaveValueAsync("30");
            await Assertions.Expect(page.GetByLabel("Quiet hours")).ToHaveValueAsync("late");
            await Assertions.Expect(page.GetByLabel("Webhook URL")).ToHaveValueAsync("http://hooks.example.com/careerledger");
            await Assertions.Expect(page.GetByLabel("E-mail address")).ToHaveValueAsync("priya@example.com");
            await SiteFixture.ScreenshotAsync(page, "reminders-errors");

            // Once the rest is valid, the e-mail address is refused: this server has no SMTP settings. Still nothing is saved.
            await page.GetByLabel("Every how many days (1-14)").FillAsync("3");
            await page.GetByLabel("Quiet hours").FillAsync("22:00-07:00");
            await page.GetByLabel("Webhook URL").FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save reminder settings" }).ClickAsync();
            await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("E-mail delivery is not configured on this server");
            await Assertions.Expect(page.GetByLabel("Time", new() { Exact = true })).ToHaveValueAsync("07:15");
            await Assertions.Expect(page.GetByLabel("Quiet hours")).ToHaveValueAsync("22:00-07:00");

            await page.GotoAsync("/reminders");
            await Assertions.Expect(page.GetByLabel("Time", new() { Exact = true })).ToHaveValueAsync("16:00");
            await Assertions.Expect(page.GetByLabel("Quiet hours")).ToHaveValueAsync("21:00-08:00");
            await Assertions.Expect(page.GetByLabel("E-mail address")).ToHaveValueAsync("");
        });
    }

    [Fact]
    public async Task the_inbox_shows_a_reminder_the_jobs_recorded_newest_first_and_marks_it_read()
    {
        // The shared site runs without reminder jobs; this test starts its own app with them on (polling every second), on a
        // database of its own, and lets the offer-deadline job record a real reminder.
        var postgres = new PostgresFixture();
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync("inbox");
        await using var app = await LedgerProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["CareerLedger__Jobs__Enabled"] = "true",
            ["CareerLedger__Jobs__PollSeconds"] = "1",
        });
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
            TimezoneId = "Europe/Berlin",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await SiteFixture.RunAsync(page, "inbox", async () =>
        {
            var email = Site.NewEmail("inbox");
            await Site.SignUpAsync(page, email);
            await page.GotoAsync("/inbox");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No reminders yet" })).ToBeVisibleAsync();

            // An offer whose deadline is tomorrow is inside its 48-hour window: the job records the reminder at once.
            using var api = await ApiAsync(app, email);
            var deadline = Today().AddDays(1);
            var offer = await api.PostAsJsonAsync("/api/offers", new
            {
                terms = new
                {
                    company = "Contoso",
                    role = "Staff Engineer",
                    level = new { label = "L6", rank = 6 },
                    currency = "EUR",
                    baseSalary = 120000,
                    bonusTargetPercent = 10,
                    deadline = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                },
            });
            Assert.True(offer.IsSuccessStatusCode, await offer.Content.ReadAsStringAsync());
            await EventuallyAsync(async () => (await api.GetFromJsonAsync<JsonElement>("/api/inbox")).GetArrayLength() > 0, TimeSpan.FromSeconds(60));

            await page.ReloadAsync();
            var reminder = page.Locator("li.reminder").First;
            await Assertions.Expect(reminder.GetByRole(AriaRole.Heading)).ToContainTextAsync(new Regex("The Contoso offer expires in \\d+ hours"));
            await Assertions.Expect(reminder).ToContainTextAsync("Offer deadline");
            await Assertions.Expect(reminder).ToContainTextAsync($"Its answer deadline is {deadline:yyyy-MM-dd} (end of day).");
            await Assertions.Expect(reminder.Locator("code")).ToContainTextAsync("ledger offers plan");
            await Assertions.Expect(reminder.Locator(".unread-tag")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#inbox-count")).ToHaveTextAsync("1 unread of 1");
            await SiteFixture.ScreenshotAsync(page, "inbox");

            await reminder.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mark read") }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Marked 1 reminder read.");
            await Assertions.Expect(page.Locator("#inbox-count")).ToHaveTextAsync("0 unread of 1");
            await Assertions.Expect(page.Locator("li.reminder.read")).ToHaveCountAsync(1);
            await page.GetByRole(AriaRole.Link, new() { Name = "Unread only" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Nothing unread.")).ToBeVisibleAsync();
            var stored = await api.GetFromJsonAsync<JsonElement>("/api/inbox?unread=true");
            Assert.Equal(0, stored.GetArrayLength());

            // The reminders page counts the offer: its next reminder is the 24-hour one.
            await page.GotoAsync("/reminders");
            await Assertions.Expect(page.Locator("tr[data-kind=offer_deadline]")).ToContainTextAsync("24 hours before the Contoso offer expires");
        });
        await context.CloseAsync();
    }

    /// <summary>An API client with a new access token of the user (for seeding and for comparing with what the API reports).</summary>
    private static async Task<HttpClient> ApiAsync(LedgerProcess app, string email)
    {
        using var anonymous = app.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/tokens", new { email, password = Site.Password, name = "browser test" });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return app.CreateClient(json.RootElement.GetProperty("token").GetString()!);
    }

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Berlin).DateTime);

    /// <summary>The next weekly slot in Berlin as the page writes it, skipping this week's (a win was logged this week).</summary>
    private static string ExpectedWeeklySlot(DayOfWeek day, TimeOnly at)
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Berlin);
        var today = DateOnly.FromDateTime(now.DateTime);
        var candidate = today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);
        if (candidate.ToDateTime(at) <= now.DateTime)
        {
            candidate = candidate.AddDays(7);
        }

        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (candidate < monday.AddDays(7))
        {
            candidate = candidate.AddDays(7); // this week's reminder is skipped
        }

        return candidate.ToDateTime(at).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Not true within {patience.TotalSeconds} s.");
            }

            await Task.Delay(250);
        }
    }
}
