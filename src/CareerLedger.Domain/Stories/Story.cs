using System.Text.Json.Serialization;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Practice;

namespace CareerLedger.Domain.Stories;

/// <summary>One revision of a story with its scores.</summary>
/// <param name="Revision">1-based.</param>
/// <param name="Format">STAR or CARL.</param>
/// <param name="Headline">Headline.</param>
/// <param name="Sections">Text.</param>
/// <param name="Score">The coach's score when written, as stored in the event, with the rubric version that produced it.</param>
/// <param name="PracticeScores">
/// Overall scores (0-100) from mock sessions that told this revision, oldest first, as stored in <c>story_practiced</c> (each under
/// the rubric of its day; practice progress has them under the running rubric).
/// </param>
/// <param name="RecordedAt">When it was written (UTC).</param>
/// <param name="Note">How it came about: "template", "model:…", or the revision reason.</param>
public sealed record StoryRevision(
    int Revision, StoryFormat Format, string Headline, StorySections Sections, StoryScore Score, IReadOnlyList<int> PracticeScores, DateTimeOffset RecordedAt, string? Note)
{
    /// <summary>
    /// This revision's score under the running rubric (<see cref="AnswerCoach.RubricVersion"/>), recomputed from the stored
    /// sections when <see cref="Score"/> came from an older rubric; null when the stored score is the running rubric's.
    /// docs/projections.md, "Re-scoring".
    /// </summary>
    public StoryScore? Rescored { get; init; }

    /// <summary>The score under the running rubric: <see cref="Rescored"/> when there is one, else <see cref="Score"/>.</summary>
    [JsonIgnore]
    public StoryScore CurrentScore => Rescored ?? Score;

    /// <summary>A revision as its event stores it, re-scored under the running rubric when its score is older.</summary>
    internal static StoryRevision Of(int revision, StoryFormat format, string headline, StorySections sections, StoryScore score, DateTimeOffset at, string? note) =>
        new(revision, format, headline, sections, score, [], at, note)
        {
            Rescored = Rescoring.IsStale(score.RubricVersion) ? StoryScore.Of(sections, format) : null,
        };
}

/// <summary>A story's current state (fold of its stream; the inline document).</summary>
/// <param name="Id">Stream id.</param>
/// <param name="AccomplishmentIds">Accomplishments it tells.</param>
/// <param name="Competencies">Competencies it evidences.</param>
/// <param name="QuestionIds">Questions it answers.</param>
/// <param name="Revisions">Every revision, oldest first; the last is current.</param>
/// <param name="Uses">Where it was told.</param>
/// <param name="Retired">Whether it was retired.</param>
public sealed record Story(
    Guid Id, IReadOnlyList<Guid> AccomplishmentIds, IReadOnlyList<Competency> Competencies, IReadOnlyList<string> QuestionIds,
    IReadOnlyList<StoryRevision> Revisions, IReadOnlyList<StoryUsed> Uses, bool Retired)
{
    /// <summary>
    /// The stream version of the last event folded into this state (1 after the first event): the document's ETag. Set by the
    /// projection that stores the document, from the event's position in its stream; 0 for a state built outside a stream.
    /// </summary>
    public long Version { get; init; }

    /// <summary>The current revision.</summary>
    public StoryRevision Current => Revisions[^1];

    /// <summary>Folds one event (pure).</summary>
    /// <exception cref="InvalidOperationException">When the event does not fit the state.</exception>
    public static Story Evolve(Story? state, StoryEvent e, DateTimeOffset at) => (state, e) switch
    {
        (null, StoryDrafted d) => new Story(d.StoryId, d.AccomplishmentIds, d.Competencies, [],
            [StoryRevision.Of(1, d.Format, d.Headline, d.Sections, d.Score, at, d.DraftedBy)], [], false),
        ({ } s, StoryRevised r) => s with { Revisions = [.. s.Revisions, StoryRevision.Of(r.Revision, r.Format, r.Headline, r.Sections, r.Score, at, r.Reason)] },
        ({ } s, StoryLinked l) => s with { Competencies = l.Competencies, QuestionIds = l.QuestionIds },
        ({ } s, StoryUsed u) => s with { Uses = [.. s.Uses, u] },
        ({ } s, StoryPracticed p) => s with
        {
            Revisions = s.Revisions.Select(r => r.Revision == p.Revision ? r with { PracticeScores = [.. r.PracticeScores, p.Overall] } : r).ToList(),
        },
        ({ } s, StoryRetired) => s with { Retired = true },
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot apply to {(state is null ? "an empty stream" : "this story")}."),
    };
}

/// <summary>The story decider (pure).</summary>
public static class StoryDecider
{
    /// <summary>Drafts revision 1.</summary>
    /// <exception cref="DomainValidationException">When no accomplishment is given or the text is empty.</exception>
    public static IReadOnlyList<StoryEvent> Draft(
        Guid id, StoryFormat format, string headline, StorySections sections, IReadOnlyList<Guid> accomplishmentIds,
        IReadOnlyList<Competency> competencies, string draftedBy, StoryScore score)
    {
        var errors = new ValidationErrors();
        if (accomplishmentIds.Count == 0)
        {
            errors.Add("accomplishmentIds", "Draft a story from at least one accomplishment.");
        }

        CheckText(errors, headline, sections);
        errors.ThrowIfAny();
        return [new StoryDrafted(id, format, headline.Trim(), sections, accomplishmentIds, competencies, draftedBy, score)];
    }

    /// <summary>Adds a revision; identical text gives no event.</summary>
    /// <exception cref="DomainRuleException">When the story is retired.</exception>
    /// <exception cref="DomainValidationException">When the text is empty.</exception>
    public static IReadOnlyList<StoryEvent> Revise(Story state, StoryFormat format, string headline, StorySections sections, string? reason, StoryScore score)
    {
        NotRetired(state);
        var errors = new ValidationErrors();
        CheckText(errors, headline, sections);
        errors.ThrowIfAny();
        var current = state.Current;
        var oneLine = Text.OneLine(headline)!;
        return current.Format == format && current.Headline == oneLine && current.Sections == sections
            ? []
            : [new StoryRevised(state.Id, current.Revision + 1, format, oneLine, sections, Fields.Reason(reason), score)];
    }

    /// <summary>Sets the competencies and questions the story answers; unchanged links give no event.</summary>
    /// <exception cref="DomainRuleException">When the story is retired.</exception>
    public static IReadOnlyList<StoryEvent> Link(Story state, IReadOnlyList<Competency> competencies, IReadOnlyList<string> questionIds)
    {
        NotRetired(state);
        return state.Competencies.SequenceEqual(competencies) && state.QuestionIds.SequenceEqual(questionIds)
            ? []
            : [new StoryLinked(state.Id, competencies, questionIds)];
    }

    /// <summary>Records where the current revision was told.</summary>
    /// <exception cref="DomainValidationException">When the company is missing or the date is in the future.</exception>
    public static IReadOnlyList<StoryEvent> Use(Story state, string? company, string? round, DateOnly on, DateOnly today)
    {
        NotRetired(state);
        var errors = new ValidationErrors();
        Fields.CheckLength(errors, "company", company, 100);
        Fields.CheckLength(errors, "round", round, 100);
        if (Text.Clean(company) is null)
        {
            errors.Add("company", "Say where you told it (a company, or \"promotion packet\").");
        }

        if (on > today)
        {
            errors.Add("on", $"{on:yyyy-MM-dd} is in the future.");
        }

        errors.ThrowIfAny();
        return [new StoryUsed(state.Id, Text.Clean(company)!, Text.Clean(round), on, state.Current.Revision)];
    }

    /// <summary>Retires; twice is harmless.</summary>
    public static IReadOnlyList<StoryEvent> Retire(Story state, string? reason) =>
        state.Retired ? [] : [new StoryRetired(state.Id, Fields.Reason(reason))];

    private static void NotRetired(Story state)
    {
        if (state.Retired)
        {
            throw new DomainRuleException("This story is retired; draft a new one.");
        }
    }

    private static void CheckText(ValidationErrors errors, string headline, StorySections sections)
    {
        if (string.IsNullOrWhiteSpace(headline))
        {
            errors.Add("headline", "A one-line headline is required.");
        }
        else if (headline.Length > 200)
        {
            errors.Add("headline", "Keep the headline to 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(sections.Action))
        {
            errors.Add("sections.action", "The action section is required: what you did.");
        }

        foreach (var (name, text) in new[] { ("situation", sections.Situation), ("task", sections.Task), ("context", sections.Context), ("action", sections.Action), ("result", sections.Result), ("learnings", sections.Learnings) })
        {
            if (text is { Length: > 4000 })
            {
                errors.Add($"sections.{name}", "At most 4,000 characters per section.");
            }
        }
    }
}
