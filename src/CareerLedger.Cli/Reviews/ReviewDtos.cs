namespace CareerLedger.Cli.Reviews;

/// <summary>A review as <c>/api/reviews</c> returns it (the fields the CLI shows or round-trips).</summary>
internal sealed record ReviewDto(
    Guid Id, long Version, string PeriodStart, string PeriodEnd, string? PeriodLabel, string? ReviewerName, string? ReviewerRole,
    string? Rating, decimal? RatingScore, decimal? RatingScaleMax, string Text, IReadOnlyList<string> Strengths, IReadOnlyList<string> GrowthAreas,
    string Promotion, string? NewLevel, string Summary, bool Retracted);

/// <summary>The body of POST and PUT /api/reviews (null fields are left out).</summary>
internal sealed record ReviewBody(
    string? PeriodStart, string? PeriodEnd, string? PeriodLabel, string? ReviewerName, string? ReviewerRole, string? Rating,
    decimal? RatingScore, decimal? RatingScaleMax, string? Text, IReadOnlyList<string>? Strengths, IReadOnlyList<string>? GrowthAreas,
    string? Promotion, string? NewLevel);
