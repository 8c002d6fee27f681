using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Practice;

namespace CareerLedger.Domain.Stories;

/// <summary>STAR (situation, task, action, result) or CARL (context, action, result, learnings). Stored snake_case.</summary>
public enum StoryFormat
{
    /// <summary>Situation, Task, Action, Result.</summary>
    Star,
    /// <summary>Context, Action, Result, Learnings.</summary>
    Carl,
}

/// <summary>
/// The text of a story, one field per section. STAR uses situation, task, action, result; CARL uses context, action, result,
/// learnings. Unused sections are null.
/// </summary>
/// <param name="Situation">STAR: the setting, briefly.</param>
/// <param name="Task">STAR: what you had to achieve.</param>
/// <param name="Context">CARL: situation and task together, briefly.</param>
/// <param name="Action">What you did (the longest part).</param>
/// <param name="Result">What changed, with numbers.</param>
/// <param name="Learnings">What you learned or the mechanism you left behind.</param>
public sealed record StorySections(string? Situation, string? Task, string? Context, string? Action, string? Result, string? Learnings)
{
    /// <summary>The sections as labelled text ("Situation: …"), in the format's order, for scoring and display.</summary>
    public string ToLabelledText(StoryFormat format)
    {
        var parts = format == StoryFormat.Star
            ? new[] { ("Situation", Situation), ("Task", Task), ("Action", Action), ("Result", Result), ("Learnings", Learnings) }
            : new[] { ("Context", Context), ("Action", Action), ("Result", Result), ("Learnings", Learnings) };
        return string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}: {p.Item2!.Trim()}"));
    }
}

/// <summary>The coach's score of one revision of a story (overall and per dimension, each 0-100).</summary>
/// <param name="Overall">Overall score 0-100.</param>
/// <param name="Dimensions">Dimension name (snake_case) → score 0-100.</param>
/// <param name="RubricVersion">
/// The <see cref="AnswerCoach.RubricVersion"/> that produced the score (1, 2, …). Stored as <c>rubricVersion</c>; a score stored
/// before the field existed reads as 1, the parameter's default (docs/events.md, "Rubric versions").
/// </param>
public sealed record StoryScore(int Overall, IReadOnlyDictionary<string, int> Dimensions, int RubricVersion = 1)
{
    /// <summary>
    /// The running rubric's score of a story as it would be told, stamped with <see cref="AnswerCoach.RubricVersion"/>: the
    /// sections as labelled text (<see cref="StorySections.ToLabelledText"/>) without the bracketed template prompts
    /// ("[Add the measurable result…]"), measured against the story's format. A story without words scores 0 with no dimensions
    /// (the decider then names the missing section). Pure and deterministic; used when a story is drafted or revised and when
    /// the projection re-scores a stored revision (docs/projections.md, "Re-scoring").
    /// </summary>
    /// <param name="sections">The text.</param>
    /// <param name="format">STAR or CARL.</param>
    public static StoryScore Of(StorySections sections, StoryFormat format)
    {
        var text = SpokenText(sections, format);
        return text.Any(char.IsLetterOrDigit)
            ? FromReport(AnswerCoach.Score(text, null, format == StoryFormat.Star ? AnswerFormat.Star : AnswerFormat.Carl))
            : new StoryScore(0, new Dictionary<string, int>(), AnswerCoach.RubricVersion);
    }

    /// <summary>
    /// The text <see cref="Of"/> scores: the sections as labelled text in the format's order without the bracketed template
    /// prompts ("[Add the measurable result…]"), which are not part of what would be said. Scoring it with
    /// <see cref="AnswerCoach.Score"/> in the story's format gives the findings behind a stored revision's score.
    /// </summary>
    /// <param name="sections">The text.</param>
    /// <param name="format">STAR or CARL.</param>
    public static string SpokenText(StorySections sections, StoryFormat format)
    {
        ArgumentNullException.ThrowIfNull(sections);
        return System.Text.RegularExpressions.Regex.Replace(sections.ToLabelledText(format), @"\[[^\]]*\]", " ");
    }

    /// <summary>The score of a coach report, stamped with the running <see cref="AnswerCoach.RubricVersion"/>.</summary>
    /// <param name="report">The report of <see cref="AnswerCoach.Score"/>.</param>
    public static StoryScore FromReport(CoachReport report) => new(report.Overall, Rescoring.DimensionScores(report), AnswerCoach.RubricVersion);
}

/// <summary>Events of a <c>story</c> stream (one stream per story).</summary>
public abstract record StoryEvent(Guid StoryId);

/// <summary>Stored as <c>story_drafted</c>: revision 1 of a story.</summary>
/// <param name="StoryId">Stream id.</param>
/// <param name="Format">STAR or CARL.</param>
/// <param name="Headline">One line that leads the answer.</param>
/// <param name="Sections">The text.</param>
/// <param name="AccomplishmentIds">The accomplishments it tells (1 or more).</param>
/// <param name="Competencies">Competencies it evidences.</param>
/// <param name="DraftedBy">"template" or "model:&lt;name&gt;".</param>
/// <param name="Score">The coach's score of this revision.</param>
public sealed record StoryDrafted(
    Guid StoryId, StoryFormat Format, string Headline, StorySections Sections, IReadOnlyList<Guid> AccomplishmentIds,
    IReadOnlyList<Competency> Competencies, string DraftedBy, StoryScore Score) : StoryEvent(StoryId);

/// <summary>Stored as <c>story_revised</c>: a new revision; earlier ones stay in the stream (the story's lineage).</summary>
/// <param name="StoryId">Stream id.</param>
/// <param name="Revision">The new revision number (2, 3, …).</param>
/// <param name="Format">STAR or CARL.</param>
/// <param name="Headline">The headline.</param>
/// <param name="Sections">The text.</param>
/// <param name="Reason">Why it changed.</param>
/// <param name="Score">The coach's score of this revision.</param>
public sealed record StoryRevised(Guid StoryId, int Revision, StoryFormat Format, string Headline, StorySections Sections, string? Reason, StoryScore Score)
    : StoryEvent(StoryId);

/// <summary>Stored as <c>story_linked</c>: the competencies and questions the story answers (replaces the previous links).</summary>
/// <param name="StoryId">Stream id.</param>
/// <param name="Competencies">Competencies.</param>
/// <param name="QuestionIds">Question bank ids.</param>
public sealed record StoryLinked(Guid StoryId, IReadOnlyList<Competency> Competencies, IReadOnlyList<string> QuestionIds) : StoryEvent(StoryId);

/// <summary>Stored as <c>story_used</c>: which story went where.</summary>
/// <param name="StoryId">Stream id.</param>
/// <param name="Company">Company interviewed with (or "promotion packet").</param>
/// <param name="Round">Round, e.g. "onsite behavioral", "hiring manager".</param>
/// <param name="On">The day.</param>
/// <param name="Revision">The revision told.</param>
public sealed record StoryUsed(Guid StoryId, string Company, string? Round, DateOnly On, int Revision) : StoryEvent(StoryId);

/// <summary>Stored as <c>story_practiced</c>: the story was told in a mock session and scored.</summary>
/// <param name="StoryId">Stream id.</param>
/// <param name="Revision">The revision practised.</param>
/// <param name="SessionId">The mock session.</param>
/// <param name="QuestionId">The question answered.</param>
/// <param name="Overall">The coach's overall score 0-100 (the same score the session's <c>mock_answer_scored</c> holds).</param>
/// <param name="RubricVersion">
/// The <see cref="AnswerCoach.RubricVersion"/> that produced <paramref name="Overall"/>; an event stored before the field existed
/// reads as 1 (docs/events.md, "Rubric versions"). The answer's text is in the session's stream, so re-scoring it under a newer
/// rubric is done from there (practice progress), not from this event.
/// </param>
public sealed record StoryPracticed(Guid StoryId, int Revision, Guid SessionId, string QuestionId, int Overall, int RubricVersion = 1) : StoryEvent(StoryId);

/// <summary>Stored as <c>story_retired</c>: no longer in the active bank.</summary>
/// <param name="StoryId">Stream id.</param>
/// <param name="Reason">Why.</param>
public sealed record StoryRetired(Guid StoryId, string? Reason) : StoryEvent(StoryId);
