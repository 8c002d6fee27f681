using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Reviews;
using Marten;

namespace CareerLedger.Web.Reviews;

/// <summary>Reads of the signed-in user's performance reviews, for the views that use them (brag document, readiness, story ranking).</summary>
public static class ReviewQueries
{
    /// <summary>
    /// The user's non-retracted reviews (current inline documents), newest period end first. The session is the signed-in user's
    /// (Marten tenant per user), so nothing of another user is read.
    /// </summary>
    /// <param name="session">The request's query session.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<IReadOnlyList<PerformanceReview>> LoadActiveReviewsAsync(this IQuerySession session, CancellationToken ct)
    {
        var all = await session.Query<PerformanceReview>().ToListAsync(ct);
        return all.Where(r => !r.Retracted)
            .OrderByDescending(r => r.Details.PeriodEnd).ThenByDescending(r => r.RecordedAt).ThenBy(r => r.Id)
            .ToList();
    }

    /// <summary>
    /// The growth areas the user's non-retracted reviews name (<see cref="PerformanceReview.GrowthAreas"/>), for the story ranking's
    /// coverage: <c>await session.ReviewGrowthAreasAsync(ct)</c>.
    /// </summary>
    public static async Task<IReadOnlyList<GrowthArea>> ReviewGrowthAreasAsync(this IQuerySession session, CancellationToken ct) =>
        PerformanceReview.GrowthAreas(await session.LoadActiveReviewsAsync(ct));
}
