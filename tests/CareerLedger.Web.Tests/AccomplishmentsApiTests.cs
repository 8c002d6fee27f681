using System.Net;
using System.Net.Http.Json;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AccomplishmentsApiTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    [Fact]
    public async Task logging_a_win_returns_201_with_location_etag_and_rendered_impact()
    {
        var user = await app.CreateUserAsync();
        var response = await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win(
            "Halved checkout p99", impact: [new { name = "p99 latency", before = 420, after = 210, unit = "ms" }], competencies: ["performance_cost"]));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var body = await response.ReadAsync();
        response.Headers.Location!.ToString().ShouldBe($"/api/accomplishments/{body.GetProperty("id").GetGuid()}");
        body.GetProperty("impact")[0].GetProperty("summary").GetString().ShouldBe("p99 latency 420 ms → 210 ms (−50 %)");
        body.GetProperty("impact")[0].GetProperty("lowerIsBetter").GetBoolean().ShouldBeTrue();
        body.GetProperty("scope").GetString().ShouldBe("team");
        body.GetProperty("competencies")[0].GetString().ShouldBe("performance_cost");
    }

    [Fact]
    public async Task validation_errors_are_problem_details_naming_each_field()
    {
        var user = await app.CreateUserAsync();
        var response = await user.Http.PostAsJsonAsync("/api/accomplishments", new
        {
            title = " ",
            occurredOn = "2026-12-25",
            scope = "galaxy",
            competencies = new[] { "ownership", "telepathy" },
            impact = new object[] { new { name = "p99", before = 1 } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.ReadAsync()).GetProperty("errors");
        errors.GetProperty("title")[0].GetString()!.ShouldContain("required");
        errors.GetProperty("occurredOn")[0].GetString()!.ShouldContain("future");
        errors.GetProperty("scope")[0].GetString()!.ShouldContain("galaxy");
        errors.GetProperty("competencies[1]")[0].GetString()!.ShouldContain("telepathy");
        errors.GetProperty("impact[0].after")[0].GetString()!.ShouldContain("no value");
        (await user.Http.GetJsonAsync("/api/accomplishments")).GetArrayLength().ShouldBe(0, "nothing was written");
    }

    [Fact]
    public async Task malformed_json_is_a_400_naming_the_field()
    {
        var user = await app.CreateUserAsync();
        using var content = new StringContent("""{"title":"x","occurredOn":"yesterday"}""", System.Text.Encoding.UTF8, "application/json");
        var response = await user.Http.PostAsync("/api/accomplishments", content);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync()).GetProperty("errors").TryGetProperty("occurredOn", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task a_misspelt_field_is_a_400_naming_it_not_silently_dropped()
    {
        var user = await app.CreateUserAsync();
        var response = await user.Http.PostAsJsonAsync("/api/accomplishments", new { title = "Typo", occuredOn = "2026-01-01" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadAsync()).GetProperty("errors");
        errors.EnumerateObject().Single().Value[0].GetString()!.ShouldContain("Unknown field");
        errors.EnumerateObject().Single().Name.ShouldContain("occuredOn");
    }

    [Fact]
    public async Task today_is_judged_in_the_users_time_zone()
    {
        // The test clock is 2026-11-21 12:00 UTC: already the 22nd in Auckland (UTC+13), still the 21st in Honolulu.
        var auckland = await app.CreateUserAsync("Pacific/Auckland");
        var honolulu = await app.CreateUserAsync("Pacific/Honolulu");
        (await auckland.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Shipped", "2026-11-22"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await honolulu.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Shipped", "2026-11-22"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task an_idempotency_key_makes_a_retry_return_the_same_accomplishment()
    {
        var user = await app.CreateUserAsync();
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/accomplishments") { Content = JsonContent.Create(Json.Win("Once")) };
        first.Headers.Add("Idempotency-Key", "abc-123");
        using var second = new HttpRequestMessage(HttpMethod.Post, "/api/accomplishments") { Content = JsonContent.Create(Json.Win("Once")) };
        second.Headers.Add("Idempotency-Key", "abc-123");

        var r1 = await user.Http.SendAsync(first);
        var r2 = await user.Http.SendAsync(second);
        r1.StatusCode.ShouldBe(HttpStatusCode.Created);
        r2.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await r2.ReadAsync()).GetProperty("id").GetGuid().ShouldBe((await r1.ReadAsync()).GetProperty("id").GetGuid());
        (await user.Http.GetJsonAsync("/api/accomplishments")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task reusing_an_idempotency_key_for_a_different_body_is_a_422()
    {
        var user = await app.CreateUserAsync();
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/accomplishments") { Content = JsonContent.Create(Json.Win("One thing")) };
        first.Headers.Add("Idempotency-Key", "k-1");
        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/accomplishments") { Content = JsonContent.Create(Json.Win("Another thing")) };
        other.Headers.Add("Idempotency-Key", "k-1");
        (await user.Http.SendAsync(first)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await user.Http.SendAsync(other)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var list = await user.Http.GetJsonAsync("/api/accomplishments");
        list.GetArrayLength().ShouldBe(1);
        list[0].GetProperty("title").GetString().ShouldBe("One thing");
    }

    [Fact]
    public async Task a_retry_of_the_original_request_after_a_revision_still_returns_the_accomplishment()
    {
        var user = await app.CreateUserAsync();
        HttpRequestMessage Original()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/accomplishments") { Content = JsonContent.Create(Json.Win("Original")) };
            request.Headers.Add("Idempotency-Key", "retry-1");
            return request;
        }

        using var first = Original();
        var id = (await (await user.Http.SendAsync(first)).ReadAsync()).GetProperty("id").GetGuid();
        using var revise = new HttpRequestMessage(HttpMethod.Put, $"/api/accomplishments/{id}") { Content = JsonContent.Create(Json.Win("Revised")) };
        revise.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await user.Http.SendAsync(revise)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var retry = Original();
        var response = await user.Http.SendAsync(retry);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadAsync()).GetProperty("title").GetString().ShouldBe("Revised");
    }

    [Fact]
    public async Task an_if_match_that_is_not_a_version_is_a_400_naming_the_header()
    {
        var user = await app.CreateUserAsync();
        var id = (await (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Keep me"))).ReadAsync()).GetProperty("id").GetGuid();
        using var retract = new HttpRequestMessage(HttpMethod.Delete, $"/api/accomplishments/{id}");
        retract.Headers.TryAddWithoutValidation("If-Match", "\"abc\"");
        var response = await user.Http.SendAsync(retract);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync()).GetProperty("errors").TryGetProperty("If-Match", out _).ShouldBeTrue();
        (await user.Http.GetJsonAsync("/api/accomplishments")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task revising_needs_if_match_and_a_stale_etag_is_a_409_that_loses_nothing()
    {
        var user = await app.CreateUserAsync();
        var created = await (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("First title"))).ReadAsync();
        var id = created.GetProperty("id").GetGuid();

        var noHeader = await user.Http.PutAsJsonAsync($"/api/accomplishments/{id}", Json.Win("Second title"));
        noHeader.StatusCode.ShouldBe((HttpStatusCode)428);

        using var ok = new HttpRequestMessage(HttpMethod.Put, $"/api/accomplishments/{id}") { Content = JsonContent.Create(Json.Win("Second title")) };
        ok.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var revised = await user.Http.SendAsync(ok);
        revised.StatusCode.ShouldBe(HttpStatusCode.OK);
        revised.Headers.ETag!.Tag.ShouldBe("\"2\"");

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/accomplishments/{id}") { Content = JsonContent.Create(Json.Win("Stale title")) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var conflict = await user.Http.SendAsync(stale);
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await conflict.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("version 2");

        var current = await user.Http.GetJsonAsync($"/api/accomplishments/{id}");
        current.GetProperty("title").GetString().ShouldBe("Second title");
        current.GetProperty("revisions").GetInt32().ShouldBe(1);
        var history = await user.Http.GetJsonAsync($"/api/accomplishments/{id}/history");
        history.EnumerateArray().Select(h => h.GetProperty("type").GetString()).ShouldBe(["accomplishment_logged", "accomplishment_revised"]);
    }

    [Fact]
    public async Task retracting_hides_it_from_lists_and_revising_it_afterwards_is_a_409()
    {
        var user = await app.CreateUserAsync();
        var id = (await (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Oops"))).ReadAsync()).GetProperty("id").GetGuid();
        (await user.Http.DeleteAsync($"/api/accomplishments/{id}?reason=duplicate")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await user.Http.GetJsonAsync("/api/accomplishments")).GetArrayLength().ShouldBe(0);
        (await user.Http.GetJsonAsync("/api/accomplishments?includeRetracted=true")).GetArrayLength().ShouldBe(1);

        using var revise = new HttpRequestMessage(HttpMethod.Put, $"/api/accomplishments/{id}") { Content = JsonContent.Create(Json.Win("Back")) };
        revise.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        (await user.Http.SendAsync(revise)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task another_users_accomplishment_is_a_404_everywhere()
    {
        var owner = await app.CreateUserAsync();
        var intruder = await app.CreateUserAsync();
        var id = (await (await owner.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Mine"))).ReadAsync()).GetProperty("id").GetGuid();

        (await intruder.Http.GetAsync($"/api/accomplishments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Http.GetAsync($"/api/accomplishments/{id}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Http.DeleteAsync($"/api/accomplishments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var revise = new HttpRequestMessage(HttpMethod.Put, $"/api/accomplishments/{id}") { Content = JsonContent.Create(Json.Win("Stolen")) };
        revise.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await intruder.Http.SendAsync(revise)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Http.GetJsonAsync("/api/accomplishments")).GetArrayLength().ShouldBe(0);
        (await intruder.Http.GetJsonAsync("/api/stories/ranking")).GetProperty("considered").GetInt32().ShouldBe(0);
        (await owner.Http.GetJsonAsync($"/api/accomplishments/{id}")).GetProperty("title").GetString().ShouldBe("Mine");
    }

    [Fact]
    public async Task list_filters_by_date_and_rejects_a_bad_date()
    {
        var user = await app.CreateUserAsync();
        await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Spring", "2026-04-01"));
        await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Autumn", "2026-10-01"));
        var list = await user.Http.GetJsonAsync("/api/accomplishments?from=2026-06-01");
        list.GetArrayLength().ShouldBe(1);
        list[0].GetProperty("title").GetString().ShouldBe("Autumn");
        var bad = await user.Http.GetAsync("/api/accomplishments?from=June");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ReadAsync()).GetProperty("errors").TryGetProperty("from", out _).ShouldBeTrue();
    }
}
