using System.Net;
using System.Net.Http.Json;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests;

/// <summary>
/// <c>GET /api/stories/ranking</c>: the formula version and the growth gaps collected from the user's own constructive
/// feedback (Web/Stories/GrowthAreaReader.cs; docs/scoring.md, "Growth gaps"). Test clock 2026-11-21, user in Europe/Berlin.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoryRankingApiTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json");

    [Fact]
    public async Task the_sample_year_names_mentorship_from_its_constructive_feedback_with_three_candidates_outside_the_top()
    {
        var user = await app.CreateUserAsync();
        using var content = new StringContent(await File.ReadAllTextAsync(SamplePath), System.Text.Encoding.UTF8, "application/json");
        (await user.Http.PostAsync("/api/import", content)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ranking = await user.Http.GetJsonAsync("/api/stories/ranking?top=8");

        ranking.GetProperty("formulaVersion").GetInt32().ShouldBe(2);
        var topIds = ranking.GetProperty("top").EnumerateArray().Select(t => t.GetProperty("accomplishmentId").GetGuid()).ToList();
        // Constructive feedback themes: mentorship and leadership (manager, 2026-01-20), collaboration and conflict resolution (peer),
        // communication (skip level), communication, conflict resolution, collaboration (other), communication and mentorship
        // (peer review); the 2026 H1 review asks for mentorship and leadership. Every one but mentorship is shown by a top-8 story.
        var gap = ranking.GetProperty("growthGaps").EnumerateArray().ShouldHaveSingleItem();
        gap.GetProperty("competency").GetString().ShouldBe("mentorship");
        gap.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldBe(
            ["feedback from a peer on 2026-10-06 (peer review)", "your 2026 H1 review (Dana Smith)", "feedback from your manager on 2026-01-20 (1:1)"]);
        var candidates = gap.GetProperty("candidates").EnumerateArray().ToList();
        candidates.Count.ShouldBe(3);
        candidates.ShouldAllBe(c => !topIds.Contains(c.GetProperty("accomplishmentId").GetGuid()));
        candidates.ShouldAllBe(c => c.GetProperty("competencies").EnumerateArray().Any(x => x.GetString() == "mentorship"));
        var scores = candidates.Select(c => c.GetProperty("score").GetDecimal()).ToList();
        scores.ShouldBe(scores.OrderDescending().ToList());
        gap.GetProperty("sentence").GetString()!.ShouldStartWith(
            "Feedback from a peer on 2026-10-06 (peer review), your 2026 H1 review (Dana Smith) and feedback from your manager on 2026-01-20 (1:1) name mentorship as a growth area; none of your top 8 shows it. Candidates to grow into such a story: ");
    }

    [Fact]
    public async Task only_the_users_own_live_constructive_feedback_counts_and_as_of_sees_only_what_was_recorded_by_then()
    {
        var user = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Paired with a new hire on the refunds rewrite", "2026-10-01",
            scope: "individual", involvement: "led", competencies: ["mentorship"]))).EnsureSuccessStatusCode();
        (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Shipped the payout dashboard", "2026-11-01",
            scope: "team", involvement: "drove", competencies: ["delivery"]))).EnsureSuccessStatusCode();
        // Praise and neutral feedback name no growth area; another user's constructive feedback is theirs alone.
        (await user.Http.PostAsJsonAsync("/api/feedback", new { text = "Great mentor!", receivedOn = "2026-11-02", from = "peer", sentiment = "positive", themes = new[] { "mentorship" } })).EnsureSuccessStatusCode();
        (await other.Http.PostAsJsonAsync("/api/feedback", new { text = "Own the roadmap.", receivedOn = "2026-11-02", from = "manager", sentiment = "constructive", themes = new[] { "ownership" } })).EnsureSuccessStatusCode();

        var before = await user.Http.GetJsonAsync("/api/stories/ranking?top=1");
        before.GetProperty("growthGaps").GetArrayLength().ShouldBe(0);
        var recordedBefore = Uri.EscapeDataString(app.Clock.GetUtcNow().ToString("O"));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        try
        {
            var created = await (await user.Http.PostAsJsonAsync("/api/feedback", new
            {
                text = "Grow someone on the team this half.", receivedOn = "2026-11-03", from = "manager", source = "1:1", sentiment = "constructive",
                themes = new[] { "mentorship", "delivery" },
            })).ReadAsync();

            var now = await user.Http.GetJsonAsync("/api/stories/ranking?top=1");
            // Delivery is shown by the top story, mentorship is not: one gap, with the pairing entry as the candidate.
            var gap = now.GetProperty("growthGaps").EnumerateArray().ShouldHaveSingleItem();
            gap.GetProperty("competency").GetString().ShouldBe("mentorship");
            gap.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldBe(["feedback from your manager on 2026-11-03 (1:1)"]);
            gap.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("title").GetString()).ShouldBe(["Paired with a new hire on the refunds rewrite"]);
            (await other.Http.GetJsonAsync("/api/stories/ranking")).GetProperty("growthGaps").EnumerateArray()
                .Select(g => g.GetProperty("competency").GetString()).ShouldBe(["ownership"]);

            // As of before the feedback was recorded, there is no gap yet.
            (await user.Http.GetJsonAsync($"/api/stories/ranking?top=1&asOf={recordedBefore}")).GetProperty("growthGaps").GetArrayLength().ShouldBe(0);

            // Retracted feedback no longer counts.
            (await user.Http.DeleteAsync($"/api/feedback/{created.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await user.Http.GetJsonAsync("/api/stories/ranking?top=1")).GetProperty("growthGaps").GetArrayLength().ShouldBe(0);
        }
        finally
        {
            app.Clock.Set(LedgerAppFactory.DefaultNow);
        }
    }
}
