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

        // Formula version 2 (docs/scoring.md): impact per metric = 0.2 + 0.8 × size × reach, size = x/(x+1) with x = log2(fold),
        // money also sized by dollars, reach = scope s + (1 − s) × (0.5 money/customer, 0.25 reliability, 0 internal);
        // impact factor = best + 0.1 × the others, rounded to 4 decimals.
        // w2026-37 authorization rate (2026-09-09, company, drove, 4 competencies, learnings): 25 + 20
        //   + impact: rate 91.2 % → 93 %, gap 8.8 → 7.0, fold 1.2571, size 0.2482, reach 1 → 0.3986; volume $2,100,000 single figure
        //   d = log10(2,100) = 3.3222 → size 0.7686 → 0.8149; 0.8149 + 0.1×0.3986 = 0.8548 → 21.4; + 10 + 10 + 10×0.5^(73/365) = 8.7. Total 95.1.
        // w2026-25 idempotency rollout (2026-06-18, org, drove): 22.5 + 20 + impact: services 1 → 6 fold 6, size 0.7211, reach 0.9 → 0.7192;
        //   incidents 5 → 0 (0 → half an event) fold 10, size 0.7686, reliability reach 0.925 → 0.7688; 0.7688 + 0.0719 = 0.8407 → 21.0;
        //   + 10 + 10 + 10×0.5^(156/365) = 7.4. Total 90.9.
        // w2026-28 cost reduction (2026-07-09, org, drove): 22.5 + 20 + impact: spend $148,000 → $104,000, $44,000 saved → size 0.6217,
        //   money reach 0.95 → 0.6725; log cost $31,000 → $12,000 fold 2.5833 → 0.5779 (above the dollar size 0.5612) → 0.6392;
        //   0.6725 + 0.0639 = 0.7364 → 18.4; + 10 + 10 + 10×0.5^(135/365) = 7.7. Total 88.6.
        // w2025-48 Black Friday incident (2025-11-28, multi_team, led, 4): 17.5 + 15 + impact: checkout error rate 9.2 → 0.4 % fold 23,
        //   size 0.8190, customer reach 0.85 → 0.7569; time to mitigate 65 → 18 min fold 3.6111, size 0.6494, reliability reach 0.775 → 0.6026;
        //   0.7569 + 0.0603 = 0.8172 → 20.4; + 10 + 10 + 10×0.5^(358/365) = 5.1. Total 78.0.
        // w2026-41 reconciliation (2026-10-08, multi_team, led, 3): 17.5 + 15 + impact: mismatches 11 → 1 fold 11, size 0.7758, reach 0.7 → 0.6344;
        //   effort 60 → 8 h fold 7.5 → 0.6167; 0.6344 + 0.0617 = 0.6961 → 17.4; + 10 + 7.5 + 10×0.5^(44/365) = 9.2. Total 76.6.
        // w2026-13 checkout p99 (2026-03-26, multi_team, led, 4): 17.5 + 15 + impact: p99 1,450 → 620 ms fold 2.3387, size 0.5507,
        //   customer reach 0.85 → 0.5745; conversion 71.8 → 72.6 % gap fold 1.0292 → 0.2271; 0.5745 + 0.0227 = 0.5972 → 14.9;
        //   + 10 + 10 + 10×0.5^(240/365) = 6.3. Total 73.7.
        // w2026-05 ledger outbox disagreement (2026-01-29, multi_team, led, 3): 17.5 + 15 + impact: 38 → 2 ms fold 19, size 0.8094,
        //   reach 0.7 → 0.6533 → 16.3; + 10 + 7.5 + 10×0.5^(296/365) = 5.7. Total 72.0.
        var expected = new (string TitleStart, decimal Score)[]
        {
            ("Raised the card authorization rate", 95.1m),
            ("Drove adoption of a shared idempotency library", 90.9m),
            ("Drove a payments-wide cloud cost reduction", 88.6m),
            ("Led the Black Friday incident response", 78.0m),
            ("Led automation of daily ledger reconciliation", 76.6m),
            ("Cut checkout p99 latency", 73.7m),
            ("Settled a disagreement with the Ledger lead", 72.0m),
        };
        for (var i = 0; i < expected.Length; i++)
        {
            top[i].GetProperty("title").GetString()!.ShouldStartWith(expected[i].TitleStart);
            top[i].GetProperty("score").GetDecimal().ShouldBe(expected[i].Score, $"rank {i + 1}");
            top[i].GetProperty("rank").GetInt32().ShouldBe(i + 1);
        }

        ranking.GetProperty("formulaVersion").GetInt32().ShouldBe(2);
        // The reason quotes the metric contributing most to the impact (the volume), not the first listed (the rate).
        top[0].GetProperty("reason").GetString()!.ShouldStartWith(
            "company-wide scope; you drove it; additional approved payment volume per month (holdout estimate): $2,100,000;");
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
            ranking.GetProperty("top").EnumerateArray().Select(t => t.GetProperty("title").GetString()).ShouldContain(t => t!.StartsWith("Drove a payments-wide cloud cost reduction", StringComparison.Ordinal));
            ranking.GetProperty("top").EnumerateArray().Select(t => t.GetProperty("title").GetString()).ShouldNotContain("Renamed after the fact");
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
