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

    /// <summary>Whether <paramref name="details"/> equals what was first recorded (a genuine retry of the original request).</summary>
    public async Task<bool> SameAsReceivedAsync(string tenantId, Guid id, FeedbackDetails details, CancellationToken ct) =>
        (await store.ReadStreamAsync(tenantId, id, toVersion: 1, ct: ct)) is [{ Data: FeedbackReceived received }]
        && FeedbackItem.SameContent(received.Details, details);

    /// <summary>Retracts at the expected version; null when the tenant has no such feedback.</summary>
    /// <exception cref="ConcurrencyException">When <paramref name="expected"/> is stale.</exception>
    public Task<Document<FeedbackItem>?> RetractAsync(string tenantId, Guid id, string? reason, ExpectedVersion expected, CancellationToken ct) =>
        StreamCommands.ExecuteAsync<FeedbackItem>(
            store, tenantId, id, LedgerStore.FeedbackStream, expected, f => FeedbackItem.Retract(f, reason), ct);

    /// <summary>Revises feedback content at the expected version; null when the tenant has no such feedback.</summary>
    /// <exception cref="ConcurrencyException">When <paramref name="expected"/> is stale.</exception>
    /// <exception cref="CareerLedger.Domain.Common.DomainRuleException">When it was retracted.</exception>
    public Task<Document<FeedbackItem>?> ReviseAsync(string tenantId, Guid id, FeedbackDetails details, ExpectedVersion expected, CancellationToken ct) =>
        StreamCommands.ExecuteAsync<FeedbackItem>(
            store, tenantId, id, LedgerStore.FeedbackStream, expected, f => FeedbackItem.Revise(f, details), ct);
}
