using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Stories;
using CareerLedger.EventStore;
using CareerLedger.EventStore.Projections;
using CareerLedger.Web.Accounts;

namespace CareerLedger.Web.Infrastructure;

/// <summary>Registers the career event types, documents and inline projections with the event store (docs/events.md).</summary>
public static class LedgerStore
{
    /// <summary>Stream type of accomplishments.</summary>
    public const string AccomplishmentStream = "accomplishment";

    /// <summary>Stream type of feedback items.</summary>
    public const string FeedbackStream = "feedback";

    /// <summary>Stream type of job offers.</summary>
    public const string OfferStream = "offer";

    /// <summary>Stream type of interview stories.</summary>
    public const string StoryStream = "story";

    /// <summary>Stream type of mock interview sessions.</summary>
    public const string MockSessionStream = "mock_session";

    /// <summary>Fills <paramref name="options"/> with everything the app stores.</summary>
    public static EventStoreOptions Configure(EventStoreOptions options)
    {
        options.Events
            .Register<AccomplishmentLogged>("accomplishment_logged")
            .Register<AccomplishmentRevised>("accomplishment_revised")
            .Register<AccomplishmentRetracted>("accomplishment_retracted")
            .Register<FeedbackReceived>("feedback_received")
            .Register<FeedbackRevised>("feedback_revised")
            .Register<FeedbackRetracted>("feedback_retracted")
            .Register<OfferReceived>("offer_received")
            .Register<OfferRevised>("offer_revised")
            .Register<CounterOfferSent>("counter_offer_sent")
            .Register<OfferDeadlineSet>("offer_deadline_set")
            .Register<OfferAccepted>("offer_accepted")
            .Register<OfferDeclined>("offer_declined")
            .Register<OfferExpired>("offer_expired")
            .Register<OfferWithdrawn>("offer_withdrawn")
            .Register<StoryDrafted>("story_drafted")
            .Register<StoryRevised>("story_revised")
            .Register<StoryLinked>("story_linked")
            .Register<StoryUsed>("story_used")
            .Register<StoryPracticed>("story_practiced")
            .Register<StoryRetired>("story_retired")
            .Register<MockSessionStarted>("mock_session_started")
            .Register<MockAnswerSubmitted>("mock_answer_submitted")
            .Register<MockAnswerScored>("mock_answer_scored")
            .Register<MockFollowUpAsked>("mock_follow_up_asked")
            .Register<MockSessionFinished>("mock_session_finished");
        options.Documents
            .Register<Accomplishment>("accomplishment")
            .Register<FeedbackItem>("feedback")
            .Register<Offer>("offer")
            .Register<Story>("story")
            .Register<MockSession>("mock_session");
        options.Projections.Add(new AccomplishmentProjection());
        options.Projections.Add(new FeedbackProjection());
        options.Projections.Add(new OfferProjection());
        options.Projections.Add(new StoryProjection());
        options.Projections.Add(new MockSessionProjection());
        options.Migrations.AddRange(AccountStore.Migrations);
        return options;
    }

    /// <summary>Keeps one <see cref="Accomplishment"/> document per accomplishment stream.</summary>
    public sealed class AccomplishmentProjection() : SingleStreamProjection<Accomplishment>(
        "accomplishments", [typeof(AccomplishmentLogged), typeof(AccomplishmentRevised), typeof(AccomplishmentRetracted)])
    {
        /// <inheritdoc />
        protected override Accomplishment? Evolve(Accomplishment? current, StoredEvent e) =>
            Accomplishment.Evolve(current, (AccomplishmentEvent)e.Data, e.Timestamp);
    }

    /// <summary>Keeps one <see cref="FeedbackItem"/> document per feedback stream.</summary>
    public sealed class FeedbackProjection() : SingleStreamProjection<FeedbackItem>(
        "feedback", [typeof(FeedbackReceived), typeof(FeedbackRevised), typeof(FeedbackRetracted)])
    {
        /// <inheritdoc />
        protected override FeedbackItem? Evolve(FeedbackItem? current, StoredEvent e) =>
            FeedbackItem.Evolve(current, (FeedbackEvent)e.Data, e.Timestamp);
    }

    /// <summary>Keeps one <see cref="Offer"/> document per offer stream.</summary>
    public sealed class OfferProjection() : SingleStreamProjection<Offer>(
        "offers",
        [
            typeof(OfferReceived), typeof(OfferRevised), typeof(CounterOfferSent), typeof(OfferDeadlineSet),
            typeof(OfferAccepted), typeof(OfferDeclined), typeof(OfferExpired), typeof(OfferWithdrawn),
        ])
    {
        /// <inheritdoc />
        protected override Offer? Evolve(Offer? current, StoredEvent e) => Offer.Evolve(current, (OfferEvent)e.Data, e.Timestamp);
    }

    /// <summary>Keeps one <see cref="Story"/> document per story stream (every revision with its scores).</summary>
    public sealed class StoryProjection() : SingleStreamProjection<Story>(
        "stories",
        [typeof(StoryDrafted), typeof(StoryRevised), typeof(StoryLinked), typeof(StoryUsed), typeof(StoryPracticed), typeof(StoryRetired)])
    {
        /// <inheritdoc />
        protected override Story? Evolve(Story? current, StoredEvent e) => Story.Evolve(current, (StoryEvent)e.Data, e.Timestamp);
    }

    /// <summary>Keeps one <see cref="MockSession"/> document per session stream.</summary>
    public sealed class MockSessionProjection() : SingleStreamProjection<MockSession>(
        "mock_sessions",
        [typeof(MockSessionStarted), typeof(MockAnswerSubmitted), typeof(MockAnswerScored), typeof(MockFollowUpAsked), typeof(MockSessionFinished)])
    {
        /// <inheritdoc />
        protected override MockSession? Evolve(MockSession? current, StoredEvent e) => MockSession.Evolve(current, (MockSessionEvent)e.Data, e.Timestamp);
    }
}
