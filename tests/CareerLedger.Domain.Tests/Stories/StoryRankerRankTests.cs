using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Stories;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Stories;

public sealed class StoryRankerRankTests
{
    private static readonly string[] AllChecklistLabels = ["Reliability", "Performance", "Ownership", "Leadership", "Conflict", "Ambiguity", "Failure / mistake"];

    // 81.5 (see StoryRankerScoreTests)
    private static AccomplishmentDetails Strong(string title = "Halved checkout latency") => Details(
        title: title, scope: Scope.Org, involvement: Involvement.Drove, impact: [Latency(420, 210)], learnings: "Added a latency budget to CI.",
        competencies: [Competency.PerformanceCost, Competency.Ownership, Competency.Reliability, Competency.Leadership], on: Today.AddDays(-365));

    // 5 + 7 + 0 + 0 + 0 + 10 = 22
    private static AccomplishmentDetails Weak(string title = "Helped with the migration") => Details(
        title: title, scope: Scope.Individual, involvement: Involvement.Contributed, on: Today);

    // team 11.3 + led 15 + impact 0 + learnings 10 + breadth 1 competency 2.5 + recency today 10 = 48.8
    private static AccomplishmentDetails Middle(string title = "Resolved the schema dispute", Competency competency = Competency.ConflictResolution) => Details(
        title: title, scope: Scope.Team, involvement: Involvement.Led, learnings: "Agreed an ADR template.", competencies: [competency], on: Today);

    [Fact]
    public void stories_are_ranked_by_score_best_first_with_one_based_ranks()
    {
        var weak = Win(Weak());
        var strong = Win(Strong());
        var middle = Win(Middle());

        var ranking = StoryRanker.Rank([weak, strong, middle], Today);

        ranking.Top.Select(r => r.AccomplishmentId).ShouldBe([strong.Id, middle.Id, weak.Id]);
        ranking.Top.Select(r => r.Rank).ShouldBe([1, 2, 3]);
        ranking.Top.Select(r => r.Score).ShouldBe([81.5m, 48.8m, 22m]);
        ranking.Top[1].ShouldBe(ranking.Top[1] with
        {
            Title = "Resolved the schema dispute",
            OccurredOn = Today,
            Breakdown = new ScoreBreakdown(11.3m, 15m, 0m, 10m, 2.5m, 10m),
        });
        ranking.Top[1].Competencies.ShouldBe([Competency.ConflictResolution]);
        ranking.Considered.ShouldBe(3);
    }

    [Fact]
    public void equal_scores_are_broken_by_the_more_recent_date_before_the_title()
    {
        // recent: team 11.3 + led 15 + 0 + 0 + breadth 0 + recency today 10 = 36.3
        // older:  team 11.3 + led 15 + 0 + 0 + breadth 2 competencies 5 + recency 365 days 5 = 36.3
        var older = Win(Details(title: "Aardvark", scope: Scope.Team, involvement: Involvement.Led,
            competencies: [Competency.Delivery, Competency.Mentorship], on: Today.AddDays(-365)));
        var recent = Win(Details(title: "Zebra", scope: Scope.Team, involvement: Involvement.Led, on: Today));

        var ranking = StoryRanker.Rank([older, recent], Today);

        ranking.Top.Select(r => r.Score).ShouldBe([36.3m, 36.3m]);
        ranking.Top.Select(r => r.Title).ShouldBe(["Zebra", "Aardvark"]);
    }

    [Fact]
    public void equal_scores_on_the_same_day_are_ordered_by_title_ordinally()
    {
        var ranking = StoryRanker.Rank([Win(Weak("beta")), Win(Weak("alpha")), Win(Weak("Alpha"))], Today);

        ranking.Top.Select(r => r.Title).ShouldBe(["Alpha", "alpha", "beta"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    public void top_outside_1_to_50_throws(int top)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => StoryRanker.Rank([Win(Weak())], Today, top)).ParamName.ShouldBe("top");
    }

    [Fact]
    public void top_1_and_50_are_accepted_and_top_cuts_the_list_but_not_the_count_considered()
    {
        var wins = Enumerable.Range(1, 60).Select(i => Win(Weak($"win {i:D2}"))).ToList();

        StoryRanker.Rank(wins, Today, 1).Top.Count.ShouldBe(1);
        var fifty = StoryRanker.Rank(wins, Today, 50);
        fifty.Top.Count.ShouldBe(50);
        fifty.Considered.ShouldBe(60);
        StoryRanker.Rank(wins, Today).Top.Count.ShouldBe(8);
    }

    [Fact]
    public void retracted_accomplishments_are_not_considered_ranked_or_counted_as_evidence()
    {
        var retracted = Win(Strong(), retracted: true);
        var live = Win(Weak());

        var ranking = StoryRanker.Rank([retracted, live], Today);

        ranking.Considered.ShouldBe(1);
        ranking.Top.Select(r => r.AccomplishmentId).ShouldBe([live.Id]);
        ranking.Coverage.Single(c => c.Competency == Competency.PerformanceCost).TotalEvidence.ShouldBe(0);
        ranking.Uncovered.ShouldContain(Competency.PerformanceCost);
    }

    [Fact]
    public void coverage_has_one_row_per_competency_with_top_ranks_and_total_evidence()
    {
        // Ranks: 1 Strong (perf, ownership, reliability, leadership), 2 Middle (conflict), 3 Middle-ish (reliability), outside top: Weak+reliability.
        var outsideTop = Win(Details(title: "Old reliability fix", scope: Scope.Individual, involvement: Involvement.Contributed,
            competencies: [Competency.Reliability, Competency.Rapport], on: Today.AddDays(-2000)));
        var ranking = StoryRanker.Rank(
            [Win(Strong()), Win(Middle()), Win(Middle("Restored the pager rotation", Competency.Reliability)), outsideTop], Today, top: 3);

        ranking.Coverage.Select(c => c.Competency).ShouldBe(CompetencyCatalog.All);
        var reliability = ranking.Coverage.Single(c => c.Competency == Competency.Reliability);
        reliability.TopStoryRanks.ShouldBe([1, 3]);
        reliability.TotalEvidence.ShouldBe(3);
        var rapport = ranking.Coverage.Single(c => c.Competency == Competency.Rapport);
        rapport.TopStoryRanks.ShouldBeEmpty();
        rapport.TotalEvidence.ShouldBe(1);
        ranking.Coverage.Single(c => c.Competency == Competency.ConflictResolution).TopStoryRanks.ShouldBe([2]);
    }

    [Fact]
    public void the_checklist_shows_which_top_stories_cover_each_item_and_lists_the_gaps()
    {
        var outsideTop = Win(Details(title: "Owned up to a bad migration", scope: Scope.Individual, involvement: Involvement.Contributed,
            competencies: [Competency.GrowthMindset], on: Today.AddDays(-2000)));
        var ranking = StoryRanker.Rank([Win(Strong()), Win(Middle()), outsideTop], Today, top: 2);

        ranking.Checklist.Select(c => c.Label).ShouldBe(AllChecklistLabels);
        ranking.Checklist.Select(c => c.Competency).ShouldBe(CompetencyCatalog.PrepChecklist.Select(i => i.Competency));
        ranking.Checklist.Select(c => c.TopStoryRanks.Count).ShouldBe([1, 1, 1, 1, 1, 0, 0]);
        ranking.Checklist.Single(c => c.Label == "Conflict").TopStoryRanks.ShouldBe([2]);
        ranking.Checklist.Single(c => c.Label == "Performance").TopStoryRanks.ShouldBe([1]);
        // Failure is evidenced, but only outside the top 2, so it is a gap in the top yet not "uncovered".
        ranking.UncoveredInTop.ShouldBe(["Ambiguity", "Failure / mistake"]);
        ranking.Uncovered.ShouldNotContain(Competency.GrowthMindset);
    }

    [Fact]
    public void uncovered_lists_competencies_no_accomplishment_evidences_in_catalogue_order()
    {
        var ranking = StoryRanker.Rank([Win(Strong()), Win(Middle())], Today);

        ranking.Uncovered.ShouldBe(CompetencyCatalog.All.Except(
            [Competency.PerformanceCost, Competency.Ownership, Competency.Reliability, Competency.Leadership, Competency.ConflictResolution]));
        ranking.Uncovered.ShouldContain(Competency.Rapport);
        ranking.Uncovered.ShouldNotContain(Competency.ConflictResolution);
    }

    [Fact]
    public void with_nothing_logged_everything_is_uncovered()
    {
        var asOf = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        var ranking = StoryRanker.Rank([], Today, asOf: asOf);

        ranking.Today.ShouldBe(Today);
        ranking.AsOf.ShouldBe(asOf);
        ranking.Considered.ShouldBe(0);
        ranking.Top.ShouldBeEmpty();
        ranking.Uncovered.ShouldBe(CompetencyCatalog.All);
        ranking.UncoveredInTop.ShouldBe(AllChecklistLabels);
        ranking.Coverage.ShouldAllBe(c => c.TotalEvidence == 0 && c.TopStoryRanks.Count == 0);
    }

    [Fact]
    public void the_reason_for_a_story_without_metrics_says_what_would_strengthen_it()
    {
        var reason = StoryRanker.Rank([Win(Weak())], Today).Top.Single().Reason;

        reason.ShouldBe("individual scope; you contributed. To strengthen: add a measured result, "
            + "add what you learned or the mechanism you left behind, say what you personally did.");
    }

    [Fact]
    public void the_reason_for_a_complete_story_lists_its_strengths_and_nothing_to_strengthen()
    {
        var reason = StoryRanker.Rank([Win(Strong())], Today).Top.Single().Reason;

        reason.ShouldBe("org-wide scope; you drove it; p99 latency 420 ms → 210 ms (−50 %); has a learning; 4 competencies.");
        reason.ShouldNotContain("To strengthen");
    }

    [Fact]
    public void the_reason_quotes_the_most_telling_metric_not_the_first_or_the_biggest_percent()
    {
        // At org scope: deploys 10 → 11 (fold 1.1, internal) → 0.2 + 0.8×0.1209×0.9 = 0.287;
        // p99 latency 420 → 210 ms (−50 %, internal) → fold 2, size 0.5 → 0.2 + 0.8×0.5×0.9 = 0.56;
        // cloud spend $148,000 → $104,000 (−30 %, money): $44,000 saved → size 0.6217, reach 0.9 + 0.1×0.5 = 0.95 → 0.2 + 0.8×0.6217×0.95 = 0.6725.
        var d = Strong() with
        {
            Impact =
            [
                new ImpactMetric("deploys per week", 10, 11, null, false), Latency(420, 210),
                new ImpactMetric("monthly cloud spend", 148_000, 104_000, "$", true),
            ],
            Learnings = null,
            Competencies = [Competency.Delivery],
        };

        StoryRanker.MostTellingMetric(d)!.Name.ShouldBe("monthly cloud spend");
        var reason = StoryRanker.Rank([Win(d)], Today).Top.Single().Reason;

        reason.ShouldBe("org-wide scope; you drove it; monthly cloud spend $148,000 → $104,000 (−30 %). "
            + "To strengthen: add what you learned or the mechanism you left behind.");
    }

    [Fact]
    public void among_equally_telling_metrics_the_reason_quotes_the_first()
    {
        var d = Strong() with { Impact = [Latency(300, 150), Latency(420, 210)] };

        StoryRanker.MostTellingMetric(d).ShouldBe(Latency(300, 150));
        StoryRanker.MostTellingMetric(d with { Impact = [] }).ShouldBeNull();
    }

    [Fact]
    public void the_ranking_reports_its_formula_version()
    {
        StoryRanker.Rank([Win(Weak())], Today).FormulaVersion.ShouldBe(2);
        StoryRanker.Rank([], Today).FormulaVersion.ShouldBe(StoryRanker.FormulaVersion);
    }
}

public sealed class StoryRankerGrowthGapTests
{
    private static Accomplishment Mentoring(string title, int daysAgo, Scope scope = Scope.Individual) => Win(Details(
        title: title, scope: scope, involvement: Involvement.Led, competencies: [Competency.Mentorship], on: Today.AddDays(-daysAgo)));

    [Fact]
    public void four_or_more_sources_name_the_two_newest_and_count_the_rest()
    {
        var areas = Enumerable.Range(1, 5)
            .Select(i => new GrowthArea(Competency.Mentorship, $"source {i}", Today.AddDays(-i)))
            .ToList();
        var gap = StoryRanker.Rank([], Today, growthAreas: areas).GrowthGaps.ShouldHaveSingleItem();
        gap.Sources.ShouldBe(["source 1", "source 2", "source 3", "source 4", "source 5"]);
        gap.Sentence.ShouldStartWith("Source 1, source 2 and 3 more name mentorship as a growth area; none of your top 8 shows it.");
    }

    [Fact]
    public void without_growth_areas_there_are_no_gaps()
    {
        StoryRanker.Rank([Mentoring("Paired on a rewrite", 10)], Today).GrowthGaps.ShouldBeEmpty();
        StoryRanker.Rank([Mentoring("Paired on a rewrite", 10)], Today, growthAreas: []).GrowthGaps.ShouldBeEmpty();
    }

    [Fact]
    public void a_growth_area_a_top_story_shows_is_not_a_gap()
    {
        var ranking = StoryRanker.Rank([Mentoring("Paired on a rewrite", 10)], Today, top: 1,
            growthAreas: [new GrowthArea(Competency.Mentorship, "feedback from your manager on 2026-03-02", Today)]);

        ranking.GrowthGaps.ShouldBeEmpty();
    }

    [Fact]
    public void candidates_are_the_best_three_non_top_entries_evidencing_the_competency_and_sources_are_newest_first_without_repeats()
    {
        var top = Win(Details(title: "Big launch", scope: Scope.Company, involvement: Involvement.Drove, impact: [Latency(900, 180)],
            competencies: [Competency.Delivery], on: Today));
        var wins = new[]
        {
            top, Mentoring("Oldest pairing", 900), Mentoring("Team onboarding guide", 30, Scope.Team), Mentoring("Recent pairing", 20),
            Mentoring("Org-wide reading group", 400, Scope.Org), Win(Details(title: "Unrelated", competencies: [Competency.Reliability], on: Today)),
            Win(Details(title: "Retracted mentoring", scope: Scope.Company, competencies: [Competency.Mentorship], on: Today), retracted: true),
        };
        GrowthArea[] areas =
        [
            new(Competency.Mentorship, "feedback from your manager on 2026-01-05", new DateOnly(2026, 1, 5)),
            new(Competency.Mentorship, "feedback from a peer on 2026-02-20", new DateOnly(2026, 2, 20)),
            new(Competency.Mentorship, "feedback from your manager on 2026-01-05", new DateOnly(2026, 1, 5)),
            new(Competency.Mentorship, "your 2025 H2 review (Dana Smith)", new DateOnly(2025, 12, 31)),
        ];

        var ranking = StoryRanker.Rank(wins, Today, top: 1, growthAreas: areas);

        var gap = ranking.GrowthGaps.ShouldHaveSingleItem();
        gap.Competency.ShouldBe(Competency.Mentorship);
        gap.Sources.ShouldBe(["feedback from a peer on 2026-02-20", "feedback from your manager on 2026-01-05", "your 2025 H2 review (Dana Smith)"]);
        // Scores: org reading group 22.5 + 15 + 2.5 + recency 400 days 4.7 = 44.7; team guide 11.3 + 15 + 2.5 + 9.4 = 38.2;
        // recent pairing 5 + 15 + 2.5 + 9.6 = 32.1; oldest pairing 5 + 15 + 2.5 + 1.8 = 24.3 (fourth, left out).
        gap.Candidates.Select(c => c.Title).ShouldBe(["Org-wide reading group", "Team onboarding guide", "Recent pairing"]);
        gap.Candidates.ShouldAllBe(c => c.Competencies.Contains(Competency.Mentorship));
        gap.Sentence.ShouldStartWith("Feedback from a peer on 2026-02-20, feedback from your manager on 2026-01-05 and your 2025 H2 review (Dana Smith) name mentorship as a growth area; none of your top 1 shows it. Candidates");
    }

    [Fact]
    public void gaps_are_listed_in_catalogue_order()
    {
        GrowthArea[] areas =
        [
            new(Competency.Rapport, "feedback from a peer on 2026-02-20", Today),
            new(Competency.Ownership, "feedback from your manager on 2026-01-05", Today),
        ];

        StoryRanker.Rank([], Today, growthAreas: areas).GrowthGaps.Select(g => g.Competency).ShouldBe([Competency.Ownership, Competency.Rapport]);
    }
}
