using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Web.Accomplishments;

/// <summary>An accomplishment as the API returns it. <paramref name="Version"/> is also sent as the ETag.</summary>
/// <param name="Id">Id.</param>
/// <param name="Version">Stream version (1 after logging, +1 per revision or retraction).</param>
/// <param name="Title">Title.</param>
/// <param name="OccurredOn">Day it happened (yyyy-MM-dd).</param>
/// <param name="Description">Description.</param>
/// <param name="Project">Project.</param>
/// <param name="Scope">individual | team | multi_team | org | company.</param>
/// <param name="Involvement">contributed | led | drove.</param>
/// <param name="Impact">Metrics, each with a rendered <c>summary</c>.</param>
/// <param name="Competencies">Competency names.</param>
/// <param name="Learnings">Learnings.</param>
/// <param name="Links">Links.</param>
/// <param name="Retracted">True once retracted.</param>
/// <param name="Revisions">Number of revisions.</param>
/// <param name="LoggedAt">When first recorded (UTC).</param>
/// <param name="UpdatedAt">When last changed (UTC).</param>
public sealed record AccomplishmentView(
    Guid Id, long Version, string Title, DateOnly OccurredOn, string? Description, string? Project, Scope Scope, Involvement Involvement,
    IReadOnlyList<ImpactView> Impact, IReadOnlyList<Competency> Competencies, string? Learnings, IReadOnlyList<string> Links,
    bool Retracted, int Revisions, DateTimeOffset LoggedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>Maps a stored document.</summary>
    public static AccomplishmentView From(Accomplishment doc) => From(doc, doc.Version);

    /// <summary>Maps a state at a version.</summary>
    public static AccomplishmentView From(Accomplishment a, long version)
    {
        var d = a.Details;
        return new AccomplishmentView(
            a.Id, version, d.Title, d.OccurredOn, d.Description, d.Project, d.Scope, d.Involvement,
            d.Impact.Select(m => new ImpactView(m.Name, m.Before, m.After, m.Unit, m.LowerIsBetter, m.Describe())).ToList(),
            d.Competencies, d.Learnings, d.Links, a.Retracted, a.Revisions, a.LoggedAt, a.UpdatedAt);
    }
}

/// <summary>A metric with its rendered sentence.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Before">Baseline or null.</param>
/// <param name="After">Figure after.</param>
/// <param name="Unit">Unit or null.</param>
/// <param name="LowerIsBetter">Direction.</param>
/// <param name="Summary">"p99 latency 420 ms → 210 ms (−50 %)".</param>
public sealed record ImpactView(string Name, decimal? Before, decimal After, string? Unit, bool LowerIsBetter, string Summary);

/// <summary>A revision request: the full new content plus an optional reason.</summary>
/// <param name="Title">See <see cref="AccomplishmentDraft"/>.</param>
/// <param name="OccurredOn">See <see cref="AccomplishmentDraft"/>.</param>
/// <param name="Description">See <see cref="AccomplishmentDraft"/>.</param>
/// <param name="Project">See <see cref="AccomplishmentDraft"/>.</param>
/// <param name="Scope">See <see cref="AccomplishmentDraft"/>.</param>
/// <param name="Involvement">See <see cref="AccomplishmentDraft"/>.</param>
/// <param name="Impact">See <see cref="AccomplishmentDraft"/>.</param>
/// <param name="Competencies">See <see cref="AccomplishmentDraft"/>.</param>
/// <param name="Learnings">See <see cref="AccomplishmentDraft"/>.</param>
/// <param name="Links">See <see cref="AccomplishmentDraft"/>.</param>
/// <param name="Reason">Why it changed (optional, kept in history).</param>
public sealed record ReviseAccomplishmentRequest(
    string? Title, DateOnly? OccurredOn = null, string? Description = null, string? Project = null, string? Scope = null, string? Involvement = null,
    IReadOnlyList<ImpactMetricDraft>? Impact = null, IReadOnlyList<string>? Competencies = null, string? Learnings = null,
    IReadOnlyList<string>? Links = null, string? Reason = null)
{
    /// <summary>The content part.</summary>
    public AccomplishmentDraft Draft => new(Title, OccurredOn, Description, Project, Scope, Involvement, Impact, Competencies, Learnings, Links);
}

/// <summary>One entry of an accomplishment's history.</summary>
/// <param name="Version">Version the event produced.</param>
/// <param name="Type">Stored event type name.</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
/// <param name="Data">The event.</param>
public sealed record HistoryEntry(long Version, string Type, DateTimeOffset RecordedAt, object Data)
{
    /// <summary>Maps a stream's events, oldest first, with their stored type names and recorded times.</summary>
    public static IReadOnlyList<HistoryEntry> From(IEnumerable<JasperFx.Events.IEvent> events) =>
        events.Select(e => new HistoryEntry(e.Version, e.EventTypeName, e.Timestamp, e.Data)).ToList();
}
