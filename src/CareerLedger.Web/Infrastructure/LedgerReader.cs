using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Offers;
using CareerLedger.EventStore;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Loads a user's accomplishments and feedback, either current (from the inline documents) or as they stood at a past
/// instant (by replaying only the events recorded up to it through the same Evolve functions).
/// </summary>
public sealed class LedgerReader(IEventStore store)
{
    /// <summary>Current or as-of states; retracted items are included (callers filter).</summary>
    public async Task<(IReadOnlyList<Accomplishment> Accomplishments, IReadOnlyList<FeedbackItem> Feedback)> LoadAsync(
        string tenantId, DateTimeOffset? asOf, CancellationToken ct)
    {
        if (asOf is null)
        {
            var a = await store.ListAsync<Accomplishment>(tenantId, ct);
            var f = await store.ListAsync<FeedbackItem>(tenantId, ct);
            return (a.Select(d => d.Data).ToList(), f.Select(d => d.Data).ToList());
        }

        var events = await store.ReadTenantAsync(tenantId, [LedgerStore.AccomplishmentStream, LedgerStore.FeedbackStream], asOf, ct);
        var accomplishments = new Dictionary<Guid, Accomplishment>();
        var feedback = new Dictionary<Guid, FeedbackItem>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case AccomplishmentEvent ae:
                    accomplishments[e.StreamId] = Accomplishment.Evolve(accomplishments.GetValueOrDefault(e.StreamId), ae, e.Timestamp);
                    break;
                case FeedbackEvent fe:
                    feedback[e.StreamId] = FeedbackItem.Evolve(feedback.GetValueOrDefault(e.StreamId), fe, e.Timestamp);
                    break;
            }
        }

        return (accomplishments.Values.ToList(), feedback.Values.ToList());
    }

    /// <summary>The user's offers, current or as recorded at <paramref name="asOf"/> (UTC).</summary>
    public async Task<IReadOnlyList<Offer>> LoadOffersAsync(string tenantId, DateTimeOffset? asOf, CancellationToken ct)
    {
        if (asOf is null)
        {
            return (await store.ListAsync<Offer>(tenantId, ct)).Select(d => d.Data).ToList();
        }

        var offers = new Dictionary<Guid, Offer>();
        foreach (var e in await store.ReadTenantAsync(tenantId, [LedgerStore.OfferStream], asOf, ct))
        {
            offers[e.StreamId] = Offer.Evolve(offers.GetValueOrDefault(e.StreamId), (OfferEvent)e.Data, e.Timestamp);
        }

        return offers.Values.ToList();
    }
}
