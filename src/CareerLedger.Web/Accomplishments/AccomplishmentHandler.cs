using CareerLedger.Domain.Accomplishments;
using CareerLedger.Web.Infrastructure;
using Marten;
using JasperFx.Events;
using Wolverine.Marten;

namespace CareerLedger.Web.Accomplishments;

/// <summary>Logs an accomplishment (a win). Answered with <see cref="Started{TDoc}"/> of <see cref="Accomplishment"/>.</summary>
/// <param name="Details">The validated content.</param>
/// <param name="ClientKey">The Idempotency-Key (or <c>import:</c> item key); null for none. The stream id is derived from it.</param>
public sealed record LogAccomplishment(AccomplishmentDetails Details, string? ClientKey);

/// <summary>Replaces an accomplishment's content. Answered with the updated <see cref="Accomplishment"/>, or null when the user has none with that id.</summary>
/// <param name="AccomplishmentId">The stream id.</param>
/// <param name="Details">The validated new content.</param>
/// <param name="Reason">Why it changed (optional free text).</param>
/// <param name="Expected">The version the caller edited (If-Match).</param>
public sealed record ReviseAccomplishment(Guid AccomplishmentId, AccomplishmentDetails Details, string? Reason, ExpectedVersion Expected);

/// <summary>Retracts (hides) an accomplishment; its history is kept. Answered like <see cref="ReviseAccomplishment"/>.</summary>
/// <param name="AccomplishmentId">The stream id.</param>
/// <param name="Reason">Why (optional free text).</param>
/// <param name="Expected">The version the caller edited (If-Match), or any.</param>
public sealed record RetractAccomplishment(Guid AccomplishmentId, string? Reason, ExpectedVersion Expected);

/// <summary>Wolverine handlers of the accomplishment commands: load, call <see cref="AccomplishmentDecider"/>, append.</summary>
public static class AccomplishmentHandler
{
    /// <summary>Starts the accomplishment stream; a repeat with the same key answers with the stored one.</summary>
    public static async Task<Started<Accomplishment>> Handle(LogAccomplishment command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var started = await StreamCreation.StartAsync<Accomplishment>(
            session, "accomplishment", command.ClientKey, clock, (id, state) => AccomplishmentDecider.Log(id, command.Details, command.ClientKey, state), ct);
        if (started.Created)
        {
            return started;
        }

        var first = await session.Events.FetchStreamAsync(started.Document.Id, version: 1, token: ct);
        return started with { SameRequest = first is [{ Data: AccomplishmentLogged logged }] && AccomplishmentDecider.SameContent(logged.Details, command.Details) };
    }

    /// <summary>Revises at the expected version.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    /// <exception cref="CareerLedger.Domain.Common.DomainRuleException">When it was retracted.</exception>
    public static (UpdatedAggregate, Events) Handle(ReviseAccomplishment command, [WriteAggregate(Required = false)] IEventStream<Accomplishment> stream) =>
        StreamCommands.Decide(stream, command.Expected, a => AccomplishmentDecider.Revise(a, command.Details, command.Reason));

    /// <summary>Retracts at the expected version.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(RetractAccomplishment command, [WriteAggregate(Required = false)] IEventStream<Accomplishment> stream) =>
        StreamCommands.Decide(stream, command.Expected, a => AccomplishmentDecider.Retract(a, command.Reason));
}
