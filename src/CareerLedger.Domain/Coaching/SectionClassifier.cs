namespace CareerLedger.Domain.Coaching;

/// <summary>A sentence with its section and whether it is hypothetical.</summary>
internal sealed record ReadSentence(int Index, string Text, int Words, AnswerSection Section, bool Labelled, bool Hypothetical);

/// <summary>
/// Reads each sentence as situation, task, action, result or learnings. A labelled sentence keeps its label. An unlabelled
/// one is scored against each section's cue words (docs/coaching.md, "Section detection") and goes to the best
/// score; the previous sentence's section gets a 0.5 bonus so that a sentence without cues continues the current section;
/// remaining ties go to the section later in the story (situation → task → action → result → learnings); the first
/// sentence without any cue is situation.
/// </summary>
internal static class SectionClassifier
{
    private static readonly AnswerSection[] Order =
        [AnswerSection.Situation, AnswerSection.Task, AnswerSection.Action, AnswerSection.Result, AnswerSection.Learnings];

    public static IReadOnlyList<ReadSentence> Classify(IReadOnlyList<RawSentence> sentences)
    {
        var result = new List<ReadSentence>(sentences.Count);
        AnswerSection? previous = null;
        var afterAction = false;
        foreach (var s in sentences)
        {
            var hypothetical = IsHypothetical(s.Text);
            var section = s.Label ?? Infer(s.Text, hypothetical, previous, afterAction);
            result.Add(new ReadSentence(s.Index, s.Text, s.Words, section, s.Label is not null, hypothetical));
            previous = section;
            afterAction |= section == AnswerSection.Action;
        }

        return result;
    }

    /// <summary>
    /// Whether the sentence says what the speaker would do rather than what they did: a main-clause "I would / I'd / I will /
    /// I could / I should / we would …" or "my approach would be", unless the sentence is a reflection ("next time",
    /// "in hindsight", "looking back", "what I'd do differently") or narrates a past habit ("before, we would …").
    /// </summary>
    public static bool IsHypothetical(string sentence) =>
        (Cues.Hypothetical().IsMatch(sentence) || Cues.HypotheticalOpener().IsMatch(sentence))
        && !Cues.Reflection().IsMatch(sentence)
        && !Cues.PastHabit().IsMatch(sentence);

    /// <summary>
    /// Cue points per section for one unlabelled sentence (before the continuation bonus). Numbers and comparisons only
    /// point to the result once an action has been told (<paramref name="afterAction"/>): before that they describe the
    /// starting point ("p99 was 2.4 s").
    /// </summary>
    public static IReadOnlyDictionary<AnswerSection, double> Points(string sentence, bool hypothetical, bool afterAction)
    {
        var situation = (Cues.SituationStrong().IsMatch(sentence) ? 2 : 0) + (Cues.SituationWeak().IsMatch(sentence) ? 1 : 0);
        var task = Cues.TaskStrong().IsMatch(sentence) ? 3 : Cues.TaskWeak().IsMatch(sentence) ? 2 : 0;
        var action = (Cues.ActionBySpeaker().IsMatch(sentence) ? 2 : Cues.ActionByGroup().IsMatch(sentence) ? 1.5 : 0)
            + (Cues.Sequencing().IsMatch(sentence) ? 1 : 0)
            + (hypothetical ? 2 : 0);
        var outcome = (Cues.ResultStrong().IsMatch(sentence) ? 2 : 0)
            + (Cues.ResultVerb().IsMatch(sentence) ? 1 : 0)
            + (afterAction && Cues.Quantity().IsMatch(sentence) ? 1 : 0)
            + (afterAction && Cues.Comparison().IsMatch(sentence) ? 1 : 0);
        var learning = (Cues.Learning().IsMatch(sentence) ? 3 : 0) + (Cues.Mechanism().IsMatch(sentence) ? 1 : 0);
        return new Dictionary<AnswerSection, double>
        {
            [AnswerSection.Situation] = situation,
            [AnswerSection.Task] = task,
            [AnswerSection.Action] = action,
            [AnswerSection.Result] = outcome,
            [AnswerSection.Learnings] = learning,
        };
    }

    private static AnswerSection Infer(string sentence, bool hypothetical, AnswerSection? previous, bool afterAction)
    {
        var points = Points(sentence, hypothetical, afterAction);
        if (points.Values.All(p => p == 0))
        {
            return previous ?? AnswerSection.Situation;
        }

        var best = AnswerSection.Situation;
        var bestScore = double.MinValue;
        foreach (var section in Order)
        {
            var score = points[section] + (section == previous ? 0.5 : 0);
            if (score >= bestScore)
            {
                // '>=' lets a later section win a tie.
                best = section;
                bestScore = score;
            }
        }

        return best;
    }
}
