using CareerLedger.Domain.Coaching;

namespace CareerLedger.Domain.Tests.Coaching;

public sealed class SectionDetectionTests
{
    [Theory]
    [InlineData("Situation: Our build took an hour.", AnswerSection.Situation)]
    [InlineData("situation: Our build took an hour.", AnswerSection.Situation)]
    [InlineData("S: Our build took an hour.", AnswerSection.Situation)]
    [InlineData("Context - Our build took an hour.", AnswerSection.Situation)]
    [InlineData("Background — Our build took an hour.", AnswerSection.Situation)]
    [InlineData("**Task** My job was to halve it.", AnswerSection.Task)]
    [InlineData("**Task:** My job was to halve it.", AnswerSection.Task)]
    [InlineData("T - My job was to halve it.", AnswerSection.Task)]
    [InlineData("## Action\nI cached the dependencies.", AnswerSection.Action)]
    [InlineData("Action\nI cached the dependencies.", AnswerSection.Action)]
    [InlineData("- Actions: I cached the dependencies.", AnswerSection.Action)]
    [InlineData("A: I cached the dependencies.", AnswerSection.Action)]
    [InlineData("Result: It now takes 12 minutes.", AnswerSection.Result)]
    [InlineData("RESULTS: It now takes 12 minutes.", AnswerSection.Result)]
    [InlineData("Outcome: It now takes 12 minutes.", AnswerSection.Result)]
    [InlineData("Learnings: Cache keys need the lockfile hash.", AnswerSection.Learnings)]
    [InlineData("Learned: Cache keys need the lockfile hash.", AnswerSection.Learnings)]
    [InlineData("Lesson: Cache keys need the lockfile hash.", AnswerSection.Learnings)]
    [InlineData("Lessons learned: Cache keys need the lockfile hash.", AnswerSection.Learnings)]
    [InlineData("What I learned: Cache keys need the lockfile hash.", AnswerSection.Learnings)]
    [InlineData("L: Cache keys need the lockfile hash.", AnswerSection.Learnings)]
    public void a_label_at_the_start_of_a_line_sets_the_section_case_insensitively(string answer, AnswerSection expected)
    {
        var sentence = AnswerCoach.Score(answer).Sentences.Single();

        sentence.Section.ShouldBe(expected);
        sentence.Labelled.ShouldBeTrue();
    }

    [Theory]
    [InlineData("A colleague asked me to look at the build.")]
    [InlineData("Results were mixed at first.")]
    [InlineData("The action: nobody knew who owned it.")]
    [InlineData("Action-oriented people wanted a rewrite.")]
    public void words_that_only_look_like_labels_are_prose(string answer)
    {
        AnswerCoach.Score(answer).Sentences.Single().Labelled.ShouldBeFalse();
    }

    [Fact]
    public void a_labelled_section_runs_until_the_next_label_and_the_label_is_not_counted_as_words()
    {
        const string answer = """
            Situation: Our build took an hour.
            It blocked every release.
            Action: I cached the dependencies.
            I also split the test suite in four.
            """;

        var report = AnswerCoach.Score(answer);

        report.Sentences.Select(s => (s.Section, s.Text)).ShouldBe(
        [
            (AnswerSection.Situation, "Our build took an hour."),
            (AnswerSection.Situation, "It blocked every release."),
            (AnswerSection.Action, "I cached the dependencies."),
            (AnswerSection.Action, "I also split the test suite in four."),
        ]);
        report.Length.Words.ShouldBe(5 + 4 + 4 + 8);
    }

    [Theory]
    [InlineData("We were shipping once a month because the release process was manual.", AnswerSection.Situation)]
    [InlineData("Our team owned the billing service at the time.", AnswerSection.Situation)]
    [InlineData("The problem was that nobody trusted the tests.", AnswerSection.Situation)]
    [InlineData("My task was to make releases boring.", AnswerSection.Task)]
    [InlineData("I was asked to cut the release time.", AnswerSection.Task)]
    [InlineData("I built a release pipeline with automatic rollbacks.", AnswerSection.Action)]
    [InlineData("I proposed a weekly release train to the other leads.", AnswerSection.Action)]
    [InlineData("I learned that small releases are safer releases.", AnswerSection.Learnings)]
    [InlineData("Going forward, every service gets the same pipeline.", AnswerSection.Learnings)]
    [InlineData("In hindsight we should have load-tested it first.", AnswerSection.Learnings)]
    public void unlabelled_sentences_are_classified_by_cue_words(string sentence, AnswerSection expected)
    {
        AnswerCoach.Score(sentence).Sentences.Single().Section.ShouldBe(expected);
    }

    [Fact]
    public void a_result_cue_after_an_action_reads_as_result_and_a_sentence_without_cues_continues_the_section()
    {
        var report = AnswerCoach.Score(
            "I rewrote the release script in Go. It handled retries properly. As a result, releases went from 3 hours to 20 minutes. That freed a whole afternoon.");

        report.Sentences.Select(s => s.Section).ShouldBe([AnswerSection.Action, AnswerSection.Action, AnswerSection.Result, AnswerSection.Result]);
    }

    [Fact]
    public void numbers_before_any_action_describe_the_starting_point_not_the_result()
    {
        var report = AnswerCoach.Score("Checkout p99 was 2.4 s and 3 % of payments failed. I profiled the service.");

        report.Sentences[0].Section.ShouldBe(AnswerSection.Situation);
        report.Sentences[1].Section.ShouldBe(AnswerSection.Action);
    }

    [Fact]
    public void a_mechanism_named_inside_an_action_stays_an_action()
    {
        AnswerCoach.Score("I wrote a runbook for the failover.").Sentences.Single().Section.ShouldBe(AnswerSection.Action);
    }

    [Fact]
    public void sentences_split_at_terminal_punctuation_but_not_inside_abbreviations_or_decimals()
    {
        var report = AnswerCoach.Score("I tuned the pool, e.g. the idle timeout, to 1.5 s. Then I checked it! Did it hold? Yes.");

        report.Sentences.Select(s => s.Text).ShouldBe(["I tuned the pool, e.g. the idle timeout, to 1.5 s.", "Then I checked it!", "Did it hold?", "Yes."]);
    }

    [Fact]
    public void list_items_and_blank_lines_start_new_sentences()
    {
        var report = AnswerCoach.Score("Action:\n- I added a cache\n- I removed the retries\n\nThe queue drained");

        report.Sentences.Select(s => s.Text).ShouldBe(["I added a cache", "I removed the retries", "The queue drained"]);
        report.Sentences.ShouldAllBe(s => s.Section == AnswerSection.Action);
    }

    [Fact]
    public void an_answer_with_labelled_learnings_is_measured_as_carl()
    {
        var report = AnswerCoach.Score("Situation: The build was slow.\nAction: I cached it.\nResult: It is faster.\nLearnings: Measure first.");

        report.Format.ShouldBe(AnswerFormat.Carl);
        report.FormatDetected.ShouldBeTrue();
        report.Sections.Select(s => s.Section).ShouldBe([AnswerSection.Context, AnswerSection.Action, AnswerSection.Result, AnswerSection.Learnings]);
    }

    [Fact]
    public void an_answer_with_a_learning_in_prose_is_measured_as_carl()
    {
        AnswerCoach.Score("I cached the build. Since then every pipeline uses the cache.").Format.ShouldBe(AnswerFormat.Carl);
    }

    [Fact]
    public void an_answer_without_learnings_is_measured_as_star_with_its_four_targets()
    {
        var report = AnswerCoach.Score("Situation: The build was slow.\nTask: Fix it.\nAction: I cached it.\nResult: It is faster.");

        report.Format.ShouldBe(AnswerFormat.Star);
        report.Sections.Select(s => (s.Section, s.TargetMin, s.TargetMax)).ShouldBe(
        [
            (AnswerSection.Situation, 15, 20),
            (AnswerSection.Task, 10, 15),
            (AnswerSection.Action, 50, 60),
            (AnswerSection.Result, 15, 20),
        ]);
    }

    [Fact]
    public void a_chosen_format_overrides_detection_and_reports_what_carl_is_missing()
    {
        var report = AnswerCoach.Score("Situation: The build was slow.\nAction: I cached it.\nResult: It is faster.", format: AnswerFormat.Carl);

        report.Format.ShouldBe(AnswerFormat.Carl);
        report.FormatDetected.ShouldBeFalse();
        report.Sections.Single(s => s.Section == AnswerSection.Learnings).Verdict.ShouldBe(ShareVerdict.Missing);
        report.Has(FindingCodes.MissingLearnings).ShouldBeTrue();
    }

    [Fact]
    public void carl_context_adds_situation_and_task_and_shares_are_of_all_words()
    {
        // 4 + 3 situation/task words, 10 action, 4 result, 4 learnings = 25 words; context 7 / 25 = 28 %.
        var report = AnswerCoach.Score(
            "S: The build was slow.\nT: Fix it fast.\nA: I cached dependencies and split the suite into four shards.\nR: Builds take ten minutes.\nL: Measure before you optimise.");

        var context = report.Sections.Single(s => s.Section == AnswerSection.Context);
        context.Words.ShouldBe(7);
        context.Percent.ShouldBe(28.0m);
        context.Verdict.ShouldBe(ShareVerdict.TooLong);
        report.Sections.Sum(s => s.Words).ShouldBe(report.Length.Words);
    }

    [Fact]
    public void a_star_answer_without_a_result_raises_a_problem_for_the_missing_section()
    {
        var report = AnswerCoach.Score("Situation: The build was slow.\nTask: Fix it.\nAction: I cached the dependencies.");

        var finding = report.Findings.Single(f => f.Code == FindingCodes.MissingResult);
        finding.Severity.ShouldBe(FindingSeverity.Problem);
        finding.Quote.ShouldBeNull();
        report.Sections.Single(s => s.Section == AnswerSection.Result).Verdict.ShouldBe(ShareVerdict.Missing);
    }

    [Fact]
    public void context_too_long_quotes_the_setup_sentence_where_the_target_share_runs_out()
    {
        const string answer = """
            Situation: Our company sold tickets online. The platform was old. It ran on one big database. Every team deployed it together. Nobody owned the search page.
            Action: I rewrote the search query.
            Result: Search got 30 % faster.
            """;

        var finding = AnswerCoach.Score(answer).Findings.Single(f => f.Code == FindingCodes.ContextTooLong);

        // 34 words ("%" alone is not a word); STAR allows 35 % of setup = 11.9 words; the running total (5, 9, 15) passes it in the third sentence.
        finding.Quote.ShouldBe("It ran on one big database.");
        finding.Severity.ShouldBe(FindingSeverity.Problem);
    }
}
