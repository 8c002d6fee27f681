using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareerLedger.Domain.Common;
using CareerLedger.Web.Infrastructure;

namespace CareerLedger.Web.Export;

/// <summary>
/// Reads and validates an export for the account of <paramref name="tenantId"/>, line by line, before anything is written: each line
/// must be a JSON object; line 1 the header; every other line an event whose type is in the catalogue, whose data deserializes into
/// that type (strictly: <see cref="ExportFormat.StrictJson"/>), names its own stream, follows the previous version of its stream and
/// folds into the stream's state with the domain's Evolve (what the inline projection will do). Streams whose id the importing account
/// derives (<see cref="ExportFormat.DerivedStreamId"/>) get that id, and every mention of the old id in later event data is replaced.
/// All problems are collected under <c>line N</c> (at most <see cref="ExportFormat.MaxReportedLines"/> lines).
/// </summary>
public sealed partial class EventFileReader(string tenantId)
{
    private static readonly HashSet<string> EventFields =
        new(["streamId", "streamType", "version", "type", "recordedAt", "correlationId", "causationId", "data"], StringComparer.Ordinal);

    private readonly ValidationErrors _errors = new();
    private readonly Dictionary<Guid, Guid> _renames = [];
    private readonly List<RenamedStream> _renamed = [];
    private readonly Dictionary<Guid, StreamState> _streams = []; // by the id in the importing account
    private readonly Dictionary<Guid, Guid> _exported = []; // exported id → id in the importing account, for every stream seen
    private readonly List<ImportedEvent> _events = [];
    private int _linesWithErrors;

    /// <summary>Reads the whole body.</summary>
    /// <param name="body">The request body (UTF-8 JSON lines).</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The validated file.</returns>
    /// <exception cref="DomainValidationException">Listing every problem, under <c>line N</c> (or <c>body</c>).</exception>
    /// <exception cref="ImportTooLargeException">When the body exceeds <see cref="ExportFormat.MaxImportBytes"/>.</exception>
    public async Task<EventFile> ReadAsync(Stream body, CancellationToken ct)
    {
        await using var limited = new LimitedStream(body, ExportFormat.MaxImportBytes);
        using var reader = new StreamReader(limited, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        ExportHeader? header = null;
        var lineNumber = 0;
        var sawObject = false;
        while (_linesWithErrors < ExportFormat.MaxReportedLines)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                _errors.Add($"line {lineNumber + 1}", "The file is not UTF-8 text.");
                break;
            }

            if (line is null)
            {
                break;
            }

            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var field = $"line {lineNumber}";
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException ex)
            {
                Fail(field, $"Not valid JSON (at character {(ex.BytePositionInLine ?? 0) + 1}): each line holds one JSON object.");
                continue;
            }

            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    Fail(field, $"Not a JSON object but {Describe(doc.RootElement.ValueKind)}: each line holds one JSON object (the header first, then one event per line).");
                    continue;
                }

                if (!sawObject)
                {
                    sawObject = true;
                    if (doc.RootElement.TryGetProperty("format", out _))
                    {
                        header = ReadHeader(field, doc.RootElement);
                        continue;
                    }

                    Fail(field, $"The first line must be the export header ({{\"format\":\"{ExportFormat.Name}\",\"formatVersion\":{ExportFormat.Version},…}}), as `GET /api/export` writes it.");
                }

                ReadEvent(field, doc.RootElement);
            }
        }

        if (!sawObject && _linesWithErrors == 0)
        {
            _errors.Add("body", "The body has no lines: send an export as `GET /api/export` writes it (a header line, then one event per line).");
        }

        if (_linesWithErrors >= ExportFormat.MaxReportedLines)
        {
            _errors.Add("body", $"Stopped after {ExportFormat.MaxReportedLines} lines with errors; fix those and try again.");
        }
        else if (header is not null && (header.Events != _events.Count || header.Streams != _streams.Count) && !_errors.Any)
        {
            _errors.Add("line 1",
                $"The header announces {header.Events} events in {header.Streams} streams, but the file holds {_events.Count} events in {_streams.Count} streams: it is incomplete or was edited; export it again.");
        }

        _errors.ThrowIfAny();
        return new EventFile(header!, _events, _streams.Count, _renamed);
    }

    private ExportHeader? ReadHeader(string field, JsonElement root)
    {
        var problems = new List<string>();
        if (root.GetProperty("format") is not { ValueKind: JsonValueKind.String } format || format.GetString() != ExportFormat.Name)
        {
            problems.Add($"format: must be \"{ExportFormat.Name}\"; this is not a CareerLedger event export.");
        }

        var version = 0;
        if (!root.TryGetProperty("formatVersion", out var v) || !v.TryGetInt32(out version))
        {
            problems.Add("formatVersion: required, an integer.");
        }
        else if (version > ExportFormat.Version)
        {
            problems.Add($"formatVersion: {version} was written by a newer CareerLedger; this server reads format version {ExportFormat.Version}. Import it into an app of that version or later.");
        }
        else if (version < 1)
        {
            problems.Add($"formatVersion: {version} is not a format version (1 is the first).");
        }

        long Count(string name)
        {
            if (root.TryGetProperty(name, out var c) && c.TryGetInt64(out var n) && n >= 0)
            {
                return n;
            }

            problems.Add($"{name}: required, a count (an integer ≥ 0).");
            return 0;
        }

        var events = Count("events");
        var streams = Count("streams");
        var appVersion = root.TryGetProperty("appVersion", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        DateTimeOffset? exportedAt = root.TryGetProperty("exportedAt", out var e) && e.ValueKind == JsonValueKind.String && e.TryGetDateTimeOffset(out var at) ? at : null;
        Guid? userId = root.TryGetProperty("userId", out var u) && u.ValueKind == JsonValueKind.String && u.TryGetGuid(out var id) ? id : null;
        var timeZone = root.TryGetProperty("timeZone", out var z) && z.ValueKind == JsonValueKind.String ? z.GetString() : null;
        foreach (var p in problems)
        {
            _errors.Add(field, p);
        }

        if (problems.Count > 0)
        {
            _linesWithErrors++;
            return null;
        }

        return new ExportHeader(version, appVersion, exportedAt, userId, timeZone, events, streams);
    }

    private void ReadEvent(string field, JsonElement root)
    {
        var problems = new List<string>();
        foreach (var property in root.EnumerateObject())
        {
            if (!EventFields.Contains(property.Name))
            {
                problems.Add($"{property.Name}: unknown field; an event line has {string.Join(", ", EventFields)}.");
            }
        }

        Guid exportedId = default;
        if (!root.TryGetProperty("streamId", out var sid) || sid.ValueKind != JsonValueKind.String || !sid.TryGetGuid(out exportedId))
        {
            problems.Add("streamId: required, a UUID.");
        }

        long version = 0;
        if (!root.TryGetProperty("version", out var ver) || !ver.TryGetInt64(out version) || version < 1)
        {
            problems.Add("version: required, the event's position in its stream (an integer ≥ 1).");
        }

        Type clr = typeof(object);
        StreamKind? kind = null;
        var typeName = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
        if (typeName is null)
        {
            problems.Add("type: required, a stored event type name (docs/events.md).");
        }
        else if (ExportFormat.TryResolve(typeName, out clr, out var resolved))
        {
            kind = resolved;
        }
        else
        {
            problems.Add($"type: unknown event type '{Shorten(typeName)}'; the event catalogue (docs/events.md) has no such name.");
        }

        if (kind is not null && root.TryGetProperty("streamType", out var st) && (st.ValueKind != JsonValueKind.String || st.GetString() != kind.Name))
        {
            problems.Add($"streamType: a '{typeName}' event belongs to a '{kind.Name}' stream, not '{Shorten(st.ToString())}'.");
        }

        DateTimeOffset recordedAt = default;
        if (!root.TryGetProperty("recordedAt", out var rec) || rec.ValueKind != JsonValueKind.String || !rec.TryGetDateTimeOffset(out recordedAt))
        {
            problems.Add("recordedAt: required, an ISO 8601 timestamp such as 2026-11-21T12:00:00.000000Z.");
        }

        var correlationId = OptionalString(root, "correlationId", problems);
        var causationId = OptionalString(root, "causationId", problems);
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            problems.Add("data: required, the event as a JSON object.");
        }

        if (problems.Count > 0 || kind is null)
        {
            MarkBroken(exportedId, kind, version);
            Fail(field, problems);
            return;
        }

        recordedAt = PostgresClock.Truncate(recordedAt.ToUniversalTime());
        _exported.TryGetValue(exportedId, out var streamId);
        var first = !_exported.ContainsKey(exportedId);
        if (first)
        {
            streamId = exportedId;
        }

        var raw = data.GetRawText();
        if (!TryDeserialize(raw, clr, typeName!, problems, out var evt))
        {
            MarkBroken(exportedId, kind, version);
            Fail(field, problems);
            return;
        }

        if (first)
        {
            if (ExportFormat.DerivedStreamId(tenantId, evt) is { } derived && derived != exportedId)
            {
                if (_streams.ContainsKey(derived) || _exported.ContainsKey(derived))
                {
                    Fail(field, $"streamId: this '{kind.Name}' stream would take the id {derived} in your account, which another stream of the file already has.");
                    return;
                }

                _renames[exportedId] = derived;
                _renamed.Add(new RenamedStream(kind.Name, exportedId, derived));
                streamId = derived;
                if (!TryDeserialize(raw, clr, typeName!, problems, out evt))
                {
                    Fail(field, problems);
                    return;
                }
            }
            else if (_streams.ContainsKey(exportedId))
            {
                Fail(field, $"streamId: {exportedId} is the id another stream of the file takes in your account.");
                return;
            }

            _exported[exportedId] = streamId;
            _streams[streamId] = new StreamState(kind);
        }

        var stream = _streams[streamId];
        if (stream.Kind != kind)
        {
            problems.Add($"type: stream {exportedId} is a '{stream.Kind.Name}' stream; a '{typeName}' event cannot be part of it.");
        }

        if (version != stream.Version + 1)
        {
            problems.Add(stream.Version == 0
                ? $"version: stream {exportedId} starts here with version {version}; its first event must have version 1 (is the file cut or reordered?)."
                : $"version: {version} follows version {stream.Version} of stream {exportedId}; expected {stream.Version + 1} (is the file cut or reordered?).");
        }

        if (ExportFormat.StreamIdOf(evt) is var named && named != streamId)
        {
            problems.Add($"data: the event names stream {named}, not the line's streamId {exportedId}.");
        }

        stream.Version = version;
        if (problems.Count > 0)
        {
            stream.Broken = true;
            Fail(field, problems);
            return;
        }

        if (stream.Broken)
        {
            return; // an earlier line of this stream was refused, so there is no state to fold into
        }

        try
        {
            stream.State = LedgerStore.Evolve(stream.State, evt, recordedAt, version);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stream.Broken = true;
            Fail(field, $"data: a '{typeName}' event does not apply to stream {exportedId} at version {version}: {ex.Message}");
            return;
        }

        _events.Add(new ImportedEvent(streamId, version, kind, typeName!, evt, recordedAt, correlationId, causationId));
    }

    /// <summary>
    /// Keeps following a stream one of whose lines was refused, so that its later lines are still checked (their own fields, data and
    /// versions) without an error for every one of them; nothing is folded into it any more.
    /// </summary>
    private void MarkBroken(Guid exportedId, StreamKind? kind, long version)
    {
        if (exportedId == default)
        {
            return;
        }

        if (_exported.TryGetValue(exportedId, out var id) && _streams.TryGetValue(id, out var known))
        {
            known.Broken = true;
            known.Version = version > 0 ? version : known.Version + 1;
        }
        else if (kind is not null && !_streams.ContainsKey(exportedId))
        {
            _exported[exportedId] = exportedId;
            _streams[exportedId] = new StreamState(kind) { Version = version > 0 ? version : 1, Broken = true };
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    private sealed class StreamState(StreamKind kind)
    {
        public StreamKind Kind { get; } = kind;

        public long Version { get; set; }

        public object? State { get; set; }

        public bool Broken { get; set; }
    }
}
