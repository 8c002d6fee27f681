using System.Buffers;
using System.Data;
using System.Text.Encodings.Web;
using System.Text.Json;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Reminders;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Npgsql;
using Wolverine;

namespace CareerLedger.Web.Export;

/// <summary>What <c>POST /api/import/events</c> did.</summary>
/// <param name="Events">Events in the file.</param>
/// <param name="Streams">Streams in the file.</param>
/// <param name="Appended">Events appended to the account by this request: all of them, or 0 when the account already held exactly these events.</param>
/// <param name="AlreadyImported">True when this file had been imported into this account before (nothing was appended).</param>
/// <param name="RenamedStreams">Streams whose id differs in this account (the id the account derives; see docs/api.md), in file order.</param>
/// <param name="Warnings">What the user should know: a different time zone, a calendar feed that has to be issued again.</param>
public sealed record EventImportResult(
    long Events, int Streams, int Appended, bool AlreadyImported, IReadOnlyList<RenamedStream> RenamedStreams, IReadOnlyList<string> Warnings);

/// <summary>
/// Export and import of a user's events: <c>GET /api/export</c> streams every event of the signed-in user as JSON lines
/// (<see cref="ExportFormat"/>); <c>POST /api/import/events</c> appends such a file to the signed-in user's account, which must have no
/// events yet. docs/api.md, "Export and import of events".
/// </summary>
public static class ExportApi
{
    // Kestrel's own body limit for this endpoint, a little above ours, so that ours is the one a client meets (with its message).
    private const long Slack = 1024 * 1024;

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Maps the two endpoints (both need a token).</summary>
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/export", Export).WithTags("Export").WithName("ExportEvents")
            .WithSummary("Every event of your account as JSON lines (application/x-ndjson), streamed: a header line, then one event per line in the order they were recorded.")
            .Produces(StatusCodes.Status200OK, contentType: ExportFormat.MediaType)
            .RequireAuthorization();
        app.MapPost("/api/import/events", Import).WithTags("Export").WithName("ImportEvents")
            .WithSummary("Appends an export (the body of GET /api/export, application/x-ndjson, at most 32 MiB) to your account, which must have no events yet; every line is checked first, and nothing is written on any error. Importing the same file again changes nothing.")
            .Produces<EventImportResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireAuthorization();
        return app;
    }

    /// <summary>
    /// Writes the export in one read-only repeatable-read transaction (the counts in the header and the events are one snapshot),
    /// reading the rows one at a time and sending them in chunks of about 32 KB, so memory does not grow with the account.
    /// </summary>
    internal static async Task Export(
        HttpContext http, CurrentUser me, NpgsqlDataSource db, LedgerDatabaseOptions database, TimeProvider clock, CancellationToken ct)
    {
        var s = "\"" + database.Schema + "\"";
        var tenant = me.TenantId;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using (var readOnly = new NpgsqlCommand("set transaction read only", conn, tx))
        {
            await readOnly.ExecuteNonQueryAsync(ct);
        }

        long events, streams;
        await using (var count = new NpgsqlCommand($"select count(*), count(distinct stream_id) from {s}.mt_events where tenant_id = $1", conn, tx))
        {
            count.Parameters.AddWithValue(tenant);
            await using var r = await count.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            (events, streams) = (r.GetInt64(0), r.GetInt64(1));
        }

        var now = clock.GetUtcNow();
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = ExportFormat.MediaType + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"careerledger-export-{now:yyyy-MM-dd}.ndjson\"";

        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await using var json = new Utf8JsonWriter(buffer, Writer);
        json.WriteStartObject();
        json.WriteString("format", ExportFormat.Name);
        json.WriteNumber("formatVersion", ExportFormat.Version);
        json.WriteString("appVersion", ExportFormat.AppVersion);
        json.WriteString("exportedAt", ExportFormat.FormatTime(now));
        json.WriteString("userId", me.Id);
        json.WriteString("timeZone", me.TimeZone.Id);
        json.WriteNumber("events", events);
        json.WriteNumber("streams", streams);
        json.WriteEndObject();
        EndLine(json, buffer);
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, ct);
        await http.Response.Body.FlushAsync(ct); // the client sees the header (and the counts) before the events are read
        buffer.ResetWrittenCount();

        await using (var cmd = new NpgsqlCommand(
            $"""
            select stream_id, version, type, "timestamp", correlation_id, causation_id, data::text
              from {s}.mt_events where tenant_id = $1 order by seq_id
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue(tenant);
            await using var r = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            while (await r.ReadAsync(ct))
            {
                // Sequential access: the columns are read in their order.
                var (streamId, version, type, recordedAt) = (r.GetGuid(0), r.GetInt64(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3));
                var (correlationId, causationId) = (r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5));
                json.WriteStartObject();
                json.WriteString("streamId", streamId);
                if (ExportFormat.TryResolve(type, out _, out var kind))
                {
                    json.WriteString("streamType", kind.Name);
                }
                else
                {
                    json.WriteNull("streamType");
                }

                json.WriteNumber("version", version);
                json.WriteString("type", type);
                json.WriteString("recordedAt", ExportFormat.FormatTime(recordedAt));
                WriteNullable(json, "correlationId", correlationId);
                WriteNullable(json, "causationId", causationId);
                json.WritePropertyName("data");
                using (var data = JsonDocument.Parse(r.GetString(6)))
                {
                    data.WriteTo(json);
                }

                json.WriteEndObject();
                EndLine(json, buffer);
                if (buffer.WrittenCount >= 32 * 1024)
                {
                    await http.Response.Body.WriteAsync(buffer.WrittenMemory, ct);
                    buffer.ResetWrittenCount();
                }
            }
        }

        await http.Response.Body.WriteAsync(buffer.WrittenMemory, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Reads and checks the whole body first (<see cref="EventFileReader"/>), then appends it in one transaction
    /// (<see cref="ExportHandler"/>) and brings the user's reminder jobs in line with the imported settings and offers.
    /// </summary>
    internal static async Task<IResult> Import(
        HttpContext http, CurrentUser me, IMessageBus bus, ReminderScheduler scheduler, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !(type.MediaType.Equals(ExportFormat.MediaType, StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("application/jsonl", StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(
                title: "Send the export as application/x-ndjson.",
                detail: $"The body must be the JSON lines of GET /api/export with Content-Type {ExportFormat.MediaType} (got '{http.Request.ContentType ?? "none"}').",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (http.Request.ContentLength > ExportFormat.MaxImportBytes)
        {
            return TooLarge();
        }

        // Kestrel's own limit (30 MB by default) would cut the body short with a bare error; the reader enforces ours and says so.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ExportFormat.MaxImportBytes + Slack;
        }

        EventFile file;
        try
        {
            file = await new EventFileReader(me.TenantId).ReadAsync(http.Request.Body, ct);
        }
        catch (ImportTooLargeException)
        {
            await DrainAsync(http.Request.Body, ct);
            return TooLarge();
        }

        var outcome = await bus.InvokeForUserAsync<ImportEventsOutcome>(me, new ImportEvents(me.TenantId, file.Events), ct);
        if (outcome.Appended > 0)
        {
            await scheduler.SyncUserAsync(me.Id, ct);
        }

        return TypedResults.Ok(new EventImportResult(
            file.Events.Count, file.Streams, outcome.Appended, outcome.AlreadyImported, file.Renamed, Warnings(file, me)));
    }

    private static List<string> Warnings(EventFile file, CurrentUser me)
    {
        var warnings = new List<string>();
        if (file.Header.TimeZone is { } zone && TimeZones.Find(zone) is { } exported && exported.Id != me.TimeZone.Id)
        {
            warnings.Add(
                $"The export comes from an account in {zone}; this account is in {me.TimeZone.Id}. Dates stay as they were entered, but \"today\", " +
                "default date ranges, as-of dates and reminder times follow this account's time zone.");
        }

        var feed = file.Events.LastOrDefault(e => e.TypeName is "calendar_feed_issued" or "calendar_feed_revoked");
        if (feed?.TypeName == "calendar_feed_issued")
        {
            warnings.Add("The calendar feed URL of the exporting account does not work for this one: issue a new one (POST /api/reminders/calendar, `ledger reminders calendar`).");
        }

        return warnings;
    }

    /// <summary>
    /// Reads what is left of a body that was refused for its size, up to Kestrel's limit, so a client still sending its last bytes
    /// gets the 413 rather than a reset connection. Beyond the limit Kestrel closes the connection.
    /// </summary>
    private static async Task DrainAsync(Stream body, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await body.ReadAsync(buffer, ct) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
            // Over Kestrel's limit: the connection is closed after the answer.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        title: "The export is too large.",
        detail: $"An import body is at most {ExportFormat.MaxImportBytes / (1024 * 1024)} MiB.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static void EndLine(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer)
    {
        json.Flush();
        buffer.Write("\n"u8);
        json.Reset(buffer);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
