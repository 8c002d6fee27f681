using CareerLedger.Domain.Accomplishments;
using CareerLedger.EventStore;
using CareerLedger.EventStore.Documents;
using CareerLedger.Web.Infrastructure;

namespace CareerLedger.Web.Accomplishments;

/// <summary>Runs accomplishment commands: load state, decide, append with the expected version.</summary>
public sealed class AccomplishmentCommands(IEventStore store)
{
    /// <summary>
    /// Logs an accomplishment. With a <paramref name="clientKey"/> the stream id is derived from it, so a repeat returns the
    /// existing accomplishment with <c>Created = false</c> instead of logging twice.
    /// </summary>
    public Task<(Document<Accomplishment> Document, bool Created)> LogAsync(
        string tenantId, AccomplishmentDetails details, string? clientKey, CancellationToken ct) =>
        StreamCreation.StartAsync<Accomplishment>(
            store, tenantId, LedgerStore.AccomplishmentStream, clientKey, (id, state) => AccomplishmentDecider.Log(id, details, clientKey, state), ct);

    /// <summary>Whether <paramref name="details"/> equals what was first logged (a genuine retry of the original request).</summary>
    public async Task<bool> SameAsLoggedAsync(string tenantId, Guid id, AccomplishmentDetails details, CancellationToken ct) =>
        (await store.ReadStreamAsync(tenantId, id, toVersion: 1, ct: ct)) is [{ Data: AccomplishmentLogged logged }]
        && AccomplishmentDecider.SameContent(logged.Details, details);

    /// <summary>Revises; null when the tenant has no such accomplishment.</summary>
    /// <exception cref="ConcurrencyException">When <paramref name="expected"/> is stale.</exception>
    /// <exception cref="CareerLedger.Domain.Common.DomainRuleException">When it was retracted.</exception>
    public Task<Document<Accomplishment>?> ReviseAsync(
        string tenantId, Guid id, AccomplishmentDetails details, string? reason, ExpectedVersion expected, CancellationToken ct) =>
        StreamCommands.ExecuteAsync<Accomplishment>(
            store, tenantId, id, LedgerStore.AccomplishmentStream, expected, a => AccomplishmentDecider.Revise(a, details, reason), ct);

    /// <summary>Retracts; null when the tenant has no such accomplishment.</summary>
    /// <exception cref="ConcurrencyException">When <paramref name="expected"/> is stale.</exception>
    public Task<Document<Accomplishment>?> RetractAsync(string tenantId, Guid id, string? reason, ExpectedVersion expected, CancellationToken ct) =>
        StreamCommands.ExecuteAsync<Accomplishment>(
            store, tenantId, id, LedgerStore.AccomplishmentStream, expected, a => AccomplishmentDecider.Retract(a, reason), ct);
}
