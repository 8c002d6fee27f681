using System.Globalization;

namespace CareerLedger.Domain.Coaching;

/// <summary>
/// Structure: 40 points for the required sections being present (shared equally) and 60 for their shares of the words
/// (the mean fit; a share inside its target fits 1, and the fit falls linearly to 0 at <see cref="Tolerance"/> percentage
/// points outside it; a missing section fits 0). Targets (docs/domain.md): STAR situation 15-20 %, task 10-15 %, action
/// 50-60 %, result 15-20 %; CARL context (situation and task) at most 25 %, action 50-60 %, result 15-20 %, learnings present.
/// </summary>
internal static class StructureRules
{
    /// <summary>Percentage points outside a target at which a section's fit reaches 0.</summary>
    public const decimal Tolerance = 15;

    /// <summary>Action below this share of the words raises <see cref="FindingCodes.ActionTooShort"/>.</summary>
    public const decimal ActionFloor = 40;

    /// <summary>Setup above this share is a problem rather than a warning (as is setup longer than the action).</summary>
    public const decimal ContextProblem = 40;

    private sealed record Target(AnswerSection Section, int? Min, int? Max, string Code);

    private static readonly Target[] Star =
    [
        new(AnswerSection.Situation, 15, 20, FindingCodes.MissingSituation),
        new(AnswerSection.Task, 10, 15, FindingCodes.MissingTask),
        new(AnswerSection.Action, 50, 60, FindingCodes.MissingAction),
        new(AnswerSection.Result, 15, 20, FindingCodes.MissingResult),
    ];

    private static readonly Target[] Carl =
    [
        new(AnswerSection.Context, 0, 25, FindingCodes.MissingContext),
        new(AnswerSection.Action, 50, 60, FindingCodes.MissingAction),
        new(AnswerSection.Result, 15, 20, FindingCodes.MissingResult),
        new(AnswerSection.Learnings, null, null, FindingCodes.MissingLearnings),
    ];

    public static int Score(IReadOnlyList<ReadSentence> sentences, AnswerFormat format, List<Found> findings, out IReadOnlyList<SectionShare> shares)
    {
        var total = sentences.Sum(s => s.Words);
        int WordsIn(AnswerSection section) => section == AnswerSection.Context
            ? sentences.Where(s => s.Section is AnswerSection.Situation or AnswerSection.Task).Sum(s => s.Words)
            : sentences.Where(s => s.Section == section).Sum(s => s.Words);
        decimal PercentOf(int words) => Math.Round(words * 100m / total, 1, MidpointRounding.AwayFromZero);

        var targets = format == AnswerFormat.Star ? Star : Carl;
        var rows = new List<SectionShare>();
        var present = 0;
        var fit = 0m;
        foreach (var t in targets)
        {
            var words = WordsIn(t.Section);
            var percent = PercentOf(words);
            ShareVerdict verdict;
            if (words == 0)
            {
                verdict = ShareVerdict.Missing;
                var severity = t.Section is AnswerSection.Action or AnswerSection.Result ? FindingSeverity.Problem : FindingSeverity.Warning;
                findings.Add(new Found(new Finding(CoachDimension.Structure, severity, t.Code, null, MissingAdvice(t.Section)), -1));
            }
            else
            {
                present++;
                var exact = words * 100m / total;
                var deviation = t.Min is null ? 0 : Math.Max(0, Math.Max(t.Min.Value - exact, exact - t.Max!.Value));
                fit += Math.Max(0, 1 - (deviation / Tolerance));
                verdict = t.Min is null || (exact >= t.Min && exact <= t.Max) ? ShareVerdict.OnTarget
                    : exact < t.Min ? ShareVerdict.TooShort : ShareVerdict.TooLong;
            }

            rows.Add(new SectionShare(t.Section, words, percent, t.Min, t.Max, true, verdict));
        }

        var learningWords = WordsIn(AnswerSection.Learnings);
        if (format == AnswerFormat.Star && learningWords > 0)
        {
            rows.Add(new SectionShare(AnswerSection.Learnings, learningWords, PercentOf(learningWords), null, null, false, ShareVerdict.NotScored));
        }

        ContextFindings(sentences, format, total, WordsIn(AnswerSection.Context), WordsIn(AnswerSection.Action), findings);
        shares = rows;
        var score = (40m * present / targets.Length) + (60m * fit / targets.Length);
        return (int)Math.Round(score, MidpointRounding.AwayFromZero);
    }

    private static void ContextFindings(IReadOnlyList<ReadSentence> sentences, AnswerFormat format, int total, int context, int action, List<Found> findings)
    {
        // STAR's setup target is situation (≤ 20 %) plus task (≤ 15 %); CARL's context is at most 25 %.
        var max = format == AnswerFormat.Star ? 35 : 25;
        var share = context * 100m / total;
        if (context > 0 && (share > max || (action > 0 && context > action)))
        {
            // Quote the first setup sentence after the target share was used up: where the setup starts to run over.
            var budget = total * max / 100m;
            var used = 0;
            var over = sentences.First(s => s.Section is AnswerSection.Situation or AnswerSection.Task);
            foreach (var s in sentences.Where(s => s.Section is AnswerSection.Situation or AnswerSection.Task))
            {
                over = s;
                used += s.Words;
                if (used > budget)
                {
                    break;
                }
            }

            var severity = share > ContextProblem || context > action ? FindingSeverity.Problem : FindingSeverity.Warning;
            var advice = string.Create(CultureInfo.InvariantCulture,
                $"The setup takes {Math.Round(share):0} % of the answer; cut it to at most {max} % and spend those words on what you did.");
            findings.Add(new Found(new Finding(CoachDimension.Structure, severity, FindingCodes.ContextTooLong, Quote.Around(over.Text, 0, 0), advice), over.Index));
        }

        var actionShare = action * 100m / total;
        if (action > 0 && actionShare < ActionFloor)
        {
            var advice = string.Create(CultureInfo.InvariantCulture,
                $"Your own actions take only {Math.Round(actionShare):0} % of the answer; give them about half, with the steps, choices and trade-offs.");
            findings.Add(new Found(new Finding(CoachDimension.Structure, FindingSeverity.Warning, FindingCodes.ActionTooShort, null, advice), -1));
        }
    }

    private static string MissingAdvice(AnswerSection section) => section switch
    {
        AnswerSection.Situation => "Open with a sentence or two on where this happened and what was at stake, so the listener knows why it mattered.",
        AnswerSection.Task => "Say in one sentence what you personally had to achieve or were asked to do.",
        AnswerSection.Context => "Give a sentence or two of setup: the team, the system and what was at risk.",
        AnswerSection.Action => "Describe the steps you took yourself, in the past tense, with the decisions you made along the way.",
        AnswerSection.Result => "Finish the story: say how it ended, ideally with a number compared with where it started.",
        _ => "Close with what you learned or the mechanism you left behind so it cannot happen again.",
    };
}
