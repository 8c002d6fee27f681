using System.Globalization;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Reviews;

namespace CareerLedger.Domain.Brag;

/// <summary>Builds a <see cref="BragDocument"/> from accomplishment, feedback and performance-review states (pure). Rules in docs/projections.md.</summary>
public static class BragDocumentBuilder
{
    /// <summary>Ranges longer than this many days are grouped by quarter instead of month.</summary>
    public const int MonthGroupingMaxDays = 184;

    /// <summary>Builds the document without reviews; retracted items and items outside <paramref name="range"/> are left out.</summary>
    public static BragDocument Build(
        IEnumerable<Accomplishment> accomplishments, IEnumerable<FeedbackItem> feedback, DateRange range, DateTimeOffset? asOf) =>
        Build(accomplishments, feedback, [], range, asOf);

    /// <summary>
    /// Builds the document; retracted items and items outside <paramref name="range"/> are left out. A review is in the range
    /// when its period ends in it (the day it can first be written about).
    /// </summary>
    public static BragDocument Build(
        IEnumerable<Accomplishment> accomplishments, IEnumerable<FeedbackItem> feedback, IEnumerable<PerformanceReview> reviews, DateRange range, DateTimeOffset? asOf)
    {
        var items = accomplishments
            .Where(a => !a.Retracted && range.Contains(a.Details.OccurredOn))
            .OrderBy(a => a.Details.OccurredOn).ThenBy(a => a.LoggedAt).ThenBy(a => a.Id)
            .ToList();
        var byQuarter = range.Days > MonthGroupingMaxDays;

        var periods = items
            .GroupBy(a => PeriodStart(a.Details.OccurredOn, byQuarter))
            .OrderBy(g => g.Key)
            .Select(g => new BragPeriod(
                Label(g.Key, byQuarter),
                g.Key,
                byQuarter ? g.Key.AddMonths(3).AddDays(-1) : g.Key.AddMonths(1).AddDays(-1),
                g.GroupBy(a => a.Details.Project ?? "", StringComparer.OrdinalIgnoreCase)
                    .OrderBy(p => p.Key.Length == 0)
                    .ThenByDescending(p => p.Count())
                    .ThenBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
                    .Select(p => new BragProject(p.Key.Length == 0 ? "Other" : p.First().Details.Project!, p.Select(ToEntry).ToList()))
                    .ToList()))
            .ToList();

        var quotes = feedback
            .Where(f => !f.Retracted && range.Contains(f.Details.ReceivedOn))
            .OrderBy(f => f.Details.ReceivedOn).ThenBy(f => f.RecordedAt)
            .Select(f => new BragFeedback(f.Details.ReceivedOn, f.Details.From, f.Details.Source, f.Details.Text, f.Details.Sentiment, f.Details.Themes))
            .ToList();

        var shownReviews = reviews
            .Where(r => !r.Retracted && range.Contains(r.Details.PeriodEnd))
            .OrderBy(r => r.Details.PeriodEnd).ThenBy(r => r.Details.PeriodStart).ThenBy(r => r.RecordedAt).ThenBy(r => r.Id)
            .Select(r => new BragReview(
                r.Id, r.Details.PeriodStart, r.Details.PeriodEnd, r.Details.PeriodLabel, r.Details.ReviewerName, r.Details.ReviewerRole,
                PerformanceReview.DescribeRating(r.Details), r.Details.Promotion, r.Details.NewLevel, r.Details.Strengths, r.Details.GrowthAreas,
                PerformanceReview.Excerpt(r.Details.Text)))
            .ToList();

        var learnings = items
            .Where(a => a.Details.Learnings is not null)
            .Select(a => new BragLearning(a.Id, a.Details.Title, a.Details.OccurredOn, a.Details.Learnings!))
            .ToList();

        var top = items
            .SelectMany(a => a.Details.Competencies)
            .GroupBy(c => c)
            .Select(g => new CompetencyCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Competency)
            .Take(5)
            .ToList();

        var summary = new BragSummary(
            items.Count,
            items.Where(a => a.Details.Project is not null).Select(a => a.Details.Project!).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            items.Count(a => a.Details.Impact.Count > 0),
            quotes.Count,
            top,
            shownReviews.Count);

        return new BragDocument(range.From, range.To, asOf, byQuarter ? "quarter" : "month", summary, periods, quotes, learnings, shownReviews);
    }

    private static BragEntry ToEntry(Accomplishment a) => new(
        a.Id, a.Details.Title, a.Details.OccurredOn, a.Details.Description, a.Details.Scope, a.Details.Involvement,
        a.Details.Impact.Select(m => m.Describe()).ToList(), a.Details.Competencies, a.Details.Links);

    private static DateOnly PeriodStart(DateOnly day, bool byQuarter) =>
        byQuarter ? new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1) : new DateOnly(day.Year, day.Month, 1);

    private static string Label(DateOnly start, bool byQuarter) => byQuarter
        ? $"{start.Year} Q{((start.Month - 1) / 3) + 1}"
        : start.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
