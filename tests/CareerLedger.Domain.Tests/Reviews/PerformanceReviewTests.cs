using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Brag;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Readiness;
using CareerLedger.Domain.Reviews;
using CareerLedger.Domain.Tests.Support;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Reviews;

public sealed class PerformanceReviewTests
{
    private static readonly Guid Id = Guid.Parse("6f1c0a52-0000-4000-8000-0000000000a1");

    private static ReviewDetails H1(
        string? label = "2025 H2", string? name = "Dana Smith", DateOnly? end = null, IReadOnlyList<Competency>? strengths = null,
        IReadOnlyList<Competency>? growth = null, PromotionOutcome promotion = PromotionOutcome.None, string? newLevel = null, string text = "A strong half.") =>
        new(new DateOnly(2025, 7, 1), end ?? new DateOnly(2025, 12, 31), label, name, "Engineering Manager", "Exceeds expectations", 4, 5, text,
            strengths ?? [Competency.Reliability], growth ?? [Competency.Mentorship], promotion, newLevel);

    private static PerformanceReview Stored(ReviewDetails details, bool retracted = false, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), details, retracted, T0, null);

    private static DeciderSpec<PerformanceReview, ReviewEvent> Spec() => new(PerformanceReview.Evolve);

    private static ReviewDraft Draft(
        string? start = "2025-07-01", string? end = "2025-12-31", string? text = "Steady on-call and clear write-ups.", string? name = "Dana Smith",
        string? role = null, decimal? score = null, decimal? max = null, string[]? strengths = null, string[]? growth = null, string? promotion = null, string? level = null) =>
        new(start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            text, "2025 H2", name, role, "Meets expectations", score, max, strengths, growth, promotion, level);

    private static IReadOnlyDictionary<string, string[]> Errors(ReviewDraft draft) =>
        Should.Throw<DomainValidationException>(() => draft.Validate(Today)).Errors;

    [Fact]
    public void recording_starts_the_stream_and_a_repeat_with_its_key_yields_nothing()
    {
        var details = H1();
        Spec().Given().When(s => PerformanceReview.Record(Id, details, "import:r1", s)).Then(new ReviewRecorded(Id, details, "import:r1"));
        Spec().Given(new ReviewRecorded(Id, H1(), "import:r1")).When(s => PerformanceReview.Record(Id, H1(text: "other"), "import:r1", s)).Then();
        Spec().Given(new ReviewRecorded(Id, H1())).When(s => PerformanceReview.Record(Id, H1(), null, s)).ThenThrows<DomainRuleException>();
    }

    [Fact]
    public void revising_changes_the_content_only_when_it_differs_and_never_after_a_retraction()
    {
        var promoted = H1(promotion: PromotionOutcome.Promoted, newLevel: "Staff Engineer");
        Spec().Given(new ReviewRecorded(Id, H1())).When(s => PerformanceReview.Revise(s!, promoted)).Then(new ReviewRevised(Id, promoted));
        Spec().Given(new ReviewRecorded(Id, H1())).When(s => PerformanceReview.Revise(s!, H1())).Then();
        Spec().Given(new ReviewRecorded(Id, H1()), new ReviewRetracted(Id)).When(s => PerformanceReview.Revise(s!, promoted)).ThenThrows<DomainRuleException>();
    }

    [Fact]
    public void the_fold_keeps_the_latest_content_and_the_retraction()
    {
        var state = PerformanceReview.Evolve(null, new ReviewRecorded(Id, H1(), "k"), T0);
        state = PerformanceReview.Evolve(state, new ReviewRevised(Id, H1(text: "Revised.")), T0.AddMinutes(1));
        state.Details.Text.ShouldBe("Revised.");
        state.RecordedAt.ShouldBe(T0);
        state.ClientKey.ShouldBe("k");
        state.Retracted.ShouldBeFalse();
        PerformanceReview.Evolve(state, new ReviewRetracted(Id, "dup"), T0.AddMinutes(2)).Retracted.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => PerformanceReview.Evolve(null, new ReviewRevised(Id, H1()), T0));
    }

    [Fact]
    public void retracting_twice_yields_one_event_with_a_cleaned_reason()
    {
        Spec().Given(new ReviewRecorded(Id, H1())).When(s => PerformanceReview.Retract(s!, "  duplicate  ")).Then(new ReviewRetracted(Id, "duplicate"));
        Spec().Given(new ReviewRecorded(Id, H1()), new ReviewRetracted(Id)).When(s => PerformanceReview.Retract(s!, "again")).Then();
    }

    [Fact]
    public void a_valid_draft_is_cleaned_and_defaults_to_no_promotion()
    {
        var d = Draft(text: "  Steady on-call.  ", strengths: ["Reliability", "decision-making"], growth: ["mentorship"], score: 3, max: 5).Validate(Today);
        d.Text.ShouldBe("Steady on-call.");
        d.Strengths.ShouldBe([Competency.Reliability, Competency.DecisionMaking]);
        d.GrowthAreas.ShouldBe([Competency.Mentorship]);
        d.Promotion.ShouldBe(PromotionOutcome.None);
        d.RatingScore.ShouldBe(3m);
        Draft(name: null, role: "Engineering Manager").Validate(Today).ReviewerRole.ShouldBe("Engineering Manager");
        Draft(promotion: "not-promoted", level: "Staff").Validate(Today).Promotion.ShouldBe(PromotionOutcome.NotPromoted);
    }

    [Fact]
    public void an_invalid_draft_names_every_field()
    {
        var errors = Errors(Draft(start: "2026-01-01", end: "2025-12-31", text: " ", name: null, score: 6, max: 5, strengths: ["vibes"], promotion: "fired"));
        errors.Keys.ShouldBe(["text", "reviewerName", "periodStart", "ratingScore", "strengths[0]", "promotion"], ignoreOrder: true);

        Errors(Draft(start: null, end: null)).Keys.ShouldBe(["periodStart", "periodEnd"], ignoreOrder: true);
        Errors(Draft(end: "2026-03-11"))["periodEnd"][0].ShouldContain("future");
        Errors(Draft(start: "1969-12-01", end: "1970-01-31")).Keys.ShouldBe(["periodStart"]);
        Errors(Draft(start: "2023-01-01", end: "2025-12-31"))["periodEnd"][0].ShouldContain("731 days");
        Errors(Draft(score: 4)).Keys.ShouldBe(["ratingScaleMax"]);
        Errors(Draft(max: 5)).Keys.ShouldBe(["ratingScore"]);
        Errors(Draft(score: 4, max: 0)).Keys.ShouldBe(["ratingScaleMax"]);
        Errors(Draft(level: "Staff")).Keys.ShouldBe(["newLevel"]);
        Errors(Draft(text: new string('x', ReviewDraft.MaxTextLength + 1))).Keys.ShouldBe(["text"]);
        Errors(Draft(growth: CompetencyCatalog.All.Take(9).Select(CompetencyCatalog.NameOf).ToArray())).Keys.ShouldBe(["growthAreas"]);
        Errors(Draft(text: "Bad \u0000 byte")).Keys.ShouldBe(["text"]);
    }

    [Fact]
    public void a_period_of_exactly_the_limit_and_ending_today_is_accepted()
    {
        var end = Today;
        var start = end.AddDays(-(ReviewDraft.MaxPeriodDays - 1));
        var d = new ReviewDraft(start, end, "Two-year cycle.", ReviewerName: "Dana").Validate(Today);
        (d.PeriodEnd.DayNumber - d.PeriodStart.DayNumber + 1).ShouldBe(ReviewDraft.MaxPeriodDays);
    }

    [Fact]
    public void growth_areas_for_coverage_come_from_non_retracted_reviews_newest_first()
    {
        var older = Stored(H1(growth: [Competency.Communication]));
        var newer = Stored(H1(label: "2026 H1", end: new DateOnly(2026, 2, 28), growth: [Competency.Mentorship, Competency.Leadership]));
        var retracted = Stored(H1(label: "2026 Q1", end: new DateOnly(2026, 3, 1), growth: [Competency.Rapport]), retracted: true);
        var areas = PerformanceReview.GrowthAreas([older, retracted, newer]);
        areas.ShouldBe(
        [
            new GrowthArea(Competency.Mentorship, "your 2026 H1 review (Dana Smith)", new DateOnly(2026, 2, 28)),
            new GrowthArea(Competency.Leadership, "your 2026 H1 review (Dana Smith)", new DateOnly(2026, 2, 28)),
            new GrowthArea(Competency.Communication, "your 2025 H2 review (Dana Smith)", new DateOnly(2025, 12, 31)),
        ]);
        PerformanceReview.GrowthAreas([]).ShouldBeEmpty();
    }

    [Fact]
    public void descriptions_name_the_review_rating_and_outcome_in_words()
    {
        PerformanceReview.Describe(H1(label: null, name: null)).ShouldBe("your review of 2025-07-01 to 2025-12-31 (Engineering Manager)");
        PerformanceReview.Describe(H1(label: "FY26 annual review")).ShouldBe("your FY26 annual review (Dana Smith)");
        PerformanceReview.DescribeRating(H1()).ShouldBe("Exceeds expectations (4 of 5)");
        PerformanceReview.DescribeRating(H1() with { Rating = null, RatingScore = null, RatingScaleMax = null }).ShouldBeNull();
        PerformanceReview.DescribePromotion(PromotionOutcome.Promoted, "Staff Engineer").ShouldBe("promoted to Staff Engineer");
        PerformanceReview.DescribePromotion(PromotionOutcome.Nominated, "Staff Engineer").ShouldBe("nominated for promotion for Staff Engineer");
        PerformanceReview.DescribePromotion(PromotionOutcome.Deferred, null).ShouldBe("promotion deferred");
        PerformanceReview.DescribePromotion(PromotionOutcome.None, null).ShouldBeNull();
    }

    [Fact]
    public void the_excerpt_is_cut_at_a_word_with_an_ellipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("steady", 80));
        var excerpt = PerformanceReview.Excerpt(text);
        excerpt.Length.ShouldBeLessThanOrEqualTo(PerformanceReview.ExcerptLength);
        excerpt.ShouldEndWith("steady…");
        PerformanceReview.Excerpt("Short\nand sweet.").ShouldBe("Short and sweet.");
    }

    [Fact]
    public void the_brag_document_shows_reviews_whose_period_ends_in_the_range()
    {
        var inRange = Stored(H1(end: new DateOnly(2026, 2, 28), promotion: PromotionOutcome.Deferred, newLevel: "Staff Engineer"));
        var before = Stored(H1(end: new DateOnly(2025, 12, 31)));
        var gone = Stored(H1(end: new DateOnly(2026, 2, 1)), retracted: true);
        var doc = BragDocumentBuilder.Build([], [], [inRange, before, gone], new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), null);
        doc.Summary.ReviewCount.ShouldBe(1);
        var shown = doc.Reviews.ShouldHaveSingleItem();
        shown.Id.ShouldBe(inRange.Id);
        shown.Rating.ShouldBe("Exceeds expectations (4 of 5)");
        var md = BragMarkdown.Render(doc);
        md.ShouldContain("1 performance review.");
        md.ShouldContain("## Performance reviews");
        md.ShouldContain("- _Promotion:_ promotion to Staff Engineer deferred");
        md.ShouldContain("- _Strengths:_ Reliability");
        md.ShouldContain("- “A strong half.”");
        BragMarkdown.Render(BragDocumentBuilder.Build([], [], [before], new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), null))
            .ShouldNotContain("Performance reviews");
    }

    [Fact]
    public void review_strengths_add_evidence_but_never_replace_logged_work()
    {
        var win = Win(Details("Wrote the cross-team design doc", scope: Scope.MultiTeam, competencies: [Competency.Communication]));
        var review = Stored(H1(strengths: [Competency.Communication, Competency.Ambiguity], growth: []));
        var report = PromotionReadinessCalculator.Assess([win], [review], TargetLevel.Staff);
        var communication = report.Dimensions.Single(d => d.Dimension == LevelDimension.Communication);
        communication.Evidence.Count.ShouldBe(1);
        communication.ReviewEvidence.ShouldHaveSingleItem().Why.ShouldBe("your 2025 H2 review (Dana Smith) names communication as a strength");
        communication.Gap.ShouldBeNull();

        var ambiguity = report.Dimensions.Single(d => d.Dimension == LevelDimension.Ambiguity);
        ambiguity.ReviewEvidence.Count.ShouldBe(1);
        ambiguity.Gap.ShouldNotBeNull("a review alone is not enough: one logged win is needed");
        ambiguity.Gap.ShouldContain("Log 1 more win(s)");

        PromotionReadinessCalculator.Assess([win], TargetLevel.Staff).Dimensions.Single(d => d.Dimension == LevelDimension.Communication).Gap.ShouldNotBeNull();
    }

    [Fact]
    public void a_growth_area_is_a_gap_until_a_later_review_names_it_a_strength()
    {
        var wins = Enumerable.Range(0, 2).Select(i => Win(Details($"Led win {i}", scope: Scope.MultiTeam, involvement: Involvement.Led, competencies: [Competency.Mentorship]))).ToList();
        var asked = Stored(H1(strengths: [], growth: [Competency.Mentorship], promotion: PromotionOutcome.Deferred, newLevel: "Staff Engineer"));
        var report = PromotionReadinessCalculator.Assess(wins, [asked], TargetLevel.Staff);
        var influence = report.Dimensions.Single(d => d.Dimension == LevelDimension.Influence);
        influence.Evidence.Count.ShouldBe(2);
        influence.GrowthAsks.ShouldHaveSingleItem().Competencies.ShouldBe([Competency.Mentorship]);
        influence.Gap.ShouldBe("Your 2025 H2 review (Dana Smith) asks for growth in mentorship: log wins at multi-team scope that show it.");
        report.Summary.ShouldEndWith("Your 2025 H2 review (Dana Smith): promotion to Staff Engineer deferred.");
        report.Reviews.ShouldHaveSingleItem().Promotion.ShouldBe(PromotionOutcome.Deferred);

        var later = Stored(H1(label: "2026 H1", end: new DateOnly(2026, 3, 1), strengths: [Competency.Mentorship], growth: [], promotion: PromotionOutcome.Promoted, newLevel: "Staff Engineer"));
        var after = PromotionReadinessCalculator.Assess(wins, [asked, later], TargetLevel.Staff);
        var closed = after.Dimensions.Single(d => d.Dimension == LevelDimension.Influence);
        closed.GrowthAsks.ShouldBeEmpty();
        closed.Gap.ShouldBeNull();
        after.Summary.ShouldEndWith("Your 2026 H1 review (Dana Smith): promoted to Staff Engineer.");
        after.Reviews.Select(r => r.ReviewId).ShouldBe([later.Id, asked.Id]);

        PromotionReadinessCalculator.Assess(wins, [asked with { Retracted = true }], TargetLevel.Staff)
            .Dimensions.Single(d => d.Dimension == LevelDimension.Influence).Gap.ShouldBeNull();
    }

    [Fact]
    public void competencies_map_to_the_dimension_they_speak_to()
    {
        PromotionReadinessCalculator.DimensionOf(Competency.Ownership).ShouldBe(LevelDimension.Scope);
        PromotionReadinessCalculator.DimensionOf(Competency.DecisionMaking).ShouldBe(LevelDimension.Ambiguity);
        PromotionReadinessCalculator.DimensionOf(Competency.Delivery).ShouldBe(LevelDimension.Impact);
        PromotionReadinessCalculator.DimensionOf(Competency.ConflictResolution).ShouldBe(LevelDimension.Influence);
        PromotionReadinessCalculator.DimensionOf(Competency.Communication).ShouldBe(LevelDimension.Communication);
        PromotionReadinessCalculator.DimensionOf(Competency.Rapport).ShouldBeNull();
    }
}
