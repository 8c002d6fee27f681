using System.Diagnostics;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Tests.Coaching;

public sealed class AnswerCoachInputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("— … — **")]
    public void an_empty_answer_is_rejected_under_answer(string? answer)
    {
        var ex = Should.Throw<DomainValidationException>(() => AnswerCoach.Score(answer!));

        ex.Errors.Keys.ShouldBe(["answer"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void a_duration_that_is_not_positive_is_rejected_under_spoken_duration(int seconds)
    {
        var ex = Should.Throw<DomainValidationException>(() => AnswerCoach.Score("I shipped it.", TimeSpan.FromSeconds(seconds)));

        ex.Errors.Keys.ShouldBe(["spokenDuration"]);
    }

    [Fact]
    public void an_undefined_format_is_rejected_under_format()
    {
        var ex = Should.Throw<DomainValidationException>(() => AnswerCoach.Score("I shipped it.", format: (AnswerFormat)7));

        ex.Errors.Keys.ShouldBe(["format"]);
    }

    [Fact]
    public void an_extremely_long_answer_is_cut_at_5000_words_with_a_finding_quoting_the_first_unread_words()
    {
        var answer = LengthAndPaceTests.Answer(5000) + " Beyond the cap I changed nothing else at all. " + LengthAndPaceTests.Answer(20_000);
        var clock = Stopwatch.StartNew();

        var report = AnswerCoach.Score(answer);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        report.Length.Words.ShouldBe(AnswerCoach.MaxAnalysedWords);
        report.Length.Truncated.ShouldBeTrue();
        var finding = report.Findings.Single(f => f.Code == FindingCodes.Truncated);
        finding.Quote!.ShouldStartWith("Beyond the cap I changed nothing else at all.");
        finding.Advice.ShouldContain("5,000");
        report.Findings.Single(f => f.Code == FindingCodes.TooLong).Severity.ShouldBe(FindingSeverity.Problem);
    }

    [Fact]
    public void a_cut_inside_a_sentence_keeps_the_words_before_it()
    {
        var answer = LengthAndPaceTests.Answer(4995) + " I rewrote one two three four five six seven eight.";

        var report = AnswerCoach.Score(answer);

        report.Length.Words.ShouldBe(5000);
        report.Sentences[^1].Text.ShouldBe("I rewrote one two three");
        report.Findings.Single(f => f.Code == FindingCodes.Truncated).Quote.ShouldBe("four five six seven eight.");
    }

    [Fact]
    public void hostile_input_without_spaces_or_punctuation_is_bounded_by_the_character_cap()
    {
        var digits = new string('9', 200_000);
        var clock = Stopwatch.StartNew();

        var report = AnswerCoach.Score(digits);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        report.Length.Truncated.ShouldBeTrue();
        report.Has(FindingCodes.Truncated).ShouldBeTrue();
        report.Findings.Where(f => f.Quote is not null).ShouldAllBe(f => f.Quote!.Length <= AnswerCoach.MaxQuoteLength);
    }

    [Fact]
    public void windows_line_ends_and_labels_work_like_unix_ones()
    {
        var unix = AnswerCoach.Score("Situation: Our build was slow.\nAction: I cached it.\nResult: Builds take 5 minutes.");
        var windows = AnswerCoach.Score("Situation: Our build was slow.\r\nAction: I cached it.\r\nResult: Builds take 5 minutes.");

        CoachReportText.Render(windows, showSentences: true).ShouldBe(CoachReportText.Render(unix, showSentences: true));
    }

    [Fact]
    public void scoring_is_deterministic()
    {
        var text = AnswerCoachCalibrationTests.Text(CalibrationStories.Conflict.Name, AnswerCoachCalibrationTests.Defect.WeNotI);

        CoachReportText.Render(AnswerCoach.Score(text), true).ShouldBe(CoachReportText.Render(AnswerCoach.Score(text), true));
    }

    [Fact]
    public void weights_sum_to_100_and_overall_is_the_rounded_sum_of_points()
    {
        Enum.GetValues<CoachDimension>().Sum(AnswerCoach.WeightOf).ShouldBe(100);
        var report = AnswerCoach.Score(AnswerCoachCalibrationTests.Text(CalibrationStories.Ambiguity.Name, AnswerCoachCalibrationTests.Defect.Hypothetical));

        report.Dimensions.ShouldAllBe(d => d.Score >= 0 && d.Score <= 100 && d.Points == d.Score * d.Weight / 100m);
        report.Overall.ShouldBe((int)Math.Round(report.Dimensions.Sum(d => d.Points), MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void findings_are_ordered_problems_first_then_by_dimension()
    {
        var report = AnswerCoach.Score("Um, we basically worked on it. It was their fault.");

        report.Findings.Select(f => f.Severity).ShouldBeInOrder(SortDirection.Descending);
        var problems = report.Findings.Where(f => f.Severity == FindingSeverity.Problem).Select(f => f.Dimension).ToList();
        problems.ShouldBeInOrder(SortDirection.Ascending);
    }
}
