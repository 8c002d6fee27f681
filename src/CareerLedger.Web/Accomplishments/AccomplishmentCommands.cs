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
    public async Task<(Document<Accomplishment> Document, bool Created)> LogAsync(
        string tenantId, AccomplishmentDetails details, string? clientKey, CancellationToken ct)
    {
        var id = clientKey is null ? Guid.CreateVersion7() : StableIds.For(tenantId, "accomplishment", clientKey);
        var existing = clientKey is null ? null : await store.LoadAsync<Accomplishment>(tenantId, id.ToString(), ct);
        var events = AccomplishmentDecider.Log(id, details, clientKey, existing?.Data);
        if (events.Count == 0)
        {
            return (existing!, false);
        }

        try
        {
            await store.AppendAsync(tenantId, id, LedgerStore.AccomplishmentStream, ExpectedVersion.NoStream, events, Metadata(tenantId), ct);
        }
        catch (ConcurrencyException) when (clientKey is not null)
        {
            // The same key raced us; the winner's entry is the answer.
            return ((await store.LoadAsync<Accomplishment>(tenantId, id.ToString(), ct))!, false);
        }

        return ((await store.LoadAsync<Accomplishment>(tenantId, id.ToString(), ct))!, true);
    }

    /// <summary>Revises; null when the tenant has no such accomplishment.</summary>
    /// <exception cref="ConcurrencyException">When <paramref name="expected"/> is stale.</exception>
    /// <exception cref="CareerLedger.Domain.Common.DomainRuleException">When it was retracted.</exception>
    public async Task<Document<Accomplishment>?> ReviseAsync(
        string tenantId, Guid id, AccomplishmentDetails details, string? reason, ExpectedVersion expected, CancellationToken ct)
    {
        var current = await store.LoadAsync<Accomplishment>(tenantId, id.ToString(), ct);
        if (current is null)
        {
            return null;
        }

        if (expected.Value is { } v && v != current.Version)
        {
            throw new ConcurrencyException(id, expected, current.Version);
        }

        var events = AccomplishmentDecider.Revise(current.Data, details, reason);
        if (events.Count > 0)
        {
            await store.AppendAsync(tenantId, id, LedgerStore.AccomplishmentStream, ExpectedVersion.Exactly(current.Version), events, Metadata(tenantId), ct);
        }

        return await store.LoadAsync<Accomplishment>(tenantId, id.ToString(), ct);
    }

    /// <summary>Retracts; null when the tenant has no such accomplishment.</summary>
    /// <exception cref="ConcurrencyException">When <paramref name="expected"/> is stale.</exception>
    public async Task<Document<Accomplishment>?> RetractAsync(string tenantId, Guid id, string? reason, ExpectedVersion expected, CancellationToken ct)
    {
        var current = await store.LoadAsync<Accomplishment>(tenantId, id.ToString(), ct);
        if (current is null)
        {
            return null;
        }

        if (expected.Value is { } v && v != current.Version)
        {
            throw new ConcurrencyException(id, expected, current.Version);
        }

        var events = AccomplishmentDecider.Retract(current.Data, reason);
        if (events.Count > 0)
        {
            await store.AppendAsync(tenantId, id, LedgerStore.AccomplishmentStream, ExpectedVersion.Exactly(current.Version), events, Metadata(tenantId), ct);
        }

        return await store.LoadAsync<Accomplishment>(tenantId, id.ToString(), ct);
    }

    internal static EventMetadata Metadata(string tenantId) =>
        new(System.Diagnostics.Activity.Current?.TraceId.ToString(), null, tenantId);
}
