using CareerLedger.Domain.Stories;

namespace CareerLedger.Web.Stories;

/// <summary>
/// The structured output asked of a model for a story draft: a headline and one paragraph per section. A STAR draft fills
/// situation, task, action, result and learnings; a CARL draft fills context, action, result and learnings; the rest stay null.
/// </summary>
/// <param name="Headline">One line, 1-200 characters.</param>
/// <param name="Situation">STAR: the situation.</param>
/// <param name="Task">STAR: the task.</param>
/// <param name="Context">CARL: the context.</param>
/// <param name="Action">What the engineer did, first person.</param>
/// <param name="Result">The outcome, with every number from the facts.</param>
/// <param name="Learnings">What was learned or changed since.</param>
public sealed record ModelStoryDraft(
    string? Headline, string? Situation, string? Task, string? Context, string? Action, string? Result, string? Learnings)
{
    /// <summary>The template's draft in this shape (the fallback).</summary>
    public static ModelStoryDraft From(string headline, StorySections s) =>
        new(headline, s.Situation, s.Task, s.Context, s.Action, s.Result, s.Learnings);

    /// <summary>
    /// The draft as a headline and sections for <paramref name="format"/> (blank sections become null, the other format's
    /// sections are dropped), or null when the headline is empty or longer than 200 characters, or a required section is
    /// missing: STAR situation, action, result; CARL context, action, result.
    /// </summary>
    public (string Headline, StorySections Sections)? For(StoryFormat format)
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var headline = Clean(Headline);
        var star = format == StoryFormat.Star;
        var sections = new StorySections(
            star ? Clean(Situation) : null, star ? Clean(Task) : null, star ? null : Clean(Context), Clean(Action), Clean(Result), Clean(Learnings));
        var complete = (star ? sections.Situation : sections.Context) is not null && sections.Action is not null && sections.Result is not null;
        return complete && headline is { Length: <= 200 } ? (headline, sections) : null;
    }
}
