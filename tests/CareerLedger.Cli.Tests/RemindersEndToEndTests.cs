using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerLedger.Testing;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CareerLedger.Cli.Tests;

/// <summary>
/// <c>ledger goals</c>, <c>ledger reminders</c>, <c>ledger streak</c> and <c>ledger inbox</c> in-process against the real app
/// with its Hangfire server on (clock fixed at 2026-11-21 12:00 UTC unless a test moves it).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RemindersEndToEndTests(RemindersEndToEndTests.JobsApp app) : IClassFixture<RemindersEndToEndTests.JobsApp>, IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly List<CliRunner> _runners = [];

    /// <summary>The app with reminder jobs on, polling every second.</summary>
    public sealed class JobsApp : LedgerAppFactory
    {
        /// <inheritdoc />
        protected override void ConfigureApp(IWebHostBuilder builder)
        {
            builder.UseSetting("CareerLedger:Jobs:Enabled", "true");
            builder.UseSetting("CareerLedger:Jobs:PollSeconds", "1");
        }
    }

    public void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }
    }

    private async Task<CliRunner> RegisteredAsync()
    {
        var cli = new CliRunner();
        _runners.Add(cli);
        var result = await cli.RunWithInputAsync(
            Password + "\n", "register", "--email", $"reminders-{Guid.NewGuid():N}@example.com", "--name", "Katherine Johnson", "--time-zone", "Europe/Berlin",
            "--password-stdin", "--server", app.BaseAddress.ToString());
        result.ExitCode.ShouldBe(0, result.ToString());
        return cli;
    }

    [Fact]
    public async Task goals_are_added_listed_given_interviews_and_reached()
    {
        var cli = await RegisteredAsync();
        var promo = await cli.RunAsync("goals", "add", "--kind", "promotion", "--title", "Staff by the H2 cycle", "--level", "staff", "--by", "2027-06-30");
        promo.ExitCode.ShouldBe(0, promo.ToString());
        promo.Stdout.ShouldStartWith("Opened promotion goal ");
        var second = await cli.RunAsync("goals", "add", "--kind", "promotion", "--title", "Principal", "--level", "principal");
        second.ExitCode.ShouldBe(5, second.ToString()); // a conflict (409)
        second.Stderr.ShouldContain("already have an active promotion goal");
        second.Stderr.Trim().Split('\n').Length.ShouldBe(1);

        var search = await cli.RunAsync("goals", "add", "--kind", "job_search", "--title", "Staff at a fintech", "--company", "Stripe", "--interview", "2026-11-25 Adyen phone screen");
        search.ExitCode.ShouldBe(0, search.ToString());
        search.Stdout.ShouldContain("next interview 2026-11-25 with Adyen");
        var id = JsonDocument.Parse((await cli.RunAsync("goals", "--json")).Stdout).RootElement.EnumerateArray()
            .Single(g => g.GetProperty("kind").GetString() == "job_search").GetProperty("id").GetGuid();
        var interview = await cli.RunAsync("goals", "interview", id.ToString(), "--on", "2026-11-23", "--company", "Stripe", "--stage", "onsite");
        interview.ExitCode.ShouldBe(0, interview.ToString());
        interview.Stdout.ShouldContain("next interview 2026-11-23 with Stripe");

        var list = await cli.RunAsync("goals");
        list.Stdout.ShouldContain("Staff by the H2 cycle");
        list.Stdout.ShouldContain("2026-11-23 Stripe (onsite)");
        var reached = await cli.RunAsync("goals", "reach", id.ToString(), "--note", "signed with Stripe");
        reached.Stdout.ShouldContain("(reached)");
        (await cli.RunAsync("goals")).Stdout.ShouldNotContain("Staff at a fintech");
        (await cli.RunAsync("goals", "list", "--all")).Stdout.ShouldContain("Staff at a fintech");

        var bad = await cli.RunAsync("goals", "add", "--kind", "promotion", "--title", "Staff");
        bad.ExitCode.ShouldBe(1);
        bad.Stderr.ShouldContain("targetLevel");
    }

    [Fact]
    public async Task reminders_show_the_defaults_change_by_option_and_refuse_bad_values_in_one_line()
    {
        var cli = await RegisteredAsync();
        var shown = await cli.RunAsync("reminders");
        shown.ExitCode.ShouldBe(0, shown.ToString());
        shown.Stdout.ShouldContain("Fridays at 16:00 (next Fri 2026-11-27 16:00)");
        shown.Stdout.ShouldContain("Times are in Europe/Berlin. Quiet hours (no webhook or e-mail): 21:00-08:00.");

        var set = await cli.RunAsync("reminders", "set", "--wins-day", "thursday", "--wins-at", "17:30", "--webhook", "https://hooks.example.com/ledger", "--disable", "quarterly_review");
        set.ExitCode.ShouldBe(0, set.ToString());
        set.Stdout.ShouldContain("Thursdays at 17:30");
        set.Stdout.ShouldContain("Channel webhook: https://hooks.example.com/ledger (signing secret whsec_");
        var json = JsonDocument.Parse((await cli.RunAsync("reminders", "show", "--json")).Stdout).RootElement;
        json.GetProperty("enabled").GetProperty("quarterly_review").GetBoolean().ShouldBeFalse();

        var bad = await cli.RunAsync("reminders", "set", "--wins-at", "25:00");
        bad.ExitCode.ShouldBe(1, bad.ToString());
        bad.Stderr.ShouldStartWith("ledger: ");
        bad.Stderr.ShouldContain("winsAt");
        bad.Stderr.Trim().Split('\n').Length.ShouldBe(1);
        (await cli.RunAsync("reminders", "set")).ExitCode.ShouldBe(2);

        var userId = JsonDocument.Parse((await cli.RunAsync("whoami", "--json")).Stdout).RootElement.GetProperty("id").GetGuid().ToString("N");
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var scheduled = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Where(j => j.Id.Contains(userId, StringComparison.Ordinal)).ToList();
        scheduled.Select(j => j.Id.Split(':')[^1]).Order().ShouldBe(["mock_session", "weekly_wins"]);
        scheduled.Single(j => j.Id.EndsWith("weekly_wins", StringComparison.Ordinal)).Cron.ShouldBe("30 17 * * 4");
        scheduled.Single(j => j.Id.EndsWith("weekly_wins", StringComparison.Ordinal)).TimeZoneId.ShouldBe("Europe/Berlin");
    }

    [Fact]
    public async Task the_inbox_shows_the_deadline_reminder_of_an_offer_due_in_two_days_and_the_streak_explains_a_back_fill()
    {
        var cli = await RegisteredAsync();
        (await cli.RunAsync("inbox")).Stdout.ShouldContain("No reminders yet.");
        var offer = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "offers", "contoso-public-even.json")))!;
        try
        {
            // Hangfire schedules by the real clock, so the offer lives ten years ahead of it: its jobs stay waiting until the test
            // runs one. The app's clock is moved there too (and back to the default in the finally below).
            app.Clock.Set(new DateTimeOffset(2036, 11, 21, 12, 0, 0, TimeSpan.Zero));
            offer["receivedOn"] = "2036-11-20";
            offer["terms"]!["deadline"] = "2036-11-23"; // in two days; it expires at the end of that day in Berlin
            offer["terms"]!["startDate"] = "2037-01-11";
            var path = Path.Combine(cli.ConfigDirectory, "contoso.json");
            await File.WriteAllTextAsync(path, offer.ToJsonString());
            var added = await cli.RunAsync("offers", "add", path);
            added.ExitCode.ShouldBe(0, added.ToString());
            var offerId = JsonDocument.Parse((await cli.RunAsync("offers", "list", "--json")).Stdout).RootElement[0].GetProperty("offer").GetProperty("id").GetGuid();

            // Two jobs wait: 48 h and 24 h before 2036-11-24 00:00 Berlin (23:00 UTC). Move the clock past the first and run it.
            var storage = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
            var waiting = storage.ScheduledJobs(0, 100).Where(j => j.Value.Job?.Args.Contains(offerId) == true).OrderBy(j => j.Value.EnqueueAt).ToList();
            waiting.Select(j => j.Value.EnqueueAt).ShouldBe([new DateTime(2036, 11, 21, 23, 0, 0, DateTimeKind.Utc), new DateTime(2036, 11, 22, 23, 0, 0, DateTimeKind.Utc)]);
            app.Clock.Set(new DateTimeOffset(2036, 11, 22, 0, 0, 0, TimeSpan.Zero));
            app.Services.GetRequiredService<IBackgroundJobClient>().Requeue(waiting[0].Key).ShouldBeTrue();
            string inbox = "";
            for (var i = 0; i < 100 && !inbox.Contains("Contoso", StringComparison.Ordinal); i++)
            {
                await Task.Delay(200);
                inbox = (await cli.RunAsync("inbox")).Stdout;
            }

            inbox.ShouldContain("The Contoso offer expires in 47 hours");
            inbox.ShouldContain("ask for an extension");
            inbox.ShouldContain("1 reminder(s), 1 unread.");
            var id = JsonDocument.Parse((await cli.RunAsync("inbox", "--json")).Stdout).RootElement[0].GetProperty("id").GetGuid();
            (await cli.RunAsync("inbox", "--read", id.ToString("N")[..6])).Stdout.ShouldStartWith("Marked read: The Contoso offer");
            (await cli.RunAsync("inbox", "--unread")).Stdout.ShouldContain("No unread reminders.");
        }
        finally
        {
            app.Clock.Set(LedgerAppFactory.DefaultNow);
        }

        var imported = await cli.RunAsync("import", Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json"));
        imported.ExitCode.ShouldBe(0, imported.ToString());
        var streak = await cli.RunAsync("streak");
        streak.ExitCode.ShouldBe(0, streak.ToString());
        streak.Stdout.ShouldContain("Logging streak:  1 week since the week of 2026-11-16");
        streak.Stdout.ShouldContain("written down weeks after they happened");
    }
}
