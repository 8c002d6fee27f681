using System.Globalization;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
using CareerLedger.Web.Infrastructure;
using Marten;

namespace CareerLedger.Web.Stories;

/// <summary>
/// Collects the signed-in user's growth areas for the story ranking's growth gaps (docs/scoring.md, "Growth gaps"): every
/// theme of constructive feedback (<see cref="Sentiment.Constructive"/>), with where it was said. Each source has its own
/// method; <see cref="ReadAsync"/> joins them, so a further source (performance reviews) is one more method and one more line.
/// </summary>
public static class GrowthAreaReader
{
    /// <summary>
    /// The growth areas of the session's user (the session is scoped to their tenant), current or as recorded at
    /// <paramref name="asOf"/>, in no particular order (the ranking groups them by competency).
    /// </summary>
    /// <param name="session">The signed-in user's query session.</param>
    /// <param name="asOf">An instant (UTC) to read as of, or null for the current state.</param>
    /// <param name="loadedFeedback">The user's feedback when the caller has already loaded it for the same instant; null to load it.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<IReadOnlyList<GrowthArea>> ReadAsync(
        IQuerySession session, DateTimeOffset? asOf, IReadOnlyList<FeedbackItem>? loadedFeedback, CancellationToken ct)
    {
        var feedback = loadedFeedback ?? (await new LedgerReader(session).LoadAsync(asOf, ct)).Feedback;
        var areas = new List<GrowthArea>();
        areas.AddRange(FromFeedback(feedback));
        return areas;
    }

    /// <summary>
    /// One growth area per theme of each non-retracted constructive feedback item, the source reading
    /// "feedback from your manager on 2026-03-02" (plus the channel in brackets when one was recorded, e.g. "(1:1)"), dated
    /// the day it was received.
    /// </summary>
    public static IEnumerable<GrowthArea> FromFeedback(IEnumerable<FeedbackItem> feedback) =>
        feedback
            .Where(f => !f.Retracted && f.Details.Sentiment == Sentiment.Constructive)
            .SelectMany(f => f.Details.Themes.Select(theme => new GrowthArea(theme, SourceOf(f.Details), f.Details.ReceivedOn)));

    /// <summary>"feedback from a peer on 2026-01-15 (peer review)".</summary>
    public static string SourceOf(FeedbackDetails details)
    {
        var who = details.From switch
        {
            FeedbackFrom.Manager => "your manager",
            FeedbackFrom.Peer => "a peer",
            FeedbackFrom.Report => "a direct report",
            FeedbackFrom.SkipLevel => "your skip-level manager",
            _ => "someone outside your reporting line",
        };
        var channel = details.Source is { Length: > 0 } s ? $" ({s})" : "";
        return string.Create(CultureInfo.InvariantCulture, $"feedback from {who} on {details.ReceivedOn:yyyy-MM-dd}{channel}");
    }
}
