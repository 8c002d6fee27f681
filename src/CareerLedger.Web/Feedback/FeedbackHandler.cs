using CareerLedger.Domain.Feedback;
using CareerLedger.Web.Infrastructure;
using JasperFx.Events;
using Marten;
using Wolverine.Marten;

namespace CareerLedger.Web.Feedback;

/// <summary>Records feedback. Answered with <see cref="Started{TDoc}"/> of <see cref="FeedbackItem"/>.</summary>
/// <param name="Details">The validated content.</param>
/// <param name="ClientKey">The Idempotency-Key (or <c>import:</c> item key); null for none.</param>
public sealed record ReceiveFeedback(FeedbackDetails Details, string? ClientKey);

/// <summary>Replaces a feedback item's content (re-imports). Answered with the updated item, or null when the user has none with that id.</summary>
/// <param name="FeedbackItemId">The stream id.</param>
/// <param name="Details">The validated new content.</param>
/// <param name="Expected">The version the caller read.</param>
public sealed record ReviseFeedback(Guid FeedbackItemId, FeedbackDetails Details, ExpectedVersion Expected);

/// <summary>Retracts a feedback item; its history is kept. Answered like <see cref="ReviseFeedback"/>.</summary>
/// <param name="FeedbackItemId">The stream id.</param>
/// <param name="Reason">Why (optional free text).</param>
/// <param name="Expected">The version the caller edited (If-Match), or any.</param>
public sealed record RetractFeedback(Guid FeedbackItemId, string? Reason, ExpectedVersion Expected);

/// <summary>Wolverine handlers of the feedback commands.</summary>
public static class FeedbackHandler
{
    /// <summary>Starts the feedback stream; a repeat with the same key answers with the stored item.</summary>
    public static async Task<Started<FeedbackItem>> Handle(ReceiveFeedback command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var started = await StreamCreation.StartAsync<FeedbackItem>(
            session, "feedback", command.ClientKey, clock, (id, state) => FeedbackItem.Receive(id, command.Details, command.ClientKey, state), ct);
        if (started.Created)
        {
            return started;
        }

        var first = await session.Events.FetchStreamAsync(started.Document.Id, version: 1, token: ct);
        return started with { SameRequest = first is [{ Data: FeedbackReceived received }] && FeedbackItem.SameContent(received.Details, command.Details) };
    }

    /// <summary>Revises at the expected version.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(ReviseFeedback command, [WriteAggregate(Required = false)] IEventStream<FeedbackItem> stream) =>
        StreamCommands.Decide(stream, command.Expected, f => FeedbackItem.Revise(f, command.Details));

    /// <summary>Retracts at the expected version.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(RetractFeedback command, [WriteAggregate(Required = false)] IEventStream<FeedbackItem> stream) =>
        StreamCommands.Decide(stream, command.Expected, f => FeedbackItem.Retract(f, command.Reason));
}
