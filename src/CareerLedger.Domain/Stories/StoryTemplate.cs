using System.Text.RegularExpressions;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Brag;

namespace CareerLedger.Domain.Stories;

/// <summary>
/// Drafts a story from accomplishments without a model: each section is filled from the accomplishments' fields, and a
/// section with nothing to fill it gets a bracketed prompt saying what to add. Rules in docs/coaching.md.
/// </summary>
public static partial class StoryTemplate
{
    /// <summary>A drafted story: headline, sections and the competencies it evidences.</summary>
    /// <param name="Headline">One line leading the answer.</param>
    /// <param name="Sections">The text.</param>
    /// <param name="Competencies">Union of the accomplishments' competencies.</param>
    public sealed record Draft(string Headline, StorySections Sections, IReadOnlyList<Competencies.Competency> Competencies);

    /// <summary>Drafts from one or more accomplishments (the first is the main one).</summary>
    /// <exception cref="ArgumentException">When <paramref name="accomplishments"/> is empty.</exception>
    public static Draft From(IReadOnlyList<Accomplishment> accomplishments, StoryFormat format)
    {
        if (accomplishments.Count == 0)
        {
            throw new ArgumentException("At least one accomplishment is needed.", nameof(accomplishments));
        }

        var main = accomplishments[0].Details;
        var sentences = accomplishments.SelectMany(a => Sentences(a.Details.Description)).ToList();
        var firstPerson = sentences.Where(s => FirstPersonAction().IsMatch(s)).ToList();
        var setting = sentences.Except(firstPerson).Where(s => !ResultCue().IsMatch(s)).Take(2).ToList();
        var results = accomplishments.SelectMany(a => a.Details.Impact).Select(m => m.Describe()).ToList();
        var resultSentences = sentences.Where(s => ResultCue().IsMatch(s) && !firstPerson.Contains(s)).Take(2).ToList();

        var where = main.Project is null ? "" : $" on {main.Project}";
        var situation = setting.Count > 0
            ? string.Join(" ", setting)
            : $"[Add one or two sentences of context: where you were working{where} and what was wrong or at stake.]";
        var task = $"This was mine to deliver: I {BragMarkdown.Describe(main.Involvement)} the work, at {BragMarkdown.Describe(main.Scope)} scope. [Say in one sentence what you had to achieve.]";
        var action = firstPerson.Count > 0
            ? string.Join(" ", firstPerson)
            : $"I {Verb(main.Involvement)} the work to {LowerFirst(main.Title)}. [Add the two or three things you personally did, in the first person, with the decisions you made.]";
        var result = results.Count > 0
            ? "As a result: " + string.Join("; ", results) + "." + (resultSentences.Count > 0 ? " " + string.Join(" ", resultSentences) : "")
            : resultSentences.Count > 0 ? string.Join(" ", resultSentences) : "[Add the measurable result: a number with its baseline, such as latency, cost, incidents or hours saved.]";
        var learnings = accomplishments.Select(a => a.Details.Learnings).FirstOrDefault(l => l is not null)
            ?? "[Add what you learned or the mechanism you left behind: a test, a CI check, a runbook, a dashboard, a policy.]";

        var sections = format == StoryFormat.Star
            ? new StorySections(situation, task, null, action, result, learnings)
            : new StorySections(null, null, situation + " " + task, action, result, learnings);
        var headline = main.Impact.Count > 0 ? $"{main.Title}: {main.Impact[0].Describe()}" : main.Title;
        var competencies = accomplishments.SelectMany(a => a.Details.Competencies).Distinct().ToList();
        return new Draft(headline.Length > 200 ? main.Title : headline, sections, competencies);
    }

    private static IEnumerable<string> Sentences(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : SentenceSplit().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string Verb(Involvement involvement) => involvement switch
    {
        Involvement.Contributed => "contributed to",
        Involvement.Led => "led",
        _ => "drove",
    };

    private static string LowerFirst(string s) => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""'(])")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"\b(I|I'd|I've|my)\b")]
    private static partial Regex FirstPersonAction();

    [GeneratedRegex(@"(\d|%|\bfell\b|\brose\b|\bdropped\b|\bcut\b|\breduced\b|\bincreased\b|\bas a result\b|\bapproved\b|\bshipped\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ResultCue();
}
