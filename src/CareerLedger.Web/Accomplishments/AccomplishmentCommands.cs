using CareerLedger.Domain.Accomplishments;
using CareerLedger.Web.Infrastructure;
using Marten;

namespace CareerLedger.Web.Accomplishments;

/// <summary>Runs accomplishment commands in the signed-in user's Marten session: load state, decide, append with the expected version.</summary>
public sealed class AccomplishmentCommands(IDocumentSession session, TimeProvider clock)
{
    /// <summary>
    /// Logs an accomplishment. With a <paramref name="clientKey"/> the stream id is derived from it, so a repeat returns the
    /// existing accomplishment with <c>Created = false</c> instead of logging twice.
    /// </summary>
    public Task<(Accomplishment Document, bool Created)> LogAsync(AccomplishmentDetails details, string? clientKey, CancellationToken ct) =>
        StreamCreation.StartAsync<Accomplishment>(
            session, "accomplishment", clientKey, clock, (id, state) => AccomplishmentDecider.Log(id, details, clientKey, state), ct);

    /// <summary>Whether <paramref name="details"/> equals what was first logged (a genuine retry of the original request).</summary>
    public async Task<bool> SameAsLoggedAsync(Guid id, AccomplishmentDetails details, CancellationToken ct) =>
        (await session.Events.FetchStreamAsync(id, version: 1, token: ct)) is [{ Data: AccomplishmentLogged logged }]
        && AccomplishmentDecider.SameContent(logged.Details, details);

    /// <summary>Revises; null when the user has no such accomplishment.</summary>
    /// <exception cref="VersionConflictException">When <paramref name="expected"/> is stale.</exception>
    /// <exception cref="CareerLedger.Domain.Common.DomainRuleException">When it was retracted.</exception>
    public Task<Accomplishment?> ReviseAsync(Guid id, AccomplishmentDetails details, string? reason, ExpectedVersion expected, CancellationToken ct) =>
        StreamCommands.ExecuteAsync<Accomplishment>(session, id, expected, a => AccomplishmentDecider.Revise(a, details, reason), ct);

    /// <summary>Retracts; null when the user has no such accomplishment.</summary>
    /// <exception cref="VersionConflictException">When <paramref name="expected"/> is stale.</exception>
    public Task<Accomplishment?> RetractAsync(Guid id, string? reason, ExpectedVersion expected, CancellationToken ct) =>
        StreamCommands.ExecuteAsync<Accomplishment>(session, id, expected, a => AccomplishmentDecider.Retract(a, reason), ct);
}
