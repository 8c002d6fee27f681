using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerLedger.Domain.Reminders;
using CareerLedger.Testing;
using CareerLedger.Web.Reminders;
using Hangfire;
using netDumbster.smtp;

namespace CareerLedger.Web.Tests.Reminders;

/// <summary>
/// Hangfire for real against PostgreSQL: several app instances (each with its Hangfire server) on one database, a local
/// webhook receiver and a local SMTP server. The rules' clock is the test clock; Hangfire's schedule runs on real time, so a
/// test that needs an occurrence now triggers the recurring job (as Hangfire's scheduler would) or gives it a schedule a few
/// seconds ahead.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderJobsTests : IAsyncLifetime
{
    // Friday 2026-12-04 16:00 in Berlin (CET, UTC+1): the slot the user sets below.
    private static readonly DateTimeOffset FridaySlot = new(2026, 12, 4, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private string _db = "";
    private WebhookReceiver _hook = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabases.CreateAsync(await SharedPostgres.GetAsync(), "reminders");
        _hook = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync() => await _hook.DisposeAsync();

    private async Task<(UserClient User, string Secret)> UserWithWebhookAsync(ReminderHost host)
    {
        var user = await host.CreateUserAsync("Europe/Berlin");
        var settings = await user.Http.PutJsonAsync("/api/reminders/settings", new { winsDay = "friday", winsAt = "16:00", webhook = _hook.Url });
        var webhook = settings.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "webhook");
        return (user, webhook.GetProperty("signingSecret").GetString()!);
    }

    private static async Task<JsonElement[]> InboxAsync(UserClient user) => (await user.Http.GetJsonAsync("/api/inbox")).EnumerateArray().ToArray();

    [Fact]
    public async Task two_hosts_running_one_due_reminder_deliver_exactly_one_signed_webhook_and_none_in_a_week_with_a_win()
    {
        await using var a = await ReminderHost.StartAsync(_db, FridaySlot);
        await using var b = await ReminderHost.StartAsync(_db, FridaySlot);
        var (user, secret) = await UserWithWebhookAsync(a);
        var job = ReminderScheduler.RecurringId(user.UserId, ReminderKind.WeeklyWins);

        // Both nodes run the occurrence at once (Hangfire executes at least once; a retry or a second node may repeat it).
        await Task.WhenAll(Task.Run(() => a.Recurring.Trigger(job)), Task.Run(() => b.Recurring.Trigger(job)), Task.Run(() => a.Recurring.Trigger(job)));
        await _hook.WaitForAsync(1, Patience);
        await Task.Delay(TimeSpan.FromSeconds(4)); // room for a duplicate to show up
        _hook.Received.Count.ShouldBe(1);
        var hook = _hook.Received.Single();
        hook.SignedWith(secret).ShouldBeTrue("the signature is HMAC-SHA256 over timestamp.body with the channel's secret");
        hook.SignedWith("whsec_wrong").ShouldBeFalse();
        hook.Json.GetProperty("key").GetString().ShouldBe("weekly_wins:2026-W49");
        hook.Json.GetProperty("kind").GetString().ShouldBe("weekly_wins");
        hook.Json.GetProperty("text").GetString()!.ShouldStartWith("Log this week's wins");
        var inbox = await InboxAsync(user);
        inbox.Length.ShouldBe(1);
        hook.Headers[ReminderDelivery.DeliveryHeader].ShouldBe(inbox[0].GetProperty("id").GetString());
        await Eventually.TrueAsync(async () => (await InboxAsync(user))[0].GetProperty("deliveries").EnumerateArray()
            .All(d => d.GetProperty("state").GetString() == "delivered"), Patience, "both channels marked delivered");

        // The next Friday, with a win logged that week: the occurrence runs on both nodes and sends nothing.
        var nextFriday = FridaySlot.AddDays(7);
        a.Clock.Set(nextFriday.AddHours(-30));
        b.Clock.Set(nextFriday);
        (await user.Http.PostAsJsonAsync("/api/accomplishments", new { title = "Shipped the ledger export", scope = "team" })).EnsureSuccessStatusCode();
        a.Clock.Set(nextFriday);
        a.Recurring.Trigger(job);
        b.Recurring.Trigger(job);
        await Task.Delay(TimeSpan.FromSeconds(5));
        _hook.Received.Count.ShouldBe(1);
        (await InboxAsync(user)).Length.ShouldBe(1);
    }

    [Fact]
    public async Task a_reminder_due_while_the_app_was_down_fires_once_after_it_comes_back()
    {
        var a = await ReminderHost.StartAsync(_db, FridaySlot);
        var (user, _) = await UserWithWebhookAsync(a);
        var job = ReminderScheduler.RecurringId(user.UserId, ReminderKind.WeeklyWins);

        // Give the user's weekly job an occurrence 8 seconds from now (real time), then stop the only instance before it.
        var due = DateTimeOffset.UtcNow.AddSeconds(8);
        a.Recurring.AddOrUpdate<ReminderJobs>(job, j => j.WeeklyWins(user.UserId, CancellationToken.None),
            string.Create(CultureInfo.InvariantCulture, $"{due.Second} {due.Minute} {due.Hour} {due.Day} {due.Month} *"),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc, MisfireHandling = MisfireHandlingMode.Relaxed });
        await a.DisposeAsync();
        DateTimeOffset.UtcNow.ShouldBeLessThan(due, "the instance stopped before the occurrence");
        _hook.Received.ShouldBeEmpty();

        await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3));
        _hook.Received.ShouldBeEmpty("nothing runs while no instance is up");
        await using var back = await ReminderHost.StartAsync(_db, FridaySlot);
        await _hook.WaitForAsync(1, Patience);
        await Task.Delay(TimeSpan.FromSeconds(4));
        _hook.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_failing_webhook_is_retried_with_the_same_delivery_key_and_the_inbox_shows_each_attempt()
    {
        await using var host = await ReminderHost.StartAsync(_db, FridaySlot);
        var (user, _) = await UserWithWebhookAsync(host);
        _hook.AnswerNext(HttpStatusCode.ServiceUnavailable);
        host.Recurring.Trigger(ReminderScheduler.RecurringId(user.UserId, ReminderKind.WeeklyWins));
        await _hook.WaitForAsync(1, Patience);

        JsonElement Webhook(JsonElement reminder) => reminder.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("channel").GetString() == "webhook");
        await Eventually.TrueAsync(async () => (await InboxAsync(user)) is [var r] && Webhook(r).GetProperty("state").GetString() == "failed", Patience, "the failure recorded");
        var failed = Webhook((await InboxAsync(user))[0]);
        failed.GetProperty("attempts").GetInt32().ShouldBe(1);
        failed.GetProperty("lastError").GetString().ShouldBe("HTTP 503 Service Unavailable");

        // Hangfire holds the delivery for its retry (30 s back-off); run the retry now.
        string? retry = null;
        await Eventually.TrueAsync(() => Task.FromResult((retry = host.Scheduled().FirstOrDefault(j => j.Value.Job?.Method.Name == nameof(ReminderJobs.Deliver)).Key) is not null),
            Patience, "the retry scheduled");
        host.Jobs.Requeue(retry!).ShouldBeTrue();
        await _hook.WaitForAsync(2, Patience);
        await Eventually.TrueAsync(async () => Webhook((await InboxAsync(user))[0]).GetProperty("state").GetString() == "delivered", Patience, "the retry delivered");
        Webhook((await InboxAsync(user))[0]).GetProperty("attempts").GetInt32().ShouldBe(2);
        _hook.Received.Select(h => h.Headers[ReminderDelivery.DeliveryHeader]).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task e_mail_goes_to_the_smtp_server_and_the_inbox_can_be_marked_read()
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var host = await ReminderHost.StartAsync(_db, FridaySlot, smtp.Configuration.Port);
        var user = await host.CreateUserAsync("Europe/Berlin");
        await user.Http.PutJsonAsync("/api/reminders/settings", new { email = "engineer@example.com", quietHours = "off" });
        host.Recurring.Trigger(ReminderScheduler.RecurringId(user.UserId, ReminderKind.WeeklyWins));
        await Eventually.TrueAsync(() => Task.FromResult(smtp.ReceivedEmailCount == 1), Patience, "one e-mail");
        var mail = smtp.ReceivedEmail.Single();
        mail.Headers["Subject"].ShouldBe("Log this week's wins");
        mail.ToAddresses.Single().Address.ShouldBe("engineer@example.com");
        mail.MessageParts[0].BodyData.ShouldContain("This week's question:");

        var reminder = (await InboxAsync(user)).Single();
        (await user.Http.GetJsonAsync("/api/inbox?unread=true")).GetArrayLength().ShouldBe(1);
        (await user.Http.PostAsync($"/api/inbox/{reminder.GetProperty("id").GetGuid()}/read", null)).EnsureSuccessStatusCode();
        (await user.Http.GetJsonAsync("/api/inbox?unread=true")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task an_offer_close_to_its_deadline_reaches_the_inbox_and_closing_an_offer_removes_its_scheduled_reminders()
    {
        // Real time here: deadline jobs are scheduled at real instants.
        var now = DateTimeOffset.UtcNow;
        await using var host = await ReminderHost.StartAsync(_db, now);
        var user = await host.CreateUserAsync("Europe/Berlin");
        var today = ZonedTime.Today(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        // Deadline tomorrow: inside the 48 h window already, so the reminder is recorded at once.
        var soon = await PostOfferAsync(user, today, today.AddDays(1));
        await Eventually.TrueAsync(async () => (await InboxAsync(user)).Any(r => r.GetProperty("kind").GetString() == "offer_deadline"), Patience, "the deadline reminder");
        var reminder = (await InboxAsync(user)).Single(r => r.GetProperty("kind").GetString() == "offer_deadline");
        reminder.GetProperty("subjectId").GetGuid().ShouldBe(soon);
        reminder.GetProperty("title").GetString()!.ShouldStartWith("The Contoso offer expires in ");
        reminder.GetProperty("body").GetString()!.ShouldContain("ask for an extension");

        // Deadline in five days: two jobs wait in Hangfire's schedule, at 48 h and 24 h before the end of that day.
        var later = await PostOfferAsync(user, today, today.AddDays(5));
        var expires = ZonedTime.ToInstant(today.AddDays(6), TimeOnly.MinValue, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var scheduled = host.Scheduled().Where(j => j.Value.Job?.Args.Contains(later) == true).ToList();
        scheduled.Select(j => new DateTimeOffset(j.Value.EnqueueAt, TimeSpan.Zero)).Order()
            .ShouldBe([expires.AddHours(-48).ToUniversalTime(), expires.AddHours(-24).ToUniversalTime()]);

        // A moved deadline replaces them; declining the offer removes them.
        (await user.Http.PutAsJsonAsync($"/api/offers/{later}/deadline", new { deadline = today.AddDays(7) })).EnsureSuccessStatusCode();
        host.Scheduled().Where(j => j.Value.Job?.Args.Contains(later) == true).Select(j => j.Key).ShouldNotContain(scheduled[0].Key);
        host.Scheduled().Count(j => j.Value.Job?.Args.Contains(later) == true).ShouldBe(2);
        (await user.Http.PostAsJsonAsync($"/api/offers/{later}/decline", new { reason = "took the other one" })).EnsureSuccessStatusCode();
        host.Scheduled().ShouldNotContain(j => j.Value.Job != null && j.Value.Job.Args.Contains(later));
    }

    [Fact]
    public async Task the_calendar_feed_lists_upcoming_slots_and_deadlines_and_stops_when_revoked()
    {
        var now = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        await using var host = await ReminderHost.StartAsync(_db, now);
        var user = await host.CreateUserAsync("Europe/Berlin");
        await PostOfferAsync(user, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 9));
        var issued = await user.Http.PostAsync("/api/reminders/calendar", null);
        issued.EnsureSuccessStatusCode();
        var url = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;
        using var anonymous = host.CreateClient();
        var response = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var slots = calendar.Events.Where(e => e.Summary == "Log this week's wins").Select(e => e.Start!.AsUtc).Order().ToList();
        slots.Count.ShouldBe(8);
        slots[0].ShouldBe(new DateTime(2026, 12, 4, 15, 0, 0, DateTimeKind.Utc)); // Friday 16:00 CET
        var deadline = calendar.Events.Single(e => e.Summary == "Offer deadline: Contoso");
        deadline.Start!.HasTime.ShouldBeFalse();
        deadline.Start.Date.ShouldBe(new DateOnly(2026, 12, 9));

        (await anonymous.GetAsync(new Uri(url).PathAndQuery.Replace("clcal_", "clcal_0", StringComparison.Ordinal)[..^5] + ".ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await user.Http.DeleteAsync("/api/reminders/calendar")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_dashboard_when_switched_on_opens_for_an_admins_token_only()
    {
        var admin = $"admin-{Guid.NewGuid():N}@example.com";
        await using var host = await ReminderHost.StartAsync(_db, FridaySlot, settings: new Dictionary<string, string>
        {
            ["CareerLedger:Jobs:Dashboard"] = "true",
            ["CareerLedger:Jobs:Admins:0"] = admin,
        });
        using var anonymous = host.CreateClient();
        (await anonymous.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var someone = await host.CreateUserAsync();
        (await someone.Http.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var register = host.CreateClient();
        (await register.PostAsJsonAsync("/api/accounts", new { email = admin, password = "correct horse battery staple", timeZone = "UTC" })).EnsureSuccessStatusCode();
        var token = (await (await register.PostAsJsonAsync("/api/tokens", new { email = admin, password = "correct horse battery staple", name = "dash" })).ReadAsync())
            .GetProperty("token").GetString();
        using var adminClient = host.CreateClient();
        adminClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var page = await adminClient.GetAsync("/hangfire");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Hangfire");
    }

    private static async Task<Guid> PostOfferAsync(UserClient user, DateOnly receivedOn, DateOnly deadline)
    {
        var offer = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "offers", "contoso-public-even.json")))!;
        offer["receivedOn"] = receivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        offer["terms"]!["deadline"] = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        offer["terms"]!["startDate"] = deadline.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await user.Http.PostAsJsonAsync("/api/offers", offer);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("offer").GetProperty("id").GetGuid();
    }
}
