using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Testing;
using CareerLedger.Web.Tests.Ai;
using Microsoft.AspNetCore.Hosting;

namespace CareerLedger.Web.Tests;

/// <summary>Stories, coach and mock sessions on the deterministic path (no model configured).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PracticeApiTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    internal const string StrongAnswer = """
        Situation: Our checkout service was timing out during the evening peak, and about 3 % of card payments were failing.
        Task: As the on-call lead I had to stop the failures before the weekend sale.
        Action: I pulled the traces and found that each payment made 14 sequential calls to the ledger. I rewrote the hot path to batch them into one call, added a cache for merchant settings, and ran a load test at twice the peak before I shipped it behind a flag. I walked the two other teams through the change and rolled it out to 10 %, then 50 %, then everyone.
        Result: p99 latency fell from 1,450 ms to 620 ms and failed payments dropped from 3 % to 0.2 %, which finance estimated at $40k a week in recovered sales.
        Learnings: I added a latency budget check to CI so a regression now fails the build, and I wrote a runbook for the next on-call.
        """;

    private static async Task<Guid> ImportAsync(UserClient user)
    {
        using var content = new StringContent(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json")), System.Text.Encoding.UTF8, "application/json");
        (await user.Http.PostAsync("/api/import", content)).EnsureSuccessStatusCode();
        var ranking = await user.Http.GetJsonAsync("/api/stories/ranking?top=1");
        return ranking.GetProperty("top")[0].GetProperty("accomplishmentId").GetGuid();
    }

    [Fact]
    public async Task a_story_drafted_from_an_accomplishment_uses_the_template_and_is_scored()
    {
        var user = await app.CreateUserAsync();
        var best = await ImportAsync(user);
        var response = await user.Http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { best }, format = "carl" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var view = await response.ReadAsync();
        view.GetProperty("draftSource").GetString().ShouldBe("template");
        view.GetProperty("draftNote").GetString().ShouldBe("no model configured");
        var revision = view.GetProperty("story").GetProperty("revisions")[0];
        revision.GetProperty("score").GetProperty("overall").GetInt32().ShouldBeInRange(1, 100);
        revision.GetProperty("sections").GetProperty("context").GetString()!.ShouldNotBeNullOrWhiteSpace();
        view.GetProperty("text").GetString()!.ShouldContain("Action:");
    }

    [Fact]
    public async Task a_story_with_your_own_sections_is_stored_as_written_and_scored_like_a_revision()
    {
        var user = await app.CreateUserAsync();
        var win = await (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Halved checkout latency", impact: [new { name = "p99 latency", before = 420, after = 210, unit = "ms" }]))).ReadAsync();
        var id = win.GetProperty("id").GetGuid();
        var sections = new { situation = "Checkout p99 latency had reached 420 ms before the peak.", task = "I had to halve it.", action = "I profiled the service and batched the ledger calls.", result = "p99 fell from 420 ms to 210 ms.", learnings = (string?)null };
        var response = await user.Http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { id }, sections });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var view = await response.ReadAsync();
        view.GetProperty("draftSource").GetString().ShouldBe("written");
        view.GetProperty("draftNote").ValueKind.ShouldBe(JsonValueKind.Null);
        var revision = view.GetProperty("story").GetProperty("revisions")[0];
        revision.GetProperty("note").GetString().ShouldBe("written");
        revision.GetProperty("headline").GetString()!.ShouldStartWith("Halved checkout latency"); // no headline given: the template's
        revision.GetProperty("sections").GetProperty("action").GetString().ShouldBe(sections.action);
        revision.GetProperty("score").GetProperty("overall").GetInt32().ShouldBeInRange(1, 100);

        var own = await (await user.Http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { id }, headline = "  My headline ", sections })).ReadAsync();
        own.GetProperty("story").GetProperty("revisions")[0].GetProperty("headline").GetString().ShouldBe("My headline");

        var refused = await user.Http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { id }, sections = new { situation = "Only context." } });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ReadAsync()).GetProperty("errors").GetProperty("sections.action")[0].GetString()!.ShouldContain("The action section is required");
    }

    [Fact]
    public async Task revising_a_story_keeps_its_lineage_with_each_revisions_score()
    {
        var user = await app.CreateUserAsync();
        var best = await ImportAsync(user);
        var view = await (await user.Http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { best } })).ReadAsync();
        var id = view.GetProperty("story").GetProperty("id").GetGuid();
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/{id}")
        {
            Content = JsonContent.Create(new
            {
                headline = "Cut payments cloud spend by 30 % without touching latency",
                sections = new { situation = "Cloud spend had grown 40 % in a year.", task = "Find savings without risk.", action = "I broke spend down per service, proposed three changes with a rollback each, and sequenced them.", result = "Spend fell from $148k to $104k a month.", learnings = "I added a cost dashboard and a monthly review." },
                reason = "tighter",
            }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{view.GetProperty("version").GetInt64()}\"");
        var revised = await user.Http.SendAsync(put);
        revised.StatusCode.ShouldBe(HttpStatusCode.OK);
        var revisions = (await revised.ReadAsync()).GetProperty("story").GetProperty("revisions");
        revisions.GetArrayLength().ShouldBe(2);
        revisions[1].GetProperty("revision").GetInt32().ShouldBe(2);
        revisions[1].GetProperty("score").GetProperty("overall").GetInt32().ShouldBeGreaterThan(0);
        revisions[0].GetProperty("note").GetString().ShouldBe("template");
    }

    [Fact]
    public async Task the_coach_scores_a_strong_answer_above_a_weak_one_and_quotes_the_problem()
    {
        var user = await app.CreateUserAsync();
        var strong = await (await user.Http.PostAsJsonAsync("/api/coach", new { text = StrongAnswer })).ReadAsync();
        var weak = await (await user.Http.PostAsJsonAsync("/api/coach", new { text = "We had some issues with performance so we looked into it and we fixed a lot of things and it was better after that. It was a good team effort." })).ReadAsync();
        strong.GetProperty("report").GetProperty("overall").GetInt32().ShouldBeGreaterThan(weak.GetProperty("report").GetProperty("overall").GetInt32());
        weak.GetProperty("critiqueSource").GetString().ShouldBe("rubric");
        var codes = weak.GetProperty("report").GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("no_numbers");
        codes.ShouldContain("we_instead_of_i");
        (await user.Http.PostAsJsonAsync("/api/coach", new { text = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task a_five_question_mock_session_runs_to_a_summary_and_shows_in_progress()
    {
        var user = await app.CreateUserAsync();
        await ImportAsync(user);
        var started = await user.Http.PostAsJsonAsync("/api/practice/sessions", new { lens = "amazon", questions = 5, seed = 42 });
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var session = await started.ReadAsync();
        var id = session.GetProperty("session").GetProperty("id").GetGuid();
        var ids = session.GetProperty("session").GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("questionId").GetString()).ToList();
        ids.Count.ShouldBe(5);

        // An answer without words is refused before it is stored, so the question stays open.
        var wordless = await user.Http.PostAsJsonAsync($"/api/practice/sessions/{id}/answers", new { text = "... —" });
        wordless.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wordless.ReadAsync()).GetProperty("errors").TryGetProperty("text", out _).ShouldBeTrue();
        ids.Distinct().Count().ShouldBe(5);

        var again = await (await user.Http.PostAsJsonAsync("/api/practice/sessions", new { lens = "amazon", questions = 5, seed = 42 })).ReadAsync();
        again.GetProperty("session").GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("questionId").GetString()).ShouldBe(ids, "same seed, same data, same draw");

        for (var i = 0; i < 5; i++)
        {
            var answer = await user.Http.PostAsJsonAsync($"/api/practice/sessions/{id}/answers", new { text = i % 2 == 0 ? StrongAnswer : "We did a lot of work and it went well.", durationSeconds = 100 });
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
            var result = await answer.ReadAsync();
            result.GetProperty("questionId").GetString().ShouldBe(ids[i]);
            result.GetProperty("followUp").GetString()!.ShouldEndWith("?");
            result.GetProperty("critiqueSource").GetString().ShouldBe("rubric");
        }

        (await user.Http.PostAsJsonAsync($"/api/practice/sessions/{id}/answers", new { text = "one more" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var finished = await (await user.Http.PostAsJsonAsync($"/api/practice/sessions/{id}/finish", new { })).ReadAsync();
        var summary = finished.GetProperty("session").GetProperty("summary");
        summary.GetProperty("answered").GetInt32().ShouldBe(5);
        summary.GetProperty("commonFindings").EnumerateArray().Select(f => f.GetString()).ShouldContain("no_numbers");

        var progress = await user.Http.GetJsonAsync("/api/practice/progress");
        progress.GetProperty("answers").GetInt32().ShouldBe(5);
        progress.GetProperty("sessions").GetInt32().ShouldBe(2);
        progress.GetProperty("sessionsPerWeek")[0].GetProperty("week").GetString().ShouldBe("2026-W47");
        progress.GetProperty("weakestDimensions").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task readiness_for_staff_cites_multi_team_work_and_names_gaps()
    {
        var user = await app.CreateUserAsync();
        await ImportAsync(user);
        var report = await user.Http.GetJsonAsync("/api/readiness?level=L6");
        report.GetProperty("level").GetString().ShouldBe("staff");
        var scope = report.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "scope");
        scope.GetProperty("evidence").GetArrayLength().ShouldBeGreaterThanOrEqualTo(2);
        (await user.Http.GetAsync("/api/readiness?level=L9")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task the_question_bank_is_served_and_filterable()
    {
        var user = await app.CreateUserAsync();
        (await user.Http.GetJsonAsync("/api/questions")).GetArrayLength().ShouldBeGreaterThanOrEqualTo(60);
        var conflict = await user.Http.GetJsonAsync("/api/questions?competency=conflict_resolution");
        conflict.EnumerateArray().ShouldAllBe(q => q.GetProperty("competencies").EnumerateArray().Any(c => c.GetString() == "conflict_resolution"));
    }
}

/// <summary>The app with a model configured at a local fake OpenAI-compatible endpoint.</summary>
public sealed class ModelAppFactory : LedgerAppFactory
{
    public FakeOpenAiServer Model { get; } = FakeOpenAiServer.StartAsync().GetAwaiter().GetResult();

    protected override void ConfigureApp(IWebHostBuilder builder)
    {
        builder.UseSetting("CareerLedger:Ai:Endpoint", Model.Endpoint.ToString());
        builder.UseSetting("CareerLedger:Ai:Model", "fake-model");
        builder.UseSetting("CareerLedger:Ai:TimeoutSeconds", "2");
        builder.UseSetting("CareerLedger:Ai:MaxRetries", "0");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Model.DisposeAsync();
    }
}

[Collection(PostgresCollection.Name)]
public sealed class ModelAssistedPracticeTests(ModelAppFactory app) : IClassFixture<ModelAppFactory>
{
    [Fact]
    public async Task with_a_model_the_critique_and_follow_up_come_from_it_and_say_so()
    {
        var user = await app.CreateUserAsync();
        app.Model.Behaviour = FakeOpenAiServer.Mode.Answer;
        app.Model.Reply = "Which decision was yours alone, and why?";
        var coach = await (await user.Http.PostAsJsonAsync("/api/coach", new { text = PracticeApiTests.StrongAnswer })).ReadAsync();
        coach.GetProperty("critiqueSource").GetString().ShouldBe("model");
        coach.GetProperty("critique").GetString().ShouldBe("Which decision was yours alone, and why?");
    }

    [Fact]
    public async Task when_the_model_fails_the_answer_is_still_recorded_and_scored_by_the_rubric()
    {
        var user = await app.CreateUserAsync();
        var session = await (await user.Http.PostAsJsonAsync("/api/practice/sessions", new { questions = 1, seed = 7 })).ReadAsync();
        var id = session.GetProperty("session").GetProperty("id").GetGuid();
        app.Model.Behaviour = FakeOpenAiServer.Mode.ServerError;
        try
        {
            var result = await (await user.Http.PostAsJsonAsync($"/api/practice/sessions/{id}/answers", new { text = PracticeApiTests.StrongAnswer })).ReadAsync();
            result.GetProperty("critiqueSource").GetString().ShouldBe("rubric");
            result.GetProperty("followUpSource").GetString().ShouldNotBe("model");
            var stored = await user.Http.GetJsonAsync($"/api/practice/sessions/{id}");
            stored.GetProperty("session").GetProperty("questions")[0].GetProperty("answer").GetString()!.ShouldContain("checkout service");
        }
        finally
        {
            app.Model.Behaviour = FakeOpenAiServer.Mode.Answer;
        }
    }

    [Fact]
    public async Task a_model_story_draft_with_the_sections_is_used_and_a_malformed_one_falls_back_to_the_template()
    {
        var user = await app.CreateUserAsync();
        var win = await (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Halved checkout latency", impact: [new { name = "p99 latency", before = 420, after = 210, unit = "ms" }]))).ReadAsync();
        var id = win.GetProperty("id").GetGuid();
        app.Model.Reply = JsonSerializer.Serialize(new
        {
            headline = "Halved checkout latency in six weeks",
            situation = "Checkout was slow.",
            task = "Make it fast.",
            action = "I profiled and batched the ledger calls.",
            result = "p99 fell from 420 ms to 210 ms.",
            learnings = "I added a latency budget to CI.",
        });
        var modelDraft = await (await user.Http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { id } })).ReadAsync();
        modelDraft.GetProperty("draftSource").GetString().ShouldBe("model");
        modelDraft.GetProperty("draftNote").GetString().ShouldBe("fake-model");
        modelDraft.GetProperty("story").GetProperty("revisions")[0].GetProperty("headline").GetString().ShouldBe("Halved checkout latency in six weeks");
        modelDraft.GetProperty("text").GetString()!.ShouldContain("Action: I profiled and batched the ledger calls.");

        // Another accomplishment: an identical request would be answered from the response cache.
        var other = await (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Cut cloud spend", impact: [new { name = "monthly spend", before = 148, after = 104, unit = "k$" }]))).ReadAsync();
        app.Model.Reply = "Sure! Here is a story about latency.";
        var fallback = await (await user.Http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { other.GetProperty("id").GetGuid() } })).ReadAsync();
        fallback.GetProperty("draftSource").GetString().ShouldBe("template");
        fallback.GetProperty("draftNote").GetString().ShouldBe("the model's answer was unusable");
    }
}
