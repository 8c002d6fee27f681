namespace CareerLedger.Cli.Infrastructure;

// Response shapes of the HTTP API (only the fields the CLI shows or round-trips).

internal sealed record UserDto(Guid Id, string Email, string? DisplayName, string TimeZone, DateTimeOffset CreatedAt);

internal sealed record CreatedTokenDto(Guid Id, string Name, string Token, DateTimeOffset? ExpiresAt, UserDto User);

internal sealed record ImpactDto(string Name, decimal? Before, decimal After, string? Unit, bool LowerIsBetter, string? Summary);

internal sealed record AccomplishmentDto(
    Guid Id, long Version, string Title, string OccurredOn, string? Description, string? Project, string Scope, string Involvement,
    IReadOnlyList<ImpactDto> Impact, IReadOnlyList<string> Competencies, string? Learnings, IReadOnlyList<string> Links, bool Retracted);

internal sealed record FeedbackDto(Guid Id, string ReceivedOn, string From, string? Source, string Text, string Sentiment, IReadOnlyList<string> Themes);

internal sealed record ImportResultDto(
    int AccomplishmentsCreated, int AccomplishmentsUpdated, int AccomplishmentsUnchanged, int FeedbackCreated, int FeedbackUpdated, int FeedbackUnchanged,
    int ReviewsCreated, int ReviewsUpdated, int ReviewsUnchanged);

internal sealed record RankedStoryDto(int Rank, Guid AccomplishmentId, string Title, string OccurredOn, decimal Score, string Reason, IReadOnlyList<string> Competencies);

internal sealed record ChecklistRowDto(string Label, string Competency, IReadOnlyList<int> TopStoryRanks);

internal sealed record GrowthCandidateDto(Guid AccomplishmentId, string Title, string OccurredOn, decimal Score);

internal sealed record GrowthGapDto(string Competency, IReadOnlyList<string> Sources, IReadOnlyList<GrowthCandidateDto> Candidates, string Sentence);

internal sealed record StoryRankingDto(
    int FormulaVersion, string Today, DateTimeOffset? AsOf, int Considered, IReadOnlyList<RankedStoryDto> Top, IReadOnlyList<ChecklistRowDto> Checklist,
    IReadOnlyList<string> Uncovered, IReadOnlyList<string> UncoveredInTop, IReadOnlyList<GrowthGapDto>? GrowthGaps);
