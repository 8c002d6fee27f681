using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Stories;
using Marten;
using CareerLedger.Web.Ai;
using CareerLedger.Web.Coaching;
using CareerLedger.Web.Infrastructure;

namespace CareerLedger.Web.Stories;

/// <summary>Drafts and changes stories; every revision is scored by the rubric.</summary>
public sealed class StoryCommands(IDocumentSession session, AiAssistant ai, TimeProvider clock)
{
    /// <summary>
    /// Drafts a story from accomplishments: the template always, and the model's draft (structured output, a
    /// <see cref="ModelStoryDraft"/>) instead when one is configured and its answer has a headline and the format's sections.
    /// Either way the rubric scores the result.
    /// </summary>
    /// <exception cref="DomainValidationException">When an accomplishment id is unknown for this user, or none is given.</exception>
    public async Task<(Story Story, Assisted<ModelStoryDraft> Draft)> DraftAsync(
        IReadOnlyList<Guid> accomplishmentIds, StoryFormat format, string? clientKey, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var wins = new List<Accomplishment>();
        for (var i = 0; i < accomplishmentIds.Count; i++)
        {
            var doc = await session.LoadAsync<Accomplishment>(accomplishmentIds[i], ct);
            if (doc is null || doc.Retracted)
            {
                errors.Add($"accomplishmentIds[{i}]", $"No accomplishment {accomplishmentIds[i]}.");
            }
            else
            {
                wins.Add(doc);
            }
        }

        if (accomplishmentIds.Count == 0)
        {
            errors.Add("accomplishmentIds", "Draft a story from at least one accomplishment.");
        }

        errors.ThrowIfAny();
        var template = StoryTemplate.From(wins, format);
        var facts = string.Join("\n\n", wins.Select(w =>
            $"Title: {w.Details.Title}\nDate: {w.Details.OccurredOn:yyyy-MM-dd}\nScope: {w.Details.Scope}; involvement: {w.Details.Involvement}\n" +
            $"Description: {w.Details.Description}\nResults: {string.Join("; ", w.Details.Impact.Select(m => m.Describe()))}\nLearnings: {w.Details.Learnings}"));
        var fields = format == StoryFormat.Star ? "situation, task, action, result and learnings" : "context, action, result and learnings";
        var assisted = await ai.CompleteStructuredAsync(
            "You turn an engineer's logged accomplishments into a spoken interview story of 150-300 words. Give a one-line headline " +
            $"and one paragraph for each of {fields}; leave the other sections null. Use first person singular for the actions, " +
            "keep every number from the facts, invent nothing.",
            facts,
            ModelStoryDraft.From(template.Headline, template.Sections),
            draft => draft.For(format) is not null,
            ct);
        var (headline, sections) = assisted.Source == AiSource.Model ? assisted.Value.For(format)!.Value : (template.Headline, template.Sections);
        var score = Score(sections, format);
        var draftedBy = assisted.Source == AiSource.Model ? "model:" + assisted.Note : "template";
        var (story, _) = await StreamCreation.StartAsync<Story>(
            session, "story", clientKey, clock,
            (id, existing) => existing is not null ? [] : StoryDecider.Draft(id, format, headline, sections, accomplishmentIds, template.Competencies, draftedBy, score), ct);
        return (story, assisted);
    }

    /// <summary>Adds a revision (scored); null when the user has no such story.</summary>
    /// <exception cref="VersionConflictException">When <paramref name="expected"/> is stale.</exception>
    public Task<Story?> ReviseAsync(
        Guid id, StoryFormat format, string headline, StorySections sections, string? reason, ExpectedVersion expected, CancellationToken ct)
    {
        var score = Score(sections, format);
        return Execute(id, expected, s => StoryDecider.Revise(s, format, headline, sections, reason, score), ct);
    }

    /// <summary>Runs a story command at <paramref name="expected"/>; null when the user has no such story.</summary>
    public Task<Story?> Execute(Guid id, ExpectedVersion expected, Func<Story, IReadOnlyList<StoryEvent>> decide, CancellationToken ct) =>
        StreamCommands.ExecuteAsync<Story>(session, id, expected, s => decide(s), ct);

    /// <summary>
    /// The rubric's score of a story as it would be told: bracketed template prompts ("[Add the measurable result…]") are not
    /// part of the answer, so they are removed first; a story without words scores 0 (the decider then names the missing section).
    /// </summary>
    public static StoryScore Score(StorySections sections, StoryFormat format)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(sections.ToLabelledText(format), @"\[[^\]]*\]", " ");
        return text.Any(char.IsLetterOrDigit)
            ? CoachService.ToStoryScore(AnswerCoach.Score(text, null, Map(format)))
            : new StoryScore(0, new Dictionary<string, int>());
    }

    /// <summary>The coach's format for a story format.</summary>
    public static AnswerFormat Map(StoryFormat format) => format == StoryFormat.Star ? AnswerFormat.Star : AnswerFormat.Carl;
}
