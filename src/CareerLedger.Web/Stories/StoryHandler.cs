using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Stories;
using CareerLedger.Web.Ai;
using CareerLedger.Web.Coaching;
using CareerLedger.Web.Infrastructure;
using JasperFx.Events;
using Marten;
using Wolverine.Marten;

namespace CareerLedger.Web.Stories;

/// <summary>Drafts a story from accomplishments. Answered with <see cref="DraftedStory"/>.</summary>
/// <param name="AccomplishmentIds">The accomplishments the story tells (at least one, all the user's own).</param>
/// <param name="Format">STAR or CARL.</param>
/// <param name="ClientKey">The Idempotency-Key; null for none.</param>
/// <param name="Headline">The user's own headline (with <paramref name="Sections"/>); null = the template's headline.</param>
/// <param name="Sections">The user's own text for revision 1; null = the draft is written from the accomplishments (model or template).</param>
public sealed record DraftStory(IReadOnlyList<Guid> AccomplishmentIds, StoryFormat Format, string? ClientKey, string? Headline = null, StorySections? Sections = null);

/// <summary>The drafted (or, on a repeat, the existing) story and how its text was written.</summary>
/// <param name="Story">The stored story.</param>
/// <param name="Draft">The draft and its source: the model's structured output, or the template.</param>
/// <param name="Created">False on a repeat with the same Idempotency-Key (the existing story is returned).</param>
public sealed record DraftedStory(Story Story, Assisted<ModelStoryDraft> Draft, bool Created = true)
{
    /// <summary>True when revision 1 is the user's own text (<see cref="DraftStory.Sections"/>), not a draft.</summary>
    public bool Written { get; init; }
}

/// <summary>A new revision of a story, scored by the rubric. Answered with the updated <see cref="Story"/>, or null when the user has no such story (likewise for the other story commands).</summary>
/// <param name="StoryId">The stream id.</param>
/// <param name="Format">STAR or CARL.</param>
/// <param name="Headline">The one-line headline.</param>
/// <param name="Sections">The text by section.</param>
/// <param name="Reason">Why it was revised (optional).</param>
/// <param name="Expected">If-Match (required by the API).</param>
public sealed record ReviseStory(Guid StoryId, StoryFormat Format, string Headline, StorySections Sections, string? Reason, ExpectedVersion Expected);

/// <summary>Sets the competencies and bank questions the story answers.</summary>
/// <param name="StoryId">The stream id.</param>
/// <param name="Competencies">The competencies.</param>
/// <param name="QuestionIds">Question bank ids, distinct.</param>
/// <param name="Expected">If-Match, or any.</param>
public sealed record LinkStory(Guid StoryId, IReadOnlyList<Competency> Competencies, IReadOnlyList<string> QuestionIds, ExpectedVersion Expected);

/// <summary>Records where the story was told.</summary>
/// <param name="StoryId">The stream id.</param>
/// <param name="Company">The company (optional).</param>
/// <param name="Round">The interview round (optional).</param>
/// <param name="On">The day it was told.</param>
/// <param name="Today">The user's today.</param>
/// <param name="Expected">If-Match, or any.</param>
public sealed record UseStory(Guid StoryId, string? Company, string? Round, DateOnly On, DateOnly Today, ExpectedVersion Expected);

/// <summary>Retires the story.</summary>
/// <param name="StoryId">The stream id.</param>
/// <param name="Reason">Why (optional).</param>
/// <param name="Expected">If-Match, or any.</param>
public sealed record RetireStory(Guid StoryId, string? Reason, ExpectedVersion Expected);

/// <summary>Wolverine handlers of the story commands; every revision is scored by the rubric.</summary>
public static class StoryHandler
{
    /// <summary>
    /// Drafts a story from accomplishments: the template always, and the model's draft (structured output, a
    /// <see cref="ModelStoryDraft"/>) instead when one is configured and its answer has a headline and the format's sections.
    /// Either way the rubric scores the result.
    /// </summary>
    /// <exception cref="DomainValidationException">When an accomplishment id is unknown for this user, or none is given.</exception>
    public static async Task<DraftedStory> Handle(DraftStory command, IDocumentSession session, AiAssistant ai, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var wins = new List<Accomplishment>();
        for (var i = 0; i < command.AccomplishmentIds.Count; i++)
        {
            var doc = await session.LoadAsync<Accomplishment>(command.AccomplishmentIds[i], ct);
            if (doc is null || doc.Retracted)
            {
                errors.Add($"accomplishmentIds[{i}]", $"No accomplishment {command.AccomplishmentIds[i]}.");
            }
            else
            {
                wins.Add(doc);
            }
        }

        if (command.AccomplishmentIds.Count == 0)
        {
            errors.Add("accomplishmentIds", "Draft a story from at least one accomplishment.");
        }

        errors.ThrowIfAny();
        var template = StoryTemplate.From(wins, command.Format);
        if (command.Sections is { } written)
        {
            // The user's own text: no model is asked; the template only lends its headline when none was given.
            var ownHeadline = Text.Clean(command.Headline) ?? template.Headline;
            var own = await StreamCreation.StartAsync<Story>(
                session, "story", command.ClientKey, clock,
                (id, existing) => existing is not null ? [] : StoryDecider.Draft(id, command.Format, ownHeadline, written, command.AccomplishmentIds, template.Competencies, WrittenNote, Score(written, command.Format)), ct);
            return new DraftedStory(own.Document, new Assisted<ModelStoryDraft>(ModelStoryDraft.From(ownHeadline, written), AiSource.Deterministic, WrittenNote), own.Created) { Written = true };
        }

        var facts = string.Join("\n\n", wins.Select(w =>
            $"Title: {w.Details.Title}\nDate: {w.Details.OccurredOn:yyyy-MM-dd}\nScope: {w.Details.Scope}; involvement: {w.Details.Involvement}\n" +
            $"Description: {w.Details.Description}\nResults: {string.Join("; ", w.Details.Impact.Select(m => m.Describe()))}\nLearnings: {w.Details.Learnings}"));
        var fields = command.Format == StoryFormat.Star ? "situation, task, action, result and learnings" : "context, action, result and learnings";
        var assisted = await ai.CompleteStructuredAsync(
            "You turn an engineer's logged accomplishments into a spoken interview story of 150-300 words. Give a one-line headline " +
            $"and one paragraph for each of {fields}; leave the other sections null. Use first person singular for the actions, " +
            "keep every number from the facts, invent nothing.",
            facts,
            ModelStoryDraft.From(template.Headline, template.Sections),
            draft => draft.For(command.Format) is not null,
            ct);
        var (headline, sections) = assisted.Source == AiSource.Model ? assisted.Value.For(command.Format)!.Value : (template.Headline, template.Sections);
        var score = Score(sections, command.Format);
        var draftedBy = assisted.Source == AiSource.Model ? "model:" + assisted.Note : "template";
        var started = await StreamCreation.StartAsync<Story>(
            session, "story", command.ClientKey, clock,
            (id, existing) => existing is not null ? [] : StoryDecider.Draft(id, command.Format, headline, sections, command.AccomplishmentIds, template.Competencies, draftedBy, score), ct);
        return new DraftedStory(started.Document, assisted, started.Created);
    }

    /// <summary>The note of a revision 1 the user wrote themselves (<see cref="DraftStory.Sections"/>).</summary>
    public const string WrittenNote = "written";

    /// <summary>Adds a revision.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(ReviseStory c, [WriteAggregate(Required = false)] IEventStream<Story> stream) =>
        StreamCommands.Decide(stream, c.Expected, s => StoryDecider.Revise(s, c.Format, c.Headline, c.Sections, c.Reason, Score(c.Sections, c.Format)));

    /// <summary>Sets the links.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(LinkStory c, [WriteAggregate(Required = false)] IEventStream<Story> stream) =>
        StreamCommands.Decide(stream, c.Expected, s => StoryDecider.Link(s, c.Competencies, c.QuestionIds));

    /// <summary>Records a use.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(UseStory c, [WriteAggregate(Required = false)] IEventStream<Story> stream) =>
        StreamCommands.Decide(stream, c.Expected, s => StoryDecider.Use(s, c.Company, c.Round, c.On, c.Today));

    /// <summary>Retires the story.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(RetireStory c, [WriteAggregate(Required = false)] IEventStream<Story> stream) =>
        StreamCommands.Decide(stream, c.Expected, s => StoryDecider.Retire(s, c.Reason));

    /// <summary>
    /// The rubric's score of a story as it would be told, stamped with the running rubric version: bracketed template prompts
    /// ("[Add the measurable result…]") are not part of the answer, so they are removed first; a story without words scores 0
    /// (the decider then names the missing section). The rule is <see cref="StoryScore.Of"/>, which re-scoring uses too.
    /// </summary>
    public static StoryScore Score(StorySections sections, StoryFormat format) => StoryScore.Of(sections, format);

    /// <summary>The coach's format for a story format.</summary>
    public static AnswerFormat Map(StoryFormat format) => format == StoryFormat.Star ? AnswerFormat.Star : AnswerFormat.Carl;
}
