using CareerLedger.Domain.Reviews;
using CareerLedger.Web.Export;
using CareerLedger.Web.Infrastructure;
using JasperFx.Events;
using Marten;
using Wolverine.Marten;

namespace CareerLedger.Web.Reviews;

/// <summary>Records a performance review. Answered with <see cref="Started{TDoc}"/> of <see cref="PerformanceReview"/>.</summary>
/// <param name="Details">The validated content.</param>
/// <param name="ClientKey">The Idempotency-Key; null for none.</param>
public sealed record RecordReview(ReviewDetails Details, string? ClientKey);

/// <summary>Replaces a review's content. Answered with the updated review, or null when the user has none with that id.</summary>
/// <param name="PerformanceReviewId">The stream id.</param>
/// <param name="Details">The validated new content.</param>
/// <param name="Expected">The version the caller read (If-Match).</param>
public sealed record ReviseReview(Guid PerformanceReviewId, ReviewDetails Details, ExpectedVersion Expected);

/// <summary>Retracts a review; its history is kept. Answered like <see cref="ReviseReview"/>.</summary>
/// <param name="PerformanceReviewId">The stream id.</param>
/// <param name="Reason">Why (optional free text, at most 1,000 characters).</param>
/// <param name="Expected">The version the caller edited (If-Match), or any.</param>
public sealed record RetractReview(Guid PerformanceReviewId, string? Reason, ExpectedVersion Expected);

/// <summary>Wolverine handlers of the performance-review commands (stream type <c>performance_review</c>, docs/events.md).</summary>
public static class ReviewHandler
{
    /// <summary>Starts the review stream; a repeat with the same key answers with the stored review.</summary>
    public static async Task<Started<PerformanceReview>> Handle(RecordReview command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var started = await StreamCreation.StartAsync<PerformanceReview>(
            session, ExportFormat.ReviewStreamType, command.ClientKey, clock,
            (id, state) => PerformanceReview.Record(id, command.Details, command.ClientKey, state), ct);
        if (started.Created)
        {
            return started;
        }

        var first = await session.Events.FetchStreamAsync(started.Document.Id, version: 1, token: ct);
        return started with { SameRequest = first is [{ Data: ReviewRecorded recorded }] && PerformanceReview.SameContent(recorded.Details, command.Details) };
    }

    /// <summary>Revises at the expected version.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    /// <exception cref="CareerLedger.Domain.Common.DomainRuleException">When the review was retracted (a 409).</exception>
    public static (UpdatedAggregate, Events) Handle(ReviseReview command, [WriteAggregate(Required = false)] IEventStream<PerformanceReview> stream) =>
        StreamCommands.Decide(stream, command.Expected, r => PerformanceReview.Revise(r, command.Details));

    /// <summary>Retracts at the expected version.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(RetractReview command, [WriteAggregate(Required = false)] IEventStream<PerformanceReview> stream) =>
        StreamCommands.Decide(stream, command.Expected, r => PerformanceReview.Retract(r, command.Reason));
}
