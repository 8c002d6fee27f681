using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Reviews;

namespace CareerLedger.Web.Reviews;

/// <summary>A performance review as the API returns it (fields as in docs/api.md, "Performance reviews").</summary>
/// <param name="Id">Id.</param>
/// <param name="Version">Stream version (ETag).</param>
/// <param name="PeriodStart">First day covered (yyyy-MM-dd, user's calendar).</param>
/// <param name="PeriodEnd">Last day covered.</param>
/// <param name="PeriodLabel">The company's name for the cycle, or null.</param>
/// <param name="ReviewerName">Reviewer's name, or null.</param>
/// <param name="ReviewerRole">Reviewer's role, or null.</param>
/// <param name="Rating">The rating as the company words it, or null.</param>
/// <param name="RatingScore">The rating as a number on the company's scale, or null.</param>
/// <param name="RatingScaleMax">The top of that scale, or null.</param>
/// <param name="Text">What the review says.</param>
/// <param name="Strengths">Competency names given as strengths.</param>
/// <param name="GrowthAreas">Competency names given as growth areas.</param>
/// <param name="Promotion">none | nominated | promoted | not_promoted | deferred.</param>
/// <param name="NewLevel">The level or title the outcome is about, or null.</param>
/// <param name="Summary">"your 2026 H1 review (Dana Smith)": how the brag document, readiness and the ranking name it.</param>
/// <param name="Retracted">Whether retracted.</param>
/// <param name="RecordedAt">When recorded (UTC).</param>
public sealed record ReviewView(
    Guid Id, long Version, DateOnly PeriodStart, DateOnly PeriodEnd, string? PeriodLabel, string? ReviewerName, string? ReviewerRole,
    string? Rating, decimal? RatingScore, decimal? RatingScaleMax, string Text, IReadOnlyList<Competency> Strengths,
    IReadOnlyList<Competency> GrowthAreas, PromotionOutcome Promotion, string? NewLevel, string Summary, bool Retracted, DateTimeOffset RecordedAt)
{
    /// <summary>Maps a stored document.</summary>
    public static ReviewView Of(PerformanceReview doc)
    {
        var d = doc.Details;
        return new ReviewView(
            doc.Id, doc.Version, d.PeriodStart, d.PeriodEnd, d.PeriodLabel, d.ReviewerName, d.ReviewerRole, d.Rating, d.RatingScore,
            d.RatingScaleMax, d.Text, d.Strengths, d.GrowthAreas, d.Promotion, d.NewLevel, PerformanceReview.Describe(d), doc.Retracted, doc.RecordedAt);
    }
}
