using CareerLedger.Domain.Feedback;
using CareerLedger.EventStore;
using CareerLedger.EventStore.Documents;
using CareerLedger.Web.Infrastructure;

namespace CareerLedger.Web.Feedback;

/// <summary>Runs feedback commands.</summary>
public sealed class FeedbackCommands(IEventStore store)
{
    /// <summary>Records feedback; with a <paramref name="clientKey"/>, a repeat returns the existing item with Created = false.</summary>
    public Task<(Document<FeedbackItem> Document, bool Created)> ReceiveAsync(
        string tenantId, FeedbackDetails details, string? clientKey, CancellationToken ct) =>
        StreamCreation.StartAsync<FeedbackItem>(
            store, tenantId, LedgerStore.FeedbackStream, clientKey, (id, state) => FeedbackItem.Receive(id, details, clientKey, state), ct);
}
