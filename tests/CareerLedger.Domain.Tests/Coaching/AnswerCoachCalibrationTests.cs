using CareerLedger.Domain.Coaching;

namespace CareerLedger.Domain.Tests.Coaching;

/// <summary>
/// The calibration suite: each strong answer must beat each of its five degraded variants, the finding for the injected
/// defect must fire on the variant and must not fire on the strong answer.
/// </summary>
public sealed class AnswerCoachCalibrationTests
{
    public enum Defect
    {
        WeNotI,
        NumbersRemoved,
        ContextBloated,
        LearningRemoved,
        Hypothetical,
    }

    private static readonly Dictionary<Defect, string> ExpectedCode = new()
    {
        [Defect.WeNotI] = FindingCodes.WeInsteadOfI,
        [Defect.NumbersRemoved] = FindingCodes.NoNumbers,
        [Defect.ContextBloated] = FindingCodes.ContextTooLong,
        [Defect.LearningRemoved] = FindingCodes.NoLearning,
        [Defect.Hypothetical] = FindingCodes.Hypothetical,
    };

    public static TheoryData<string> Stories() => [.. CalibrationStories.All.Select(s => s.Name)];

    public static TheoryData<string, Defect> StoriesAndDefects()
    {
        var data = new TheoryData<string, Defect>();
        foreach (var story in CalibrationStories.All)
        {
            foreach (var defect in Enum.GetValues<Defect>())
            {
                data.Add(story.Name, defect);
            }
        }

        return data;
    }

    [Fact]
    public void the_suite_has_six_stories_covering_the_prep_checklist_areas_and_every_layout()
    {
        CalibrationStories.All.Count.ShouldBe(6);
        CalibrationStories.All.Select(s => s.Layout).Distinct().Count().ShouldBe(Enum.GetValues<Layout>().Length);
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void a_strong_answer_is_150_to_300_words_and_raises_no_problem(string name)
    {
        var report = AnswerCoach.Score(Text(name, null));

        report.Length.Words.ShouldBeInRange(150, 300);
        report.Findings.Where(f => f.Severity == FindingSeverity.Problem).ShouldBeEmpty();
        report.Overall.ShouldBeGreaterThanOrEqualTo(90);
    }

    [Theory]
    [MemberData(nameof(StoriesAndDefects))]
    public void the_strong_answer_scores_above_its_variant(string name, Defect defect)
    {
        var strong = AnswerCoach.Score(Text(name, null));
        var variant = AnswerCoach.Score(Text(name, defect));

        strong.Overall.ShouldBeGreaterThan(variant.Overall, $"{name}, {defect}");
    }

    [Theory]
    [MemberData(nameof(StoriesAndDefects))]
    public void the_finding_for_the_injected_defect_fires_on_the_variant_and_not_on_the_strong_answer(string name, Defect defect)
    {
        var code = ExpectedCode[defect];

        AnswerCoach.Score(Text(name, defect)).Has(code).ShouldBeTrue($"{name}, {defect}: expected {code}");
        AnswerCoach.Score(Text(name, null)).Has(code).ShouldBeFalse($"{name}: {code} fired on the strong answer");
    }

    [Theory]
    [MemberData(nameof(StoriesAndDefects))]
    public void the_defect_lowers_the_dimension_it_belongs_to(string name, Defect defect)
    {
        var dimension = defect switch
        {
            Defect.WeNotI => CoachDimension.Ownership,
            Defect.NumbersRemoved => CoachDimension.QuantifiedResult,
            Defect.ContextBloated => CoachDimension.Structure,
            Defect.LearningRemoved => CoachDimension.Learning,
            _ => CoachDimension.Concreteness,
        };

        var strong = AnswerCoach.Score(Text(name, null)).ScoreOf(dimension);
        var variant = AnswerCoach.Score(Text(name, defect)).ScoreOf(dimension);

        variant.ShouldBeLessThan(strong, $"{name}, {defect}");
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void the_bloated_variant_spends_more_than_40_percent_of_its_words_on_setup(string name)
    {
        var report = AnswerCoach.Score(Text(name, Defect.ContextBloated));

        var setup = report.Sentences.Where(s => s.Section is AnswerSection.Situation or AnswerSection.Task).Sum(s => AnswerWords(s.Text));
        (setup * 100m / report.Length.Words).ShouldBeGreaterThan(40m);
    }

    [Theory]
    [MemberData(nameof(StoriesAndDefects))]
    public void every_quote_is_verbatim_from_the_answer_and_at_most_120_characters(string name, Defect defect)
    {
        foreach (var text in new[] { Text(name, null), Text(name, defect) })
        {
            var folded = CareerLedger.Domain.Common.Text.OneLine(text)!;
            foreach (var f in AnswerCoach.Score(text).Findings.Where(f => f.Quote is not null))
            {
                f.Quote!.Length.ShouldBeLessThanOrEqualTo(AnswerCoach.MaxQuoteLength);
                folded.ShouldContain(f.Quote, Case.Sensitive, $"{f.Code} quote not verbatim");
            }
        }
    }

    [Fact]
    public void the_we_variant_quotes_a_sentence_spoken_for_the_group()
    {
        var finding = AnswerCoach.Score(Text(CalibrationStories.Performance.Name, Defect.WeNotI)).Findings.Single(f => f.Code == FindingCodes.WeInsteadOfI);

        finding.Quote.ShouldStartWith("We started by adding tracing");
        finding.Severity.ShouldBe(FindingSeverity.Problem);
    }

    [Fact]
    public void the_hypothetical_variant_quotes_the_first_i_would()
    {
        var finding = AnswerCoach.Score(Text(CalibrationStories.ReliabilityIncident.Name, Defect.Hypothetical)).Findings.Single(f => f.Code == FindingCodes.Hypothetical);

        finding.Quote.ShouldBe("If I were the on-call engineer, my job would be to stop the damage and find the cause.");
        finding.Severity.ShouldBe(FindingSeverity.Problem);
    }

    internal static string Text(string name, Defect? defect)
    {
        var story = CalibrationStories.All.Single(s => s.Name == name);
        var parts = defect switch
        {
            null => story.Strong,
            Defect.WeNotI => story.WeNotI,
            Defect.NumbersRemoved => story.NumbersRemoved,
            Defect.ContextBloated => story.ContextBloated,
            Defect.LearningRemoved => story.LearningRemoved,
            _ => story.Hypothetical,
        };
        return parts.Render(story.Layout);
    }

    private static int AnswerWords(string sentence) => sentence.Split(' ').Count(t => t.Any(char.IsLetterOrDigit));
}
