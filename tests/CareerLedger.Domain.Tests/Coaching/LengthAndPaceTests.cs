using CareerLedger.Domain.Coaching;

namespace CareerLedger.Domain.Tests.Coaching;

public sealed class LengthAndPaceTests
{
    /// <summary>An action answer of exactly <paramref name="words"/> words, in ten-word sentences.</summary>
    internal static string Answer(int words)
    {
        const string ten = "I tuned the cache and then measured the latency again.";
        var sentences = Enumerable.Repeat(ten, words / 10).ToList();
        if (words % 10 > 0)
        {
            sentences.Add("I " + string.Join(' ', Enumerable.Repeat("checked", (words % 10) - 1)) + ".");
        }

        return string.Join(' ', sentences).Replace("I .", "I.", StringComparison.Ordinal);
    }

    [Fact]
    public void without_a_duration_speaking_time_is_estimated_at_145_words_a_minute()
    {
        var report = AnswerCoach.Score(Answer(290));

        // 290 / 145 × 60 = 120 s.
        report.Length.ShouldBe(new AnswerLength(290, 120, 145, false, false));
        report.ScoreOf(CoachDimension.LengthAndPace).ShouldBe(100);
        report.Has(FindingCodes.TooLong).ShouldBeFalse();
    }

    [Fact]
    public void a_short_answer_loses_points_linearly_down_to_50_words()
    {
        var report = AnswerCoach.Score(Answer(100));

        // (100 − 50) / (150 − 50) = 0.5.
        report.ScoreOf(CoachDimension.LengthAndPace).ShouldBe(50);
        report.Findings.Single(f => f.Code == FindingCodes.TooShort).Severity.ShouldBe(FindingSeverity.Warning);
    }

    [Theory]
    [InlineData(400, 67, FindingSeverity.Warning)]
    [InlineData(500, 33, FindingSeverity.Problem)]
    [InlineData(700, 0, FindingSeverity.Problem)]
    public void a_long_answer_loses_points_linearly_up_to_600_words(int words, int expected, FindingSeverity severity)
    {
        var report = AnswerCoach.Score(Answer(words));

        // (600 − words) / (600 − 300), clamped; over 450 words (1.5 × 300) is a problem.
        report.ScoreOf(CoachDimension.LengthAndPace).ShouldBe(expected);
        report.Findings.Single(f => f.Code == FindingCodes.TooLong).Severity.ShouldBe(severity);
    }

    [Fact]
    public void too_long_quotes_the_sentence_where_the_answer_passes_300_words()
    {
        var report = AnswerCoach.Score(Answer(300) + " Finally I wrote the summary for the team.");

        report.Findings.Single(f => f.Code == FindingCodes.TooLong).Quote.ShouldBe("Finally I wrote the summary for the team.");
    }

    [Fact]
    public void with_a_duration_the_measured_pace_is_used()
    {
        var report = AnswerCoach.Score(Answer(200), TimeSpan.FromSeconds(90));

        // 200 words / 1.5 min = 133 words a minute; 90 s is inside 60-120 s.
        report.Length.ShouldBe(new AnswerLength(200, 90, 133, true, false));
        report.ScoreOf(CoachDimension.LengthAndPace).ShouldBe(100);
        report.Findings.ShouldNotContain(f => f.Dimension == CoachDimension.LengthAndPace);
    }

    [Fact]
    public void speaking_faster_than_170_words_a_minute_is_flagged()
    {
        var report = AnswerCoach.Score(Answer(200), TimeSpan.FromSeconds(60));

        // 200 wpm: duration fit 1, pace fit (220 − 200) / 50 = 0.4 → (1 + 0.4) / 2 = 0.7.
        report.Length.WordsPerMinute.ShouldBe(200);
        report.ScoreOf(CoachDimension.LengthAndPace).ShouldBe(70);
        report.Findings.Single(f => f.Code == FindingCodes.TooFast).Advice.ShouldContain("200 words a minute");
    }

    [Fact]
    public void speaking_slower_than_110_words_a_minute_and_over_two_minutes_is_flagged_twice()
    {
        var report = AnswerCoach.Score(Answer(200), TimeSpan.FromSeconds(150));

        // 80 wpm: duration fit (240 − 150) / 120 = 0.75, pace fit (80 − 70) / 40 = 0.25 → 0.5.
        report.ScoreOf(CoachDimension.LengthAndPace).ShouldBe(50);
        report.Has(FindingCodes.TooSlow).ShouldBeTrue();
        report.Findings.Single(f => f.Code == FindingCodes.TooLong).Advice.ShouldContain("150 s");
    }

    [Fact]
    public void with_a_duration_length_is_judged_in_seconds_not_words()
    {
        // 350 words is over the word target, but said in 120 s (175 wpm) it is on time and only a little fast.
        var report = AnswerCoach.Score(Answer(350), TimeSpan.FromSeconds(120));

        report.Has(FindingCodes.TooLong).ShouldBeFalse();
        report.Has(FindingCodes.TooFast).ShouldBeTrue();
    }
}
