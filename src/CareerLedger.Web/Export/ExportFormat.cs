using System.Globalization;
using System.Reflection;
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
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Reminders;

namespace CareerLedger.Web.Export;

/// <summary>
/// The event export format (docs/api.md, "Export and import of events"): JSON lines, UTF-8, <c>application/x-ndjson</c>. Line 1 is
/// the header (<c>format</c>, <c>formatVersion</c>, <c>appVersion</c>, <c>exportedAt</c>, <c>userId</c>, <c>timeZone</c>,
/// <c>events</c>, <c>streams</c>); each further line is one event of the user, in the store's global order: <c>streamId</c>,
/// <c>streamType</c>, <c>version</c>, <c>type</c> (the stored name of docs/events.md), <c>recordedAt</c> (UTC, microseconds),
/// <c>correlationId</c>, <c>causationId</c> and <c>data</c> (the event as stored, camelCase).
/// </summary>
public static class ExportFormat
{
    /// <summary>The value of the header's <c>format</c> field.</summary>
    public const string Name = "careerledger-events";

    /// <summary>The format version this app writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The media type of an export (also accepted: <c>application/jsonl</c>).</summary>
    public const string MediaType = "application/x-ndjson";

    /// <summary>The largest import body, in bytes (32 MiB): about 35,000 events of typical size (0.75-0.95 KB a line).</summary>
    public const long MaxImportBytes = 32L * 1024 * 1024;

    /// <summary>How many lines with errors an import reports before it stops reading.</summary>
    public const int MaxReportedLines = 50;

    /// <summary>The kinds of stream, in the order of docs/events.md: stored name, event base type and the document type it is started for.</summary>
    public static IReadOnlyList<StreamKind> StreamKinds { get; } =
    [
        new("accomplishment", typeof(AccomplishmentEvent), typeof(Accomplishment)),
        new("feedback", typeof(FeedbackEvent), typeof(FeedbackItem)),
        new("performance_review", typeof(ReviewEvent), typeof(PerformanceReview)),
        new("offer", typeof(OfferEvent), typeof(Offer)),
        new("story", typeof(StoryEvent), typeof(Story)),
        new("mock_session", typeof(MockSessionEvent), typeof(MockSession)),
        new("goal", typeof(GoalEvent), typeof(Goal)),
        new("reminder_settings", typeof(ReminderSettingsEvent), typeof(ReminderSettings)),
        new("reminder", typeof(ReminderEvent), typeof(Reminder)),
    ];

    private static readonly Dictionary<string, (Type Type, StreamKind Kind)> ByName = LedgerStore.EventTypes.ToDictionary(
        e => e.Name, e => (e.Type, StreamKinds.Single(k => e.Type.IsSubclassOf(k.EventBase))), StringComparer.Ordinal);

    /// <summary>The version of the app writing an export: the web assembly's informational version (for example <c>1.0.0+3356181…</c>).</summary>
    public static string AppVersion { get; } =
        typeof(ExportFormat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ExportFormat).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>
    /// The JSON an import reads event data with: the store's own settings (<see cref="LedgerStore.CreateJson"/>) made strict, so that a
    /// field the event type does not have, a missing required field or a null where the type allows none is an error, not a default.
    /// </summary>
    public static JsonSerializerOptions StrictJson { get; } = CreateStrictJson();

    /// <summary>The CLR type and stream kind of a stored event type name, or false when the catalogue has no such name.</summary>
    public static bool TryResolve(string typeName, out Type type, out StreamKind kind)
    {
        if (ByName.TryGetValue(typeName, out var found))
        {
            (type, kind) = found;
            return true;
        }

        (type, kind) = (typeof(object), StreamKinds[0]);
        return false;
    }

    /// <summary>The stream kind of a stored event type name.</summary>
    /// <exception cref="ArgumentException">When the name is not in the catalogue.</exception>
    public static StreamKind KindOf(string typeName) =>
        TryResolve(typeName, out _, out var kind) ? kind : throw new ArgumentException($"'{typeName}' is not a stored event type name.", nameof(typeName));

    /// <summary>The stream id an event names itself (<c>accomplishmentId</c>, <c>offerId</c>, <c>settingsId</c>, …).</summary>
    /// <exception cref="ArgumentException">When <paramref name="data"/> is not a career event.</exception>
    public static Guid StreamIdOf(object data) => data switch
    {
        AccomplishmentEvent a => a.AccomplishmentId,
        FeedbackEvent f => f.FeedbackId,
        ReviewEvent rv => rv.ReviewId,
        OfferEvent o => o.OfferId,
        StoryEvent s => s.StoryId,
        MockSessionEvent m => m.SessionId,
        GoalEvent g => g.GoalId,
        ReminderSettingsEvent r => r.SettingsId,
        ReminderEvent r => r.ReminderId,
        _ => throw new ArgumentException($"{data.GetType().Name} is not a career event.", nameof(data)),
    };

    /// <summary>
    /// The id the importing account of <paramref name="tenantId"/> must give a stream, judged by the stream's first event, or null when
    /// the exported id stays. Three kinds of stream are found again by an id derived from the account (<see cref="StableIds.For"/>), so
    /// they get the id that account derives: the one reminder settings stream (<see cref="ReminderHandler.SettingsId"/>, read on every
    /// settings request), a reminder (from its occurrence key, derived again by every job run so that an occurrence is recorded once),
    /// and an accomplishment, feedback item or performance review created by <c>POST /api/import</c> (from its item key, derived again by every re-import of
    /// the same file). Items created with an Idempotency-Key keep their ids: the key only guards a retry of the same request, which
    /// does not span accounts.
    /// </summary>
    public static Guid? DerivedStreamId(string tenantId, object first) => first switch
    {
        AccomplishmentLogged { ClientKey: { } key } when key.StartsWith(ImportKeyPrefix, StringComparison.Ordinal) => StableIds.For(tenantId, "accomplishment", key),
        FeedbackReceived { ClientKey: { } key } when key.StartsWith(ImportKeyPrefix, StringComparison.Ordinal) => StableIds.For(tenantId, "feedback", key),
        ReviewRecorded { ClientKey: { } key } when key.StartsWith(ImportKeyPrefix, StringComparison.Ordinal) => StableIds.For(tenantId, ReviewStreamType, key),
        ReminderSettingsEvent => ReminderHandler.SettingsId(tenantId),
        ReminderDue due => StableIds.For(tenantId, "reminder", due.Notice.Key),
        _ => null,
    };

    private const string ImportKeyPrefix = "import:";

    /// <summary>The stream type of a performance review, also the kind its import ids are derived under.</summary>
    public const string ReviewStreamType = "performance_review";

    /// <summary>A recorded time as the export writes it: UTC, six fractional digits, <c>Z</c> (<c>2026-11-21T12:00:00.000000Z</c>).</summary>
    public static string FormatTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonSerializerOptions CreateStrictJson()
    {
        var options = LedgerStore.CreateJson();
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>A kind of event stream.</summary>
/// <param name="Name">The stream type as docs/events.md names it (<c>accomplishment</c>, <c>reminder_settings</c>, …).</param>
/// <param name="EventBase">The base record of its events (for example <see cref="AccomplishmentEvent"/>).</param>
/// <param name="Aggregate">The document type the stream is started for (for example <see cref="Accomplishment"/>).</param>
public sealed record StreamKind(string Name, Type EventBase, Type Aggregate);
