using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Brag;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Brag;

public sealed class BragDocumentBuilderTests
{
    private static readonly DateRange H1 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static BragDocument Build(DateRange range, params Accomplishment[] items) => BragDocumentBuilder.Build(items, [], range, null);

    [Fact]
    public void a_range_of_184_days_is_grouped_by_month_in_chronological_order()
    {
        var h2 = new DateRange(D(2025, 7, 1), D(2025, 12, 31));
        h2.Days.ShouldBe(184);

        var doc = Build(h2, Win(Details(on: D(2025, 9, 20))), Win(Details(on: D(2025, 7, 15))), Win(Details(on: D(2025, 9, 3))));

        doc.Grouping.ShouldBe("month");
        doc.Periods.Select(p => p.Label).ShouldBe(["July 2025", "September 2025"]);
        doc.Periods[1].Start.ShouldBe(D(2025, 9, 1));
        doc.Periods[1].End.ShouldBe(D(2025, 9, 30));
        doc.Periods[1].Projects.Single().Entries.Select(e => e.OccurredOn).ShouldBe([D(2025, 9, 3), D(2025, 9, 20)]);
    }

    [Fact]
    public void a_month_period_ends_on_the_last_day_of_that_month()
    {
        var doc = Build(H1, Win(Details(on: D(2026, 2, 14))));

        doc.Periods.Single().ShouldBe(doc.Periods.Single() with { Label = "February 2026", Start = D(2026, 2, 1), End = D(2026, 2, 28) });
    }

    [Fact]
    public void a_range_longer_than_184_days_is_grouped_by_quarter()
    {
        var range = new DateRange(D(2025, 7, 1), D(2026, 1, 1));
        range.Days.ShouldBe(185);

        var doc = Build(range,
            Win(Details(on: D(2025, 7, 15))), Win(Details(on: D(2025, 9, 30))), Win(Details(on: D(2025, 11, 20))), Win(Details(on: D(2026, 1, 1))));

        doc.Grouping.ShouldBe("quarter");
        doc.Periods.Select(p => p.Label).ShouldBe(["2025 Q3", "2025 Q4", "2026 Q1"]);
        doc.Periods.Select(p => (p.Start, p.End)).ShouldBe(
            [(D(2025, 7, 1), D(2025, 9, 30)), (D(2025, 10, 1), D(2025, 12, 31)), (D(2026, 1, 1), D(2026, 3, 31))]);
        doc.Periods[0].Projects.Single().Entries.Count.ShouldBe(2);
    }

    [Fact]
    public void projects_are_ordered_busiest_first_then_by_name_with_other_last()
    {
        var doc = Build(H1,
            Win(Details(title: "o1", on: D(2026, 3, 1))),
            Win(Details(title: "o2", on: D(2026, 3, 2))),
            Win(Details(title: "o3", on: D(2026, 3, 3))),
            Win(Details(title: "o4", on: D(2026, 3, 4))),
            Win(Details(title: "p1", on: D(2026, 3, 5), project: "Payments")),
            Win(Details(title: "b1", on: D(2026, 3, 6), project: "billing")),
            Win(Details(title: "s3", on: D(2026, 3, 20), project: "Search")),
            Win(Details(title: "s1", on: D(2026, 3, 7), project: "Search")),
            Win(Details(title: "s2", on: D(2026, 3, 8), project: "Search")));

        var projects = doc.Periods.Single().Projects;
        projects.Select(p => p.Name).ShouldBe(["Search", "billing", "Payments", "Other"]);
        projects[0].Entries.Select(e => e.Title).ShouldBe(["s1", "s2", "s3"]);
        projects[3].Entries.Count.ShouldBe(4);
    }

    [Fact]
    public void entries_on_the_same_day_are_ordered_by_when_they_were_logged()
    {
        var doc = Build(H1,
            Win(Details(title: "later", on: D(2026, 3, 1)), loggedAt: T0.AddHours(2)),
            Win(Details(title: "earlier", on: D(2026, 3, 1)), loggedAt: T0));

        doc.Periods.Single().Projects.Single().Entries.Select(e => e.Title).ShouldBe(["earlier", "later"]);
    }

    [Fact]
    public void retracted_and_out_of_range_accomplishments_are_left_out_and_the_ends_are_inclusive()
    {
        var doc = Build(H1,
            Win(Details(title: "first day", on: D(2026, 1, 1))),
            Win(Details(title: "last day", on: D(2026, 6, 30))),
            Win(Details(title: "day before", on: D(2025, 12, 31))),
            Win(Details(title: "day after", on: D(2026, 7, 1))),
            Win(Details(title: "retracted", on: D(2026, 3, 1)), retracted: true));

        doc.Periods.SelectMany(p => p.Projects).SelectMany(p => p.Entries).Select(e => e.Title).ShouldBe(["first day", "last day"]);
        doc.Summary.Accomplishments.ShouldBe(2);
    }

    [Fact]
    public void an_entry_carries_the_accomplishment_content_with_metrics_described_as_sentences()
    {
        var win = Win(Details(
            title: "Cut checkout p99 latency in half",
            on: D(2026, 3, 5),
            description: "Removed an N+1 query.",
            scope: Scope.Org,
            involvement: Involvement.Drove,
            impact: [Latency(), new ImpactMetric("hours saved", null, 120, "h", false)],
            competencies: [Competency.PerformanceCost],
            links: ["https://github.com/acme/pay/pull/42"]));

        var entry = Build(H1, win).Periods.Single().Projects.Single().Entries.Single();

        entry.Id.ShouldBe(win.Id);
        entry.Title.ShouldBe("Cut checkout p99 latency in half");
        entry.OccurredOn.ShouldBe(D(2026, 3, 5));
        entry.Description.ShouldBe("Removed an N+1 query.");
        entry.Scope.ShouldBe(Scope.Org);
        entry.Involvement.ShouldBe(Involvement.Drove);
        entry.Impact.ShouldBe(["p99 latency 420 ms → 210 ms (−50 %)", "hours saved: 120 h"]);
        entry.Competencies.ShouldBe([Competency.PerformanceCost]);
        entry.Links.ShouldBe(["https://github.com/acme/pay/pull/42"]);
    }

    [Fact]
    public void feedback_in_range_is_listed_oldest_first_without_retracted_items()
    {
        var feedback = new[]
        {
            Quote(Said(text: "March", on: D(2026, 3, 1), sentiment: Sentiment.Constructive)),
            Quote(Said(text: "Jan later", on: D(2026, 1, 5)), recordedAt: T0.AddHours(1)),
            Quote(Said(text: "Jan earlier", on: D(2026, 1, 5), from: FeedbackFrom.SkipLevel, source: "mid-year review", themes: [Competency.Reliability]), recordedAt: T0),
            Quote(Said(text: "retracted", on: D(2026, 2, 1)), retracted: true),
            Quote(Said(text: "last year", on: D(2025, 12, 31))),
        };

        var doc = BragDocumentBuilder.Build([], feedback, H1, null);

        doc.Feedback.Select(f => f.Text).ShouldBe(["Jan earlier", "Jan later", "March"]);
        doc.Feedback[0].ShouldBe(new BragFeedback(D(2026, 1, 5), FeedbackFrom.SkipLevel, "mid-year review", "Jan earlier", Sentiment.Positive, doc.Feedback[0].Themes));
        doc.Feedback[0].Themes.ShouldBe([Competency.Reliability]);
        doc.Feedback[2].Sentiment.ShouldBe(Sentiment.Constructive);
        doc.Summary.FeedbackCount.ShouldBe(3);
    }

    [Fact]
    public void learnings_come_from_included_accomplishments_oldest_first()
    {
        var april = Win(Details(title: "April", on: D(2026, 4, 2), learnings: "Wrote an ADR."));
        var january = Win(Details(title: "January", on: D(2026, 1, 9), learnings: "Added a CI check."));
        var doc = Build(H1,
            april,
            january,
            Win(Details(title: "no learning", on: D(2026, 2, 1))),
            Win(Details(title: "retracted", on: D(2026, 2, 2), learnings: "hidden"), retracted: true),
            Win(Details(title: "out of range", on: D(2025, 2, 2), learnings: "hidden")));

        doc.Learnings.ShouldBe(
        [
            new BragLearning(january.Id, "January", D(2026, 1, 9), "Added a CI check."),
            new BragLearning(april.Id, "April", D(2026, 4, 2), "Wrote an ADR."),
        ]);
    }

    [Fact]
    public void the_summary_counts_accomplishments_projects_quantified_items_and_feedback()
    {
        var doc = BragDocumentBuilder.Build(
            [
                Win(Details(on: D(2026, 1, 10), project: "Payments", impact: [Latency()])),
                Win(Details(on: D(2026, 2, 10), project: "Payments")),
                Win(Details(on: D(2026, 3, 10), project: "Search", impact: [Latency(), Latency(100, 90)])),
                Win(Details(on: D(2026, 3, 11), project: "Search", impact: [Latency()]), retracted: true),
            ],
            [Quote(Said(on: D(2026, 2, 1))), Quote(Said(on: D(2026, 2, 2), sentiment: Sentiment.Constructive))],
            H1,
            null);

        doc.Summary.Accomplishments.ShouldBe(3);
        doc.Summary.Projects.ShouldBe(2);
        doc.Summary.Quantified.ShouldBe(2);
        doc.Summary.FeedbackCount.ShouldBe(2);
    }

    [Fact]
    public void top_competencies_are_at_most_five_most_evidenced_first_ties_in_catalogue_order()
    {
        var doc = Build(H1,
            Win(Details(on: D(2026, 1, 1), competencies: [Competency.Rapport, Competency.Reliability, Competency.Delivery])),
            Win(Details(on: D(2026, 1, 2), competencies: [Competency.Reliability, Competency.Mentorship, Competency.Delivery])),
            Win(Details(on: D(2026, 1, 3), competencies: [Competency.Reliability, Competency.Collaboration, Competency.Ownership])),
            Win(Details(on: D(2026, 1, 4), competencies: [Competency.Ambiguity])),
            Win(Details(on: D(2026, 1, 5), competencies: [Competency.Leadership, Competency.Leadership]), retracted: true));

        doc.Summary.TopCompetencies.ShouldBe(
        [
            new CompetencyCount(Competency.Reliability, 3),
            new CompetencyCount(Competency.Delivery, 2),
            new CompetencyCount(Competency.Ownership, 1),
            new CompetencyCount(Competency.Ambiguity, 1),
            new CompetencyCount(Competency.Mentorship, 1),
        ]);
    }

    [Fact]
    public void an_empty_range_builds_an_empty_document_that_keeps_the_range_and_as_of()
    {
        var asOf = new DateTimeOffset(2026, 3, 1, 14, 30, 0, TimeSpan.Zero);

        var doc = BragDocumentBuilder.Build([Win(Details(on: D(2025, 3, 1)))], [], H1, asOf);

        doc.From.ShouldBe(H1.From);
        doc.To.ShouldBe(H1.To);
        doc.AsOf.ShouldBe(asOf);
        doc.Grouping.ShouldBe("month");
        doc.Periods.ShouldBeEmpty();
        doc.Feedback.ShouldBeEmpty();
        doc.Learnings.ShouldBeEmpty();
        doc.Summary.ShouldBe(doc.Summary with { Accomplishments = 0, Projects = 0, Quantified = 0, FeedbackCount = 0 });
        doc.Summary.TopCompetencies.ShouldBeEmpty();
    }
}
