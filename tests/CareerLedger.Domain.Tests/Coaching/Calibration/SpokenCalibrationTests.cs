using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CareerLedger.Domain.Coaching;
using Xunit.Abstractions;

namespace CareerLedger.Domain.Tests.Coaching.Calibration;

/// <summary>
/// The spoken-style calibration set (<see cref="SpokenAnswers"/>) scored as a whole: ordering, detection and false alarms,
/// the three figures docs/coaching.md, "Calibration", reports. Also checks that the set is what it claims to be.
/// </summary>
public sealed partial class SpokenCalibrationTests(ITestOutputHelper output)
{
    /// <summary>The defect variants, in table order.</summary>
    public static readonly SpokenVariant[] Defects =
        [SpokenVariant.WeNotI, SpokenVariant.NoNumbers, SpokenVariant.ContextBloated, SpokenVariant.LessonRemoved, SpokenVariant.Hypothetical];

    /// <summary>The finding codes that name each defect; any one of them firing counts as detected.</summary>
    public static readonly IReadOnlyDictionary<SpokenVariant, string[]> MatchingCodes = new Dictionary<SpokenVariant, string[]>
    {
        [SpokenVariant.WeNotI] = [FindingCodes.WeInsteadOfI],
        [SpokenVariant.NoNumbers] = [FindingCodes.NoNumbers],
        [SpokenVariant.ContextBloated] = [FindingCodes.ContextTooLong],
        [SpokenVariant.LessonRemoved] = [FindingCodes.NoLearning, FindingCodes.MissingLearnings],
        [SpokenVariant.Hypothetical] = [FindingCodes.Hypothetical],
    };

    /// <summary>Structure findings that must not fire on a strong answer either (the defects found by the outside check).</summary>
    public static readonly string[] StructureCodes =
    [
        FindingCodes.ActionTooShort, FindingCodes.MissingSituation, FindingCodes.MissingTask, FindingCodes.MissingContext,
        FindingCodes.MissingAction, FindingCodes.MissingResult, FindingCodes.MissingLearnings,
    ];

    /// <summary>The three figures over the whole set, with the counts behind them.</summary>
    public sealed record Figures(
        int OrderedPairs,
        int Pairs,
        int DetectedVariants,
        int Variants,
        int FalseAlarms,
        int StructureFalseAlarms,
        IReadOnlyList<string> Misses)
    {
        public decimal OrderingPercent => Math.Round(OrderedPairs * 100m / Pairs, 1);

        public decimal DetectionPercent => Math.Round(DetectedVariants * 100m / Variants, 1);
    }

    /// <summary>Scores the whole set with the current coach.</summary>
    public static Figures Compute(StringBuilder? table = null)
    {
        var misses = new List<string>();
        int ordered = 0, pairs = 0, detected = 0, variants = 0, falseAlarms = 0, structure = 0;
        var rambling = SpokenAnswers.Rambling.Select(r => (r.Name, Report: AnswerCoach.Score(r.Text))).ToList();
        table?.AppendLine("| answer | strong | we | no numbers | bloated | no lesson | would | findings on strong |");
        table?.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var answer in SpokenAnswers.Strong)
        {
            var strong = AnswerCoach.Score(answer.Render(SpokenVariant.Strong));
            var cells = new List<string>();
            foreach (var defect in Defects)
            {
                var variant = AnswerCoach.Score(answer.Render(defect));
                pairs++;
                variants++;
                if (strong.Overall > variant.Overall)
                {
                    ordered++;
                }
                else
                {
                    misses.Add($"order: {answer.Name} strong {strong.Overall} <= {defect} {variant.Overall}");
                }

                var hit = MatchingCodes[defect].Any(variant.Has);
                if (hit)
                {
                    detected++;
                }
                else
                {
                    misses.Add($"detect: {answer.Name} {defect} lacks {string.Join("/", MatchingCodes[defect])}");
                }

                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{variant.Overall}{(hit ? "" : " (missed)")}"));
            }

            foreach (var r in rambling)
            {
                pairs++;
                if (strong.Overall > r.Report.Overall)
                {
                    ordered++;
                }
                else
                {
                    misses.Add($"order: {answer.Name} strong {strong.Overall} <= rambling '{r.Name}' {r.Report.Overall}");
                }
            }

            var alarms = MatchingCodes.Values.SelectMany(c => c).Distinct().Where(strong.Has).ToList();
            var structural = StructureCodes.Where(strong.Has).ToList();
            falseAlarms += alarms.Count;
            structure += structural.Count;
            misses.AddRange(alarms.Concat(structural).Select(c => $"alarm: {answer.Name} strong raised {c}"));
            var codes = string.Join(", ", strong.Findings.Select(f => f.Code));
            table?.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {answer.Name} | {strong.Overall} | {string.Join(" | ", cells)} | {(codes.Length == 0 ? "none" : codes)} |"));
        }

        if (table is not null)
        {
            table.AppendLine();
            table.AppendLine("| rambling answer | overall |");
            table.AppendLine("| --- | --- |");
            foreach (var r in rambling)
            {
                table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Report.Overall} |"));
            }
        }

        return new Figures(ordered, pairs, detected, variants, falseAlarms, structure, misses);
    }

    [Fact]
    public void the_set_meets_its_ordering_detection_and_false_alarm_targets()
    {
        var table = new StringBuilder();
        var figures = Compute(table);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ordering {figures.OrderingPercent} % ({figures.OrderedPairs}/{figures.Pairs}); detection {figures.DetectionPercent} % ({figures.DetectedVariants}/{figures.Variants}); "
            + $"false alarms {figures.FalseAlarms}; structure findings on strong answers {figures.StructureFalseAlarms}"));
        output.WriteLine(table.ToString());
        foreach (var miss in figures.Misses)
        {
            output.WriteLine(miss);
        }

        figures.ShouldSatisfyAllConditions(
            () => figures.OrderedPairs.ShouldBe(figures.Pairs, "ordering: " + string.Join("; ", figures.Misses.Where(m => m.StartsWith("order", StringComparison.Ordinal)))),
            () => figures.DetectedVariants.ShouldBe(figures.Variants, "detection: " + string.Join("; ", figures.Misses.Where(m => m.StartsWith("detect", StringComparison.Ordinal)))),
            () => figures.FalseAlarms.ShouldBe(0, "false alarms: " + string.Join("; ", figures.Misses.Where(m => m.StartsWith("alarm", StringComparison.Ordinal)))),
            () => figures.StructureFalseAlarms.ShouldBe(0, "structure findings on strong answers"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void cutting_the_closing_lesson_costs_more_than_the_other_dimensions_give_back(string name)
    {
        var strong = AnswerCoach.Score(Answer(name).Render(SpokenVariant.Strong));
        var cut = AnswerCoach.Score(Answer(name).Render(SpokenVariant.LessonRemoved));

        decimal PointsOf(CoachReport r, CoachDimension d) => r.Dimensions.Single(x => x.Dimension == d).Points;
        var lost = PointsOf(strong, CoachDimension.Learning) - PointsOf(cut, CoachDimension.Learning);
        var regained = Enum.GetValues<CoachDimension>().Where(d => d != CoachDimension.Learning).Sum(d => PointsOf(cut, d) - PointsOf(strong, d));

        lost.ShouldBeGreaterThanOrEqualTo(9m, "a lesson is worth 60 of the learning dimension's 15 points");
        regained.ShouldBeLessThan(lost);
    }

    // ---- the set is what docs/coaching.md says it is ----

    [Fact]
    public void the_set_has_twenty_strong_answers_across_different_competencies_and_six_rambling_ones()
    {
        SpokenAnswers.Strong.Count.ShouldBeGreaterThanOrEqualTo(20);
        SpokenAnswers.Strong.Select(a => a.Competency).Distinct().Count().ShouldBe(SpokenAnswers.Strong.Count);
        SpokenAnswers.Strong.Select(a => a.Name).Distinct().Count().ShouldBe(SpokenAnswers.Strong.Count);
        SpokenAnswers.Rambling.Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    public static TheoryData<string> Names() => [.. SpokenAnswers.Strong.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void a_strong_answer_is_unlabelled_150_to_240_words_with_the_setup_at_15_to_25_percent(string name)
    {
        var answer = Answer(name);
        var text = answer.Render(SpokenVariant.Strong);
        var words = SpokenAnswer.Words(text);

        words.ShouldBeInRange(150, 240);
        (answer.SetupWords(SpokenVariant.Strong) * 100m / words).ShouldBeInRange(15m, 25m);
        AnswerCoach.Score(text).Sentences.ShouldAllBe(s => !s.Labelled);
        AnswerCoach.Score(text).Length.Words.ShouldBe(words);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void a_strong_answer_acts_in_the_first_person_and_ends_with_a_lesson(string name)
    {
        var answer = Answer(name);

        answer.Actions.ShouldAllBe(a => Regex.IsMatch(a, @"\bI\b"));
        answer.Lesson.ShouldNotBeEmpty();
        answer.Result.ShouldNotBeEmpty();
        Regex.IsMatch(string.Join(' ', answer.Result), @"\{[^|}]+\|").ShouldBeTrue("the result has a measured figure");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void each_variant_changes_only_its_part(string name)
    {
        var answer = Answer(name);
        var strong = answer.Render(SpokenVariant.Strong);

        var we = answer.Render(SpokenVariant.WeNotI);
        Regex.IsMatch(string.Join(' ', answer.Actions.Select(SpokenAnswer.ToWe)), @"\b(?:I|me|my)\b").ShouldBeFalse("no singular left in the actions");
        we.ShouldNotBe(strong);

        var plain = answer.Render(SpokenVariant.NoNumbers);
        NumberLike().IsMatch(plain).ShouldBeFalse($"a figure is left: {NumberLike().Match(plain).Value}");

        var bloated = answer.Render(SpokenVariant.ContextBloated);
        (answer.SetupWords(SpokenVariant.ContextBloated) * 100m / SpokenAnswer.Words(bloated)).ShouldBeInRange(55m, 65m);
        var rest = SpokenAnswer.StrongText(string.Join(' ', answer.Actions.Concat(answer.Result).Concat(answer.Lesson)));
        strong.ShouldEndWith(rest);
        bloated.ShouldEndWith(rest);
        bloated.ShouldStartWith(SpokenAnswer.StrongText(string.Join(' ', answer.Context)));

        strong.ShouldStartWith(answer.Render(SpokenVariant.LessonRemoved));
        strong.Length.ShouldBeGreaterThan(answer.Render(SpokenVariant.LessonRemoved).Length);

        answer.WouldActions.ShouldAllBe(a => Regex.IsMatch(a, @"\bI\s*(?:would|['’]d)\b"));
        answer.Render(SpokenVariant.Hypothetical).ShouldEndWith(string.Join(' ', answer.Lesson));
    }

    [Fact]
    public void a_rambling_answer_is_short_and_has_no_figures()
    {
        foreach (var (name, text) in SpokenAnswers.Rambling)
        {
            SpokenAnswer.Words(text).ShouldBeLessThan(100, name);
            NumberLike().IsMatch(text).ShouldBeFalse(name);
        }
    }

    private static SpokenAnswer Answer(string name) => SpokenAnswers.Strong.Single(a => a.Name == name);

    // Digits, or number words that could be read as a count.
    [GeneratedRegex(@"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|dozens?|half|twice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberLike();
}
