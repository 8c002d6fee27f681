namespace CareerLedger.Web.Export;

/// <summary>One event of an import, validated and ready to append to the importing account.</summary>
/// <param name="StreamId">The stream id in the importing account (the exported id, or the id the account derives; see <see cref="ExportFormat.DerivedStreamId"/>).</param>
/// <param name="Version">The event's version in its stream (1 for the first), as exported.</param>
/// <param name="Kind">The kind of stream.</param>
/// <param name="TypeName">The stored event type name (docs/events.md).</param>
/// <param name="Data">The event, deserialized into the app's event type (ids of renamed streams already replaced).</param>
/// <param name="RecordedAt">When the event was recorded (UTC, whole microseconds), as exported.</param>
/// <param name="CorrelationId">The exported correlation id (the trace id of the request that wrote it), or null.</param>
/// <param name="CausationId">The exported causation id, or null.</param>
public sealed record ImportedEvent(
    Guid StreamId, long Version, StreamKind Kind, string TypeName, object Data, DateTimeOffset RecordedAt, string? CorrelationId, string? CausationId);

/// <summary>A stream whose id an import changed, because the importing account derives another id for it.</summary>
/// <param name="StreamType">The kind of stream (<c>reminder_settings</c>, <c>reminder</c>, or an imported <c>accomplishment</c>, <c>feedback</c> or <c>performance_review</c> item).</param>
/// <param name="From">The id in the export.</param>
/// <param name="To">The id in the importing account.</param>
public sealed record RenamedStream(string StreamType, Guid From, Guid To);

/// <summary>What the header line of an export says.</summary>
/// <param name="FormatVersion">The format version (1).</param>
/// <param name="AppVersion">The version of the app that wrote it.</param>
/// <param name="ExportedAt">When it was written.</param>
/// <param name="UserId">The exporting account's user id, or null when absent.</param>
/// <param name="TimeZone">The exporting account's time zone, or null when absent.</param>
/// <param name="Events">How many event lines follow.</param>
/// <param name="Streams">How many streams they belong to.</param>
public sealed record ExportHeader(int FormatVersion, string? AppVersion, DateTimeOffset? ExportedAt, Guid? UserId, string? TimeZone, long Events, long Streams);

/// <summary>A validated export: its header, its events in file order and the streams whose ids change.</summary>
/// <param name="Header">The header line.</param>
/// <param name="Events">Every event, in the order of the file.</param>
/// <param name="Streams">The number of streams.</param>
/// <param name="Renamed">Streams that get another id in the importing account, in the order they first appear.</param>
public sealed record EventFile(ExportHeader Header, IReadOnlyList<ImportedEvent> Events, int Streams, IReadOnlyList<RenamedStream> Renamed);

/// <summary>The request body is larger than <see cref="ExportFormat.MaxImportBytes"/>.</summary>
public sealed class ImportTooLargeException() : Exception($"The body is larger than {ExportFormat.MaxImportBytes / (1024 * 1024)} MiB.");
