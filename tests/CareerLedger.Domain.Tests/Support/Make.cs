using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;

namespace CareerLedger.Domain.Tests.Support;

/// <summary>Builders with sensible defaults so each test states only what it is about.</summary>
internal static class Make
{
    /// <summary>The user's calendar day in every test (2026 is not a leap year; 2025-03-10 is exactly 365 days earlier).</summary>
    public static readonly DateOnly Today = new(2026, 3, 10);

    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static AccomplishmentDetails Details(
        string title = "Cut p99 latency in half",
        DateOnly? on = null,
        string? project = null,
        Scope scope = Scope.Team,
        Involvement involvement = Involvement.Led,
        IReadOnlyList<ImpactMetric>? impact = null,
        IReadOnlyList<Competency>? competencies = null,
        string? learnings = null,
        IReadOnlyList<string>? links = null,
        string? description = null) =>
        new(title, on ?? Today, description, project, scope, involvement, impact ?? [], competencies ?? [], learnings, links ?? []);

    public static Accomplishment Win(
        AccomplishmentDetails details, bool retracted = false, Guid? id = null, DateTimeOffset? loggedAt = null, string? clientKey = null) =>
        new(id ?? Guid.NewGuid(), details, retracted, loggedAt ?? T0, loggedAt ?? T0, 0, clientKey);

    public static FeedbackDetails Said(
        string text = "Clear design doc, it unblocked two teams.",
        DateOnly? on = null,
        FeedbackFrom from = FeedbackFrom.Peer,
        string? source = null,
        Sentiment sentiment = Sentiment.Positive,
        IReadOnlyList<Competency>? themes = null) =>
        new(on ?? Today, from, source, text, sentiment, themes ?? []);

    public static FeedbackItem Quote(FeedbackDetails details, bool retracted = false, DateTimeOffset? recordedAt = null) =>
        new(Guid.NewGuid(), details, retracted, recordedAt ?? T0, null);

    public static ImpactMetric Latency(decimal before = 420, decimal after = 210) => new("p99 latency", before, after, "ms", true);
}
