using CareerLedger.Domain.Common;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Tests.Support;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Feedback;

public sealed class FeedbackItemTests
{
    private static readonly Guid Id = Guid.Parse("6f1c0a52-0000-4000-8000-0000000000f1");
    private static readonly FeedbackDetails Praise = Said();

    private static DeciderSpec<FeedbackItem, FeedbackEvent> Spec() => new(FeedbackItem.Evolve);

    [Fact]
    public void receiving_starts_a_stream()
    {
        Spec()
            .Given()
            .When(s => FeedbackItem.Receive(Id, Praise, "import-3", s))
            .Then(new FeedbackReceived(Id, Praise, "import-3"));
    }

    [Fact]
    public void receiving_again_with_the_same_client_key_yields_no_events()
    {
        Spec()
            .Given(new FeedbackReceived(Id, Praise, "import-3"))
            .When(s => FeedbackItem.Receive(Id, Said(text: "different words"), "import-3", s))
            .Then();
    }

    [Fact]
    public void receiving_on_a_taken_id_with_another_or_no_client_key_throws()
    {
        Spec()
            .Given(new FeedbackReceived(Id, Praise, "import-3"))
            .When(s => FeedbackItem.Receive(Id, Praise, "import-4", s))
            .ThenThrows<DomainRuleException>()
            .Message.ShouldContain(Id.ToString());
        Spec()
            .Given(new FeedbackReceived(Id, Praise))
            .When(s => FeedbackItem.Receive(Id, Praise, null, s))
            .ThenThrows<DomainRuleException>();
    }

    [Fact]
    public void retracting_emits_feedback_retracted_with_a_cleaned_reason()
    {
        Spec()
            .Given(new FeedbackReceived(Id, Praise))
            .When(s => FeedbackItem.Retract(s!, "  wrong person  "))
            .Then(new FeedbackRetracted(Id, "wrong person"));
    }

    [Fact]
    public void retracting_twice_yields_one_event_in_total()
    {
        Spec()
            .Given(new FeedbackReceived(Id, Praise), new FeedbackRetracted(Id, "wrong person"))
            .When(s => FeedbackItem.Retract(s!, null))
            .Then();
    }

    [Fact]
    public void the_fold_keeps_the_first_recorded_time_and_client_key_and_marks_retraction()
    {
        var state = Spec().Given(new FeedbackReceived(Id, Praise, "import-3"), new FeedbackRetracted(Id)).State!;

        state.ShouldBe(new FeedbackItem(Id, Praise, true, T0, "import-3"));
    }

    [Fact]
    public void a_stream_that_does_not_start_with_received_cannot_be_folded()
    {
        Should.Throw<InvalidOperationException>(() => FeedbackItem.Evolve(null, new FeedbackRetracted(Id), T0));
        var live = FeedbackItem.Evolve(null, new FeedbackReceived(Id, Praise), T0);
        Should.Throw<InvalidOperationException>(() => FeedbackItem.Evolve(live, new FeedbackReceived(Id, Praise), T0));
    }
}
