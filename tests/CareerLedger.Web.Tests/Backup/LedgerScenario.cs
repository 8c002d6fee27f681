using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerLedger.Domain.Reminders;
using CareerLedger.Testing;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Reminders;
using CareerLedger.Web.Tests.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace CareerLedger.Web.Tests.Backup;

/// <summary>The ids of what <see cref="LedgerScenario.PopulateAsync"/> wrote, for the read endpoints that take one.</summary>
public sealed record ScenarioIds(
    Guid KeyedWin, Guid RevisedWin, Guid RetractedWin, Guid Contoso, Guid Riverbend, Guid Lumen, Guid Story, Guid RetiredStory, Guid Session,
    Guid ReachedGoal, Guid JobSearch, Guid DeadlineReminder, DateTimeOffset AsOf);

/// <summary>
/// A year of realistic data for one user, written through the API as a user would (the sample year, wins with and without an
/// Idempotency-Key, revisions and retractions, feedback, five offers with counters, revisions and every way of closing, stories with
/// revisions, links, uses and practice, a finished mock session, goals reached and dropped, reminder settings with channels and a
/// calendar feed), plus reminders recorded and delivered through the reminder handlers the jobs use. Every event type of the catalogue
/// occurs at least once. The clock moves a few minutes between steps, so recorded times differ.
/// </summary>
public static class LedgerScenario
{
    public const string StrongAnswer = PracticeApiTests.StrongAnswer;

    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json");

    public static string Offer(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "offers", name));

    /// <summary>Writes the scenario for <paramref name="user"/> (test clock at 2026-11-21 or later).</summary>
    public static async Task<ScenarioIds> PopulateAsync(UserClient user, IServiceProvider services, FixedClock clock)
    {
        var http = user.Http;
        void Tick() => clock.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromTicks(1234567));

        (await PostRawAsync(http, "/api/import", await File.ReadAllTextAsync(SamplePath))).EnsureSuccessStatusCode();
        Tick();
        using (var sample = JsonDocument.Parse(await File.ReadAllTextAsync(SamplePath)))
        {
            var changed = JsonNode.Parse(sample.RootElement.GetProperty("feedback")[0].GetRawText())!;
            changed["text"] = changed["text"]!.GetValue<string>() + " (Shared with the whole org.)";
            (await http.PostAsJsonAsync("/api/import", new { feedback = new[] { changed } })).EnsureSuccessStatusCode();
        }

        Tick();
        var keyedWin = await IdAsync(await SendAsync(http, HttpMethod.Post, "/api/accomplishments", Json.Win(
            "Cut checkout p99 latency in half", "2026-11-19", "multi_team", "led",
            [new { name = "p99 latency", before = 420, after = 210, unit = "ms", lowerIsBetter = true }], ["performance_cost", "collaboration"],
            "Added a latency budget check to CI", "Checkout"), headers: [("Idempotency-Key", "win-2026-11-19-p99")]));
        Tick();
        var revisedWin = await IdAsync(await http.PostAsJsonAsync("/api/accomplishments", Json.Win("Mentored two new hires", "2026-11-10", "team", "led", competencies: ["mentorship"])));
        Tick();
        (await SendAsync(http, HttpMethod.Put, $"/api/accomplishments/{revisedWin}", Json.Win("Mentored two new hires through their first on-call", "2026-11-10", "team", "led", competencies: ["mentorship", "reliability"]), "1")).EnsureSuccessStatusCode();
        var retractedWin = await IdAsync(await http.PostAsJsonAsync("/api/accomplishments", Json.Win("Duplicate entry", "2026-11-12")));
        (await http.DeleteAsync($"/api/accomplishments/{retractedWin}")).EnsureSuccessStatusCode();
        Tick();
        var feedback = await IdAsync(await http.PostAsJsonAsync("/api/feedback", new
        {
            text = "Wrong person, sorry.", receivedOn = "2026-11-13", from = "peer", source = "Slack", sentiment = "neutral", themes = Array.Empty<string>(),
        }));
        (await http.DeleteAsync($"/api/feedback/{feedback}")).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/feedback", new
        {
            text = "Your latency write-up was the clearest design doc this quarter.", receivedOn = "2026-11-20", from = "manager", source = "1:1", sentiment = "positive", themes = new[] { "communication" },
        })).EnsureSuccessStatusCode();

        Tick();
        var review = new
        {
            periodStart = "2025-07-01", periodEnd = "2025-12-31", periodLabel = "2025 H2", reviewerName = "Dana Smith", reviewerRole = "Engineering Manager",
            rating = "Meets expectations", ratingScore = 3, ratingScaleMax = 5, text = "Solid half; Black Friday went smoothly.",
            strengths = new[] { "reliability" }, growthAreas = new[] { "communication" }, promotion = "none",
        };
        var keyedReview = await IdAsync(await SendAsync(http, HttpMethod.Post, "/api/reviews", review, headers: [("Idempotency-Key", "review-2025-h2")]));
        (await SendAsync(http, HttpMethod.Put, $"/api/reviews/{keyedReview}", review with { text = "Solid half; Black Friday went smoothly and the postmortem was exemplary." }, "1")).EnsureSuccessStatusCode();
        var retractedReview = await IdAsync(await http.PostAsJsonAsync("/api/reviews", review with { periodLabel = "2025 H2 (draft)" }));
        (await http.DeleteAsync($"/api/reviews/{retractedReview}?reason=duplicate")).EnsureSuccessStatusCode();

        Tick();
        var contoso = await OfferIdAsync(await SendAsync(http, HttpMethod.Post, "/api/offers", Offer("contoso-public-even.json"), headers: [("Idempotency-Key", "offer-contoso")]));
        var riverbend = await OfferIdAsync(await SendAsync(http, HttpMethod.Post, "/api/offers", Offer("riverbend-backloaded.json")));
        var lumen = await OfferIdAsync(await SendAsync(http, HttpMethod.Post, "/api/offers", Offer("lumen-series-b-options.json")));
        var withdrawn = await OfferIdAsync(await SendAsync(http, HttpMethod.Post, "/api/offers", Offer("lumen-series-b-options.json").Replace("Lumen Labs", "Pinecone", StringComparison.Ordinal)));
        var expired = await OfferIdAsync(await SendAsync(http, HttpMethod.Post, "/api/offers", Offer("riverbend-backloaded.json").Replace("Riverbend", "Harbor", StringComparison.Ordinal)));
        var asOf = clock.GetUtcNow();
        Tick();
        (await http.PostAsJsonAsync($"/api/offers/{riverbend}/counter", new
        {
            sentOn = "2026-11-21",
            asks = new object[] { new { component = "sign_on", amount = 40000, text = "close the first-year gap" }, new { component = "equity", amount = 520000 } },
            note = "Cited the Contoso offer.",
        })).EnsureSuccessStatusCode();
        Tick();
        var revised = JsonDocument.Parse(Offer("riverbend-backloaded.json")).RootElement.GetProperty("terms").GetRawText()
            .Replace("\"amount\": 60000", "\"amount\": 90000", StringComparison.Ordinal);
        (await SendAsync(http, HttpMethod.Put, $"/api/offers/{riverbend}/terms", $$"""{"revisedOn":"2026-11-21","reason":"after counter","terms":{{revised}}}""", "2")).EnsureSuccessStatusCode();
        (await SendAsync(http, HttpMethod.Put, $"/api/offers/{contoso}/deadline", new { deadline = "2026-11-27" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/offers/{lumen}/decline", new { reason = "options too risky" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/offers/{withdrawn}/withdraw", new { reason = "hiring freeze" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/offers/{expired}/expire", new { })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/offers/{riverbend}/accept", new { })).EnsureSuccessStatusCode();

        Tick();
        var best = (await http.GetJsonAsync("/api/stories/ranking?top=2")).GetProperty("top");
        var drafted = await (await http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { best[0].GetProperty("accomplishmentId").GetGuid(), keyedWin }, format = "carl" })).ReadAsync();
        var story = drafted.GetProperty("story").GetProperty("id").GetGuid();
        (await SendAsync(http, HttpMethod.Put, $"/api/stories/{story}", new
        {
            headline = "Cut payments cloud spend by 30 % without touching latency",
            sections = new { context = "Cloud spend had grown 40 % in a year.", action = "I broke spend down per service, proposed three changes with a rollback each, and sequenced them.", result = "Spend fell from $148k to $104k a month.", learnings = "I added a cost dashboard and a monthly review." },
            reason = "tighter",
        }, "1")).EnsureSuccessStatusCode();
        (await SendAsync(http, HttpMethod.Put, $"/api/stories/{story}/links", new { competencies = new[] { "performance_cost", "ownership" } })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/stories/{story}/uses", new { company = "Contoso", round = "onsite", on = "2026-11-18" })).EnsureSuccessStatusCode();
        var retired = (await (await http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { best[1].GetProperty("accomplishmentId").GetGuid() } })).ReadAsync())
            .GetProperty("story").GetProperty("id").GetGuid();
        (await http.DeleteAsync($"/api/stories/{retired}")).EnsureSuccessStatusCode();

        Tick();
        var started = await (await http.PostAsJsonAsync("/api/practice/sessions", new { lens = "amazon", questions = 2, seed = 7 })).ReadAsync();
        var session = started.GetProperty("session").GetProperty("id").GetGuid();
        (await http.PostAsJsonAsync($"/api/practice/sessions/{session}/answers", new { text = StrongAnswer, durationSeconds = 110, storyId = story })).EnsureSuccessStatusCode();
        Tick();
        (await http.PostAsJsonAsync($"/api/practice/sessions/{session}/answers", new { text = "We did a lot of work and it went well.", durationSeconds = 20 })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/practice/sessions/{session}/finish", new { })).EnsureSuccessStatusCode();

        Tick();
        var reached = await IdAsync(await http.PostAsJsonAsync("/api/goals", new { kind = "promotion", title = "Staff by the H2 cycle", targetLevel = "staff", targetDate = "2027-06-30" }));
        (await SendAsync(http, HttpMethod.Put, $"/api/goals/{reached}", new { kind = "promotion", title = "Staff by the H1 cycle", targetLevel = "staff" }, "1")).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/goals/{reached}/reach", new { note = "promoted" })).EnsureSuccessStatusCode();
        var dropped = await IdAsync(await http.PostAsJsonAsync("/api/goals", new { kind = "promotion", title = "Principal", targetLevel = "principal" }));
        (await http.PostAsJsonAsync($"/api/goals/{dropped}/drop", new { note = "not this year" })).EnsureSuccessStatusCode();
        var search = await IdAsync(await http.PostAsJsonAsync("/api/goals", new
        {
            kind = "job_search", title = "Staff role at a payments company", targetCompanies = new[] { "Stripe", "Adyen" },
            interviews = new[] { new { on = "2026-12-10", company = "Stripe", stage = "onsite" } },
        }));

        Tick();
        await http.PutJsonAsync("/api/reminders/settings", new
        {
            winsDay = "thu", winsAt = "17:30", mockEveryDays = 2, mockAt = "19:00", quietHours = "22:00-07:00", disable = new[] { "quarterly_review" },
            webhook = "https://hooks.example.com/careerledger",
        });
        await http.PutJsonAsync("/api/reminders/settings", new { webhook = "off" });
        await http.PutJsonAsync("/api/reminders/settings", new { webhook = "https://hooks.example.com/careerledger-2" });
        (await http.PostAsync("/api/reminders/calendar", null)).EnsureSuccessStatusCode();
        (await http.DeleteAsync("/api/reminders/calendar")).EnsureSuccessStatusCode();
        (await http.PostAsync("/api/reminders/calendar", null)).EnsureSuccessStatusCode();

        Tick();
        var tenant = user.UserId.ToString();
        using var scope = services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var now = clock.GetUtcNow();
        var deadline = await bus.InvokeForUserAsync<Started<Reminder>>(tenant, new RecordReminder(
            new ReminderNotice($"offer_deadline:{contoso}:2026-11-27:48h", ReminderKind.OfferDeadline, "The Contoso offer expires in 48 hours",
                $"See `ledger offers plan {contoso}`.", now, contoso),
            [ChannelKind.Inbox, ChannelKind.Webhook]), CancellationToken.None);
        var reminder = deadline.Document.Id;
        await bus.InvokeForUserAsync<Reminder?>(tenant, new RecordDeliveryAttempt(reminder, ChannelKind.Webhook, 1, "HTTP 500 from the receiver"), CancellationToken.None);
        Tick();
        await bus.InvokeForUserAsync<Reminder?>(tenant, new RecordDeliveryAttempt(reminder, ChannelKind.Webhook, 2, null), CancellationToken.None);
        (await http.PostAsync($"/api/inbox/{reminder}/read", null)).EnsureSuccessStatusCode();
        await bus.InvokeForUserAsync<Started<Reminder>>(tenant, new RecordReminder(
            new ReminderNotice("weekly_wins:2026-W47", ReminderKind.WeeklyWins, "Log this week's wins", "What went well this week?", clock.GetUtcNow(), null),
            [ChannelKind.Inbox]), CancellationToken.None);
        Tick();

        return new ScenarioIds(keyedWin, revisedWin, retractedWin, contoso, riverbend, lumen, story, retired, session, reached, search, reminder, asOf);
    }

    /// <summary>
    /// The read endpoints a user sees, each with its status, ETag and body (JSON re-serialized; Markdown as it is), for comparing two
    /// accounts: ids in the paths are taken from <paramref name="ids"/> through <paramref name="map"/> (the stream ids in this account).
    /// </summary>
    public static async Task<IReadOnlyList<(string Url, string Answer)>> ReadModelsAsync(HttpClient http, ScenarioIds ids, Func<Guid, Guid> map)
    {
        var asOf = Uri.EscapeDataString(ids.AsOf.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        string[] urls =
        [
            "/api/accomplishments?includeRetracted=true",
            $"/api/accomplishments/{map(ids.KeyedWin)}",
            $"/api/accomplishments/{map(ids.RevisedWin)}/history",
            $"/api/accomplishments/{map(ids.RetractedWin)}",
            "/api/feedback?includeRetracted=true",
            "/api/reviews?includeRetracted=true",
            "/api/brag?from=2025-11-01&to=2026-11-30",
            "/api/brag?from=2025-11-01&to=2026-11-30&format=md",
            $"/api/brag?from=2025-11-01&to=2026-11-30&asOf={asOf}",
            "/api/stories/ranking?top=10",
            $"/api/stories/ranking?top=10&asOf={asOf}",
            "/api/stories?includeRetired=true",
            $"/api/stories/{map(ids.Story)}",
            "/api/stories/intro",
            "/api/offers?status=all",
            $"/api/offers/{map(ids.Contoso)}",
            "/api/offers/compare?include=all",
            $"/api/offers/compare?include=all&asOf={asOf}",
            $"/api/offers/{map(ids.Riverbend)}/timeline",
            $"/api/offers/{map(ids.Riverbend)}/plan?currentTotal=250000",
            $"/api/offers/{map(ids.Contoso)}/compensation",
            "/api/practice/sessions",
            $"/api/practice/sessions/{map(ids.Session)}",
            "/api/practice/progress",
            "/api/readiness?level=L6",
            "/api/goals?status=all",
            $"/api/goals/{map(ids.JobSearch)}",
            "/api/reminders/settings",
            "/api/inbox",
            "/api/streak",
        ];
        var answers = new List<(string, string)>();
        foreach (var url in urls)
        {
            using var response = await http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var text = body;
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                var node = JsonNode.Parse(body)!;
                if (url == "/api/offers?status=all" && node is JsonArray offers)
                {
                    // Offers are ordered by the day they were received only; same-day offers come in storage order.
                    node = new JsonArray([.. offers.OrderBy(o => o!["offer"]!["terms"]!["company"]!.GetValue<string>(), StringComparer.Ordinal).Select(o => o!.DeepClone())]);
                }

                text = node.ToJsonString();
            }

            answers.Add((url, $"{(int)response.StatusCode} ETag={response.Headers.ETag?.Tag} {text}"));
        }

        return answers;
    }

    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient http, string path, string json) =>
        await SendAsync(http, HttpMethod.Post, path, json);

    /// <summary>Sends JSON (an object, or a string that already is JSON), with an optional If-Match version and extra headers.</summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpMethod method, string path, object body, string? ifMatch = null, (string Name, string Value)[]? headers = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is string json ? new StringContent(json, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK).ShouldBeTrue(text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> OfferIdAsync(HttpResponseMessage response) =>
        (await response.ReadAsync()).GetProperty("offer").GetProperty("id").GetGuid();
}
