using CareerLedger.Domain.Offers;
using Marten;
using CareerLedger.Web.Infrastructure;

namespace CareerLedger.Web.Offers;

/// <summary>Runs offer commands: decide on the current state, append at the expected version.</summary>
public sealed class OfferCommands(IDocumentSession session, TimeProvider clock)
{
    /// <summary>Records a new offer; with a client key a repeat returns the existing one (Created = false).</summary>
    public Task<(Offer Document, bool Created)> ReceiveAsync(
        OfferStage stage, DateOnly receivedOn, OfferTerms terms, string? clientKey, DateOnly today, CancellationToken ct) =>
        StreamCreation.StartAsync<Offer>(
            session, "offer", clientKey, clock, (id, state) => OfferDecider.Receive(id, stage, receivedOn, terms, clientKey, today, state), ct);

    /// <summary>Runs <paramref name="decide"/> on the offer at <paramref name="expected"/>; null when the tenant has no such offer.</summary>
    /// <exception cref="VersionConflictException">When <paramref name="expected"/> is stale.</exception>
    public Task<Offer?> ExecuteAsync(
        Guid id, ExpectedVersion expected, Func<Offer, IReadOnlyList<OfferEvent>> decide, CancellationToken ct) =>
        StreamCommands.ExecuteAsync<Offer>(session, id, expected, o => decide(o), ct);
}
