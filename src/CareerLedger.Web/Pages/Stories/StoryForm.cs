using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Stories;
using CareerLedger.Web.Stories;

namespace CareerLedger.Web.Pages.Stories;

/// <summary>
/// The story editor's fields as typed, under the API's field names (<c>format</c>, <c>headline</c>, <c>sections.action</c>,
/// <c>accomplishmentIds</c>, <c>competencies</c>, <c>reason</c>), so the API's messages land next to the right input and a
/// refused post shows everything as it was typed.
/// </summary>
public sealed class StoryForm
{
    /// <summary>The sections of each format, in telling order: (field name, label, hint).</summary>
    public static IReadOnlyList<(string Name, string Label, string Hint, StoryFormat? Only)> SectionFields { get; } =
    [
        ("situation", "Situation", "Where you were and what was wrong or at stake, in one or two sentences (about 15-20 % of the story).", StoryFormat.Star),
        ("task", "Task", "What you personally had to achieve or were asked to do, in one sentence.", StoryFormat.Star),
        ("context", "Context", "Situation and task together, briefly: where you were, what was at stake, what was yours to do.", StoryFormat.Carl),
        ("action", "Action", "What you did, with \"I\": the longest part (about half the story). Required.", null),
        ("result", "Result", "How it ended, ideally measured: the figure before and after.", null),
        ("learnings", "Learnings", "What you learned, or the mechanism you left behind (a test, a check, a runbook).", null),
    ];

    /// <summary>A random id made when the new-story form is shown: the draft's idempotency key, so a form sent twice drafts one story. Null when revising.</summary>
    public string? RequestId { get; set; }

    /// <summary>The version the story was read at (revising only): a newer one in the store is a conflict, never overwritten.</summary>
    public long? Version { get; set; }

    /// <summary>"star" or "carl".</summary>
    public string Format { get; set; } = "star";

    /// <summary>The headline as typed.</summary>
    public string? Headline { get; set; }

    /// <summary>Section name (situation, task, context, action, result, learnings) → text as typed.</summary>
    public Dictionary<string, string?> Sections { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Accomplishment ids ticked (new story: the wins it tells, the first is the main one).</summary>
    public IReadOnlyList<string> AccomplishmentIds { get; set; } = [];

    /// <summary>Competency names ticked (snake_case).</summary>
    public IReadOnlyList<string> Competencies { get; set; } = [];

    /// <summary>Why it changed (revising only), as typed.</summary>
    public string? Reason { get; set; }

    /// <summary>The text of a section as typed.</summary>
    public string? Section(string name) => Sections.TryGetValue(name, out var text) ? text : null;

    /// <summary>True when no section has any text.</summary>
    public bool SectionsEmpty => Sections.Values.All(string.IsNullOrWhiteSpace);

    /// <summary>The chosen format (STAR when the value is not one).</summary>
    public StoryFormat ParsedFormat => string.Equals(Format, "carl", StringComparison.OrdinalIgnoreCase) ? StoryFormat.Carl : StoryFormat.Star;

    /// <summary>Reads the posted form.</summary>
    public static StoryForm From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? F(string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;
        return new StoryForm
        {
            RequestId = F("requestId") is { Length: > 0 and <= 64 } id ? id : null,
            Version = long.TryParse(F("version"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null,
            Format = F("format") ?? "star",
            Headline = F("headline"),
            Sections = SectionFields.ToDictionary(s => s.Name, s => F("sections." + s.Name), StringComparer.Ordinal),
            AccomplishmentIds = form["accomplishmentIds"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList(),
            Competencies = form["competencies"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList(),
            Reason = F("reason"),
        };
    }

    /// <summary>The form of a story's current revision.</summary>
    public static StoryForm From(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var s = story.Current.Sections;
        return new StoryForm
        {
            Version = story.Version,
            Format = story.Current.Format == StoryFormat.Carl ? "carl" : "star",
            Headline = story.Current.Headline,
            Sections = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["situation"] = s.Situation, ["task"] = s.Task, ["context"] = s.Context, ["action"] = s.Action, ["result"] = s.Result, ["learnings"] = s.Learnings,
            },
            Competencies = story.Competencies.Select(CompetencyCatalog.NameOf).ToList(),
        };
    }

    /// <summary>
    /// The sections as the API receives them, for the chosen format only: a STAR story keeps no context, a CARL story no
    /// situation or task (the page says so next to the format choice). Blank sections are null.
    /// </summary>
    public StorySections ToSections()
    {
        var star = ParsedFormat == StoryFormat.Star;
        string? S(string name) => string.IsNullOrWhiteSpace(Section(name)) ? null : Section(name)!.Trim();
        return new StorySections(star ? S("situation") : null, star ? S("task") : null, star ? null : S("context"), S("action"), S("result"), S("learnings"));
    }

    /// <summary>The revise request of the API (<c>PUT /api/stories/{id}</c>) for this form.</summary>
    public ReviseStoryRequest ToRevision() => new(Format, Headline, ToSections(), string.IsNullOrWhiteSpace(Reason) ? null : Reason);
}
