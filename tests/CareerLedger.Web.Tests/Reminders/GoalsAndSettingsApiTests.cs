using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests.Reminders;

[Collection(PostgresCollection.Name)]
public sealed class GoalsAndSettingsApiTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    [Fact]
    public async Task one_active_goal_per_kind_revised_with_if_match_and_reached()
    {
        var user = await app.CreateUserAsync();
        var promo = await user.Http.PostAsJsonAsync("/api/goals", new { kind = "promotion", title = "Staff by the H2 cycle", targetLevel = "staff", targetDate = "2027-06-30" });
        promo.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await promo.ReadAsync()).GetProperty("id").GetGuid();

        var second = await user.Http.PostAsJsonAsync("/api/goals", new { kind = "promotion", title = "Principal", targetLevel = "principal" });
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var search = await user.Http.PostAsJsonAsync("/api/goals", new
        {
            kind = "job_search", title = "Staff role at a fintech",
            targetCompanies = new[] { "Stripe", "stripe", "Adyen" },
            interviews = new[] { new { on = "2026-12-01", company = "Stripe", stage = "onsite" }, new { on = "2026-11-25", company = "Adyen", stage = "phone screen" } },
        });
        search.StatusCode.ShouldBe(HttpStatusCode.Created);
        var searchBody = await search.ReadAsync();
        searchBody.GetProperty("targetCompanies").GetArrayLength().ShouldBe(2);
        searchBody.GetProperty("interviews")[0].GetProperty("company").GetString().ShouldBe("Adyen"); // sorted by day
        searchBody.GetProperty("nextInterview").GetProperty("on").GetString().ShouldBe("2026-11-25");

        (await user.Http.PutAsJsonAsync($"/api/goals/{id}", new { kind = "promotion", title = "Staff", targetLevel = "staff" })).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        using var revise = new HttpRequestMessage(HttpMethod.Put, $"/api/goals/{id}") { Content = JsonContent.Create(new { kind = "promotion", title = "Staff by the H1 cycle", targetLevel = "staff" }) };
        revise.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var revised = await user.Http.SendAsync(revise);
        revised.StatusCode.ShouldBe(HttpStatusCode.OK);
        revised.Headers.ETag!.Tag.ShouldBe("\"2\"");
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/goals/{id}/reach") { Content = JsonContent.Create(new { note = "promoted" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        (await user.Http.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var reached = await user.Http.PostAsJsonAsync($"/api/goals/{id}/reach", new { note = "promoted" });
        (await reached.ReadAsync()).GetProperty("status").GetString().ShouldBe("reached");
        (await user.Http.GetJsonAsync("/api/goals?status=active")).GetArrayLength().ShouldBe(1);
        (await user.Http.PostAsJsonAsync("/api/goals", new { kind = "promotion", title = "Principal", targetLevel = "principal" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var other = await app.CreateUserAsync();
        (await other.Http.GetAsync($"/api/goals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.GetJsonAsync("/api/goals")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task racing_opens_of_one_kind_leave_one_active_goal()
    {
        var user = await app.CreateUserAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            user.Http.PostAsJsonAsync("/api/goals", new { kind = "job_search", title = $"Search {i}" })));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(7);
        (await user.Http.GetJsonAsync("/api/goals")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task goal_validation_names_every_field()
    {
        var user = await app.CreateUserAsync();
        var response = await user.Http.PostAsJsonAsync("/api/goals", new
        {
            kind = "sabbatical", title = "",
            interviews = new[] { new { on = (string?)null, company = "" } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadAsync()).GetProperty("errors");
        foreach (var field in new[] { "kind", "title", "interviews[0].company", "interviews[0].on" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        var promotion = await user.Http.PostAsJsonAsync("/api/goals", new { kind = "promotion", title = "Staff" });
        (await promotion.ReadAsync()).GetProperty("errors").TryGetProperty("targetLevel", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task reminder_settings_start_from_defaults_change_field_by_field_and_name_bad_fields()
    {
        var user = await app.CreateUserAsync("America/Los_Angeles");
        var defaults = await user.Http.GetJsonAsync("/api/reminders/settings");
        defaults.GetProperty("winsDay").GetString().ShouldBe("friday");
        defaults.GetProperty("winsAt").GetString().ShouldBe("16:00");
        defaults.GetProperty("quietHours").GetString().ShouldBe("21:00-08:00");
        defaults.GetProperty("timeZone").GetString().ShouldBe("America/Los_Angeles");
        defaults.GetProperty("version").GetInt64().ShouldBe(0);
        // The test clock is Saturday 2026-11-21 12:00 UTC: the next Friday 16:00 in Los Angeles (PST) is 2026-11-28 00:00 UTC.
        defaults.GetProperty("nextWeeklyWins").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));

        var changed = await user.Http.PutJsonAsync("/api/reminders/settings", new { winsDay = "thu", disable = new[] { "quarterly_review" }, webhook = "https://hooks.example.com/careerledger" });
        changed.GetProperty("winsDay").GetString().ShouldBe("thursday");
        changed.GetProperty("winsAt").GetString().ShouldBe("16:00");
        changed.GetProperty("enabled").GetProperty("quarterly_review").GetBoolean().ShouldBeFalse();
        var secret = changed.GetProperty("channels")[1].GetProperty("signingSecret").GetString()!;
        secret.ShouldStartWith("whsec_");
        changed.GetProperty("version").GetInt64().ShouldBe(3);

        // The same address again keeps the secret; an identical change appends nothing.
        var again = await user.Http.PutJsonAsync("/api/reminders/settings", new { webhook = "https://hooks.example.com/careerledger", winsDay = "thursday" });
        again.GetProperty("channels")[1].GetProperty("signingSecret").GetString().ShouldBe(secret);
        again.GetProperty("version").GetInt64().ShouldBe(3);

        var bad = await user.Http.PutAsJsonAsync("/api/reminders/settings", new
        {
            winsDay = "someday", winsAt = "25:00", mockEveryDays = 0, quietHours = "late", enable = new[] { "horoscope" }, webhook = "http://example.com/x",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.ReadAsync()).GetProperty("errors");
        foreach (var field in new[] { "winsDay", "winsAt", "mockEveryDays", "quietHours", "enable[0]", "webhook" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        var email = await user.Http.PutAsJsonAsync("/api/reminders/settings", new { email = "me@example.com" });
        email.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await email.ReadAsync()).GetProperty("errors").GetProperty("email")[0].GetString()!.ShouldContain("not configured");
        (await user.Http.GetJsonAsync("/api/reminders/settings")).GetProperty("version").GetInt64().ShouldBe(3, "a refused change writes nothing");
    }

    [Fact]
    public async Task the_streak_tells_back_filled_weeks_from_kept_habit()
    {
        var user = await app.CreateUserAsync();
        // Six wins dated a week apart, all recorded now (a back-fill).
        for (var i = 0; i < 6; i++)
        {
            var day = new DateOnly(2026, 11, 20).AddDays(-7 * i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win($"Win {i}", day))).EnsureSuccessStatusCode();
        }

        var streak = await user.Http.GetJsonAsync("/api/streak");
        streak.GetProperty("activity").GetProperty("current").GetInt32().ShouldBe(6);
        streak.GetProperty("logging").GetProperty("current").GetInt32().ShouldBe(1);
        streak.GetProperty("loggedThisWeek").GetBoolean().ShouldBeTrue();
        streak.GetProperty("explanation").GetString()!.ShouldContain("written down weeks after");
    }

    [Fact]
    public async Task readiness_and_practice_progress_use_the_active_goals()
    {
        var user = await app.CreateUserAsync();
        var noGoal = await user.Http.GetAsync("/api/readiness");
        noGoal.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noGoal.ReadAsync()).GetProperty("errors").GetProperty("level")[0].GetString()!.ShouldContain("open a promotion goal");
        (await user.Http.PostAsJsonAsync("/api/goals", new { kind = "promotion", title = "Staff", targetLevel = "staff" })).EnsureSuccessStatusCode();
        (await user.Http.GetJsonAsync("/api/readiness")).GetProperty("level").GetString().ShouldBe("staff");
        (await user.Http.GetJsonAsync("/api/readiness?level=L7")).GetProperty("level").GetString().ShouldBe("principal");

        (await user.Http.GetJsonAsync("/api/practice/progress")).GetProperty("jobSearch").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        // The test clock's today is 2026-11-21; an onsite in two days makes practice daily.
        (await user.Http.PostAsJsonAsync("/api/goals", new { kind = "job_search", title = "Fintech", interviews = new[] { new { on = "2026-11-23", company = "Stripe", stage = "onsite" } } }))
            .EnsureSuccessStatusCode();
        var focus = (await user.Http.GetJsonAsync("/api/practice/progress")).GetProperty("jobSearch");
        focus.GetProperty("daysToInterview").GetInt32().ShouldBe(2);
        focus.GetProperty("cadenceDays").GetInt32().ShouldBe(1);
        focus.GetProperty("nextInterview").GetProperty("company").GetString().ShouldBe("Stripe");
    }

    [Fact]
    public async Task the_jobs_dashboard_is_off_by_default()
    {
        var user = await app.CreateUserAsync();
        (await user.Http.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
