using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Stories;

/// <summary>The ranked story candidates plus the competency coverage of the top ones.</summary>
/// <param name="FormulaVersion">The ranking formula the scores come from (<see cref="StoryRanker.FormulaVersion"/>; versions in docs/scoring.md).</param>
/// <param name="Today">The day recency was measured from (user's calendar).</param>
/// <param name="AsOf">When set, only events recorded by then were considered (UTC).</param>
/// <param name="Considered">How many accomplishments were scored.</param>
/// <param name="Top">The top N, best first.</param>
/// <param name="Coverage">One row per competency: which of the top stories evidence it, and whether any accomplishment does.</param>
/// <param name="Checklist">The prep checklist (docs/domain.md) against the top stories.</param>
/// <param name="Uncovered">Competencies no accomplishment evidences at all.</param>
/// <param name="UncoveredInTop">Checklist items none of the top stories cover.</param>
/// <param name="GrowthGaps">
/// Competencies the user's feedback or reviews name as growth areas that none of the top stories shows, in catalogue order;
/// empty when no growth areas were given or every one is shown (docs/scoring.md, "Growth gaps").
/// </param>
public sealed record StoryRanking(
    int FormulaVersion,
    DateOnly Today,
    DateTimeOffset? AsOf,
    int Considered,
    IReadOnlyList<RankedStory> Top,
    IReadOnlyList<CoverageRow> Coverage,
    IReadOnlyList<ChecklistRow> Checklist,
    IReadOnlyList<Competency> Uncovered,
    IReadOnlyList<string> UncoveredInTop,
    IReadOnlyList<GrowthGap> GrowthGaps);

/// <summary>A growth area no top story shows.</summary>
/// <param name="Competency">The competency to grow.</param>
/// <param name="Sources">Where it was named, most recent first, e.g. "feedback from your manager on 2026-03-02".</param>
/// <param name="Candidates">
/// Up to 3 accomplishments outside the top that evidence the competency, best score first: entries that could be grown
/// into such a story. Empty when none does.
/// </param>
/// <param name="Sentence">One line for the user, e.g. "Feedback from your manager on 2026-03-02 names mentorship as a growth
/// area; none of your top 8 shows it. Candidates to grow into such a story: “Paired with a junior engineer…” (2025-11-05)."</param>
public sealed record GrowthGap(Competency Competency, IReadOnlyList<string> Sources, IReadOnlyList<GrowthCandidate> Candidates, string Sentence);

/// <summary>An accomplishment outside the top that evidences a growth gap's competency.</summary>
/// <param name="AccomplishmentId">The accomplishment.</param>
/// <param name="Title">Its title.</param>
/// <param name="OccurredOn">Its date (user's calendar).</param>
/// <param name="Score">Its story score, 0-100.</param>
/// <param name="Competencies">Competencies it evidences.</param>
public sealed record GrowthCandidate(Guid AccomplishmentId, string Title, DateOnly OccurredOn, decimal Score, IReadOnlyList<Competency> Competencies);

/// <summary>One scored accomplishment.</summary>
/// <param name="Rank">1-based rank.</param>
/// <param name="AccomplishmentId">The accomplishment.</param>
/// <param name="Title">Its title.</param>
/// <param name="OccurredOn">Its date.</param>
/// <param name="Score">Total score, 0-100 (one decimal).</param>
/// <param name="Breakdown">Points per factor.</param>
/// <param name="Reason">A short sentence saying why it ranks where it does, and what would make it stronger.</param>
/// <param name="Competencies">Competencies it evidences.</param>
public sealed record RankedStory(
    int Rank, Guid AccomplishmentId, string Title, DateOnly OccurredOn, decimal Score, ScoreBreakdown Breakdown, string Reason, IReadOnlyList<Competency> Competencies);

/// <summary>Points per factor (each already multiplied by its weight; they add up to the score).</summary>
/// <param name="Scope">0-25.</param>
/// <param name="Involvement">0-20.</param>
/// <param name="Impact">0-25.</param>
/// <param name="Learnings">0-10.</param>
/// <param name="Breadth">0-10.</param>
/// <param name="Recency">0-10.</param>
public sealed record ScoreBreakdown(decimal Scope, decimal Involvement, decimal Impact, decimal Learnings, decimal Breadth, decimal Recency);

/// <summary>Coverage of one competency.</summary>
/// <param name="Competency">The competency.</param>
/// <param name="TopStoryRanks">Ranks of the top stories that evidence it.</param>
/// <param name="TotalEvidence">How many accomplishments (of all scored) evidence it.</param>
public sealed record CoverageRow(Competency Competency, IReadOnlyList<int> TopStoryRanks, int TotalEvidence);

/// <summary>One checklist item against the top stories.</summary>
/// <param name="Label">Checklist label, e.g. "Conflict".</param>
/// <param name="Competency">The competency that evidences it.</param>
/// <param name="TopStoryRanks">Ranks of top stories covering it (empty = a gap).</param>
public sealed record ChecklistRow(string Label, Competency Competency, IReadOnlyList<int> TopStoryRanks);
