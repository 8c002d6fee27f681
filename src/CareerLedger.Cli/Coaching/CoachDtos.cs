namespace CareerLedger.Cli.Coaching;

// Response shapes of the coach API (src/CareerLedger.Web/Coaching/CoachApi.cs, src/CareerLedger.Domain/Coaching/CoachReport.cs).
// Enums arrive as snake_case strings.

internal sealed record CoachResponseDto(CoachReportDto Report, string Critique, string CritiqueSource, string? CritiqueNote);

internal sealed record CoachReportDto(
    string Format, bool FormatDetected, int Overall, IReadOnlyList<DimensionScoreDto> Dimensions, IReadOnlyList<SectionShareDto> Sections,
    AnswerLengthDto Length, IReadOnlyList<FindingDto> Findings);

internal sealed record DimensionScoreDto(string Dimension, int Score, int Weight, decimal Points);

internal sealed record SectionShareDto(string Section, int Words, decimal Percent, int? TargetMin, int? TargetMax, bool Required, string Verdict);

internal sealed record AnswerLengthDto(int Words, int Seconds, int WordsPerMinute, bool Measured, bool Truncated);

internal sealed record FindingDto(string Dimension, string Severity, string Code, string? Quote, string Advice);
