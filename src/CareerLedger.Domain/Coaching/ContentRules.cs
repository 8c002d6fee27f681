using System.Globalization;
using System.Text.RegularExpressions;

namespace CareerLedger.Domain.Coaching;

/// <summary>Ownership, quantified result, learning and concreteness. Rules and why: docs/coaching.md.</summary>
internal static class ContentRules
{
    /// <summary>Ownership score when the actions name nobody (passive voice).</summary>
    public const int NoPronounScore = 40;

    /// <summary>
    /// Ownership: in the action sentences (all sentences when none was found), "I", "me", "myself" count 1 and "my", "mine"
    /// count ½; "we", "us", "ourselves" count 1 and "our", "ours" ½. Share s = singular / (singular + plural);
    /// score = 100 × clamp((s − 0.25) / 0.5, 0, 1): 75 % "I" or more is full marks, 25 % or less is 0.
    /// </summary>
    public static int Ownership(IReadOnlyList<ReadSentence> sentences, List<Found> findings)
    {
        var actions = sentences.Where(s => s.Section == AnswerSection.Action).ToList();
        if (actions.Count == 0)
        {
            actions = [.. sentences];
        }

        var singular = actions.Sum(s => Count(Cues.Singular(), s.Text) + (Count(Cues.SingularPossessive(), s.Text) / 2m));
        var plural = actions.Sum(s => Count(Cues.Plural(), s.Text) + (Count(Cues.PluralPossessive(), s.Text) / 2m));
        if (singular + plural == 0)
        {
            var first = actions[0];
            findings.Add(new Found(new Finding(CoachDimension.Ownership, FindingSeverity.Warning, FindingCodes.NoFirstPerson, Quote.Around(first.Text, 0, 0),
                "Say who acted: turn sentences like \"the service was rewritten\" into what you did yourself."), first.Index));
            return NoPronounScore;
        }

        if (plural > singular)
        {
            // Quote a sentence that speaks for the group only, else any sentence with "we".
            var quoted = actions.FirstOrDefault(s => Cues.Plural().IsMatch(s.Text) && !Cues.Singular().IsMatch(s.Text))
                ?? actions.First(s => Cues.Plural().IsMatch(s.Text) || Cues.PluralPossessive().IsMatch(s.Text));
            var m = Cues.Plural().Match(quoted.Text);
            findings.Add(new Found(new Finding(CoachDimension.Ownership, FindingSeverity.Problem, FindingCodes.WeInsteadOfI,
                Quote.Around(quoted.Text, m.Success ? m.Index : 0, m.Success ? m.Length : 0),
                "Make your own part visible: say \"I\" for what you did and name who did the rest, because the interviewer is hiring you, not the team."),
                quoted.Index));
        }

        var share = singular / (singular + plural);
        return Percent(Math.Clamp((share - 0.25m) / 0.5m, 0, 1));
    }

    /// <summary>
    /// Quantified result, counting only quantities in sentences that are not hypothetical and are not vanity metrics:
    /// none anywhere 0; some, but none in the result or learnings 50; one in the result without a baseline 75, two or more
    /// 85; with a baseline 100: a comparison in the result ("from 900 ms to 180 ms", "by 40 %", "halved") or a figure in
    /// the situation or task (the starting point; the coach cannot check that both figures measure the same thing).
    /// </summary>
    public static int QuantifiedResult(IReadOnlyList<ReadSentence> sentences, List<Found> findings)
    {
        var facts = sentences.Where(s => !s.Hypothetical).ToList();
        var outcome = facts.Where(s => s.Section is AnswerSection.Result or AnswerSection.Learnings).ToList();
        var results = sentences.Where(s => s.Section == AnswerSection.Result).ToList();
        var anywhere = facts.Sum(s => Quantities(s.Text).Count);
        if (anywhere == 0)
        {
            // Point at an unmeasured claim ("much faster") when there is one, else at the result.
            var claim = sentences.Select(s => (s, m: Cues.VagueClaim().Match(s.Text))).FirstOrDefault(x => x.m.Success);
            var (quote, at) = claim.s is not null
                ? (Quote.Around(claim.s.Text, claim.m.Index, claim.m.Length), claim.s.Index)
                : results.Count > 0 ? (Quote.Around(results[0].Text, 0, 0), results[0].Index) : ((string?)null, -1);
            findings.Add(new Found(new Finding(CoachDimension.QuantifiedResult, FindingSeverity.Problem, FindingCodes.NoNumbers, quote,
                "Add at least one measured result, such as latency, error rate, hours saved or revenue, and the value you started from."), at));
            return 0;
        }

        var inOutcome = outcome.Sum(s => Quantities(s.Text).Count);
        if (inOutcome == 0)
        {
            var first = results.FirstOrDefault();
            findings.Add(new Found(new Finding(CoachDimension.QuantifiedResult, FindingSeverity.Warning, FindingCodes.ResultNotQuantified,
                first is null ? null : Quote.Around(first.Text, 0, 0),
                "Put a number in the result itself: what moved, from what, to what."), first?.Index ?? -1));
            return 50;
        }

        // A comparison in the outcome, or a starting figure in the setup ("the job took 6 hours"), gives the baseline.
        var setupFigure = facts.Any(s => (s.Section is AnswerSection.Situation or AnswerSection.Task) && Quantities(s.Text).Count > 0);
        if (setupFigure || outcome.Any(s => Cues.Comparison().IsMatch(s.Text)))
        {
            return 100;
        }

        var figure = outcome.Select(s => (s, q: Quantities(s.Text))).First(x => x.q.Count > 0);
        findings.Add(new Found(new Finding(CoachDimension.QuantifiedResult, FindingSeverity.Info, FindingCodes.NoBaseline,
            Quote.Around(figure.s.Text, figure.q[0].Index, figure.q[0].Length),
            "Give the starting point as well (from X to Y), so the figure shows how much changed."), figure.s.Index));
        return inOutcome >= 2 ? 85 : 75;
    }

    /// <summary>
    /// Learning: 60 for a learning statement (a learnings section, or a sentence read as one) and 40 for a durable mechanism
    /// (a test, CI check, runbook, ADR, dashboard, alert, policy, checklist, …) named in the action, result or learnings.
    /// Hypothetical sentences do not count: a mechanism one would build was not left behind.
    /// </summary>
    public static int Learning(IReadOnlyList<ReadSentence> sentences, AnswerFormat format, List<Found> findings)
    {
        var lessons = sentences.Where(s => s.Section == AnswerSection.Learnings && !s.Hypothetical).ToList();
        var mechanism = sentences
            .Where(s => !s.Hypothetical && s.Section is AnswerSection.Action or AnswerSection.Result or AnswerSection.Learnings)
            .Any(s => Cues.Mechanism().IsMatch(s.Text));
        if (lessons.Count == 0)
        {
            findings.Add(new Found(new Finding(CoachDimension.Learning, format == AnswerFormat.Carl ? FindingSeverity.Problem : FindingSeverity.Warning,
                FindingCodes.NoLearning, null,
                mechanism
                    ? "Close by saying what you learned and how the change you left behind keeps working without you."
                    : "Close with what you learned and what you changed so it sticks, such as a test, a check, a runbook or a new habit."), -1));
        }
        else if (!mechanism)
        {
            findings.Add(new Found(new Finding(CoachDimension.Learning, FindingSeverity.Info, FindingCodes.NoMechanism, Quote.Around(lessons[0].Text, 0, 0),
                "Name the durable thing you left behind, such as a test, a CI check, a runbook, a dashboard or a policy."), lessons[0].Index));
        }

        return (lessons.Count > 0 ? 60 : 0) + (mechanism ? 40 : 0);
    }

    /// <summary>
    /// Concreteness: 100 − 200 × (share of words in hypothetical sentences), so half the answer hypothetical is 0, then
    /// − 15 for each vague action phrase (at most 3 counted); clamped to 0-100.
    /// </summary>
    public static int Concreteness(IReadOnlyList<ReadSentence> sentences, List<Found> findings)
    {
        var total = sentences.Sum(s => s.Words);
        var hypothetical = sentences.Where(s => s.Hypothetical).ToList();
        var hypotheticalShare = hypothetical.Sum(s => s.Words) / (decimal)total;
        if (hypothetical.Count > 0)
        {
            var first = hypothetical[0];
            var m = Cues.Hypothetical().Match(first.Text) is { Success: true } h ? h : Cues.HypotheticalOpener().Match(first.Text);
            var severity = hypotheticalShare >= 0.25m ? FindingSeverity.Problem : FindingSeverity.Warning;
            var advice = hypothetical.Count == 1
                ? "Tell what you actually did, in the past tense; \"I would\" describes a plan, not evidence."
                : string.Create(CultureInfo.InvariantCulture,
                    $"{hypothetical.Count} sentences say what you would do; tell a real case in the past tense, because a plan is not evidence.");
            findings.Add(new Found(new Finding(CoachDimension.Concreteness, severity, FindingCodes.Hypothetical, Quote.Around(first.Text, m.Index, m.Length), advice), first.Index));
        }

        var vague = sentences
            .Where(s => s.Section == AnswerSection.Action)
            .SelectMany(s => Cues.VagueAction().Matches(s.Text).Select(m => (s, m)))
            .ToList();
        if (vague.Count > 0)
        {
            var (s, m) = vague[0];
            var advice = string.Create(CultureInfo.InvariantCulture,
                $"Replace \"{m.Value}\"{(vague.Count > 1 ? $" and {vague.Count - 1} more vague phrase{(vague.Count > 2 ? "s" : "")}" : "")} with the concrete step: what you built, changed, measured or decided.");
            findings.Add(new Found(new Finding(CoachDimension.Concreteness, FindingSeverity.Warning, FindingCodes.VagueAction, Quote.Around(s.Text, m.Index, m.Length), advice), s.Index));
        }

        var score = 100m - (200m * hypotheticalShare) - (15m * Math.Min(3, vague.Count));
        return Percent(Math.Clamp(score / 100m, 0, 1));
    }

    /// <summary>Quantity matches in <paramref name="text"/>, without those inside a vanity metric ("40 tickets closed").</summary>
    internal static IReadOnlyList<Match> Quantities(string text)
    {
        var vanity = Cues.Vanity().Matches(text);
        return Cues.Quantity().Matches(text)
            .Where(q => !vanity.Any(v => q.Index < v.Index + v.Length && v.Index < q.Index + q.Length))
            .ToList();
    }

    internal static int Percent(decimal fraction) => (int)Math.Round(fraction * 100m, MidpointRounding.AwayFromZero);

    private static int Count(Regex regex, string text) => regex.Count(text);
}
