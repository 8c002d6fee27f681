using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Stories;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Stories;

/// <summary>
/// The ranking of a realistic year (<see cref="PersonaYear"/>). With formula version 1 the launch ranked 16th (78.2) and the
/// lock-wait fix 10th (83.3): both earned the full 25 impact points, so nine small team fixes pushed the launch out of the
/// top 8. The worked example in docs/scoring.md computes both scores below by hand.
/// </summary>
public sealed class StoryRankerPersonaTests
{
    private static readonly IReadOnlyList<Accomplishment> Year = PersonaYear.All.Select(d => Win(d)).ToList();

    private static RankedStory Find(StoryRanking ranking, string title) => ranking.Top.Single(r => r.Title == title);

    [Fact]
    public void the_year_has_36_accomplishments_of_mixed_size()
    {
        PersonaYear.All.Count.ShouldBe(36);
        PersonaYear.All.Select(d => d.Scope).Distinct().Count().ShouldBe(5);
        PersonaYear.All.Count(d => d.Impact.Count == 0).ShouldBeGreaterThan(3);
    }

    [Fact]
    public void the_company_wide_launch_ranks_above_the_lock_wait_fix_and_stays_in_the_top_8()
    {
        var ranking = StoryRanker.Rank(Year, Today, top: 50);

        var launch = Find(ranking, PersonaYear.Launch);
        var lockWait = Find(ranking, PersonaYear.LockWaitFix);
        launch.Rank.ShouldBeLessThan(lockWait.Rank);
        launch.Rank.ShouldBeLessThanOrEqualTo(8);
        StoryRanker.Rank(Year, Today).Top.Select(r => r.Title).ShouldContain(PersonaYear.Launch);
        launch.Breakdown.Impact.ShouldBeGreaterThan(lockWait.Breakdown.Impact * 2);
    }

    [Fact]
    public void the_worked_example_in_scoring_md_matches_the_code()
    {
        var ranking = StoryRanker.Rank(Year, Today, top: 50);

        // Lock-wait fix (2026-02-12, team, drove, 3 competencies, learnings): 11.3 + 20 + impact 9.5 + 10 + 7.5 + recency 26 days 9.5 = 67.8
        Find(ranking, PersonaYear.LockWaitFix).Breakdown.ShouldBe(new ScoreBreakdown(11.3m, 20m, 9.5m, 10m, 7.5m, 9.5m));
        Find(ranking, PersonaYear.LockWaitFix).Score.ShouldBe(67.8m);
        StoryRanker.ImpactFactor(PersonaYear.All.Single(d => d.Title == PersonaYear.LockWaitFix).Impact, Scope.Team).ShouldBe(0.38m);

        // Launch (2025-11-28, company, led, 2 competencies, no learnings): 25 + 15 + impact 22.6 + 0 + 5 + recency 102 days 8.2 = 75.8
        var launch = PersonaYear.All.Single(d => d.Title == PersonaYear.Launch);
        StoryRanker.ImpactFactor(launch.Impact, Scope.Company).ShouldBe(0.9033m);
        Math.Round(StoryRanker.MetricImpact(launch.Impact[0], Scope.Company), 4).ShouldBe(0.6797);
        Math.Round(StoryRanker.MetricImpact(launch.Impact[1], Scope.Company), 4).ShouldBe(0.3145);
        Math.Round(StoryRanker.MetricImpact(launch.Impact[2], Scope.Company), 4).ShouldBe(0.8039);
        Find(ranking, PersonaYear.Launch).Breakdown.ShouldBe(new ScoreBreakdown(25m, 15m, 22.6m, 0m, 5m, 8.2m));
        Find(ranking, PersonaYear.Launch).Score.ShouldBe(75.8m);

        Find(ranking, PersonaYear.Launch).Rank.ShouldBe(5);
        Find(ranking, PersonaYear.LockWaitFix).Rank.ShouldBe(15);
    }

    [Fact]
    public void under_formula_version_1_the_launch_ranked_16th_behind_the_lock_wait_fix_10th()
    {
        // Version 1 differed only in the impact term (docs/scoring.md, "Formula versions"): replay it on today's breakdowns.
        var v1 = Year
            .Select(a => (a.Details, Score: StoryRanker.Total(StoryRanker.Score(a.Details, Today) with { Impact = Math.Round(25 * V1Impact(a.Details.Impact), 1, MidpointRounding.AwayFromZero) })))
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Details.OccurredOn).ThenBy(x => x.Details.Title, StringComparer.Ordinal)
            .Select((x, i) => (x.Details.Title, x.Score, Rank: i + 1))
            .ToList();

        v1.Single(x => x.Title == PersonaYear.Launch).ShouldBe((PersonaYear.Launch, 78.2m, 16));
        v1.Single(x => x.Title == PersonaYear.LockWaitFix).ShouldBe((PersonaYear.LockWaitFix, 83.3m, 10));
    }

    // The version 1 impact factor: 0.6 without a baseline; 0.4 + 0.6 × clamp(improvement / 50, 0, 1); from a zero baseline 1.0
    // the good way, else 0.4; best + 0.1 per further metric, capped at 1.
    private static decimal V1Impact(IReadOnlyList<ImpactMetric> metrics) => metrics.Count == 0 ? 0 : Math.Min(1m, metrics.Max(m => (m.ImprovementPercent, m.Before) switch
    {
        ({ } p, _) => 0.4m + (0.6m * Math.Clamp(p / 50m, 0m, 1m)),
        (null, 0m) => m.After == 0 || (m.After < 0) != m.LowerIsBetter ? 0.4m : 1.0m,
        _ => 0.6m,
    }) + (0.1m * (metrics.Count - 1)));

    [Fact]
    public void the_launch_reason_names_its_most_telling_metric_the_revenue()
    {
        var reason = Find(StoryRanker.Rank(Year, Today), PersonaYear.Launch).Reason;

        reason.ShouldStartWith("company-wide scope; you led it; incremental checkout revenue in the peak week (holdout estimate): $1,200,000;");
    }

    [Fact]
    public void growth_areas_the_top_8_does_not_show_are_named_with_candidates_from_the_rest_of_the_year()
    {
        GrowthArea[] areas =
        [
            new(Competency.Mentorship, "feedback from your manager on 2026-03-02", new DateOnly(2026, 3, 2)),
            new(Competency.TechnicalDebt, "your 2025 H2 review (Dana Smith)", new DateOnly(2025, 12, 31)),
            new(Competency.Mentorship, "your 2025 H2 review (Dana Smith)", new DateOnly(2025, 12, 31)),
            new(Competency.Rapport, "feedback from a peer on 2026-01-15", new DateOnly(2026, 1, 15)),
        ];

        var ranking = StoryRanker.Rank(Year, Today, growthAreas: areas);

        // Technical debt is shown by a top-8 story (the v1 API retirement), so it is not a gap.
        ranking.Top.ShouldContain(r => r.Competencies.Contains(Competency.TechnicalDebt));
        ranking.GrowthGaps.Select(g => g.Competency).ShouldBe([Competency.Mentorship, Competency.Rapport]);
        var mentorship = ranking.GrowthGaps[0];
        mentorship.Sources.ShouldBe(["feedback from your manager on 2026-03-02", "your 2025 H2 review (Dana Smith)"]);
        mentorship.Candidates.Select(c => c.Title).ShouldBe(
            ["Ran the payments guild reading group", "Mentored two new hires through their first on-call", "Paired with a junior engineer on the refunds rewrite"]);
        mentorship.Candidates.Select(c => c.Score).ShouldBe([51.9m, 47.3m, 40.4m]);
        mentorship.Sentence.ShouldBe(
            "Feedback from your manager on 2026-03-02 and your 2025 H2 review (Dana Smith) name mentorship as a growth area; none of your top 8 shows it. "
            + "Candidates to grow into such a story: \u201cRan the payments guild reading group\u201d (2026-02-03); "
            + "\u201cMentored two new hires through their first on-call\u201d (2025-06-15); \u201cPaired with a junior engineer on the refunds rewrite\u201d (2025-11-05).");
        ranking.GrowthGaps[1].Candidates.ShouldBeEmpty();
        ranking.GrowthGaps[1].Sentence.ShouldBe(
            "Feedback from a peer on 2026-01-15 names rapport as a growth area; none of your top 8 shows it. No logged entry shows it yet: log the next one, however small.");
    }
}
