using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Reviews;
using Marten;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Loads the signed-in user's accomplishments, feedback, performance reviews and offers, either current (from the inline documents) or as they stood
/// at a past instant (by replaying only the events recorded up to it, by Marten's event timestamp, through the same Evolve functions).
/// </summary>
public sealed class LedgerReader(IQuerySession session)
{
    /// <summary>Current or as-of states; retracted items are included (callers filter).</summary>
    /// <param name="asOf">An instant (UTC), or null for the current state.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<(IReadOnlyList<Accomplishment> Accomplishments, IReadOnlyList<FeedbackItem> Feedback)> LoadAsync(
        DateTimeOffset? asOf, CancellationToken ct)
    {
        var (a, f, _) = await LoadCoreAsync(asOf, withReviews: false, ct);
        return (a, f);
    }

    /// <summary>
    /// Like <see cref="LoadAsync"/>, with the user's performance reviews as well (current: one batched round trip for all three;
    /// as of <paramref name="asOf"/>: the same replay). Retracted items are included (callers filter).
    /// </summary>
    /// <param name="asOf">An instant (UTC), or null for the current state.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<(IReadOnlyList<Accomplishment> Accomplishments, IReadOnlyList<FeedbackItem> Feedback, IReadOnlyList<PerformanceReview> Reviews)> LoadWithReviewsAsync(
        DateTimeOffset? asOf, CancellationToken ct) => LoadCoreAsync(asOf, withReviews: true, ct);

    private async Task<(IReadOnlyList<Accomplishment> Accomplishments, IReadOnlyList<FeedbackItem> Feedback, IReadOnlyList<PerformanceReview> Reviews)> LoadCoreAsync(
        DateTimeOffset? asOf, bool withReviews, CancellationToken ct)
    {
        if (asOf is null)
        {
            var batch = session.CreateBatchQuery();
            var a = batch.Query<Accomplishment>().ToList();
            var f = batch.Query<FeedbackItem>().ToList();
            var r = withReviews ? batch.Query<PerformanceReview>().ToList() : Task.FromResult<IReadOnlyList<PerformanceReview>>([]);
            await batch.Execute(ct);
            return (await a, await f, await r);
        }

        var accomplishments = new Dictionary<Guid, Accomplishment>();
        var feedback = new Dictionary<Guid, FeedbackItem>();
        var reviews = new Dictionary<Guid, PerformanceReview>();
        foreach (var e in await EventsUpToAsync(asOf.Value, ct))
        {
            switch (e.Data)
            {
                case AccomplishmentEvent ae:
                    accomplishments[e.StreamId] = Accomplishment.Evolve(accomplishments.GetValueOrDefault(e.StreamId), ae, e.Timestamp) with { Version = e.Version };
                    break;
                case FeedbackEvent fe:
                    feedback[e.StreamId] = FeedbackItem.Evolve(feedback.GetValueOrDefault(e.StreamId), fe, e.Timestamp) with { Version = e.Version };
                    break;
                case ReviewEvent re when withReviews:
                    reviews[e.StreamId] = PerformanceReview.Evolve(reviews.GetValueOrDefault(e.StreamId), re, e.Timestamp) with { Version = e.Version };
                    break;
            }
        }

        return (accomplishments.Values.ToList(), feedback.Values.ToList(), reviews.Values.ToList());
    }

    /// <summary>The user's offers, current or as recorded at <paramref name="asOf"/> (UTC).</summary>
    public async Task<IReadOnlyList<Offer>> LoadOffersAsync(DateTimeOffset? asOf, CancellationToken ct)
    {
        if (asOf is null)
        {
            return await session.Query<Offer>().ToListAsync(ct);
        }

        var offers = new Dictionary<Guid, Offer>();
        foreach (var e in await EventsUpToAsync(asOf.Value, ct))
        {
            if (e.Data is OfferEvent oe)
            {
                offers[e.StreamId] = Offer.Evolve(offers.GetValueOrDefault(e.StreamId), oe, e.Timestamp) with { Version = e.Version };
            }
        }

        return offers.Values.ToList();
    }

    /// <summary>Every event of the session's tenant recorded at or before <paramref name="asOf"/>, in global order.</summary>
    private async Task<IReadOnlyList<JasperFx.Events.IEvent>> EventsUpToAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        var tenant = session.TenantId;
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.TenantId == tenant && e.Timestamp <= asOf)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
    }
}
