using CareerLedger.Domain.Offers;
using CareerLedger.EventStore;
using CareerLedger.EventStore.Documents;
using CareerLedger.Web.Infrastructure;

namespace CareerLedger.Web.Offers;

/// <summary>Runs offer commands: decide on the current state, append at the expected version.</summary>
public sealed class OfferCommands(IEventStore store)
{
    /// <summary>Records a new offer; with a client key a repeat returns the existing one (Created = false).</summary>
    public Task<(Document<Offer> Document, bool Created)> ReceiveAsync(
        string tenantId, OfferStage stage, DateOnly receivedOn, OfferTerms terms, string? clientKey, DateOnly today, CancellationToken ct) =>
        StreamCreation.StartAsync<Offer>(
            store, tenantId, LedgerStore.OfferStream, clientKey, (id, state) => OfferDecider.Receive(id, stage, receivedOn, terms, clientKey, today, state), ct);

    /// <summary>Runs <paramref name="decide"/> on the offer at <paramref name="expected"/>; null when the tenant has no such offer.</summary>
    /// <exception cref="ConcurrencyException">When <paramref name="expected"/> is stale.</exception>
    public Task<Document<Offer>?> ExecuteAsync(
        string tenantId, Guid id, ExpectedVersion expected, Func<Offer, IReadOnlyList<OfferEvent>> decide, CancellationToken ct) =>
        StreamCommands.ExecuteAsync<Offer>(store, tenantId, id, LedgerStore.OfferStream, expected, o => decide(o), ct);
}
