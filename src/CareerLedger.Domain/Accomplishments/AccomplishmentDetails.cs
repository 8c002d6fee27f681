using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Accomplishments;

/// <summary>The validated content of an accomplishment (what a log entry or a revision says).</summary>
/// <param name="Title">One line, 1-200 characters.</param>
/// <param name="OccurredOn">The day it happened (the user's calendar; never after their today).</param>
/// <param name="Description">Free text, at most 4,000 characters.</param>
/// <param name="Project">Project or product area it belongs to; groups the brag document.</param>
/// <param name="Scope">How far the effect reached.</param>
/// <param name="Involvement">The engineer's personal part.</param>
/// <param name="Impact">Quantified results (0-10).</param>
/// <param name="Competencies">Competencies it evidences (0-8).</param>
/// <param name="Learnings">What was learned or which durable mechanism came out of it, at most 2,000 characters.</param>
/// <param name="Links">Absolute http(s) links (PRs, docs, dashboards), at most 10.</param>
public sealed record AccomplishmentDetails(
    string Title,
    DateOnly OccurredOn,
    string? Description,
    string? Project,
    Scope Scope,
    Involvement Involvement,
    IReadOnlyList<ImpactMetric> Impact,
    IReadOnlyList<Competency> Competencies,
    string? Learnings,
    IReadOnlyList<string> Links);
