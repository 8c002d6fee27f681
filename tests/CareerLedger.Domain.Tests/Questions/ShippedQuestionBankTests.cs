using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Questions;

namespace CareerLedger.Domain.Tests.Questions;

/// <summary>Guards the data file shipped in the Domain assembly (Questions/questions.json).</summary>
public sealed class ShippedQuestionBankTests
{
    private static readonly QuestionBank Bank = QuestionBank.Load();

    /// <summary>The sixteen Leadership Principles as stored (docs/domain.md, "Company lenses").</summary>
    private static readonly string[] PrincipleNames =
    [
        "customer_obsession",
        "ownership",
        "invent_and_simplify",
        "are_right_a_lot",
        "learn_and_be_curious",
        "hire_and_develop_the_best",
        "insist_on_the_highest_standards",
        "think_big",
        "bias_for_action",
        "frugality",
        "earn_trust",
        "dive_deep",
        "have_backbone_disagree_and_commit",
        "deliver_results",
        "strive_to_be_earths_best_employer",
        "success_and_scale_bring_broad_responsibility",
    ];

    public static readonly TheoryData<string> AmazonPrincipleNames = [.. PrincipleNames];

    public static readonly TheoryData<CompanyLens> OtherLenses =
        [CompanyLens.Google, CompanyLens.Meta, CompanyLens.Apple, CompanyLens.Netflix, CompanyLens.Stripe];

    public static readonly TheoryData<Competency> Competencies = [.. CompetencyCatalog.All];

    [Fact]
    public void the_shipped_bank_loads_and_validates()
    {
        using var stream = typeof(QuestionBank).Assembly.GetManifestResourceStream(QuestionBank.ResourceName);
        stream.ShouldNotBeNull();

        var reparsed = QuestionBank.Parse(stream);

        reparsed.All.Select(q => q.Id).ShouldBe(Bank.All.Select(q => q.Id));
    }

    [Fact]
    public void the_shipped_bank_is_loaded_once()
    {
        QuestionBank.Load().ShouldBeSameAs(Bank);
    }

    [Fact]
    public void the_bank_holds_between_60_and_80_questions()
    {
        Bank.All.Count.ShouldBeInRange(60, 80);
    }

    [Theory]
    [MemberData(nameof(Competencies))]
    public void every_competency_is_probed_by_at_least_two_questions(Competency competency)
    {
        Bank.ForCompetency(competency).Count.ShouldBeGreaterThanOrEqualTo(2, CompetencyCatalog.NameOf(competency));
    }

    [Fact]
    public void the_sixteen_principle_names_are_exactly_the_catalogue()
    {
        LensCatalog.AmazonPrinciples.Select(LensCatalog.NameOf).ShouldBe(PrincipleNames);
    }

    [Theory]
    [MemberData(nameof(AmazonPrincipleNames))]
    public void every_amazon_leadership_principle_is_covered_by_a_question(string name)
    {
        LensCatalog.TryParse(name, out AmazonPrinciple principle).ShouldBeTrue(name);

        Bank.ForPrinciple(principle).ShouldNotBeEmpty(name);
        Bank.All.SelectMany(q => q.LensTags).ShouldContain($"amazon:{name}");
    }

    [Theory]
    [MemberData(nameof(OtherLenses))]
    public void each_other_company_lens_has_at_least_eight_questions(CompanyLens lens)
    {
        Bank.ForLens(lens).Count.ShouldBeGreaterThanOrEqualTo(8, LensCatalog.NameOf(lens));
    }

    [Fact]
    public void every_behavioral_and_failure_question_maps_to_amazon()
    {
        Bank.All.Where(q => q.Kind is InterviewQuestionKind.Behavioral or InterviewQuestionKind.Failure)
            .ShouldAllBe(q => q.AmazonPrinciples.Count > 0 && q.Lenses.Contains(CompanyLens.Amazon));
    }

    [Fact]
    public void every_question_has_two_to_four_distinct_follow_ups()
    {
        Bank.All.ShouldAllBe(q => q.FollowUps.Count >= 2 && q.FollowUps.Count <= 4);
        Bank.All.ShouldAllBe(q => q.FollowUps.Distinct(StringComparer.OrdinalIgnoreCase).Count() == q.FollowUps.Count);
    }

    [Fact]
    public void every_question_has_one_to_three_competencies()
    {
        Bank.All.ShouldAllBe(q => q.Competencies.Count >= 1 && q.Competencies.Count <= 3);
    }

    [Fact]
    public void ids_are_unique_numbered_in_order_and_found_by_id()
    {
        var ids = Bank.All.Select(q => q.Id).ToList();

        ids.ShouldBeUnique();
        ids.Select(id => id[..5]).ShouldBe(Enumerable.Range(1, ids.Count).Select(i => $"q-{i:000}"));
        Bank.All.ShouldAllBe(q => ReferenceEquals(Bank.ById(q.Id), q));
        Bank.ById("q-999-nope").ShouldBeNull();
    }

    [Fact]
    public void texts_are_unique()
    {
        Bank.All.Select(q => q.Text.ToUpperInvariant()).ShouldBeUnique();
    }

    [Fact]
    public void every_level_and_difficulty_is_present()
    {
        foreach (var level in Enum.GetValues<ProbedLevel>())
        {
            Bank.ForLevel(level).ShouldNotBeEmpty(level.ToString());
        }

        foreach (var difficulty in Enum.GetValues<Difficulty>())
        {
            Bank.All.ShouldContain(q => q.Difficulty == difficulty, difficulty.ToString());
        }
    }

    [Fact]
    public void there_are_a_few_failure_questions_and_one_tell_me_about_yourself()
    {
        Bank.All.Count(q => q.Kind == InterviewQuestionKind.Failure).ShouldBeGreaterThanOrEqualTo(3);
        Bank.All.Count(q => q.Kind == InterviewQuestionKind.TellMeAboutYourself).ShouldBe(1);
    }

    [Fact]
    public void query_helpers_agree_with_a_filter()
    {
        Bank.ForLens(CompanyLens.Stripe).ShouldBe(Bank.Where(new QuestionFilter { Lenses = [CompanyLens.Stripe] }));
        Bank.ForLevel(ProbedLevel.Principal).ShouldBe(Bank.All.Where(q => q.Level == ProbedLevel.Principal));
        Bank.ForCompetency(Competency.Reliability).ShouldAllBe(q => q.Competencies.Contains(Competency.Reliability));
    }
}
