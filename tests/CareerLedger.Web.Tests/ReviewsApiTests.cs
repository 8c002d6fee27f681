using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Domain.Competencies;
using CareerLedger.Testing;
using CareerLedger.Web.Reviews;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CareerLedger.Web.Tests;

/// <summary>Performance reviews end to end: the /api/reviews endpoints, the import file's reviews array, the brag document and readiness.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewsApiTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private static object Review(
        string text = "A strong half: steady on-call, clear incident write-ups, on-time delivery of the idempotency work.",
        string periodStart = "2026-01-01", string periodEnd = "2026-06-30", string? periodLabel = "2026 H1", string? reviewerName = "Dana Smith",
        string[]? strengths = null, string[]? growthAreas = null, string promotion = "deferred", string? newLevel = "Staff Engineer") => new
        {
            periodStart,
            periodEnd,
            periodLabel,
            reviewerName,
            reviewerRole = "Engineering Manager",
            rating = "Exceeds expectations",
            ratingScore = 4,
            ratingScaleMax = 5,
            text,
            strengths = strengths ?? ["reliability", "communication"],
            growthAreas = growthAreas ?? ["mentorship", "leadership"],
            promotion,
            newLevel,
        };

    private static System.Text.Json.Nodes.JsonNode WithId(object item, string id)
    {
        var node = JsonSerializer.SerializeToNode(item, JsonSerializerOptions.Web)!;
        node["id"] = id;
        return node;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, object? body = null, string? ifMatch = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        }

        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return await http.SendAsync(request);
    }

    [Fact]
    public async Task a_review_is_recorded_listed_revised_and_retracted()
    {
        var user = await app.CreateUserAsync();
        var created = await user.Http.PostAsJsonAsync("/api/reviews", Review());
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var body = await created.ReadAsync();
        var id = body.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/reviews/{id}");
        body.GetProperty("periodLabel").GetString().ShouldBe("2026 H1");
        body.GetProperty("rating").GetString().ShouldBe("Exceeds expectations");
        body.GetProperty("ratingScore").GetDecimal().ShouldBe(4m);
        body.GetProperty("promotion").GetString().ShouldBe("deferred");
        body.GetProperty("growthAreas").EnumerateArray().Select(g => g.GetString()).ShouldBe(["mentorship", "leadership"]);
        body.GetProperty("summary").GetString().ShouldBe("your 2026 H1 review (Dana Smith)");

        (await user.Http.GetJsonAsync("/api/reviews")).GetArrayLength().ShouldBe(1);
        (await user.Http.GetJsonAsync("/api/reviews?from=2026-07-01")).GetArrayLength().ShouldBe(0, "filtered on the period end");

        (await SendAsync(user.Http, HttpMethod.Put, $"/api/reviews/{id}", Review(promotion: "promoted"))).StatusCode.ShouldBe((HttpStatusCode)428);
        var revised = await SendAsync(user.Http, HttpMethod.Put, $"/api/reviews/{id}", Review(promotion: "promoted"), ifMatch: "1");
        revised.StatusCode.ShouldBe(HttpStatusCode.OK);
        revised.Headers.ETag!.Tag.ShouldBe("\"2\"");
        (await revised.ReadAsync()).GetProperty("promotion").GetString().ShouldBe("promoted");

        var stale = await SendAsync(user.Http, HttpMethod.Put, $"/api/reviews/{id}", Review(promotion: "nominated"), ifMatch: "1");
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await user.Http.GetJsonAsync($"/api/reviews/{id}")).GetProperty("promotion").GetString().ShouldBe("promoted", "the stale revision wrote nothing");

        (await SendAsync(user.Http, HttpMethod.Delete, $"/api/reviews/{id}?reason=duplicate", ifMatch: "1")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await SendAsync(user.Http, HttpMethod.Delete, $"/api/reviews/{id}?reason=duplicate", ifMatch: "2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await user.Http.GetJsonAsync("/api/reviews")).GetArrayLength().ShouldBe(0);
        var all = await user.Http.GetJsonAsync("/api/reviews?includeRetracted=true");
        all.GetArrayLength().ShouldBe(1);
        all[0].GetProperty("retracted").GetBoolean().ShouldBeTrue();

        var afterRetract = await SendAsync(user.Http, HttpMethod.Put, $"/api/reviews/{id}", Review(), ifMatch: "3");
        afterRetract.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await afterRetract.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("retracted");
    }

    [Fact]
    public async Task a_retry_with_the_same_key_answers_with_the_stored_review_and_a_reused_key_is_a_422()
    {
        var user = await app.CreateUserAsync();
        var first = await SendAsync(user.Http, HttpMethod.Post, "/api/reviews", Review(), key: "review-h1");
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await SendAsync(user.Http, HttpMethod.Post, "/api/reviews", Review(), key: "review-h1");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadAsync()).GetProperty("id").GetGuid().ShouldBe((await first.ReadAsync()).GetProperty("id").GetGuid());
        (await SendAsync(user.Http, HttpMethod.Post, "/api/reviews", Review(text: "Something else entirely."), key: "review-h1"))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await user.Http.GetJsonAsync("/api/reviews")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task bad_input_names_every_field_and_writes_nothing()
    {
        var user = await app.CreateUserAsync();
        var response = await user.Http.PostAsJsonAsync("/api/reviews", new
        {
            periodStart = "2026-07-01",
            periodEnd = "2026-06-30",
            text = "",
            ratingScore = 4,
            strengths = new[] { "vibes" },
            growthAreas = new[] { "mentorship", "charisma" },
            promotion = "fired",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadAsync()).GetProperty("errors");
        foreach (var field in new[] { "periodStart", "text", "reviewerName", "ratingScaleMax", "strengths[0]", "growthAreas[1]", "promotion" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        var future = await user.Http.PostAsJsonAsync("/api/reviews", Review(periodEnd: "2026-12-31"));
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.ReadAsync()).GetProperty("errors").GetProperty("periodEnd")[0].GetString()!.ShouldContain("future");
        var orphanLevel = await user.Http.PostAsJsonAsync("/api/reviews", Review(promotion: "none", newLevel: "Staff"));
        (await orphanLevel.ReadAsync()).GetProperty("errors").TryGetProperty("newLevel", out _).ShouldBeTrue();
        (await user.Http.GetJsonAsync("/api/reviews?includeRetracted=true")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task another_users_review_is_a_404_and_stays_unchanged()
    {
        var owner = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var id = (await (await owner.Http.PostAsJsonAsync("/api/reviews", Review())).ReadAsync()).GetProperty("id").GetGuid();
        (await other.Http.GetAsync($"/api/reviews/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(other.Http, HttpMethod.Put, $"/api/reviews/{id}", Review(promotion: "promoted"), ifMatch: "1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.DeleteAsync($"/api/reviews/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.GetJsonAsync("/api/reviews?includeRetracted=true")).GetArrayLength().ShouldBe(0);
        var mine = await owner.Http.GetJsonAsync($"/api/reviews/{id}");
        mine.GetProperty("promotion").GetString().ShouldBe("deferred");
        mine.GetProperty("retracted").GetBoolean().ShouldBeFalse();

        // The review's growth areas reach the owner's story ranking as growth gaps (no story shows them), never the other user's.
        var gaps = (await owner.Http.GetJsonAsync("/api/stories/ranking")).GetProperty("growthGaps").EnumerateArray().ToList();
        gaps.Select(g => g.GetProperty("competency").GetString()).ShouldBe(["leadership", "mentorship"]);
        gaps.ShouldAllBe(g => g.GetProperty("sources").EnumerateArray().Single().GetString() == "your 2026 H1 review (Dana Smith)");
        gaps[1].GetProperty("sentence").GetString()!.ShouldStartWith(
            "Your 2026 H1 review (Dana Smith) names mentorship as a growth area; none of your top 8 shows it.");
        (await other.Http.GetJsonAsync("/api/stories/ranking")).GetProperty("growthGaps").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task an_imported_review_shows_in_the_brag_document_and_readiness_and_reimports_as_unchanged()
    {
        var user = await app.CreateUserAsync(displayName: "Priya");
        var before = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        try
        {
            var file = new
            {
                accomplishments = new[] { Json.Win("Led the cross-team idempotency standard", "2026-05-12", "multi_team", "led", competencies: ["leadership", "communication"]) },
                reviews = new[] { WithId(Review(), "review-2026-h1") },
            };
            var imported = await (await user.Http.PostAsJsonAsync("/api/import", file)).ReadAsync();
            imported.GetProperty("reviewsCreated").GetInt32().ShouldBe(1, imported.ToString());
            var again = await (await user.Http.PostAsJsonAsync("/api/import", file)).ReadAsync();
            again.GetProperty("reviewsCreated").GetInt32().ShouldBe(0);
            again.GetProperty("reviewsUnchanged").GetInt32().ShouldBe(1);

            var brag = await user.Http.GetJsonAsync("/api/brag?from=2026-01-01&to=2026-11-21");
            brag.GetProperty("summary").GetProperty("reviewCount").GetInt32().ShouldBe(1);
            var shown = brag.GetProperty("reviews").EnumerateArray().ShouldHaveSingleItem();
            shown.GetProperty("periodLabel").GetString().ShouldBe("2026 H1");
            shown.GetProperty("reviewerName").GetString().ShouldBe("Dana Smith");
            shown.GetProperty("rating").GetString().ShouldBe("Exceeds expectations (4 of 5)");
            shown.GetProperty("promotion").GetString().ShouldBe("deferred");
            shown.GetProperty("strengths").EnumerateArray().Select(s => s.GetString()).ShouldBe(["reliability", "communication"]);
            shown.GetProperty("excerpt").GetString()!.ShouldStartWith("A strong half");

            var md = await user.Http.GetStringAsync("/api/brag?from=2026-01-01&to=2026-11-21&format=md");
            md.ShouldContain("## Performance reviews");
            md.ShouldContain("### 2026 H1 (2026-01-01 to 2026-06-30)");
            md.ShouldContain("- _Promotion:_ promotion to Staff Engineer deferred");
            md.ShouldContain("- _Growth areas:_ Mentorship");

            (await user.Http.GetJsonAsync("/api/brag?from=2026-07-01&to=2026-09-30")).GetProperty("reviews").GetArrayLength().ShouldBe(0, "its period ends before the range");
            var asOf = Uri.EscapeDataString(before.ToString("O"));
            (await user.Http.GetJsonAsync($"/api/brag?from=2026-01-01&to=2026-11-21&asOf={asOf}")).GetProperty("reviews").GetArrayLength().ShouldBe(0, "not recorded yet then");

            var readiness = await user.Http.GetJsonAsync("/api/readiness?level=L6");
            readiness.GetProperty("summary").GetString()!.ShouldContain("Your 2026 H1 review (Dana Smith): promotion to Staff Engineer deferred.");
            var outcome = readiness.GetProperty("reviews").EnumerateArray().ShouldHaveSingleItem();
            outcome.GetProperty("promotion").GetString().ShouldBe("deferred");
            outcome.GetProperty("rating").GetString().ShouldBe("Exceeds expectations (4 of 5)");
            var dims = readiness.GetProperty("dimensions").EnumerateArray().ToDictionary(d => d.GetProperty("dimension").GetString()!);
            var influence = dims["influence"];
            influence.GetProperty("growthAsks").GetArrayLength().ShouldBe(1);
            influence.GetProperty("gap").GetString()!.ShouldContain("Your 2026 H1 review (Dana Smith) asks for growth in");
            var communication = dims["communication"];
            communication.GetProperty("reviewEvidence")[0].GetProperty("why").GetString().ShouldBe("your 2026 H1 review (Dana Smith) names communication as a strength");
            communication.GetProperty("evidence").GetArrayLength().ShouldBe(1);
            communication.GetProperty("gap").ValueKind.ShouldBe(JsonValueKind.Null, "one win and the review's strength make two pieces of evidence");
            dims["ambiguity"].GetProperty("reviewEvidence").GetArrayLength().ShouldBe(0);
        }
        finally
        {
            app.Clock.Set(LedgerAppFactory.DefaultNow);
        }
    }
}
