using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Tests.Support;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Accomplishments;

public sealed class AccomplishmentDeciderTests
{
    private static readonly Guid Id = Guid.Parse("6f1c0a52-0000-4000-8000-000000000001");
    private static readonly AccomplishmentDetails Original = Details(
        impact: [Latency()], competencies: [Competency.PerformanceCost], links: ["https://github.com/acme/pay/pull/42"]);

    private static DeciderSpec<Accomplishment, AccomplishmentEvent> Spec() => new(Accomplishment.Evolve);

    [Fact]
    public void logging_starts_a_stream()
    {
        Spec()
            .Given()
            .When(s => AccomplishmentDecider.Log(Id, Original, "import-1", s))
            .Then(new AccomplishmentLogged(Id, Original, "import-1"));
    }

    [Fact]
    public void logging_again_with_the_same_client_key_yields_no_events()
    {
        Spec()
            .Given(new AccomplishmentLogged(Id, Original, "import-1"))
            .When(s => AccomplishmentDecider.Log(Id, Details(title: "Something else"), "import-1", s))
            .Then();
    }

    [Fact]
    public void logging_with_a_different_client_key_on_an_existing_id_throws()
    {
        var ex = Spec()
            .Given(new AccomplishmentLogged(Id, Original, "import-1"))
            .When(s => AccomplishmentDecider.Log(Id, Original, "import-2", s))
            .ThenThrows<DomainRuleException>();

        ex.Message.ShouldContain(Id.ToString());
    }

    [Fact]
    public void logging_without_a_client_key_on_an_existing_id_throws_even_if_the_first_log_had_none()
    {
        Spec()
            .Given(new AccomplishmentLogged(Id, Original))
            .When(s => AccomplishmentDecider.Log(Id, Original, null, s))
            .ThenThrows<DomainRuleException>();
        Spec()
            .Given(new AccomplishmentLogged(Id, Original, "import-1"))
            .When(s => AccomplishmentDecider.Log(Id, Original, null, s))
            .ThenThrows<DomainRuleException>();
    }

    [Fact]
    public void revising_emits_accomplishment_revised_with_the_new_details_and_a_cleaned_reason()
    {
        var revised = Original with { Title = "Cut p99 latency by 60 %", Scope = Scope.Org };

        Spec()
            .Given(new AccomplishmentLogged(Id, Original))
            .When(s => AccomplishmentDecider.Revise(s!, revised, "  re-measured over a full week  "))
            .Then(new AccomplishmentRevised(Id, revised, "re-measured over a full week"));
    }

    [Fact]
    public void a_blank_revision_reason_is_stored_as_null()
    {
        var revised = Original with { Learnings = "Added a latency budget to CI." };

        Spec()
            .Given(new AccomplishmentLogged(Id, Original))
            .When(s => AccomplishmentDecider.Revise(s!, revised, "   "))
            .Then(new AccomplishmentRevised(Id, revised));
    }

    [Fact]
    public void an_identical_revision_yields_no_events_even_with_fresh_list_instances()
    {
        // Records compare lists by reference; the decider must compare their contents.
        var same = Original with
        {
            Impact = [Latency()],
            Competencies = [Competency.PerformanceCost],
            Links = ["https://github.com/acme/pay/pull/42"],
        };

        Spec()
            .Given(new AccomplishmentLogged(Id, Original))
            .When(s => AccomplishmentDecider.Revise(s!, same, "no change"))
            .Then();
    }

    [Fact]
    public void a_revision_that_only_changes_a_list_is_not_identical()
    {
        var moreCompetencies = Original with { Competencies = [Competency.PerformanceCost, Competency.Ownership] };
        var otherMetric = Original with { Impact = [Latency(420, 180)] };
        var noLinks = Details(impact: [Latency()], competencies: [Competency.PerformanceCost], links: []);

        foreach (var revised in new[] { moreCompetencies, otherMetric, noLinks })
        {
            Spec()
                .Given(new AccomplishmentLogged(Id, Original))
                .When(s => AccomplishmentDecider.Revise(s!, revised, null))
                .Then(new AccomplishmentRevised(Id, revised));
        }
    }

    [Fact]
    public void revising_compares_against_the_latest_revision_not_the_first_log()
    {
        var second = Original with { Title = "Second wording" };

        Spec()
            .Given(new AccomplishmentLogged(Id, Original), new AccomplishmentRevised(Id, second))
            .When(s => AccomplishmentDecider.Revise(s!, Original with { Title = "Second wording" }, null))
            .Then();
        Spec()
            .Given(new AccomplishmentLogged(Id, Original), new AccomplishmentRevised(Id, second))
            .When(s => AccomplishmentDecider.Revise(s!, Original, "back to the first wording"))
            .Then(new AccomplishmentRevised(Id, Original, "back to the first wording"));
    }

    [Fact]
    public void revising_after_a_retraction_throws()
    {
        var ex = Spec()
            .Given(new AccomplishmentLogged(Id, Original), new AccomplishmentRetracted(Id, "duplicate"))
            .When(s => AccomplishmentDecider.Revise(s!, Original with { Title = "New" }, null))
            .ThenThrows<DomainRuleException>();

        ex.Message.ShouldContain("retracted");
    }

    [Fact]
    public void retracting_emits_accomplishment_retracted_with_a_cleaned_reason()
    {
        Spec()
            .Given(new AccomplishmentLogged(Id, Original))
            .When(s => AccomplishmentDecider.Retract(s!, "  logged twice "))
            .Then(new AccomplishmentRetracted(Id, "logged twice"));
    }

    [Fact]
    public void retracting_twice_yields_one_event_in_total()
    {
        Spec()
            .Given(new AccomplishmentLogged(Id, Original), new AccomplishmentRetracted(Id))
            .When(s => AccomplishmentDecider.Retract(s!, "again"))
            .Then();
    }

    [Fact]
    public void the_fold_tracks_logged_at_updated_at_revisions_client_key_and_retraction()
    {
        var second = Original with { Title = "v2" };
        var third = Original with { Title = "v3" };
        var spec = Spec().Given(
            new AccomplishmentLogged(Id, Original, "import-7"),
            new AccomplishmentRevised(Id, second),
            new AccomplishmentRevised(Id, third, "typo"),
            new AccomplishmentRetracted(Id));

        var state = spec.State!;

        state.Id.ShouldBe(Id);
        state.Details.ShouldBe(third);
        state.Revisions.ShouldBe(2);
        state.LoggedAt.ShouldBe(T0);
        state.UpdatedAt.ShouldBe(T0.AddMinutes(3));
        state.ClientKey.ShouldBe("import-7");
        state.Retracted.ShouldBeTrue();
    }

    [Fact]
    public void a_fresh_log_folds_to_an_unrevised_live_accomplishment()
    {
        var state = Accomplishment.Evolve(null, new AccomplishmentLogged(Id, Original), T0);

        state.ShouldBe(new Accomplishment(Id, Original, false, T0, T0, 0, null));
    }

    [Fact]
    public void a_stream_that_does_not_start_with_a_log_cannot_be_folded()
    {
        Should.Throw<InvalidOperationException>(() => Accomplishment.Evolve(null, new AccomplishmentRevised(Id, Original), T0))
            .Message.ShouldContain("AccomplishmentRevised");
        Should.Throw<InvalidOperationException>(() => Accomplishment.Evolve(null, new AccomplishmentRetracted(Id), T0));

        var live = Accomplishment.Evolve(null, new AccomplishmentLogged(Id, Original), T0);
        Should.Throw<InvalidOperationException>(() => Accomplishment.Evolve(live, new AccomplishmentLogged(Id, Original), T0));
    }
}
