using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerLedger.Testing;
using Npgsql;

namespace CareerLedger.Web.Tests;

/// <summary>
/// Each input defect found by the outside probe: NUL and other refused characters in any text field, numbers beyond the
/// documented bounds, far dates, nulls inside arrays, unbounded reasons, oversized and over-deep bodies. Every one is a
/// 4xx problem naming the field, and nothing is written.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InputLimitsTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private async Task<long> EventCountAsync(UserClient user)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(*) from ledger.mt_events where tenant_id = @t", connection);
        cmd.Parameters.AddWithValue("t", user.UserId.ToString());
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ShouldBeFieldErrorAsync(HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue($"expected an error under '{field}': {text}");
        return messages;
    }

    public static TheoryData<string, string> RefusedCharacters => new()
    {
        { "NUL", "\\u0000" },
        { "bell", "\\u0007" },
        { "escape", "\\u001b" },
        { "DEL", "\\u007f" },
        { "C1 control", "\\u0085" },
        { "right-to-left override", "\\u202e" },
        { "first strong isolate", "\\u2068" },
        { "unpaired high surrogate", "\\ud800" },
        { "unpaired low surrogate", "\\udc00" },
        { "noncharacter", "\\uffff" },
    };

    [Theory]
    [MemberData(nameof(RefusedCharacters))]
    public async Task a_refused_character_in_any_text_field_of_a_win_is_a_400_naming_it(string what, string escaped)
    {
        _ = what;
        var user = await app.CreateUserAsync();
        var before = await EventCountAsync(user);
        foreach (var field in new[] { "title", "description", "project", "learnings", "impact[0].name", "impact[0].unit", "competencies[0]", "links[0]" })
        {
            var win = new Dictionary<string, object?>
            {
                ["title"] = "Cut p99", ["description"] = "Long text", ["project"] = "Payments", ["learnings"] = "Load tests",
                ["occurredOn"] = "2026-10-01", ["competencies"] = new[] { "ownership" }, ["links"] = new[] { "https://example.com/pr/1" },
                ["impact"] = new[] { new Dictionary<string, object?> { ["name"] = "p99", ["before"] = 400, ["after"] = 200, ["unit"] = "ms" } },
            };
            var json = JsonSerializer.Serialize(win);
            var original = field switch
            {
                "impact[0].name" => "\"name\":\"p99\"",
                "impact[0].unit" => "\"unit\":\"ms\"",
                "competencies[0]" => "\"ownership\"",
                "links[0]" => "\"https://example.com/pr/1\"",
                _ => $"\"{field}\":\"{win[field]}\"",
            };
            var poisoned = original[..^1] + escaped + "x\"";
            json.ShouldContain(original);
            var response = await user.Http.PostAsync("/api/accomplishments", Body(json.Replace(original, poisoned, StringComparison.Ordinal)));
            (await ShouldBeFieldErrorAsync(response, field))[0].GetString()!.ShouldNotBeNullOrWhiteSpace();
        }

        (await EventCountAsync(user)).ShouldBe(before, "nothing was written");
    }

    [Fact]
    public async Task nul_is_refused_on_every_kind_of_write_with_the_field_named()
    {
        var user = await app.CreateUserAsync();
        var cases = new (string Url, string Json, string Field)[]
        {
            ("/api/feedback", """{"text":"Great \u0000work","from":"Priya"}""", "text"),
            ("/api/feedback", """{"text":"Great work","from":"Pr\u0000iya"}""", "from"),
            ("/api/offers", """{"terms":{"company":"Acme\u0000","role":"Staff","level":{"label":"L6","rank":6},"currency":"USD","baseSalary":200000}}""", "terms.company"),
            ("/api/coach", """{"text":"I led \u0000 the migration"}""", "text"),
            ("/api/goals", """{"kind":"promotion","title":"Staff\u0000","targetLevel":"L6"}""", "title"),
            ("/api/import", """{"accomplishments":[{"title":"Ok","learnings":"x\u0000"}]}""", "accomplishments[0].learnings"),
            ("/api/tokens", """{"email":"a@example.com","password":"p","name":"laptop\u0000"}""", "name"),
        };
        var before = await EventCountAsync(user);
        foreach (var (url, json, field) in cases)
        {
            var response = await (url == "/api/tokens" ? app.CreateClient() : user.Http).PostAsync(url, Body(json));
            await ShouldBeFieldErrorAsync(response, field);
        }

        var register = await app.CreateClient().PostAsync("/api/accounts", Body("""{"email":"nul@example.com","password":"a long passphrase here","displayName":"Ann\u0000"}"""));
        await ShouldBeFieldErrorAsync(register, "displayName");
        (await EventCountAsync(user)).ShouldBe(before);
    }

    [Fact]
    public async Task a_control_character_in_the_idempotency_key_is_a_400_and_nothing_is_written()
    {
        var user = await app.CreateUserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/accomplishments") { Content = JsonContent.Create(Json.Win("Keyed")) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "key\u007fevil");
        (await user.Http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await EventCountAsync(user)).ShouldBe(0);
    }

    [Theory]
    [InlineData("baseSalary", """{"terms":{"company":"Acme","role":"Staff","level":{"label":"L6","rank":6},"currency":"USD","baseSalary":7.9e28}}""", "terms.baseSalary")]
    [InlineData("sign-on", """{"terms":{"company":"Acme","role":"Staff","level":{"label":"L6","rank":6},"currency":"USD","baseSalary":200000,"signOn":[{"amount":7.9e28}]}}""", "terms.signOn[0].amount")]
    [InlineData("RSU shares × price", """{"terms":{"company":"Acme","role":"Staff","level":{"label":"L6","rank":6},"currency":"USD","baseSalary":200000,"equity":{"kind":"rsu","shares":1e20,"sharePrice":1e20,"vesting":"even_4y"}}}""", "terms.equity.shares")]
    [InlineData("RSU product only", """{"terms":{"company":"Acme","role":"Staff","level":{"label":"L6","rank":6},"currency":"USD","baseSalary":200000,"equity":{"kind":"rsu","shares":10000000000,"sharePrice":100000000,"vesting":"even_4y"}}}""", "terms.equity.shares")]
    [InlineData("refresher", """{"terms":{"company":"Acme","role":"Staff","level":{"label":"L6","rank":6},"currency":"USD","baseSalary":200000,"refresher":{"annualValue":1e13,"vesting":"even_4y"}}}""", "terms.refresher.annualValue")]
    [InlineData("liquidation preference", """{"terms":{"company":"Acme","role":"Staff","level":{"label":"L6","rank":6},"currency":"USD","baseSalary":200000,"equity":{"kind":"options","shares":1000,"strikePrice":1,"fairMarketValue":1,"liquidationPreference":1e20,"vesting":"even_4y"}}}""", "terms.equity.liquidationPreference")]
    public async Task offer_figures_beyond_the_documented_bounds_are_400s_naming_the_field(string what, string json, string field)
    {
        _ = what;
        var user = await app.CreateUserAsync();
        await ShouldBeFieldErrorAsync(await user.Http.PostAsync("/api/offers", Body(json)), field);
        (await user.Http.GetJsonAsync("/api/offers?status=all")).GetArrayLength().ShouldBe(0);
        (await user.Http.GetAsync("/api/offers/compare")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("7.9e28")]
    [InlineData("-7.9e28")]
    [InlineData("1e16")]
    public async Task an_impact_figure_beyond_the_bound_is_a_400_and_nothing_is_stored(string figure)
    {
        var user = await app.CreateUserAsync();
        var response = await user.Http.PostAsync("/api/accomplishments", Body($$"""{"title":"Huge","impact":[{"name":"requests","before":1,"after":{{figure}}}]}"""));
        await ShouldBeFieldErrorAsync(response, "impact[0].after");
        var before = await user.Http.PostAsync("/api/accomplishments", Body($$"""{"title":"Huge","impact":[{"name":"requests","before":{{figure}},"after":1}]}"""));
        await ShouldBeFieldErrorAsync(before, "impact[0].before");
        (await EventCountAsync(user)).ShouldBe(0);
        (await user.Http.GetAsync("/api/brag")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_largest_accepted_figures_still_compute_without_overflow()
    {
        var user = await app.CreateUserAsync();
        var json = """
            {"terms":{"company":"Big","role":"Staff","level":{"label":"L6","rank":6},"currency":"VND","baseSalary":1000000000000,"bonusTargetPercent":100,
             "signOn":[{"amount":1000000000000},{"amount":1000000000000,"paidAtMonth":12},{"amount":1000000000000,"paidAtMonth":24},{"amount":1000000000000,"paidAtMonth":36}],
             "equity":{"kind":"options","shares":100000000000,"strikePrice":0,"fairMarketValue":1000000000,"preferredPrice":1000000000,"fullyDilutedShares":100000000000,"liquidationPreference":1000000000000000,"vesting":"even_4y"},
             "refresher":{"annualValue":1000000000000,"vesting":"even_4y"}}}
            """;
        var response = await user.Http.PostAsync("/api/offers", Body(json));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.ReadAsync()).GetProperty("offer").GetProperty("id").GetGuid();
        var compare = await user.Http.GetJsonAsync("/api/offers/compare");
        compare.GetProperty("offers").GetArrayLength().ShouldBe(1, "the bounds keep every derived figure computable");
        (await user.Http.GetAsync($"/api/offers/{id}/plan")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.Http.GetAsync("/api/offers/compare?format=html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/brag?asOf=9999-12-31")]
    [InlineData("/api/brag?asOf=10000-01-01")]
    [InlineData("/api/brag?asOf=0001-01-01")]
    [InlineData("/api/brag?asOf=9999-12-31T23:59:59Z")]
    [InlineData("/api/stories/ranking?asOf=9999-12-31")]
    [InlineData("/api/offers/compare?asOf=9999-12-31")]
    [InlineData("/api/feedback?from=0001-01-01")]
    public async Task a_far_date_in_the_query_is_a_400_naming_the_parameter(string url)
    {
        var user = await app.CreateUserAsync();
        var response = await user.Http.GetAsync(url);
        var field = url.Contains("from=", StringComparison.Ordinal) ? "from" : "asOf";
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        text.ShouldContain($"\"{field}\"");
        if (url.Contains("9999-12-31", StringComparison.Ordinal))
        {
            (await user.Http.GetAsync(url.Replace("9999-12-31", "2999-12-31", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.OK, "2999-12-31 is the last day accepted");
        }
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2026-02-30")]
    public async Task a_far_or_impossible_date_in_a_body_is_a_400_naming_the_field(string day)
    {
        var user = await app.CreateUserAsync();
        var json = $$$"""{"terms":{"company":"Acme","role":"Staff","level":{"label":"L6","rank":6},"currency":"USD","baseSalary":200000,"deadline":"{{{day}}}"}}""";
        await ShouldBeFieldErrorAsync(await user.Http.PostAsync("/api/offers", Body(json)), "terms.deadline");
        await ShouldBeFieldErrorAsync(await user.Http.PostAsync("/api/accomplishments", Body($$"""{"title":"x","occurredOn":"{{day}}"}""")), "occurredOn");
        (await EventCountAsync(user)).ShouldBe(0);
    }

    [Fact]
    public async Task a_null_inside_question_ids_is_a_field_error_for_that_entry()
    {
        var user = await app.CreateUserAsync();
        var win = await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Led the migration"));
        var winId = (await win.ReadAsync()).GetProperty("id").GetGuid();
        var story = await user.Http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { winId } });
        story.StatusCode.ShouldBe(HttpStatusCode.Created, await story.Content.ReadAsStringAsync());
        var storyId = (await story.ReadAsync()).GetProperty("story").GetProperty("id").GetGuid();
        var before = await EventCountAsync(user);
        var response = await user.Http.PutAsync($"/api/stories/{storyId}/links", Body("""{"questionIds":[null]}"""));
        await ShouldBeFieldErrorAsync(response, "questionIds[0]");
        (await EventCountAsync(user)).ShouldBe(before);
    }

    [Fact]
    public async Task reasons_have_a_maximum_length_on_every_command_that_takes_one()
    {
        var user = await app.CreateUserAsync();
        var longReason = new string('r', 1001);
        var win = await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("To retract"));
        var winId = (await win.ReadAsync()).GetProperty("id").GetGuid();
        var feedback = await user.Http.PostAsJsonAsync("/api/feedback", new { text = "Nice" });
        feedback.StatusCode.ShouldBe(HttpStatusCode.Created, await feedback.Content.ReadAsStringAsync());
        var feedbackId = (await feedback.ReadAsync()).GetProperty("id").GetGuid();
        var goal = await user.Http.PostAsJsonAsync("/api/goals", new { kind = "promotion", title = "Staff", targetLevel = "L6" });
        goal.StatusCode.ShouldBe(HttpStatusCode.Created, await goal.Content.ReadAsStringAsync());
        var goalId = (await goal.ReadAsync()).GetProperty("id").GetGuid();
        var before = await EventCountAsync(user);

        await ShouldBeFieldErrorAsync(await user.Http.DeleteAsync($"/api/accomplishments/{winId}?reason={longReason}"), "reason");
        await ShouldBeFieldErrorAsync(await user.Http.DeleteAsync($"/api/feedback/{feedbackId}?reason={longReason}"), "reason");
        await ShouldBeFieldErrorAsync(await user.Http.DeleteAsync($"/api/feedback/{feedbackId}?reason=ok%00not"), "reason");

        await ShouldBeFieldErrorAsync(await user.Http.PostAsJsonAsync($"/api/goals/{goalId}/drop", new { note = new string('n', 2001) }), "note");
        (await EventCountAsync(user)).ShouldBe(before);

        using var hugeRequest = new HttpRequestMessage(HttpMethod.Post, "/api/accomplishments") { Content = Body($$"""{"title":"x","description":"{{new string('d', 2_000_000)}}"}""") };
        hugeRequest.Headers.ExpectContinue = true;
        var huge = await user.Http.SendAsync(hugeRequest);
        huge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        huge.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await EventCountAsync(user)).ShouldBe(before);
    }

    [Fact]
    public async Task a_10_MB_body_is_a_413_and_a_deeply_nested_one_a_400()
    {
        var user = await app.CreateUserAsync();
        using var bigRequest = new HttpRequestMessage(HttpMethod.Post, "/api/feedback") { Content = Body("{\"text\":\"" + new string('x', 10 * 1024 * 1024) + "\"}") };
        bigRequest.Headers.ExpectContinue = true; // as a well-behaved client sends a large body: the server refuses before it is sent
        var big = await user.Http.SendAsync(bigRequest);
        big.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await big.ReadAsync()).GetProperty("status").GetInt32().ShouldBe(413);

        var deep = await user.Http.PostAsync("/api/accomplishments", Body("{\"title\":\"x\",\"links\":" + new string('[', 10_000) + new string(']', 10_000) + "}"));
        var text = await deep.Content.ReadAsStringAsync();
        deep.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        text.ShouldContain("\"links[0]\"", Case.Sensitive, "a typed body stops at the first level that does not fit; the depth limit guards the rest");

        var import = await user.Http.PostAsync("/api/import", Body("{\"accomplishments\":[" + string.Join(',', Enumerable.Range(0, 3000).Select(i => $$"""{"title":"Win {{i}}","occurredOn":"2026-01-01","description":"{{new string('d', 600)}}"}""")) + "]}"));
        import.StatusCode.ShouldBe(HttpStatusCode.OK, "an import of about 2 MB is within its own, larger limit");
        (await EventCountAsync(user)).ShouldBe(3000);
    }

    [Fact]
    public async Task repeats_of_an_idempotent_story_draft_or_session_start_answer_200_like_the_other_creates()
    {
        var user = await app.CreateUserAsync();
        var win = await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Led the migration"));
        var winId = (await win.ReadAsync()).GetProperty("id").GetGuid();

        async Task<HttpResponseMessage> Send(string url, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "repeat-" + url);
            return await user.Http.SendAsync(request);
        }

        foreach (var (url, body) in new (string, object)[] { ("/api/stories", new { accomplishmentIds = new[] { winId } }), ("/api/practice/sessions", new { questions = 2, seed = 7 }) })
        {
            var first = await Send(url, body);
            first.StatusCode.ShouldBe(HttpStatusCode.Created);
            var repeat = await Send(url, body);
            repeat.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var property = url.Contains("stories", StringComparison.Ordinal) ? "story" : "session";
            (await repeat.ReadAsync()).GetProperty(property).GetProperty("id").GetGuid().ShouldBe((await first.ReadAsync()).GetProperty(property).GetProperty("id").GetGuid());
        }
    }
}
