using System.Text.Json;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Stories;
using CareerLedger.EventStore;
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
        var store = app.Services.GetRequiredService<IEventStore>();
        var options = app.Services.GetRequiredService<EventStoreOptions>();
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
        await store.AppendAsync(tenant, a, LedgerStore.AccomplishmentStream, ExpectedVersion.NoStream, accomplishmentEvents);
        await store.AppendAsync(tenant, f, LedgerStore.FeedbackStream, ExpectedVersion.NoStream, feedbackEvents);
        await store.AppendAsync(tenant, o, LedgerStore.OfferStream, ExpectedVersion.NoStream, offerEvents);
        object[] closings =
        [
            new OfferReceived(o2, OfferStage.Written, new DateOnly(2026, 11, 1), terms), new OfferAccepted(o2, new DateOnly(2026, 11, 2)),
            new OfferReceived(o3, OfferStage.Written, new DateOnly(2026, 11, 1), terms), new OfferExpired(o3, new DateOnly(2026, 11, 3)),
            new OfferReceived(o4, OfferStage.Written, new DateOnly(2026, 11, 1), terms), new OfferWithdrawn(o4, new DateOnly(2026, 11, 4), "hiring freeze"),
        ];
        await store.AppendAsync(tenant, o2, LedgerStore.OfferStream, ExpectedVersion.NoStream, closings[0..2]);
        await store.AppendAsync(tenant, o3, LedgerStore.OfferStream, ExpectedVersion.NoStream, closings[2..4]);
        await store.AppendAsync(tenant, o4, LedgerStore.OfferStream, ExpectedVersion.NoStream, closings[4..6]);

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
        await store.AppendAsync(tenant, st, LedgerStore.StoryStream, ExpectedVersion.NoStream, storyEvents);
        await store.AppendAsync(tenant, ms, LedgerStore.MockSessionStream, ExpectedVersion.NoStream, sessionEvents);

        var read = new List<StoredEvent>();
        foreach (var id in new[] { a, f, o, o2, o3, o4, st, ms })
        {
            read.AddRange(await store.ReadStreamAsync(tenant, id));
        }

        var written = accomplishmentEvents.Concat(feedbackEvents).Concat(offerEvents).Concat(closings).Concat(storyEvents).Concat(sessionEvents).ToList();
        read.Take(6).Select(e => e.TypeName).ShouldBe(["accomplishment_logged", "accomplishment_revised", "accomplishment_retracted", "feedback_received", "feedback_revised", "feedback_retracted"]);
        options.Events.Names.Order().ShouldBe(read.Select(e => e.TypeName).Distinct().Order(), "every registered type is covered here");
        for (var i = 0; i < written.Count; i++)
        {
            read[i].Data.GetType().ShouldBe(written[i].GetType());
            var stored = JsonSerializer.SerializeToNode(read[i].Data, read[i].Data.GetType(), options.Json);
            var original = JsonSerializer.SerializeToNode(written[i], written[i].GetType(), options.Json);
            System.Text.Json.Nodes.JsonNode.DeepEquals(stored, original).ShouldBeTrue($"{read[i].TypeName}: {stored?.ToJsonString()} != {original?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task rebuilding_the_accomplishment_projection_reproduces_the_inline_documents()
    {
        var user = await app.CreateUserAsync();
        using var content = new StringContent(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json")), System.Text.Encoding.UTF8, "application/json");
        (await user.Http.PostAsync("/api/import", content)).EnsureSuccessStatusCode();
        var before = await user.Http.GetStringAsync("/api/accomplishments?includeRetracted=true");

        var store = app.Services.GetRequiredService<PostgresEventStore>();
        await store.RebuildAsync("accomplishments");
        await store.RebuildAsync("feedback");

        (await user.Http.GetStringAsync("/api/accomplishments?includeRetracted=true")).ShouldBe(before);
    }
}
