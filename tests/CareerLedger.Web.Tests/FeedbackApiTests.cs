using System.Net;
using System.Net.Http.Json;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests;

[Collection(PostgresCollection.Name)]
public sealed class FeedbackApiTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    [Fact]
    public async Task feedback_is_recorded_listed_and_retracted()
    {
        var user = await app.CreateUserAsync();
        var created = await user.Http.PostAsJsonAsync("/api/feedback", new
        {
            text = "Your incident write-up was the clearest I've read this year.",
            receivedOn = "2026-10-02",
            from = "skip_level",
            source = "1:1",
            sentiment = "positive",
            themes = new[] { "communication", "reliability" },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.ReadAsync();
        body.GetProperty("from").GetString().ShouldBe("skip_level");
        var id = body.GetProperty("id").GetGuid();

        (await user.Http.GetJsonAsync("/api/feedback")).GetArrayLength().ShouldBe(1);
        (await user.Http.DeleteAsync($"/api/feedback/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await user.Http.GetJsonAsync("/api/feedback")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task feedback_validation_names_the_fields()
    {
        var user = await app.CreateUserAsync();
        var response = await user.Http.PostAsJsonAsync("/api/feedback", new { text = "", from = "boss", sentiment = "meh", themes = new[] { "vibes" } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadAsync()).GetProperty("errors");
        foreach (var field in new[] { "text", "from", "sentiment", "themes[0]" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    [Fact]
    public async Task another_users_feedback_is_a_404()
    {
        var owner = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var id = (await (await owner.Http.PostAsJsonAsync("/api/feedback", new { text = "Nice" })).ReadAsync()).GetProperty("id").GetGuid();
        (await other.Http.GetAsync($"/api/feedback/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.DeleteAsync($"/api/feedback/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
