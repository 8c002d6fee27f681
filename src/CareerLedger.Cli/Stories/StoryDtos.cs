namespace CareerLedger.Cli.Stories;

// Response shapes of the story bank API (src/CareerLedger.Web/Stories/StoryBankApi.cs). Enums arrive as snake_case strings,
// dates as yyyy-MM-dd.

internal sealed record StoryViewDto(long Version, StoryDto Story, string Text, string? DraftSource, string? DraftNote);

internal sealed record StoryDto(
    Guid Id, IReadOnlyList<Guid> AccomplishmentIds, IReadOnlyList<string> Competencies, IReadOnlyList<string> QuestionIds,
    IReadOnlyList<StoryRevisionDto> Revisions, IReadOnlyList<StoryUseDto> Uses, bool Retired)
{
    public StoryRevisionDto Current => Revisions[^1];
}

internal sealed record StoryRevisionDto(
    int Revision, string Format, string Headline, StorySectionsDto Sections, StoryScoreDto Score, IReadOnlyList<int> PracticeScores,
    DateTimeOffset RecordedAt, string? Note, StoryScoreDto? Rescored = null)
{
    /// <summary>The score under the running rubric: the re-score when the stored one is older, else the stored one.</summary>
    public StoryScoreDto CurrentScore => Rescored ?? Score;
}

internal sealed record StorySectionsDto(string? Situation, string? Task, string? Context, string? Action, string? Result, string? Learnings);

internal sealed record StoryScoreDto(int Overall, IReadOnlyDictionary<string, int> Dimensions, int RubricVersion = 1);

internal sealed record StoryUseDto(string Company, string? Round, string On, int Revision);

/// <summary><c>GET /api/stories/intro</c>: an <c>AssistedText</c> (source <c>deterministic</c> or <c>model</c>).</summary>
internal sealed record AssistedTextDto(string Text, string Source, string Note);
