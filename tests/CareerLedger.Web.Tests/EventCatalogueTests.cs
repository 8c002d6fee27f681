using System.Text.Json;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
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
        await store.AppendAsync(tenant, a, LedgerStore.AccomplishmentStream, ExpectedVersion.NoStream, accomplishmentEvents);
        await store.AppendAsync(tenant, f, LedgerStore.FeedbackStream, ExpectedVersion.NoStream, feedbackEvents);

        var read = (await store.ReadStreamAsync(tenant, a)).Concat(await store.ReadStreamAsync(tenant, f)).ToList();
        var written = accomplishmentEvents.Concat(feedbackEvents).ToList();
        read.Select(e => e.TypeName).ShouldBe(["accomplishment_logged", "accomplishment_revised", "accomplishment_retracted", "feedback_received", "feedback_revised", "feedback_retracted"]);
        options.Events.Names.Order().ShouldBe(read.Select(e => e.TypeName).Order(), "every registered type is covered here");
        for (var i = 0; i < written.Count; i++)
        {
            read[i].Data.GetType().ShouldBe(written[i].GetType());
            JsonSerializer.Serialize(read[i].Data, read[i].Data.GetType(), options.Json)
                .ShouldBe(JsonSerializer.Serialize(written[i], written[i].GetType(), options.Json));
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
