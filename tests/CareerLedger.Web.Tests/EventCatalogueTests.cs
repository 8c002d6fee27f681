using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Reminders;
using CareerLedger.Domain.Reviews;
using CareerLedger.Domain.Stories;
using JasperFx.Events;
using Marten;
using CareerLedger.Testing;
using CareerLedger.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareerLedger.Web.Tests;

[Collection(PostgresCollection.Name)]
public sealed class EventCatalogueTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private static readonly AccomplishmentDetails Details = new(
        "Cut p99", new DateOnly(2026, 3, 1), "Long text", "Payments API", Scope.MultiTeam, Involvement.Drove,
        [new ImpactMetric("p99 latency", 420, 210, "ms", true), new ImpactMetric("hours saved", null, 12, "h", false)],
        [Competency.PerformanceCost, Competency.ConflictResolution], "Added a load test to CI", ["https://example.com/pr/1"]);

    [Fact]
    public async Task every_career_event_type_round_trips_through_postgres()
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var json = LedgerStore.CreateJson();
        var tenant = Guid.NewGuid().ToString();
        var a = Guid.NewGuid();
        var f = Guid.NewGuid();
        object[] accomplishmentEvents =
        [
            new AccomplishmentLogged(a, Details, "import:x"),
            new AccomplishmentRevised(a, Details with { Title = "Cut p99 in half" }, "clearer"),
            new AccomplishmentRetracted(a, "duplicate"),
        ];
        object[] feedbackEvents =
        [
            new FeedbackReceived(f, new FeedbackDetails(new DateOnly(2026, 2, 1), FeedbackFrom.SkipLevel, "1:1", "Great write-up", Sentiment.Positive, [Competency.Communication])),
            new FeedbackRevised(f, new FeedbackDetails(new DateOnly(2026, 2, 1), FeedbackFrom.SkipLevel, "1:1", "Great incident write-up", Sentiment.Positive, [Competency.Communication])),
            new FeedbackRetracted(f, "wrong person"),
        ];
        var rv = Guid.NewGuid();
        var review = new ReviewDetails(
            new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), "2026 H1", "Dana Smith", "Engineering Manager", "Exceeds expectations", 4m, 5m,
            "A strong half.", [Competency.Reliability, Competency.Communication], [Competency.Mentorship], PromotionOutcome.Deferred, "Staff Engineer");
        object[] reviewEvents =
        [
            new ReviewRecorded(rv, review, "import:review-2026-h1"),
            new ReviewRevised(rv, review with { Promotion = PromotionOutcome.NotPromoted, RatingScore = 3.5m }),
            new ReviewRetracted(rv, "duplicate"),
        ];
        var o = Guid.NewGuid();
        var terms = new OfferTerms(
            "Lumen Labs", "Staff Engineer", new OfferLevel("Staff", 6), "Remote", "USD", 185_000m, 10m,
            [new SignOnPayment(20_000m, 0, 12)],
            new EquityGrant(EquityKind.Options, null, 60_000m, null, 2.10m, 2.10m, 8.40m, 48_000_000m, OptionType.Iso, 90, 120_000_000m,
                new VestingSchedule(12, VestingFrequency.Monthly, [25m, 25m, 25m, 25m])),
            new RefresherGrant(30_000m, VestingSchedule.Even4Year), 4m, 25, RemotePolicy.Remote, CompanyStage.SeriesB,
            new DateOnly(2027, 1, 18), new DateOnly(2026, 11, 23), "notes");
        object[] offerEvents =
        [
            new OfferReceived(o, OfferStage.Verbal, new DateOnly(2026, 11, 16), terms, "idem:x"),
            new CounterOfferSent(o, new DateOnly(2026, 11, 17), [new CounterAsk(AskComponent.SignOn, 40_000m, "first-year gap")], "cited Contoso"),
            new OfferRevised(o, new DateOnly(2026, 11, 18), terms with { BaseSalary = 195_000m }, "after counter", OfferStage.Written),
            new OfferDeadlineSet(o, new DateOnly(2026, 11, 30), true),
            new OfferDeclined(o, new DateOnly(2026, 11, 19), "chose another"),
        ];
        var o2 = Guid.NewGuid();
        var o3 = Guid.NewGuid();
        var o4 = Guid.NewGuid();
        await StartAsync(store, tenant, a, accomplishmentEvents);
        await StartAsync(store, tenant, f, feedbackEvents);
        await StartAsync(store, tenant, rv, reviewEvents);
        await StartAsync(store, tenant, o, offerEvents);
        object[] closings =
        [
            new OfferReceived(o2, OfferStage.Written, new DateOnly(2026, 11, 1), terms), new OfferAccepted(o2, new DateOnly(2026, 11, 2)),
            new OfferReceived(o3, OfferStage.Written, new DateOnly(2026, 11, 1), terms), new OfferExpired(o3, new DateOnly(2026, 11, 3)),
            new OfferReceived(o4, OfferStage.Written, new DateOnly(2026, 11, 1), terms), new OfferWithdrawn(o4, new DateOnly(2026, 11, 4), "hiring freeze"),
        ];
        await StartAsync(store, tenant, o2, closings[0..2]);
        await StartAsync(store, tenant, o3, closings[2..4]);
        await StartAsync(store, tenant, o4, closings[4..6]);

        var st = Guid.NewGuid();
        var sections = new StorySections("Checkout was slow.", "Make it fast.", null, "I batched the ledger calls.", "p99 fell 50 %.", "Latency budget in CI.");
        var score = new StoryScore(81, new Dictionary<string, int> { ["structure"] = 90, ["ownership"] = 80 });
        object[] storyEvents =
        [
            new StoryDrafted(st, StoryFormat.Star, "Halved p99", sections, [a], [Competency.PerformanceCost], "template", score),
            new StoryRevised(st, 2, StoryFormat.Carl, "Halved p99 in six weeks", sections with { Situation = null, Task = null, Context = "Checkout was slow." }, "tighter", score),
            new StoryLinked(st, [Competency.PerformanceCost, Competency.Ownership], ["q-001-x"]),
            new StoryUsed(st, "Contoso", "onsite", new DateOnly(2026, 11, 19), 2),
            new StoryPracticed(st, 2, Guid.NewGuid(), "q-001-x", 77),
            new StoryRetired(st, "too old"),
        ];
        var ms = Guid.NewGuid();
        var answerScore = new AnswerScore(70, new Dictionary<string, int> { ["ownership"] = 40 }, ["we_instead_of_i"]);
        object[] sessionEvents =
        [
            new MockSessionStarted(ms, new MockTarget("amazon", "staff", [Competency.Ownership], 1), 42, ["q-001-x"], new DateOnly(2026, 11, 20)),
            new MockAnswerSubmitted(ms, "q-001-x", "We did it.", 95, st),
            new MockAnswerScored(ms, "q-001-x", answerScore, "Say what you did.", "rubric"),
            new MockFollowUpAsked(ms, "q-001-x", "What was your part?", "rubric"),
            new MockSessionFinished(ms, new DateOnly(2026, 11, 20), new SessionSummary(1, 70, new Dictionary<string, int> { ["ownership"] = 40 }, ["ownership"], [])),
        ];
        await StartAsync(store, tenant, st, storyEvents);
        await StartAsync(store, tenant, ms, sessionEvents);

        var g = Guid.NewGuid();
        var g2 = Guid.NewGuid();
        var goal = new GoalDetails(GoalKind.JobSearch, "Staff role at a fintech", "staff", new DateOnly(2027, 3, 1), ["Stripe", "Adyen"],
            [new InterviewDate(new DateOnly(2026, 12, 9), "Stripe", "onsite")]);
        object[] goalEvents =
        [
            new GoalOpened(g, goal), new GoalRevised(g, goal with { TargetDate = new DateOnly(2027, 4, 1) }), new GoalReached(g, new DateOnly(2026, 12, 20), "signed"),
            new GoalOpened(g2, goal with { Kind = GoalKind.Promotion, TargetCompanies = [], Interviews = [] }), new GoalDropped(g2, new DateOnly(2026, 12, 21), "moved on"),
        ];
        var rs = Guid.NewGuid();
        object[] settingsEvents =
        [
            new WeeklyWinsSlotSet(rs, new WeeklySlot(DayOfWeek.Friday, new TimeOnly(16, 0))),
            new MockCadenceSet(rs, 2, new TimeOnly(18, 30)),
            new QuietHoursSet(rs, new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0))),
            new ReminderKindSwitched(rs, ReminderKind.QuarterlyReview, false),
            new ChannelConnected(rs, new Channel(ChannelKind.Webhook, "https://hooks.example.com/x", "whsec_abc")),
            new ChannelDisconnected(rs, ChannelKind.Webhook),
            new CalendarFeedIssued(rs, "ab12"),
            new CalendarFeedRevoked(rs),
        ];
        var r = Guid.NewGuid();
        object[] reminderEvents =
        [
            new ReminderDue(r, new ReminderNotice("weekly_wins:2026-W49", ReminderKind.WeeklyWins, "Log this week's wins", "What did you ship?",
                new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero), null), [ChannelKind.Inbox, ChannelKind.Webhook]),
            new ReminderDeliveryFailed(r, ChannelKind.Webhook, 1, "HTTP 503 Service Unavailable"),
            new ReminderDelivered(r, ChannelKind.Webhook, 2),
            new ReminderRead(r),
        ];
        await StartAsync(store, tenant, g, goalEvents[0..3]);
        await StartAsync(store, tenant, g2, goalEvents[3..5]);
        await StartAsync(store, tenant, rs, settingsEvents);
        await StartAsync(store, tenant, r, reminderEvents);

        var read = new List<IEvent>();
        await using (var session = store.QuerySession(tenant))
        {
            foreach (var id in new[] { a, f, rv, o, o2, o3, o4, st, ms, g, g2, rs, r })
            {
                read.AddRange(await session.Events.FetchStreamAsync(id));
            }
        }

        var written = accomplishmentEvents.Concat(feedbackEvents).Concat(reviewEvents).Concat(offerEvents).Concat(closings).Concat(storyEvents).Concat(sessionEvents)
            .Concat(goalEvents).Concat(settingsEvents).Concat(reminderEvents).ToList();
        read.Take(6).Select(e => e.EventTypeName).ShouldBe(["accomplishment_logged", "accomplishment_revised", "accomplishment_retracted", "feedback_received", "feedback_revised", "feedback_retracted"]);
        LedgerStore.EventTypes.Select(e => e.Name).Order().ShouldBe(read.Select(e => e.EventTypeName).Distinct().Order(), "every registered type is covered here");
        for (var i = 0; i < written.Count; i++)
        {
            read[i].Data.GetType().ShouldBe(written[i].GetType());
            var stored = JsonSerializer.SerializeToNode(read[i].Data, read[i].Data.GetType(), json);
            var original = JsonSerializer.SerializeToNode(written[i], written[i].GetType(), json);
            System.Text.Json.Nodes.JsonNode.DeepEquals(stored, original).ShouldBeTrue($"{read[i].EventTypeName}: {stored?.ToJsonString()} != {original?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task rebuilding_every_projection_through_the_daemon_reproduces_the_inline_documents()
    {
        // A clock with sub-microsecond ticks: recorded times must survive PostgreSQL's microsecond precision unchanged.
        app.Clock.Advance(TimeSpan.FromTicks(1_234_567));
        var user = await app.CreateUserAsync();
        using var content = new StringContent(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json")), System.Text.Encoding.UTF8, "application/json");
        (await user.Http.PostAsync("/api/import", content)).EnsureSuccessStatusCode();
        var other = await app.CreateUserAsync();
        (await other.Http.PostAsJsonAsync("/api/accomplishments", new { title = "Someone else's win", occurredOn = "2026-11-02" })).EnsureSuccessStatusCode();
        var wins = await user.Http.GetFromJsonAsync<List<JsonElement>>("/api/accomplishments");
        var story = await user.Http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { wins![0].GetProperty("id").GetGuid() } });
        story.EnsureSuccessStatusCode();
        (await user.Http.PostAsJsonAsync("/api/practice/sessions", new { questions = 2, seed = 7 })).EnsureSuccessStatusCode();
        string[] views = ["/api/accomplishments?includeRetracted=true", "/api/feedback?includeRetracted=true", "/api/reviews?includeRetracted=true", "/api/stories?includeRetired=true", "/api/practice/sessions"];
        var before = new List<string>();
        foreach (var view in views)
        {
            before.Add(await user.Http.GetStringAsync(view));
        }

        var otherBefore = await other.Http.GetStringAsync("/api/accomplishments");
        var store = app.Services.GetRequiredService<IDocumentStore>();
        foreach (var name in AdminCommands.ProjectionNames)
        {
            await AdminCommands.RebuildAsync(store, name, CancellationToken.None);
        }

        for (var i = 0; i < views.Length; i++)
        {
            (await user.Http.GetStringAsync(views[i])).ShouldBe(before[i], views[i]);
        }

        (await other.Http.GetStringAsync("/api/accomplishments")).ShouldBe(otherBefore);
        before[0].Length.ShouldBeGreaterThan(1000);
    }

    private static async Task StartAsync(IDocumentStore store, string tenant, Guid id, IEnumerable<object> events)
    {
        await using var session = store.LightweightSession(tenant);
        session.Events.StartStream(id, events.ToArray());
        await session.SaveChangesAsync();
    }
}
