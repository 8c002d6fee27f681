using System.Text;
using System.Text.Json.Nodes;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Questions;
using static CareerLedger.Domain.Tests.Questions.QuestionJson;

namespace CareerLedger.Domain.Tests.Questions;

public sealed class QuestionBankParseTests
{
    private static IReadOnlyList<string> ProblemsOf(string json) => Should.Throw<QuestionBankException>(() => QuestionBank.Parse(json)).Problems;

    [Fact]
    public void a_valid_question_parses_into_typed_fields()
    {
        var json = Bank(Question(7, "owned-it")
            .With("kind", "failure")
            .With("lenses", new JsonObject { ["stripe"] = true, ["amazon"] = new JsonArray("dive_deep", "have_backbone_disagree_and_commit"), ["google"] = true, ["meta"] = false }));

        var q = QuestionBank.Parse(json).All.ShouldHaveSingleItem();

        q.Id.ShouldBe("q-007-owned-it");
        q.Text.ShouldBe("Tell me about sample situation number 7.");
        q.Competencies.ShouldBe([Competency.Ownership, Competency.Delivery]);
        q.Difficulty.ShouldBe(Difficulty.Medium);
        q.Level.ShouldBe(ProbedLevel.Senior);
        q.Kind.ShouldBe(InterviewQuestionKind.Failure);
        q.Lenses.ShouldBe([CompanyLens.Amazon, CompanyLens.Google, CompanyLens.Stripe]);
        q.AmazonPrinciples.ShouldBe([AmazonPrinciple.DiveDeep, AmazonPrinciple.HaveBackboneDisagreeAndCommit]);
        q.LensTags.ShouldBe(["amazon:dive_deep", "amazon:have_backbone_disagree_and_commit", "google", "stripe"]);
        q.FollowUps.ShouldBe(["Which steps were yours?", "What would you change?"]);
    }

    [Fact]
    public void kind_defaults_to_behavioral_and_text_is_folded_onto_one_line()
    {
        var q = QuestionBank.Parse(Bank(Question(1).With("text", "  Tell me about\n  a time   it rained.  "))).All.ShouldHaveSingleItem();

        q.Kind.ShouldBe(InterviewQuestionKind.Behavioral);
        q.Text.ShouldBe("Tell me about a time it rained.");
    }

    [Fact]
    public void an_opening_or_closing_question_may_have_no_lenses()
    {
        var bank = QuestionBank.Parse(Bank(
            Question(1).With("kind", "tell_me_about_yourself").Without("lenses"),
            Question(2).With("kind", "closing").With("lenses", new JsonObject { ["google"] = false })));

        bank.All.ShouldAllBe(q => q.Lenses.Count == 0 && q.AmazonPrinciples.Count == 0);
    }

    [Fact]
    public void parses_from_a_utf8_stream_and_leaves_it_open()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Bank(3)));

        QuestionBank.Parse(stream).All.Count.ShouldBe(3);
        stream.CanRead.ShouldBeTrue();
    }

    [Fact]
    public void unknown_competency_is_reported_with_the_question_id_and_position()
    {
        var problems = ProblemsOf(Bank(Question(1), Question(2, "bad").With("competencies", new JsonArray("ownership", "heroics"))));

        var problem = problems.ShouldHaveSingleItem();
        problem.ShouldStartWith("q-002-bad: competencies[1]: unknown competency 'heroics'");
        problem.ShouldContain("conflict_resolution");
    }

    [Fact]
    public void names_must_be_written_in_their_stored_snake_case_form()
    {
        var problems = ProblemsOf(Bank(Question(1)
            .With("competencies", new JsonArray("Conflict-Resolution"))
            .With("difficulty", "Hard")
            .With("lenses", new JsonObject { ["amazon"] = new JsonArray("ownership", "Customer Obsession"), ["Google"] = true })));

        problems.Count.ShouldBe(4);
        problems.ShouldContain(p => p.StartsWith("q-001-sample: competencies[0]:", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("q-001-sample: difficulty: unknown difficulty 'Hard'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("q-001-sample: lenses.amazon[1]: unknown Amazon Leadership Principle 'Customer Obsession'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("q-001-sample: lenses.Google: unknown lens", StringComparison.Ordinal));
    }

    [Fact]
    public void duplicate_ids_are_reported()
    {
        var problems = ProblemsOf(Bank(Question(1), Question(2), Question(1).With("text", "Another question entirely?")));

        problems.ShouldHaveSingleItem().ShouldBe("q-001-sample: id: duplicate id (questions[2] repeats questions[0]).");
    }

    [Fact]
    public void a_reused_id_number_is_reported()
    {
        var problems = ProblemsOf(Bank(Question(1, "first"), Question(1, "second").With("text", "Something else?")));

        problems.ShouldHaveSingleItem().ShouldBe("q-001-second: id: number 001 is already used by q-001-first.");
    }

    [Fact]
    public void a_missing_or_malformed_id_is_reported_by_position()
    {
        var problems = ProblemsOf(Bank(Question(1).Without("id"), Question(2).With("id", "Q2 ownership")));

        problems.Count.ShouldBe(2);
        problems[0].ShouldBe("questions[0]: id: missing.");
        problems[1].ShouldStartWith("questions[1]: id: 'Q2 ownership' is not of the form q-NNN-slug");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void follow_ups_must_number_two_to_four(int count)
    {
        var followUps = new JsonArray([.. Enumerable.Range(1, count).Select(i => JsonValue.Create($"Follow-up {i}?"))]);

        var problems = ProblemsOf(Bank(Question(3).With("followUps", followUps)));

        problems.ShouldHaveSingleItem().ShouldBe($"q-003-sample: followUps: give 2 to 4 (got {count}).");
    }

    [Fact]
    public void missing_follow_ups_are_reported()
    {
        ProblemsOf(Bank(Question(3).Without("followUps"))).ShouldHaveSingleItem().ShouldBe("q-003-sample: followUps: missing; give 2 to 4.");
    }

    [Fact]
    public void blank_and_repeated_follow_ups_are_reported()
    {
        var problems = ProblemsOf(Bank(Question(3).With("followUps", new JsonArray("Why?", " ", "why?"))));

        problems.Count.ShouldBe(2);
        problems.ShouldContain("q-003-sample: followUps[1]: expected non-empty text, got ' '.");
        problems.ShouldContain("q-003-sample: followUps[2]: repeats an earlier follow-up.");
    }

    [Fact]
    public void unknown_lens_is_reported()
    {
        var problems = ProblemsOf(Bank(Question(4).With("lenses", new JsonObject { ["amazon"] = new JsonArray("ownership"), ["microsoft"] = true })));

        problems.ShouldHaveSingleItem().ShouldStartWith("q-004-sample: lenses.microsoft: unknown lens 'microsoft'. Use one of: amazon, google, meta, apple, netflix, stripe.");
    }

    [Fact]
    public void lens_values_must_be_booleans_and_amazon_a_list()
    {
        var problems = ProblemsOf(Bank(Question(4).With("lenses", new JsonObject { ["amazon"] = "ownership", ["meta"] = "yes" })));

        problems.ShouldContain("q-004-sample: lenses.amazon: expected a list of Leadership Principles, got 'ownership'.");
        problems.ShouldContain("q-004-sample: lenses.meta: expected true or false, got 'yes'.");
    }

    [Fact]
    public void a_behavioral_question_needs_an_amazon_principle()
    {
        var problems = ProblemsOf(Bank(Question(5).With("lenses", new JsonObject { ["google"] = true })));

        problems.ShouldHaveSingleItem().ShouldBe("q-005-sample: lenses.amazon: a behavioral question must map to at least one Amazon Leadership Principle.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void empty_text_is_reported(string text)
    {
        ProblemsOf(Bank(Question(6).With("text", text))).ShouldHaveSingleItem().ShouldBe("q-006-sample: text: empty.");
    }

    [Fact]
    public void text_must_read_as_a_sentence_of_reasonable_length()
    {
        var problems = ProblemsOf(Bank(
            Question(1).With("text", "Tell me about a time"),
            Question(2).With("text", new string('x', 301) + "?")));

        problems.ShouldBe([
            "q-001-sample: text: should end with '?' or '.'.",
            "q-002-sample: text: at most 300 characters (got 302).",
        ]);
    }

    [Fact]
    public void the_same_text_twice_is_reported()
    {
        var problems = ProblemsOf(Bank(Question(1), Question(2).With("text", "TELL ME ABOUT SAMPLE SITUATION NUMBER 1.")));

        problems.ShouldHaveSingleItem().ShouldBe("q-002-sample: text: same text as q-001-sample.");
    }

    [Fact]
    public void competencies_must_number_one_to_three_without_repeats()
    {
        var problems = ProblemsOf(Bank(
            Question(1).With("competencies", new JsonArray()),
            Question(2).With("competencies", new JsonArray("ownership", "delivery", "rapport", "mentorship")),
            Question(3).With("competencies", new JsonArray("ownership", "ownership"))));

        problems.ShouldBe([
            "q-001-sample: competencies: give 1 to 3 (got 0).",
            "q-002-sample: competencies: give 1 to 3 (got 4).",
            "q-003-sample: competencies[1]: 'ownership' is listed twice.",
        ]);
    }

    [Fact]
    public void missing_difficulty_and_unknown_level_and_kind_are_reported()
    {
        var problems = ProblemsOf(Bank(Question(8).Without("difficulty").With("level", "l6").With("kind", "riddle")));

        problems.ShouldBe([
            "q-008-sample: difficulty: missing.",
            "q-008-sample: level: unknown level 'l6'. Use one of: senior, staff, principal.",
            "q-008-sample: kind: unknown kind 'riddle'. Use one of: behavioral, failure, tell_me_about_yourself, closing.",
        ]);
    }

    [Fact]
    public void a_misspelt_field_is_reported_rather_than_ignored()
    {
        var problems = ProblemsOf(Bank(Question(9).With("folowUps", new JsonArray("A?", "B?"))));

        problems.ShouldHaveSingleItem().ShouldStartWith("q-009-sample: folowUps: unknown field.");
    }

    [Fact]
    public void every_problem_in_every_question_is_reported_at_once()
    {
        var ex = Should.Throw<QuestionBankException>(() => QuestionBank.Parse(Bank(
            Question(1).With("text", ""),
            Question(2),
            Question(3).With("competencies", new JsonArray("heroics")).With("followUps", new JsonArray("Only one?")),
            Question(2).With("text", "A clash?"))));

        ex.Problems.ShouldBe([
            "q-001-sample: text: empty.",
            "q-003-sample: competencies[0]: unknown competency 'heroics'. Use one of: " + string.Join(", ", CompetencyCatalog.All.Select(CompetencyCatalog.NameOf)) + ".",
            "q-003-sample: followUps: give 2 to 4 (got 1).",
            "q-002-sample: id: duplicate id (questions[3] repeats questions[1]).",
        ]);
        ex.Message.ShouldContain("4 problems");
        ex.Message.ShouldContain("q-003-sample: followUps");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"version\": 1}")]
    [InlineData("{\"version\": 2, \"questions\": []}")]
    public void a_malformed_document_is_rejected(string json)
    {
        ProblemsOf(json).ShouldNotBeEmpty();
    }
}
