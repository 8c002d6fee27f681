using System.Net;
using System.Net.Http.Json;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests;

/// <summary>
/// Imports samples/senior-backend-year.json (50 accomplishments, 15 feedback, 1 performance review) and checks the brag document and the story
/// ranking against figures worked out by hand from the file (test clock: 2026-11-21 12:00 UTC, user in Europe/Berlin).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SampleYearTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json");

    private async Task<UserClient> ImportedUserAsync()
    {
        var user = await app.CreateUserAsync(displayName: "Priya");
        using var content = new StringContent(await File.ReadAllTextAsync(SamplePath), System.Text.Encoding.UTF8, "application/json");
        var response = await user.Http.PostAsync("/api/import", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return user;
    }

    [Fact]
    public async Task importing_the_sample_year_creates_everything_once_and_a_second_import_adds_nothing()
    {
        var user = await app.CreateUserAsync();
        var json = await File.ReadAllTextAsync(SamplePath);
        using var first = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var r1 = await (await user.Http.PostAsync("/api/import", first)).ReadAsync();
        r1.GetProperty("accomplishmentsCreated").GetInt32().ShouldBe(50);
        r1.GetProperty("feedbackCreated").GetInt32().ShouldBe(15);
        r1.GetProperty("reviewsCreated").GetInt32().ShouldBe(1);

        using var second = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var r2 = await (await user.Http.PostAsync("/api/import", second)).ReadAsync();
        r2.GetProperty("accomplishmentsCreated").GetInt32().ShouldBe(0);
        r2.GetProperty("accomplishmentsUnchanged").GetInt32().ShouldBe(50);
        r2.GetProperty("feedbackUnchanged").GetInt32().ShouldBe(15);
        r2.GetProperty("reviewsUnchanged").GetInt32().ShouldBe(1);
        (await user.Http.GetJsonAsync("/api/accomplishments")).GetArrayLength().ShouldBe(50);
    }

    [Fact]
    public async Task the_third_quarter_brag_document_matches_the_hand_count()
    {
        var user = await ImportedUserAsync();
        var doc = await user.Http.GetJsonAsync("/api/brag?from=2026-07-01&to=2026-09-30");

        // Counted in the file: 11 items dated 2026-07-01..09-30 (Payments API, Platform/Infra, Ledger Service),
        // 6 of them with metrics; 3 feedback items received in the quarter.
        var summary = doc.GetProperty("summary");
        summary.GetProperty("accomplishments").GetInt32().ShouldBe(11);
        summary.GetProperty("projects").GetInt32().ShouldBe(3);
        summary.GetProperty("quantified").GetInt32().ShouldBe(6);
        summary.GetProperty("feedbackCount").GetInt32().ShouldBe(3);
        doc.GetProperty("grouping").GetString().ShouldBe("month");
        doc.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("label").GetString()).ShouldBe(["July 2026", "August 2026", "September 2026"]);
    }

    [Fact]
    public async Task the_markdown_brag_document_renders_metric_deltas_feedback_and_learnings()
    {
        var user = await ImportedUserAsync();
        var response = await user.Http.GetAsync("/api/brag?from=2026-07-01&to=2026-09-30&format=md");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/markdown");
        var md = await response.Content.ReadAsStringAsync();
        md.ShouldStartWith("# Priya: brag document: 2026-07-01 to 2026-09-30");
        // w2026-28: $148,000 → $104,000 is −29.7 %, shown rounded to −30 %; $31,000 → $12,000 is −61.3 % → −61 %.
        md.ShouldContain("monthly payments cloud spend $148,000 → $104,000 (−30 %)");
        md.ShouldContain("monthly log ingest and storage cost $31,000 → $12,000 (−61 %)");
        // w2026-37: 91.2 % → 93.0 % is +1.8 percentage points.
        md.ShouldContain("card authorization rate 91.2 % → 93 % (+1.8 pp)");
        md.ShouldContain("## Feedback");
        md.ShouldContain("## Learnings");
        md.IndexOf("## July 2026", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("## August 2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_html_brag_document_is_a_full_page()
    {
        var user = await ImportedUserAsync();
        var response = await user.Http.GetAsync("/api/brag?from=2026-07-01&to=2026-09-30&format=html");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldStartWith("<!doctype html>");
        html.ShouldContain("<h2 id=\"july-2026\">July 2026</h2>");
        html.ShouldContain("(−61 %)");
    }

    [Fact]
    public async Task the_default_brag_range_is_the_current_half_year()
    {
        var user = await ImportedUserAsync();
        var doc = await user.Http.GetJsonAsync("/api/brag");
        doc.GetProperty("from").GetString().ShouldBe("2026-07-01");
        doc.GetProperty("to").GetString().ShouldBe("2026-12-31");
    }

    [Fact]
    public async Task the_story_ranking_matches_scores_worked_out_by_hand()
    {
        var user = await ImportedUserAsync();
        var ranking = await user.Http.GetJsonAsync("/api/stories/ranking?top=8");
        ranking.GetProperty("considered").GetInt32().ShouldBe(50);
        var top = ranking.GetProperty("top").EnumerateArray().ToList();
        top.Count.ShouldBe(8);

        // w2026-28 cost reduction (2026-07-09, org, drove, 4 competencies, learnings):
        //   scope 25×0.9 = 22.5; involvement 20×1 = 20; impact: log cost −61 % ≥ 50 % → 1.0, +0.1 for a 2nd metric, capped → 25;
        //   learnings 10; breadth 10; recency: 135 days → 10×0.5^(135/365) = 7.74 → 7.7. Total 95.2.
        // w2026-25 idempotency rollout (2026-06-18, org, drove): 22.5 + 20 + 25 (1 → 6 services, +500 %) + 10 + 10
        //   + 10×0.5^(156/365) = 7.4. Total 94.9.
        // w2026-37 authorization rate (2026-09-09, company, drove): 25 + 20 + impact: 91.2 % → 93 % closes 1.8/8.8 = 20.45 % of the gap
        //   → 0.4 + 0.6×20.45/50 = 0.645, +0.1 for the 2nd metric = 0.745 → 25×0.745 = 18.6; + 10 + 10 + 10×0.5^(73/365) = 8.7. Total 92.3.
        // w2026-41 reconciliation (2026-10-08, multi_team, led, 3 competencies): 17.5 + 15 + 25 + 10 + 7.5 + 10×0.5^(44/365) = 9.2 → 84.2.
        // w2026-13 checkout p99 (2026-03-26, multi_team, led, 4): 17.5 + 15 + 25 + 10 + 10 + 10×0.5^(240/365) = 6.3 → 83.8.
        // w2025-48 Black Friday incident (2025-11-28, multi_team, led, 4): 17.5 + 15 + 25 + 10 + 10 + 10×0.5^(358/365) = 5.1 → 82.6.
        // w2026-05 ledger outbox disagreement (2026-01-29, multi_team, led, 3): 17.5 + 15 + 25 + 10 + 7.5 + 10×0.5^(296/365) = 5.7 → 80.7.
        var expected = new (string TitleStart, decimal Score)[]
        {
            ("Drove a payments-wide cloud cost reduction", 95.2m),
            ("Drove adoption of a shared idempotency library", 94.9m),
            ("Raised the card authorization rate", 92.3m),
            ("Led automation of daily ledger reconciliation", 84.2m),
            ("Cut checkout p99 latency", 83.8m),
            ("Led the Black Friday incident response", 82.6m),
            ("Settled a disagreement with the Ledger lead", 80.7m),
        };
        for (var i = 0; i < expected.Length; i++)
        {
            top[i].GetProperty("title").GetString()!.ShouldStartWith(expected[i].TitleStart);
            top[i].GetProperty("score").GetDecimal().ShouldBe(expected[i].Score, $"rank {i + 1}");
            top[i].GetProperty("rank").GetInt32().ShouldBe(i + 1);
        }

        top[0].GetProperty("reason").GetString()!.ShouldContain("org-wide scope");
        // The sample never tags rapport, and no top-8 story is a failure (growth_mindset) story.
        ranking.GetProperty("uncovered").EnumerateArray().Select(c => c.GetString()).ShouldBe(["rapport"]);
        ranking.GetProperty("uncoveredInTop").EnumerateArray().Select(c => c.GetString()).ShouldBe(["Failure / mistake"]);
    }

    [Fact]
    public async Task as_of_views_ignore_events_recorded_later()
    {
        var user = await ImportedUserAsync();
        var importedAt = app.Clock.GetUtcNow();
        var list = await user.Http.GetJsonAsync("/api/accomplishments?from=2026-07-09&to=2026-07-09");
        var id = list[0].GetProperty("id").GetGuid();
        var version = list[0].GetProperty("version").GetInt64();

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        try
        {
            using var revise = new HttpRequestMessage(HttpMethod.Put, $"/api/accomplishments/{id}")
            {
                Content = JsonContent.Create(Json.Win("Renamed after the fact", "2026-07-09", scope: "team", involvement: "contributed")),
            };
            revise.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            (await user.Http.SendAsync(revise)).StatusCode.ShouldBe(HttpStatusCode.OK);

            var now = await user.Http.GetStringAsync("/api/brag?from=2026-07-01&to=2026-07-31&format=md");
            now.ShouldContain("Renamed after the fact");
            var asOf = Uri.EscapeDataString(importedAt.AddMinutes(1).ToString("O"));
            var then = await user.Http.GetStringAsync($"/api/brag?from=2026-07-01&to=2026-07-31&format=md&asOf={asOf}");
            then.ShouldContain("Drove a payments-wide cloud cost reduction");
            then.ShouldNotContain("Renamed after the fact");
            then.ShouldContain("As recorded on");

            var before = Uri.EscapeDataString(importedAt.AddDays(-1).ToString("O"));
            (await user.Http.GetJsonAsync($"/api/brag?from=2026-01-01&to=2026-12-31&asOf={before}"))
                .GetProperty("summary").GetProperty("accomplishments").GetInt32().ShouldBe(0);
            var ranking = await user.Http.GetJsonAsync($"/api/stories/ranking?asOf={asOf}");
            ranking.GetProperty("top")[0].GetProperty("title").GetString()!.ShouldStartWith("Drove a payments-wide cloud cost reduction");
        }
        finally
        {
            app.Clock.Set(LedgerAppFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task re_importing_a_file_with_an_edited_item_revises_that_item_only()
    {
        var user = await app.CreateUserAsync();
        var original = new
        {
            accomplishments = new object[] { new { id = "a1", title = "First draft title", occurredOn = "2026-05-01" }, new { id = "a2", title = "Other", occurredOn = "2026-05-02" } },
            feedback = new object[] { new { id = "f1", text = "Good job", receivedOn = "2026-05-03" } },
        };
        var edited = new
        {
            accomplishments = new object[] { new { id = "a1", title = "Better title", occurredOn = "2026-05-01" }, new { id = "a2", title = "Other", occurredOn = "2026-05-02" } },
            feedback = new object[] { new { id = "f1", text = "Good job on the migration", receivedOn = "2026-05-03" } },
        };
        (await user.Http.PostAsJsonAsync("/api/import", original)).EnsureSuccessStatusCode();
        var result = await (await user.Http.PostAsJsonAsync("/api/import", edited)).ReadAsync();
        result.GetProperty("accomplishmentsCreated").GetInt32().ShouldBe(0);
        result.GetProperty("accomplishmentsUpdated").GetInt32().ShouldBe(1);
        result.GetProperty("accomplishmentsUnchanged").GetInt32().ShouldBe(1);
        result.GetProperty("feedbackUpdated").GetInt32().ShouldBe(1);
        var list = await user.Http.GetJsonAsync("/api/accomplishments");
        list.EnumerateArray().Select(a => a.GetProperty("title").GetString()).Order().ShouldBe(["Better title", "Other"]);
        (await user.Http.GetJsonAsync("/api/feedback"))[0].GetProperty("text").GetString().ShouldBe("Good job on the migration");
    }

    [Fact]
    public async Task a_file_with_one_bad_item_is_rejected_whole_with_every_error_listed()
    {
        var user = await app.CreateUserAsync();
        var response = await user.Http.PostAsJsonAsync("/api/import", new
        {
            accomplishments = new object[]
            {
                new { id = "ok", title = "Fine", occurredOn = "2026-01-01" },
                new { id = "bad", title = "", occurredOn = "2026-01-02", scope = "planet" },
            },
            feedback = new object[] { new { id = "f", text = "Great", from = "cat" } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadAsync()).GetProperty("errors");
        errors.TryGetProperty("accomplishments[1].title", out _).ShouldBeTrue();
        errors.TryGetProperty("accomplishments[1].scope", out _).ShouldBeTrue();
        errors.TryGetProperty("feedback[0].from", out _).ShouldBeTrue();
        (await user.Http.GetJsonAsync("/api/accomplishments")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task bad_query_values_are_400s_naming_the_parameter()
    {
        var user = await app.CreateUserAsync();
        foreach (var (url, field) in new[]
        {
            ("/api/brag?format=pdf", "format"),
            ("/api/brag?asOf=last-tuesday", "asOf"),
            ("/api/brag?from=2026-09-01&to=2026-08-01", "from"),
            ("/api/stories/ranking?top=0", "top"),
            ("/api/stories/ranking?top=many", "top"),
        })
        {
            var response = await user.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            (await response.ReadAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(url);
        }
    }
}
