namespace CareerLedger.Domain.Coaching;

/// <summary>A sentence with its section and whether it is hypothetical.</summary>
internal sealed record ReadSentence(int Index, string Text, int Words, AnswerSection Section, bool Labelled, bool Hypothetical)
{
    /// <summary>Whether the sentence itself carries an action cue (rather than continuing an action by the 0.5 bonus).</summary>
    public bool ActionCue { get; init; }

    /// <summary>Whether the sentence earned result points of its own (a cue word, a result verb, a figure or a comparison).</summary>
    public bool ResultCue { get; init; }
}

/// <summary>
/// Reads each sentence as situation, task, action, result or learnings. A labelled sentence keeps its label. An unlabelled
/// one is scored against each section's cue words (docs/coaching.md, "Section detection") and goes to the best
/// score; the previous sentence's section gets a 0.5 bonus so that a sentence without cues continues the current section;
/// remaining ties go to the section later in the story (situation → task → action → result → learnings); the first
/// sentence without any cue is situation. Then the sentences after the last action that narrate what happened in the
/// past tense, with someone or something other than the speaker as subject, are read as result ("Narrated results").
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
            var points = s.Label is null ? Points(s.Text, hypothetical, afterAction) : null;
            var section = s.Label ?? Infer(points!, previous);
            result.Add(new ReadSentence(s.Index, s.Text, s.Words, section, s.Label is not null, hypothetical)
            {
                ActionCue = points?[AnswerSection.Action] > 0,
                ResultCue = points?[AnswerSection.Result] > 0,
            });
            previous = section;
            afterAction |= section == AnswerSection.Action;
        }

        NarratedResults(result);
        ClosingLessons(result);
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
    /// Cue points per section for one unlabelled sentence (before the continuation bonus). Result cues, numbers and
    /// comparisons, named mechanisms and habits only count once an action has been told (<paramref name="afterAction"/>):
    /// before that they describe the starting point ("p99 was 2.4 s", "our dashboard took 8 s"). When the speaker is the
    /// subject of the main clause with a past-tense action verb ("I moved the export …", "Then I …"), action gets 1 more
    /// point and the situation, task and result cues are read in that main clause only, so that a figure or a deadline
    /// in its purpose, reason or relative clause ("… so that each batch finished within 5 minutes") leaves it an action.
    /// </summary>
    public static IReadOnlyDictionary<AnswerSection, double> Points(string sentence, bool hypothetical, bool afterAction)
    {
        var speaker = hypothetical ? null : Cues.SpeakerMainClause().Match(sentence);
        var main = sentence;
        if (speaker is { Success: true })
        {
            var actor = speaker.Groups["actor"];
            var end = Cues.ClauseBoundary().Match(sentence, actor.Index + actor.Length);
            main = sentence[..(end.Success ? end.Index : sentence.Length)];
        }

        var situation = (Cues.SituationStrong().IsMatch(main) ? 2 : 0) + (Cues.SituationWeak().IsMatch(main) ? 1 : 0);
        var task = Cues.TaskStrong().IsMatch(main) ? 3 : Cues.TaskWeak().IsMatch(main) ? 2 : 0;
        // A main clause that itself reports a measured change ("I cut p99 from 2.4 s to 620 ms") is a result told in the
        // first person, so it earns no main-clause bonus.
        var measuredChange = Cues.ResultVerb().IsMatch(main) && (Cues.Quantity().IsMatch(main) || Cues.Comparison().IsMatch(main));
        var action = (Cues.ActionBySpeaker().IsMatch(sentence) ? 2 : Cues.ActionByGroup().IsMatch(sentence) ? 1.5 : 0)
            + (speaker is { Success: true } && !measuredChange ? 1 : 0)
            + (Cues.Sequencing().IsMatch(sentence) ? 1 : 0)
            + (hypothetical ? 2 : 0);
        var outcome = afterAction
            ? (Cues.ResultStrong().IsMatch(main) ? 2 : 0)
                + (Cues.ResultVerb().IsMatch(main) ? 1 : 0)
                + (Cues.Quantity().IsMatch(main) ? 1 : 0)
                + (Cues.Comparison().IsMatch(main) ? 1 : 0)
            : 0;
        var learning = (Cues.Learning().IsMatch(sentence) || (afterAction && Cues.Habit().IsMatch(sentence)) ? 3 : 0)
            + (afterAction && Cues.Mechanism().IsMatch(sentence) ? 1 : 0);
        return new Dictionary<AnswerSection, double>
        {
            [AnswerSection.Situation] = situation,
            [AnswerSection.Task] = task,
            [AnswerSection.Action] = action,
            [AnswerSection.Result] = outcome,
            [AnswerSection.Learnings] = learning,
        };
    }

    /// <summary>
    /// Narrated results: after the last sentence with an action cue of its own, an unlabelled, non-hypothetical sentence
    /// read as situation or task, or as learnings only because it names a mechanism, is a result when it narrates an event
    /// in the past tense (or describes a state with a result cue of its own, such as a figure) and its subject is not the
    /// speaker or the group ("They renewed for three years", "Logins were down for 11 minutes"); a bare description ("The
    /// other team's code was the real issue") is not an outcome. A sentence that only continued the actions (no cue of its own) becomes a result the same way when no
    /// result with a cue of its own follows it ("The export ran cleanly every night after that."): before such a result it
    /// is still part of the actions. A sentence with a lesson or habit cue stays a learning, and one that faults others
    /// (the blame cues) is not an outcome of the speaker's actions.
    /// </summary>
    private static void NarratedResults(List<ReadSentence> sentences)
    {
        var last = sentences.FindLastIndex(s => s.Section == AnswerSection.Action && s.ActionCue);
        if (last < 0)
        {
            return;
        }

        var cuedResultAfter = false;
        for (var i = sentences.Count - 1; i > last; i--)
        {
            var s = sentences[i];
            var candidate = s.Section is AnswerSection.Situation or AnswerSection.Task
                || (s.Section == AnswerSection.Learnings && !Cues.Learning().IsMatch(s.Text) && !Cues.Habit().IsMatch(s.Text))
                || (s.Section == AnswerSection.Action && !s.ActionCue && !cuedResultAfter);
            if (candidate && !s.Labelled && !s.Hypothetical && (Cues.PastEvent().IsMatch(s.Text) || s.ResultCue)
                && !Cues.FirstPersonSubject().IsMatch(s.Text) && !Cues.Blame().IsMatch(s.Text))
            {
                sentences[i] = s with { Section = AnswerSection.Result };
            }

            cuedResultAfter |= sentences[i].Section == AnswerSection.Result && s.ResultCue;
        }
    }

    /// <summary>
    /// Closing lessons by position: once a result has been told, the closing run of unlabelled, non-hypothetical sentences
    /// in which the speaker is the subject of a present-tense verb ("I treat every migration as irreversible.") says how
    /// the speaker works now, and is read as learnings even without a lesson cue.
    /// </summary>
    private static void ClosingLessons(List<ReadSentence> sentences)
    {
        var firstResult = sentences.FindIndex(s => s.Section == AnswerSection.Result);
        if (firstResult < 0)
        {
            return;
        }

        for (var i = sentences.Count - 1; i > firstResult; i--)
        {
            var s = sentences[i];
            if (s.Section == AnswerSection.Learnings)
            {
                continue;
            }

            if (s.Labelled || s.Hypothetical || !Cues.FirstPersonPresent().IsMatch(s.Text))
            {
                return;
            }

            sentences[i] = s with { Section = AnswerSection.Learnings };
        }
    }

    private static AnswerSection Infer(IReadOnlyDictionary<AnswerSection, double> points, AnswerSection? previous)
    {
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
