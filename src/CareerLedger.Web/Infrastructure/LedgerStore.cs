using System.Text.Json;
using System.Text.Json.Serialization;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Reminders;
using CareerLedger.Domain.Reviews;
using CareerLedger.Domain.Stories;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Reminders;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Events.Aggregation;
using Marten.Services;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// The Marten configuration of everything the app stores (docs/events.md, docs/projections.md): conjoined tenancy with the
/// user id as tenant, every document multi-tenanted, Guid stream ids, quick append stamped by the app's clock, stable
/// snake_case event type names, and one inline single-stream projection per aggregate that calls the domain's Evolve.
/// </summary>
public static class LedgerStore
{
    /// <summary>Every event type with its stable stored name. The names never change: they are what the database holds.</summary>
    public static IReadOnlyList<(Type Type, string Name)> EventTypes { get; } =
    [
        (typeof(AccomplishmentLogged), "accomplishment_logged"),
        (typeof(AccomplishmentRevised), "accomplishment_revised"),
        (typeof(AccomplishmentRetracted), "accomplishment_retracted"),
        (typeof(FeedbackReceived), "feedback_received"),
        (typeof(FeedbackRevised), "feedback_revised"),
        (typeof(FeedbackRetracted), "feedback_retracted"),
        (typeof(ReviewRecorded), "review_recorded"),
        (typeof(ReviewRevised), "review_revised"),
        (typeof(ReviewRetracted), "review_retracted"),
        (typeof(OfferReceived), "offer_received"),
        (typeof(OfferRevised), "offer_revised"),
        (typeof(CounterOfferSent), "counter_offer_sent"),
        (typeof(OfferDeadlineSet), "offer_deadline_set"),
        (typeof(OfferAccepted), "offer_accepted"),
        (typeof(OfferDeclined), "offer_declined"),
        (typeof(OfferExpired), "offer_expired"),
        (typeof(OfferWithdrawn), "offer_withdrawn"),
        (typeof(StoryDrafted), "story_drafted"),
        (typeof(StoryRevised), "story_revised"),
        (typeof(StoryLinked), "story_linked"),
        (typeof(StoryUsed), "story_used"),
        (typeof(StoryPracticed), "story_practiced"),
        (typeof(StoryRetired), "story_retired"),
        (typeof(MockSessionStarted), "mock_session_started"),
        (typeof(MockAnswerSubmitted), "mock_answer_submitted"),
        (typeof(MockAnswerScored), "mock_answer_scored"),
        (typeof(MockFollowUpAsked), "mock_follow_up_asked"),
        (typeof(MockSessionFinished), "mock_session_finished"),
        (typeof(GoalOpened), "goal_opened"),
        (typeof(GoalRevised), "goal_revised"),
        (typeof(GoalReached), "goal_reached"),
        (typeof(GoalDropped), "goal_dropped"),
        (typeof(WeeklyWinsSlotSet), "weekly_wins_slot_set"),
        (typeof(MockCadenceSet), "mock_cadence_set"),
        (typeof(QuietHoursSet), "quiet_hours_set"),
        (typeof(ReminderKindSwitched), "reminder_kind_switched"),
        (typeof(ChannelConnected), "channel_connected"),
        (typeof(ChannelDisconnected), "channel_disconnected"),
        (typeof(CalendarFeedIssued), "calendar_feed_issued"),
        (typeof(CalendarFeedRevoked), "calendar_feed_revoked"),
        (typeof(ReminderDue), "reminder_due"),
        (typeof(ReminderDelivered), "reminder_delivered"),
        (typeof(ReminderDeliveryFailed), "reminder_delivery_failed"),
        (typeof(ReminderRead), "reminder_read"),
    ];

    /// <summary>The stored name of an event type.</summary>
    /// <exception cref="ArgumentException">When <paramref name="type"/> is not an event type of the app.</exception>
    public static string NameOf(Type type) =>
        EventTypes.FirstOrDefault(e => e.Type == type).Name ?? throw new ArgumentException($"{type.Name} is not a registered event type.", nameof(type));

    /// <summary>The JSON used for event data and documents: camelCase, enums as snake_case strings (the shapes in docs/events.md).</summary>
    public static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }

    /// <summary>Fills Marten's options with the ledger's schema, events, documents and projections.</summary>
    /// <param name="o">The options to fill.</param>
    /// <param name="schema">PostgreSQL schema for every table (events, streams, documents, accounts).</param>
    /// <param name="clock">Stamps every event's recorded time (<c>QuickWithServerTimestamps</c>): tests pass a settable clock.</param>
    public static StoreOptions Configure(StoreOptions o, string schema, TimeProvider clock)
    {
        o.DatabaseSchemaName = schema;
        o.Events.DatabaseSchemaName = schema;
        o.Events.StreamIdentity = StreamIdentity.AsGuid;
        o.Events.TenancyStyle = TenancyStyle.Conjoined;
        o.Policies.AllDocumentsAreMultiTenanted();
        o.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        o.Events.TimeProvider = new PostgresClock(clock);

        // A command handler fetches the aggregate for writing, appends and answers with the updated document: with the identity
        // map the inline projection's result is answered from memory instead of being read back (the documents are immutable
        // records, so nothing mutates the cached instance).
        o.Events.UseIdentityMapForAggregates = true;
        o.Events.MetadataConfig.CorrelationIdEnabled = true;
        o.Events.MetadataConfig.CausationIdEnabled = true;
        o.Events.MetadataConfig.UserNameEnabled = true;
        // camelCase keys in mt_events.data and the documents, as docs/events.md shows them (Marten's serializer would otherwise
        // write the CLR names); enums are written by CreateJson's snake_case converter, so queries never filter on an enum in SQL.
        // Setting Casing rebuilds Marten's options, so the enum converter is put back afterwards.
        var json = new Marten.Services.SystemTextJsonSerializer(CreateJson()) { Casing = Weasel.Core.Casing.CamelCase };
        json.Configure(j =>
        {
            j.PropertyNameCaseInsensitive = true;
            j.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        });
        o.Serializer(json);
        foreach (var (type, name) in EventTypes)
        {
            o.Events.MapEventType(type, name);
        }

        o.Projections.Add(new LedgerProjection<Accomplishment>("accomplishments", typeof(AccomplishmentEvent)), ProjectionLifecycle.Inline);
        o.Projections.Add(new LedgerProjection<FeedbackItem>("feedback", typeof(FeedbackEvent)), ProjectionLifecycle.Inline);
        o.Projections.Add(new LedgerProjection<PerformanceReview>("reviews", typeof(ReviewEvent)), ProjectionLifecycle.Inline);
        o.Projections.Add(new LedgerProjection<Offer>("offers", typeof(OfferEvent)), ProjectionLifecycle.Inline);
        o.Projections.Add(new LedgerProjection<Story>("stories", typeof(StoryEvent)), ProjectionLifecycle.Inline);
        o.Projections.Add(new LedgerProjection<MockSession>("mock_sessions", typeof(MockSessionEvent)), ProjectionLifecycle.Inline);
        o.Projections.Add(new LedgerProjection<Goal>("goals", typeof(GoalEvent)), ProjectionLifecycle.Inline);
        o.Projections.Add(new LedgerProjection<ReminderSettings>("reminder_settings", typeof(ReminderSettingsEvent)), ProjectionLifecycle.Inline);
        o.Projections.Add(new LedgerProjection<Reminder>("reminders", typeof(ReminderEvent)), ProjectionLifecycle.Inline);
        o.Schema.For<OfferReminderJobs>();
        foreach (var table in AccountStore.Tables(schema))
        {
            o.Storage.ExtendedSchemaObjects.Add(table);
        }

        o.Storage.ExtendedSchemaObjects.Add(RubricRescoring.Table(schema)); // the rubric version the score projections were built with

        // Schema objects are created or updated at start-up (Marten's activator, Database.cs) and, should a table be missing later, on first use.
        o.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        return o;
    }

    /// <summary>
    /// Folds one event into its aggregate's state with the domain's Evolve and stamps the stream version: what every inline
    /// projection below stores, and what a command computes for the document it has just appended (so it need not read it back).
    /// </summary>
    /// <param name="state">The current state, or null before the first event.</param>
    /// <param name="data">The event.</param>
    /// <param name="recordedAt">The event's recorded time (UTC).</param>
    /// <param name="version">The event's version in its stream (1 for the first).</param>
    /// <exception cref="ArgumentException">When <paramref name="data"/> is not a career event.</exception>
    /// <exception cref="InvalidOperationException">When the event does not fit the state (from the domain's Evolve).</exception>
    public static object Evolve(object? state, object data, DateTimeOffset recordedAt, long version) => data switch
    {
        AccomplishmentEvent a => Accomplishment.Evolve((Accomplishment?)state, a, recordedAt) with { Version = version },
        FeedbackEvent f => FeedbackItem.Evolve((FeedbackItem?)state, f, recordedAt) with { Version = version },
        ReviewEvent rv => PerformanceReview.Evolve((PerformanceReview?)state, rv, recordedAt) with { Version = version },
        OfferEvent o => Offer.Evolve((Offer?)state, o, recordedAt) with { Version = version },
        StoryEvent st => Story.Evolve((Story?)state, st, recordedAt) with { Version = version },
        MockSessionEvent m => MockSession.Evolve((MockSession?)state, m, recordedAt) with { Version = version },
        GoalEvent g => Goal.Evolve((Goal?)state, g, recordedAt) with { Version = version },
        ReminderSettingsEvent rs => ReminderSettings.Evolve((ReminderSettings?)state, rs) with { Version = version },
        ReminderEvent r => Reminder.Evolve((Reminder?)state, r, recordedAt) with { Version = version },
        _ => throw new ArgumentException($"{data.GetType().Name} is not a career event.", nameof(data)),
    };

    /// <summary>
    /// Keeps one <typeparamref name="TDoc"/> document per stream of that aggregate: listens to the event types derived from the
    /// aggregate's event base type and folds each with <see cref="LedgerStore.Evolve"/>.
    /// </summary>
    /// <typeparam name="TDoc">The aggregate state stored as the document (for example <see cref="Accomplishment"/>).</typeparam>
    public sealed class LedgerProjection<TDoc> : SingleStreamProjection<TDoc, Guid>
        where TDoc : class
    {
        /// <summary>A projection named <paramref name="name"/> (as the rebuild command knows it) over the events of <paramref name="eventBase"/>.</summary>
        public LedgerProjection(string name, Type eventBase)
        {
            Name = name;
            foreach (var (type, _) in EventTypes.Where(e => e.Type.IsSubclassOf(eventBase)))
            {
                IncludeType(type);
            }
        }

        /// <inheritdoc />
        public override TDoc Evolve(TDoc? snapshot, Guid id, IEvent e) => (TDoc)LedgerStore.Evolve(snapshot, e.Data, e.Timestamp, e.Version);
    }
}
