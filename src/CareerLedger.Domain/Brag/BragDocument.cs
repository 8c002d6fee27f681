using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Reviews;

namespace CareerLedger.Domain.Brag;

/// <summary>A brag document for a date range: accomplishments grouped by period then project, feedback, performance reviews, learnings.</summary>
/// <param name="From">First day covered (user's calendar).</param>
/// <param name="To">Last day covered.</param>
/// <param name="AsOf">When set, the document shows what had been recorded by then (UTC); later events are ignored.</param>
/// <param name="Grouping"><c>month</c> for ranges up to 184 days, otherwise <c>quarter</c>.</param>
/// <param name="Summary">Counts and the most evidenced competencies.</param>
/// <param name="Periods">Non-empty periods in chronological order.</param>
/// <param name="Feedback">Feedback received in the range, oldest first.</param>
/// <param name="Learnings">Learnings and mechanisms from accomplishments in the range, oldest first.</param>
/// <param name="Reviews">Performance reviews whose period ends in the range, oldest first (docs/projections.md, "Brag document").</param>
public sealed record BragDocument(
    DateOnly From,
    DateOnly To,
    DateTimeOffset? AsOf,
    string Grouping,
    BragSummary Summary,
    IReadOnlyList<BragPeriod> Periods,
    IReadOnlyList<BragFeedback> Feedback,
    IReadOnlyList<BragLearning> Learnings,
    IReadOnlyList<BragReview> Reviews);

/// <summary>Headline figures of a brag document.</summary>
/// <param name="Accomplishments">Accomplishments in the range.</param>
/// <param name="Projects">Distinct named projects (case-insensitive; entries without a project are not counted).</param>
/// <param name="Quantified">Accomplishments with at least one metric.</param>
/// <param name="FeedbackCount">Feedback items in the range.</param>
/// <param name="TopCompetencies">Up to 5 competencies with the number of accomplishments evidencing each, most first.</param>
/// <param name="ReviewCount">Performance reviews whose period ends in the range.</param>
public sealed record BragSummary(int Accomplishments, int Projects, int Quantified, int FeedbackCount, IReadOnlyList<CompetencyCount> TopCompetencies, int ReviewCount);

/// <summary>A competency and how many items evidence it.</summary>
/// <param name="Competency">The competency.</param>
/// <param name="Count">How many accomplishments are tagged with it.</param>
public sealed record CompetencyCount(Competency Competency, int Count);

/// <summary>One period (month or quarter) of the document.</summary>
/// <param name="Label">"March 2026" or "2026 Q1".</param>
/// <param name="Start">First day of the period.</param>
/// <param name="End">Last day of the period.</param>
/// <param name="Projects">Projects with entries in the period, busiest first; entries without a project come last as "Other".</param>
public sealed record BragPeriod(string Label, DateOnly Start, DateOnly End, IReadOnlyList<BragProject> Projects);

/// <summary>A project's entries within a period.</summary>
/// <param name="Name">Project name, or "Other".</param>
/// <param name="Entries">Entries, oldest first.</param>
public sealed record BragProject(string Name, IReadOnlyList<BragEntry> Entries);

/// <summary>One accomplishment as the brag document shows it.</summary>
/// <param name="Id">Accomplishment id.</param>
/// <param name="Title">Title.</param>
/// <param name="OccurredOn">When it happened.</param>
/// <param name="Description">Description, if any.</param>
/// <param name="Scope">Scope.</param>
/// <param name="Involvement">Involvement.</param>
/// <param name="Impact">Each metric as a sentence, e.g. "p99 latency 420 ms → 210 ms (−50 %)".</param>
/// <param name="Competencies">Competencies it evidences.</param>
/// <param name="Links">Links.</param>
public sealed record BragEntry(
    Guid Id, string Title, DateOnly OccurredOn, string? Description, Scope Scope, Involvement Involvement,
    IReadOnlyList<string> Impact, IReadOnlyList<Competency> Competencies, IReadOnlyList<string> Links);

/// <summary>A feedback quote.</summary>
/// <param name="ReceivedOn">When.</param>
/// <param name="From">Who.</param>
/// <param name="Source">Where.</param>
/// <param name="Text">What was said.</param>
/// <param name="Sentiment">Tone.</param>
/// <param name="Themes">Competencies it speaks to.</param>
public sealed record BragFeedback(DateOnly ReceivedOn, FeedbackFrom From, string? Source, string Text, Sentiment Sentiment, IReadOnlyList<Competency> Themes);

/// <summary>A performance review as the brag document shows it.</summary>
/// <param name="Id">Review id.</param>
/// <param name="PeriodStart">First day it covers.</param>
/// <param name="PeriodEnd">Last day it covers.</param>
/// <param name="PeriodLabel">The company's name for the cycle ("2026 H1"), or null.</param>
/// <param name="ReviewerName">Reviewer's name, or null.</param>
/// <param name="ReviewerRole">Reviewer's role, or null.</param>
/// <param name="Rating">The rating as given, with the score when there is one ("Exceeds expectations (4 of 5)"), or null.</param>
/// <param name="Promotion">The promotion outcome.</param>
/// <param name="NewLevel">The level or title the outcome is about, or null.</param>
/// <param name="Strengths">Competencies named as strengths.</param>
/// <param name="GrowthAreas">Competencies named as growth areas.</param>
/// <param name="Excerpt">The start of the review text on one line, at most <see cref="PerformanceReview.ExcerptLength"/> characters (cut at a word, with "…").</param>
public sealed record BragReview(
    Guid Id, DateOnly PeriodStart, DateOnly PeriodEnd, string? PeriodLabel, string? ReviewerName, string? ReviewerRole, string? Rating,
    PromotionOutcome Promotion, string? NewLevel, IReadOnlyList<Competency> Strengths, IReadOnlyList<Competency> GrowthAreas, string Excerpt);

/// <summary>A learning tied to the accomplishment it came from.</summary>
/// <param name="AccomplishmentId">Source accomplishment.</param>
/// <param name="Title">Its title.</param>
/// <param name="OccurredOn">Its date.</param>
/// <param name="Text">The learning.</param>
public sealed record BragLearning(Guid AccomplishmentId, string Title, DateOnly OccurredOn, string Text);
