using CareerLedger.Domain.Coaching;

namespace CareerLedger.Domain.Tests.Coaching;

public sealed class DeliveryTests
{
    [Fact]
    public void filler_words_are_counted_quoted_and_listed_in_the_advice()
    {
        var report = AnswerCoach.Score("Um, so basically I, like, rewrote the cache, you know. Um, it worked.");

        var finding = report.Findings.Single(f => f.Code == FindingCodes.FillerWords);
        finding.Quote.ShouldBe("Um, so basically I, like, rewrote the cache, you know.");
        finding.Severity.ShouldBe(FindingSeverity.Warning);
        finding.Advice.ShouldContain("\"um\" ×2");
        finding.Advice.ShouldContain("\"basically\"");
        finding.Advice.ShouldContain("\"like\"");
        finding.Advice.ShouldContain("\"you know\"");
        // 5 fillers × 10 = 50 off (the cap).
        report.ScoreOf(CoachDimension.Delivery).ShouldBe(50);
    }

    [Theory]
    [InlineData("I like Go for this kind of tool.")]
    [InlineData("What kind of data did we have?")]
    [InlineData("It looked like a leak, so I took a heap dump.")]
    public void like_and_kind_of_in_their_ordinary_sense_are_not_filler(string answer)
    {
        AnswerCoach.Score(answer).Has(FindingCodes.FillerWords).ShouldBeFalse();
    }

    [Theory]
    [InlineData("I sort of owned the rollout.", "sort of")]
    [InlineData("I literally rewrote it overnight.", "literally")]
    [InlineData("Uh, I rolled it back.", "Uh")]
    public void each_listed_filler_is_detected(string answer, string filler)
    {
        var finding = AnswerCoach.Score(answer).Findings.Single(f => f.Code == FindingCodes.FillerWords);

        finding.Quote!.ShouldContain(filler);
    }

    [Fact]
    public void one_or_two_fillers_in_a_full_answer_are_only_information()
    {
        // 1 filler in 202 words: fewer than 3, and under 2 per 100 words.
        var report = AnswerCoach.Score(LengthAndPaceTests.Answer(200) + " Basically, done.");

        report.Findings.Single(f => f.Code == FindingCodes.FillerWords).Severity.ShouldBe(FindingSeverity.Info);
        report.ScoreOf(CoachDimension.Delivery).ShouldBe(90);
    }

    [Theory]
    [InlineData("I wrote 12,000 lines of code for the new service.", "lines of code")]
    [InlineData("I closed 40 tickets in the sprint.", "closed 40 tickets")]
    [InlineData("I had 30 PRs merged that quarter.", "30 PRs")]
    [InlineData("I worked 80-hour weeks to finish it.", "80-hour weeks")]
    [InlineData("Over the quarter I pushed 200 commits.", "200 commits")]
    public void vanity_metrics_are_quoted(string answer, string quoted)
    {
        var report = AnswerCoach.Score(answer);

        var finding = report.Findings.Single(f => f.Code == FindingCodes.VanityMetric);
        finding.Quote!.ShouldContain(quoted);
        finding.Severity.ShouldBe(FindingSeverity.Warning);
        report.ScoreOf(CoachDimension.Delivery).ShouldBe(70);
    }

    [Fact]
    public void a_vanity_count_is_not_a_measured_result()
    {
        var report = AnswerCoach.Score("Action: I fixed the flaky suite.\nResult: I closed 40 tickets.");

        report.Has(FindingCodes.NoNumbers).ShouldBeTrue();
    }

    [Theory]
    [InlineData("The launch slipped because the other team failed to test their change.", "the other team failed")]
    [InlineData("It was their fault, not mine.", "their fault")]
    [InlineData("My manager didn't tell me about the deadline.", "My manager didn't")]
    [InlineData("The vendor dropped the ball on the certificates.", "dropped the ball")]
    [InlineData("We slipped because of them.", "because of them")]
    public void blaming_others_is_a_problem_with_the_words_quoted(string answer, string quoted)
    {
        var report = AnswerCoach.Score(answer);

        var finding = report.Findings.Single(f => f.Code == FindingCodes.Blame);
        finding.Quote!.ShouldContain(quoted);
        finding.Severity.ShouldBe(FindingSeverity.Problem);
        report.ScoreOf(CoachDimension.Delivery).ShouldBe(60);
    }

    [Theory]
    [InlineData("I ran a blameless post-mortem.")]
    [InlineData("I took the blame for the missed date.")]
    [InlineData("My manager disagreed with my estimate, so I showed her the data.")]
    public void owning_a_mistake_or_disagreeing_is_not_blame(string answer)
    {
        AnswerCoach.Score(answer).Has(FindingCodes.Blame).ShouldBeFalse();
    }

    [Fact]
    public void delivery_penalties_are_capped_and_the_score_never_goes_below_zero()
    {
        var report = AnswerCoach.Score(
            "Um, uh, basically, like, you know, I wrote 9,000 lines of code and closed 50 tickets. It was their fault and the vendor dropped the ball.");

        // Filler 50 (capped) + vanity 50 (2 × 30, capped) + blame 60 (2 × 40, capped) > 100 → 0.
        report.ScoreOf(CoachDimension.Delivery).ShouldBe(0);
    }
}
