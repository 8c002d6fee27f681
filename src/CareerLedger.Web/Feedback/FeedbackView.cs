using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;

namespace CareerLedger.Web.Feedback;

/// <summary>Feedback as the API returns it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Version">Stream version (ETag).</param>
/// <param name="ReceivedOn">Day received.</param>
/// <param name="From">manager | peer | report | skip_level | other.</param>
/// <param name="Source">Where it was given.</param>
/// <param name="Text">What was said.</param>
/// <param name="Sentiment">positive | neutral | constructive.</param>
/// <param name="Themes">Competency names.</param>
/// <param name="Retracted">Whether retracted.</param>
/// <param name="RecordedAt">When recorded (UTC).</param>
public sealed record FeedbackView(
    Guid Id, long Version, DateOnly ReceivedOn, FeedbackFrom From, string? Source, string Text, Sentiment Sentiment,
    IReadOnlyList<Competency> Themes, bool Retracted, DateTimeOffset RecordedAt)
{
    /// <summary>Maps a stored document.</summary>
    public static FeedbackView Of(FeedbackItem doc)
    {
        var d = doc.Details;
        return new FeedbackView(doc.Id, doc.Version, d.ReceivedOn, d.From, d.Source, d.Text, d.Sentiment, d.Themes, doc.Retracted, doc.RecordedAt);
    }
}
