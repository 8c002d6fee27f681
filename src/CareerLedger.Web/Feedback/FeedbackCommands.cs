using CareerLedger.Domain.Feedback;
using CareerLedger.Web.Infrastructure;
using Marten;

namespace CareerLedger.Web.Feedback;

/// <summary>Runs feedback commands in the signed-in user's Marten session.</summary>
public sealed class FeedbackCommands(IDocumentSession session, TimeProvider clock)
{
    /// <summary>Records feedback; with a client key a repeat returns the existing item (<c>Created = false</c>).</summary>
    public Task<(FeedbackItem Document, bool Created)> ReceiveAsync(FeedbackDetails details, string? clientKey, CancellationToken ct) =>
        StreamCreation.StartAsync<FeedbackItem>(
            session, "feedback", clientKey, clock, (id, state) => FeedbackItem.Receive(id, details, clientKey, state), ct);

    /// <summary>Whether <paramref name="details"/> equals what was first recorded (a genuine retry of the original request).</summary>
    public async Task<bool> SameAsReceivedAsync(Guid id, FeedbackDetails details, CancellationToken ct) =>
        (await session.Events.FetchStreamAsync(id, version: 1, token: ct)) is [{ Data: FeedbackReceived received }]
        && FeedbackItem.SameContent(received.Details, details);

    /// <summary>Retracts; null when the user has no such item.</summary>
    /// <exception cref="VersionConflictException">When <paramref name="expected"/> is stale.</exception>
    public Task<FeedbackItem?> RetractAsync(Guid id, string? reason, ExpectedVersion expected, CancellationToken ct) =>
        StreamCommands.ExecuteAsync<FeedbackItem>(session, id, expected, f => FeedbackItem.Retract(f, reason), ct);

    /// <summary>Revises (used by re-imports); null when the user has no such item.</summary>
    /// <exception cref="VersionConflictException">When <paramref name="expected"/> is stale.</exception>
    public Task<FeedbackItem?> ReviseAsync(Guid id, FeedbackDetails details, ExpectedVersion expected, CancellationToken ct) =>
        StreamCommands.ExecuteAsync<FeedbackItem>(session, id, expected, f => FeedbackItem.Revise(f, details), ct);
}
