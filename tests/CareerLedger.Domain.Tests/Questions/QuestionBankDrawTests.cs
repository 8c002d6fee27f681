using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Questions;
using static CareerLedger.Domain.Tests.Questions.QuestionJson;

namespace CareerLedger.Domain.Tests.Questions;

public sealed class QuestionBankDrawTests
{
    private static readonly QuestionBank Bank = QuestionBank.Load();

    private static IEnumerable<string> Ids(IEnumerable<Question> questions) => questions.Select(q => q.Id);

    [Fact]
    public void the_same_seed_draws_the_same_questions_in_the_same_order()
    {
        static double Weight(Question q) => q.Competencies.Contains(Competency.Reliability) ? 5 : 1;

        var first = Bank.Draw(10, seed: 42, Weight);
        var second = Bank.Draw(10, seed: 42, Weight);

        Ids(first).ShouldBe(Ids(second));
    }

    [Fact]
    public void different_seeds_give_different_draws()
    {
        var draws = Enumerable.Range(0, 20).Select(seed => string.Join(",", Ids(Bank.Draw(5, seed)))).ToList();

        draws.Distinct().Count().ShouldBeGreaterThan(15);
    }

    [Fact]
    public void a_draw_returns_distinct_questions()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var drawn = Bank.Draw(30, seed, q => q.Difficulty == Difficulty.Hard ? 20 : 1);

            drawn.Count.ShouldBe(30);
            Ids(drawn).ShouldBeUnique();
        }
    }

    [Fact]
    public void a_draw_respects_the_filter()
    {
        var filter = new QuestionFilter { Lenses = [CompanyLens.Stripe], Levels = [ProbedLevel.Staff, ProbedLevel.Principal] };

        for (var seed = 0; seed < 20; seed++)
        {
            Bank.Draw(4, seed, filter: filter)
                .ShouldAllBe(q => q.Lenses.Contains(CompanyLens.Stripe) && q.Level != ProbedLevel.Senior);
        }
    }

    [Fact]
    public void a_draw_leaves_out_excluded_ids()
    {
        var asked = Ids(Bank.All.Take(Bank.All.Count - 3)).ToList();

        var drawn = Bank.Draw(10, seed: 1, filter: new QuestionFilter { ExcludeIds = asked });

        Ids(drawn).ShouldBe(Ids(Bank.All.TakeLast(3)), ignoreOrder: true);
    }

    [Fact]
    public void asking_for_more_than_are_available_returns_all_of_them()
    {
        var filter = new QuestionFilter { Kinds = [InterviewQuestionKind.Failure] };
        var failures = Bank.Where(filter);

        var drawn = Bank.Draw(failures.Count + 10, seed: 3, filter: filter);

        Ids(drawn).ShouldBe(Ids(failures), ignoreOrder: true);
        Bank.Draw(1000, seed: 3).Count.ShouldBe(Bank.All.Count);
    }

    [Fact]
    public void a_heavy_weight_makes_a_question_far_more_likely()
    {
        var target = Bank.All[Bank.All.Count / 2];
        var other = Bank.All[0];
        const int Seeds = 2000;
        double Weight(Question q) => q == target ? 50 : 1;

        var drawn = Enumerable.Range(0, Seeds).Select(seed => Bank.Draw(1, seed, Weight).Single()).ToList();

        // Proportional sampling: 50 / (50 + n - 1), about 0.4 with 74 questions; uniform would be about 0.014.
        var targetShare = drawn.Count(q => q == target) / (double)Seeds;
        var otherShare = drawn.Count(q => q == other) / (double)Seeds;
        targetShare.ShouldBeInRange(0.25, 0.6);
        otherShare.ShouldBeLessThan(0.05);
    }

    [Fact]
    public void weights_favour_questions_throughout_a_longer_draw()
    {
        const int Seeds = 500;
        double Weight(Question q) => q.Competencies.Contains(Competency.Perseverance) ? 20 : 1;
        var perseverance = Bank.ForCompetency(Competency.Perseverance).Count;

        var hits = Enumerable.Range(0, Seeds)
            .Sum(seed => Bank.Draw(8, seed, Weight).Count(q => q.Competencies.Contains(Competency.Perseverance)));

        // Uniformly, 8 draws would hold about 8 × perseverance / n of them; weighting should at least double that.
        var uniform = 8.0 * perseverance / Bank.All.Count;
        (hits / (double)Seeds).ShouldBeGreaterThan(2 * uniform);
    }

    [Fact]
    public void zero_weight_questions_come_only_after_all_the_others()
    {
        var bank = QuestionBank.Parse(Bank(6));
        double Weight(Question q) => q.Id is "q-002-sample" or "q-005-sample" ? 0 : 1;

        for (var seed = 0; seed < 30; seed++)
        {
            var drawn = bank.Draw(6, seed, Weight);

            Ids(drawn.Take(4)).ShouldNotContain("q-002-sample");
            Ids(drawn.Take(4)).ShouldNotContain("q-005-sample");
            Ids(drawn).ShouldBe(Ids(bank.All), ignoreOrder: true);
        }
    }

    [Fact]
    public void a_zero_count_draws_nothing_and_a_negative_count_is_refused()
    {
        Bank.Draw(0, seed: 1).ShouldBeEmpty();
        Should.Throw<ArgumentOutOfRangeException>(() => Bank.Draw(-1, seed: 1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void an_invalid_weight_is_refused_naming_the_question(double weight)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => Bank.Draw(3, seed: 1, q => q.Id == Bank.All[4].Id ? weight : 1));

        ex.Message.ShouldContain(Bank.All[4].Id);
    }

    [Fact]
    public void an_empty_filter_allows_everything()
    {
        Bank.Where(new QuestionFilter { Competencies = [], Lenses = [] }).Count.ShouldBe(Bank.All.Count);
    }
}
