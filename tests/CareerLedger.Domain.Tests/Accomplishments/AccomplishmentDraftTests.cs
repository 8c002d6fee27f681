using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Accomplishments;

public sealed class AccomplishmentDraftTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(AccomplishmentDraft draft) =>
        Should.Throw<DomainValidationException>(() => draft.Validate(Today)).Errors;

    [Fact]
    public void a_minimal_draft_gets_the_defaults_today_individual_contributed_and_empty_lists()
    {
        var d = new AccomplishmentDraft("Wrote the on-call runbook").Validate(Today);

        d.Title.ShouldBe("Wrote the on-call runbook");
        d.OccurredOn.ShouldBe(Today);
        d.Scope.ShouldBe(Scope.Individual);
        d.Involvement.ShouldBe(Involvement.Contributed);
        d.Description.ShouldBeNull();
        d.Project.ShouldBeNull();
        d.Learnings.ShouldBeNull();
        d.Impact.ShouldBeEmpty();
        d.Competencies.ShouldBeEmpty();
        d.Links.ShouldBeEmpty();
    }

    [Fact]
    public void a_full_draft_is_trimmed_and_parsed_into_details()
    {
        var draft = new AccomplishmentDraft(
            "  Halved checkout p99 latency  ",
            new DateOnly(2026, 2, 14),
            Description: "  Profiled the hot path and removed an N+1 query.  ",
            Project: " Payments ",
            Scope: "Multi-Team",
            Involvement: " DROVE ",
            Impact: [new ImpactMetricDraft("  p99 latency ", 420, 210, " ms ")],
            Competencies: ["performance_cost", "Conflict-Resolution", "technical debt"],
            Learnings: "  Added a latency budget check to CI.  ",
            Links: ["  https://github.com/acme/pay/pull/42  "]);

        var d = draft.Validate(Today);

        d.Title.ShouldBe("Halved checkout p99 latency");
        d.OccurredOn.ShouldBe(new DateOnly(2026, 2, 14));
        d.Description.ShouldBe("Profiled the hot path and removed an N+1 query.");
        d.Project.ShouldBe("Payments");
        d.Scope.ShouldBe(Scope.MultiTeam);
        d.Involvement.ShouldBe(Involvement.Drove);
        d.Impact.ShouldBe([new ImpactMetric("p99 latency", 420, 210, "ms", true)]);
        d.Competencies.ShouldBe([Competency.PerformanceCost, Competency.ConflictResolution, Competency.TechnicalDebt]);
        d.Learnings.ShouldBe("Added a latency budget check to CI.");
        d.Links.ShouldBe(["https://github.com/acme/pay/pull/42"]);
    }

    [Fact]
    public void whitespace_only_optional_text_becomes_null()
    {
        var d = new AccomplishmentDraft("Title", Description: "   ", Project: "\t", Learnings: "\n ", Scope: "  ", Involvement: "").Validate(Today);

        d.Description.ShouldBeNull();
        d.Project.ShouldBeNull();
        d.Learnings.ShouldBeNull();
        d.Scope.ShouldBe(Scope.Individual);
        d.Involvement.ShouldBe(Involvement.Contributed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void a_missing_or_blank_title_is_an_error_under_title(string? title)
    {
        var errors = ErrorsOf(new AccomplishmentDraft(title));

        errors.Keys.ShouldBe(["title"]);
        errors["title"].Single().ShouldContain("required");
    }

    [Fact]
    public void a_title_of_200_characters_is_fine_but_201_is_too_long()
    {
        new AccomplishmentDraft(new string('a', 200)).Validate(Today).Title.Length.ShouldBe(200);
        // Surrounding whitespace does not count.
        new AccomplishmentDraft("  " + new string('a', 200) + "  ").Validate(Today).Title.Length.ShouldBe(200);

        var errors = ErrorsOf(new AccomplishmentDraft(new string('a', 201)));
        errors.Keys.ShouldBe(["title"]);
        errors["title"].Single().ShouldContain("201");
    }

    [Fact]
    public void a_multi_line_title_is_rejected_or_collapsed_to_one_line()
    {
        // AccomplishmentDetails.Title is documented as "One line, 1-200 characters". A line break in a title also breaks
        // the brag document's list item ("- **title**") in BragMarkdown, which does not collapse titles.
        var draft = new AccomplishmentDraft("Cut p99 latency\n\nand paged less");
        AccomplishmentDetails? details = null;
        DomainValidationException? error = null;
        try
        {
            details = draft.Validate(Today);
        }
        catch (DomainValidationException e)
        {
            error = e;
        }

        if (error is not null)
        {
            error.Errors.Keys.ShouldContain("title");
        }
        else
        {
            details!.Title.ShouldNotContain('\n');
            details.Title.ShouldNotContain('\r');
        }
    }

    [Fact]
    public void a_date_after_the_given_today_is_an_error_under_occurred_on()
    {
        var errors = ErrorsOf(new AccomplishmentDraft("Shipped it", Today.AddDays(1)));

        errors.Keys.ShouldBe(["occurredOn"]);
        errors["occurredOn"].Single().ShouldContain("2026-03-11");
        errors["occurredOn"].Single().ShouldContain("today is 2026-03-10");
    }

    [Fact]
    public void the_future_is_judged_against_the_given_today_not_the_clock()
    {
        var tomorrow = Today.AddDays(1);

        new AccomplishmentDraft("Shipped it", tomorrow).Validate(tomorrow).OccurredOn.ShouldBe(tomorrow);
        new AccomplishmentDraft("Shipped it", Today).Validate(Today).OccurredOn.ShouldBe(Today);
    }

    [Fact]
    public void a_date_before_1970_is_an_error_under_occurred_on()
    {
        ErrorsOf(new AccomplishmentDraft("Old", new DateOnly(1969, 12, 31))).Keys.ShouldBe(["occurredOn"]);
        new AccomplishmentDraft("Old", new DateOnly(1970, 1, 1)).Validate(Today).OccurredOn.ShouldBe(new DateOnly(1970, 1, 1));
    }

    [Fact]
    public void description_project_and_learnings_have_length_limits()
    {
        new AccomplishmentDraft("T", Description: new string('d', 4000), Project: new string('p', 100), Learnings: new string('l', 2000))
            .Validate(Today).Description!.Length.ShouldBe(4000);

        var errors = ErrorsOf(new AccomplishmentDraft(
            "T", Description: new string('d', 4001), Project: new string('p', 101), Learnings: new string('l', 2001)));

        errors.Keys.ShouldBe(["description", "project", "learnings"], ignoreOrder: true);
        errors["description"].Single().ShouldContain("4001");
        errors["project"].Single().ShouldContain("100");
        errors["learnings"].Single().ShouldContain("2000");
    }

    [Theory]
    [InlineData("individual", Scope.Individual)]
    [InlineData("team", Scope.Team)]
    [InlineData("multi_team", Scope.MultiTeam)]
    [InlineData("multi-team", Scope.MultiTeam)]
    [InlineData("Multi Team", Scope.MultiTeam)]
    [InlineData("ORG", Scope.Org)]
    [InlineData("company", Scope.Company)]
    public void scope_accepts_snake_case_names_in_any_case_with_dashes_or_spaces(string input, Scope expected)
    {
        new AccomplishmentDraft("T", Scope: input).Validate(Today).Scope.ShouldBe(expected);
    }

    [Fact]
    public void an_unknown_scope_is_an_error_under_scope_listing_the_valid_names()
    {
        var errors = ErrorsOf(new AccomplishmentDraft("T", Scope: "galaxy"));

        errors.Keys.ShouldBe(["scope"]);
        errors["scope"].Single().ShouldContain("'galaxy'");
        errors["scope"].Single().ShouldContain("individual, team, multi_team, org, company");
    }

    [Theory]
    [InlineData("contributed", Involvement.Contributed)]
    [InlineData("Led", Involvement.Led)]
    [InlineData("drove", Involvement.Drove)]
    public void involvement_is_parsed_from_its_snake_case_name(string input, Involvement expected)
    {
        new AccomplishmentDraft("T", Involvement: input).Validate(Today).Involvement.ShouldBe(expected);
    }

    [Fact]
    public void an_unknown_involvement_is_an_error_under_involvement()
    {
        var errors = ErrorsOf(new AccomplishmentDraft("T", Involvement: "watched"));

        errors.Keys.ShouldBe(["involvement"]);
        errors["involvement"].Single().ShouldContain("contributed, led, drove");
    }

    [Fact]
    public void an_unknown_competency_is_reported_under_its_index()
    {
        var errors = ErrorsOf(new AccomplishmentDraft("T", Competencies: ["ownership", "heroics", "reliability", "vibes"]));

        errors.Keys.ShouldBe(["competencies[1]", "competencies[3]"], ignoreOrder: true);
        errors["competencies[1]"].Single().ShouldContain("'heroics'");
        errors["competencies[1]"].Single().ShouldContain("conflict_resolution");
    }

    [Fact]
    public void duplicate_competencies_are_dropped_keeping_the_first_order()
    {
        var d = new AccomplishmentDraft("T", Competencies: ["reliability", "Ownership", "RELIABILITY", "ownership"]).Validate(Today);

        d.Competencies.ShouldBe([Competency.Reliability, Competency.Ownership]);
    }

    [Fact]
    public void more_than_eight_distinct_competencies_is_an_error_but_duplicates_do_not_count()
    {
        var nine = CompetencyCatalog.All.Take(9).Select(CompetencyCatalog.NameOf).ToList();
        ErrorsOf(new AccomplishmentDraft("T", Competencies: nine)).Keys.ShouldBe(["competencies"]);

        var eightPlusDuplicate = nine.Take(8).Append(nine[0]).ToList();
        new AccomplishmentDraft("T", Competencies: eightPlusDuplicate).Validate(Today).Competencies.Count.ShouldBe(8);
    }

    [Fact]
    public void a_metric_without_a_name_is_an_error_under_its_name_path()
    {
        var errors = ErrorsOf(new AccomplishmentDraft("T", Impact: [new ImpactMetricDraft("  ", 1, 2)]));

        errors.Keys.ShouldBe(["impact[0].name"]);
    }

    [Fact]
    public void a_metric_without_an_after_figure_is_an_error_under_its_after_path()
    {
        var errors = ErrorsOf(new AccomplishmentDraft("T", Impact:
        [
            new ImpactMetricDraft("p99 latency", 420, 210, "ms"),
            new ImpactMetricDraft("error rate", 2, null, "%"),
        ]));

        errors.Keys.ShouldBe(["impact[1].after"]);
        errors["impact[1].after"].Single().ShouldContain("'error rate'");
    }

    [Fact]
    public void a_metric_name_over_80_characters_or_a_unit_over_20_is_an_error()
    {
        var errors = ErrorsOf(new AccomplishmentDraft("T", Impact:
        [
            new ImpactMetricDraft(new string('n', 81), null, 1),
            new ImpactMetricDraft("latency", 1, 2, new string('u', 21)),
        ]));

        errors.Keys.ShouldBe(["impact[0].name", "impact[1].unit"], ignoreOrder: true);

        new AccomplishmentDraft("T", Impact: [new ImpactMetricDraft(new string('n', 80), null, 1, new string('u', 20))])
            .Validate(Today).Impact.Single().Name.Length.ShouldBe(80);
    }

    [Fact]
    public void a_null_metric_is_an_error_under_its_index()
    {
        var errors = ErrorsOf(new AccomplishmentDraft("T", Impact: [new ImpactMetricDraft("latency", 2, 1), null!]));

        errors.Keys.ShouldBe(["impact[1]"]);
    }

    [Fact]
    public void more_than_ten_metrics_is_an_error_under_impact()
    {
        var metrics = Enumerable.Range(1, 11).Select(i => new ImpactMetricDraft($"metric {i}", null, i)).ToList();

        ErrorsOf(new AccomplishmentDraft("T", Impact: metrics)).Keys.ShouldBe(["impact"]);
        new AccomplishmentDraft("T", Impact: metrics.Take(10).ToList()).Validate(Today).Impact.Count.ShouldBe(10);
    }

    [Theory]
    [InlineData("ftp://files.example.com/report.pdf")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:boss@example.com")]
    [InlineData("")]
    public void a_link_that_is_not_absolute_http_or_https_is_an_error_under_its_index(string link)
    {
        var errors = ErrorsOf(new AccomplishmentDraft("T", Links: ["https://docs.example.com/adr/7", link]));

        errors.Keys.ShouldBe(["links[1]"]);
    }

    [Fact]
    public void http_and_https_links_are_kept()
    {
        var d = new AccomplishmentDraft("T", Links: ["http://wiki.example.com/runbook", "https://github.com/acme/api/pull/9"]).Validate(Today);

        d.Links.ShouldBe(["http://wiki.example.com/runbook", "https://github.com/acme/api/pull/9"]);
    }

    [Fact]
    public void more_than_ten_links_is_an_error_under_links()
    {
        var links = Enumerable.Range(1, 11).Select(i => $"https://example.com/pr/{i}").ToList();

        ErrorsOf(new AccomplishmentDraft("T", Links: links)).Keys.ShouldBe(["links"]);
        new AccomplishmentDraft("T", Links: links.Take(10).ToList()).Validate(Today).Links.Count.ShouldBe(10);
    }

    [Fact]
    public void every_problem_is_reported_at_once()
    {
        var draft = new AccomplishmentDraft(
            "",
            Today.AddDays(3),
            Scope: "galaxy",
            Involvement: "watched",
            Impact: [new ImpactMetricDraft("p99 latency", 420, null, "ms")],
            Competencies: ["ownership", "heroics"],
            Links: ["ftp://x"]);

        var errors = ErrorsOf(draft);

        errors.Keys.ShouldBe(
            ["title", "occurredOn", "scope", "involvement", "impact[0].after", "competencies[1]", "links[0]"], ignoreOrder: true);
        var ex = Should.Throw<DomainValidationException>(() => draft.Validate(Today));
        ex.Message.ShouldContain("impact[0].after:");
        ex.Message.ShouldContain("competencies[1]:");
    }

    [Theory]
    [InlineData("p99 latency", true)]
    [InlineData("Checkout latency", true)]
    [InlineData("MTTR", true)]
    [InlineData("monthly cloud cost", true)]
    [InlineData("pages per week", true)]
    [InlineData("error rate", true)]
    [InlineData("lead time", true)]
    [InlineData("checkout conversion", false)]
    [InlineData("hours saved", false)]
    [InlineData("time saved", false)]
    [InlineData("throughput", false)]
    [InlineData("request throughput time window", false)]
    [InlineData("test coverage", false)]
    [InlineData("deploy frequency", false)]
    [InlineData("revenue", false)]
    public void direction_is_inferred_from_the_metric_name(string name, bool lowerIsBetter)
    {
        ImpactMetricDraft.InferLowerIsBetter(name).ShouldBe(lowerIsBetter);
        new AccomplishmentDraft("T", Impact: [new ImpactMetricDraft(name, 10, 5)]).Validate(Today).Impact.Single().LowerIsBetter.ShouldBe(lowerIsBetter);
    }

    [Fact]
    public void a_conversion_metric_is_higher_is_better_even_when_its_name_mentions_a_page()
    {
        // ImpactMetric.LowerIsBetter is documented as "false for throughput, coverage, conversion"; the substring
        // "page" (meant for on-call pages) inside "landing page" currently flips it to lower-is-better.
        ImpactMetricDraft.InferLowerIsBetter("landing page conversion").ShouldBeFalse();
    }

    [Fact]
    public void an_explicit_direction_overrides_the_inference()
    {
        var d = new AccomplishmentDraft("T", Impact:
        [
            new ImpactMetricDraft("latency budget headroom", 10, 30, "ms", LowerIsBetter: false),
            new ImpactMetricDraft("active users", 100, 90, null, LowerIsBetter: true),
        ]).Validate(Today);

        d.Impact.Select(m => m.LowerIsBetter).ShouldBe([false, true]);
    }
}
