using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Tests.Competencies;

public sealed class CompetencyCatalogTests
{
    [Theory]
    [InlineData(Competency.ConflictResolution, "conflict_resolution")]
    [InlineData(Competency.GrowthMindset, "growth_mindset")]
    [InlineData(Competency.DecisionMaking, "decision_making")]
    [InlineData(Competency.CustomerImpact, "customer_impact")]
    [InlineData(Competency.PerformanceCost, "performance_cost")]
    [InlineData(Competency.TechnicalDebt, "technical_debt")]
    [InlineData(Competency.LearningNewTech, "learning_new_tech")]
    [InlineData(Competency.Ownership, "ownership")]
    public void names_are_snake_case(Competency competency, string name)
    {
        CompetencyCatalog.NameOf(competency).ShouldBe(name);
    }

    [Fact]
    public void every_name_round_trips()
    {
        CompetencyCatalog.All.Count.ShouldBe(17);
        foreach (var c in CompetencyCatalog.All)
        {
            CompetencyCatalog.TryParse(CompetencyCatalog.NameOf(c), out var parsed).ShouldBeTrue(CompetencyCatalog.NameOf(c));
            parsed.ShouldBe(c);
        }

        CompetencyCatalog.All.Select(CompetencyCatalog.NameOf).ShouldBeUnique();
    }

    [Theory]
    [InlineData("Conflict-Resolution")]
    [InlineData("conflict resolution")]
    [InlineData("  CONFLICT_RESOLUTION  ")]
    public void try_parse_accepts_any_case_and_dashes_or_spaces(string input)
    {
        CompetencyCatalog.TryParse(input, out var c).ShouldBeTrue();
        c.ShouldBe(Competency.ConflictResolution);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("heroics")]
    [InlineData("ConflictResolution")]
    [InlineData("3")]
    public void try_parse_rejects_unknown_names(string? input)
    {
        CompetencyCatalog.TryParse(input, out _).ShouldBeFalse();
    }

    [Fact]
    public void every_competency_has_a_distinct_human_label()
    {
        CompetencyCatalog.LabelOf(Competency.ConflictResolution).ShouldBe("Conflict resolution");
        CompetencyCatalog.LabelOf(Competency.Leadership).ShouldBe("Leadership and influence");
        var labels = CompetencyCatalog.All.Select(CompetencyCatalog.LabelOf).ToList();
        labels.ShouldAllBe(l => !string.IsNullOrWhiteSpace(l));
        labels.ShouldBeUnique();
    }

    [Fact]
    public void the_prep_checklist_covers_the_documented_stories_and_each_maps_to_a_known_competency()
    {
        var checklist = CompetencyCatalog.PrepChecklist;

        checklist.Select(i => i.Label).ShouldBe(["Reliability", "Performance", "Ownership", "Leadership", "Conflict", "Ambiguity", "Failure / mistake"]);
        checklist.ShouldAllBe(i => CompetencyCatalog.All.Contains(i.Competency));
        checklist.Select(i => i.Competency).ShouldBeUnique();
        checklist.Single(i => i.Label == "Conflict").Competency.ShouldBe(Competency.ConflictResolution);
        checklist.Single(i => i.Label == "Failure / mistake").Competency.ShouldBe(Competency.GrowthMindset);
        checklist.Single(i => i.Label == "Performance").Competency.ShouldBe(Competency.PerformanceCost);
    }

    [Fact]
    public void parse_all_drops_duplicates_and_reports_unknown_names_by_their_position()
    {
        var errors = new ValidationErrors();

        var parsed = CompetencyCatalog.ParseAll(["mentorship", "Mentorship", "grit", "delivery"], "themes", errors);

        parsed.ShouldBe([Competency.Mentorship, Competency.Delivery]);
        var ex = Should.Throw<DomainValidationException>(errors.ThrowIfAny);
        ex.Errors.Keys.ShouldBe(["themes[2]"]);
    }

    [Fact]
    public void parse_all_of_nothing_is_empty_and_error_free()
    {
        var errors = new ValidationErrors();

        CompetencyCatalog.ParseAll(null, "competencies", errors).ShouldBeEmpty();
        errors.Any.ShouldBeFalse();
    }
}
