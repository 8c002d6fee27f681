using System.Globalization;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Reviews;

namespace CareerLedger.Web.Stories;

/// <summary>
/// Collects the signed-in user's growth areas for the story ranking's growth gaps (docs/scoring.md, "Growth gaps"): every
/// theme of constructive feedback (<see cref="Sentiment.Constructive"/>) and every growth area a performance review names
/// (<see cref="PerformanceReview.GrowthAreas"/>), with where it was said.
/// </summary>
public static class GrowthAreaReader
{
    /// <summary>
    /// The growth areas in <paramref name="feedback"/> and <paramref name="reviews"/> (the signed-in user's, already loaded for
    /// the instant being read): feedback first, then reviews newest first. Retracted items are skipped.
    /// </summary>
    public static IReadOnlyList<GrowthArea> Read(IEnumerable<FeedbackItem> feedback, IEnumerable<PerformanceReview> reviews) =>
        [.. FromFeedback(feedback), .. PerformanceReview.GrowthAreas(reviews)];

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
