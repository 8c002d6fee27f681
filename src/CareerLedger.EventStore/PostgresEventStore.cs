using System.Text.Json;
using CareerLedger.EventStore.Documents;
using CareerLedger.EventStore.Projections;
using CareerLedger.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace CareerLedger.EventStore;

/// <summary>The PostgreSQL implementation of <see cref="IEventStore"/>. Thread-safe; create one per application.</summary>
public sealed partial class PostgresEventStore : IEventStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventStoreOptions _options;
    private readonly string _schema;
    private readonly Dictionary<Type, IInlineProjection[]> _projectionsByEvent;

    /// <summary>Creates the store. Call <see cref="InitializeAsync"/> once at start-up before use.</summary>
    /// <exception cref="ArgumentException">When the schema name is invalid, or a projection handles an unregistered event type or writes an unregistered document.</exception>
    public PostgresEventStore(NpgsqlDataSource dataSource, EventStoreOptions options)
    {
        _dataSource = dataSource;
        _options = options;
        _schema = SqlNames.Quote(options.Schema);
        foreach (var projection in options.Projections)
        {
            foreach (var type in projection.EventTypes.Where(t => !options.Events.IsRegistered(t)))
            {
                throw new ArgumentException($"Projection '{projection.Name}' handles {type.Name}, which is not a registered event type.", nameof(options));
            }

            foreach (var doc in projection.DocumentTypes)
            {
                options.Documents.TableOf(doc);
            }
        }

        _projectionsByEvent = options.Projections
            .SelectMany(p => p.EventTypes.Select(t => (Type: t, Projection: p)))
            .GroupBy(x => x.Type)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Projection).ToArray());
    }

    /// <summary>The options the store runs with.</summary>
    public EventStoreOptions Options => _options;

    /// <summary>Creates or migrates the schema (idempotent; safe when several instances start together).</summary>
    /// <returns>The migration ids applied by this call.</returns>
    public Task<IReadOnlyList<string>> InitializeAsync(CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(
            _dataSource,
            _options.Schema,
            EventStoreSchema.Migrations().Concat(_options.Documents.Migrations()).Concat(_options.Migrations),
            ct);

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(
        string tenantId, Guid streamId, string streamType, ExpectedVersion expected, IReadOnlyList<object> events,
        EventMetadata? metadata = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(streamType);
        if (events.Count == 0)
        {
            throw new ArgumentException("Append at least one event.", nameof(events));
        }

        metadata ??= EventMetadata.None;
        var names = events.Select(e => _options.Events.NameOf(e.GetType())).ToArray();
        var ids = events.Select(_ => Guid.CreateVersion7()).ToArray();
        var data = events.Select(e => JsonSerializer.Serialize(e, e.GetType(), _options.Json)).ToArray();
        var meta = JsonSerializer.Serialize(metadata, _options.Json);
        var now = Now();

        await using var conn = await _dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var stored = new List<StoredEvent>(events.Count);
        try
        {
            await using (var cmd = new NpgsqlCommand(
                $"select out_seq, out_version from {_schema}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9)", conn, tx))
            {
                cmd.Parameters.AddWithValue(tenantId);
                cmd.Parameters.AddWithValue(streamId);
                cmd.Parameters.AddWithValue(streamType);
                cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)expected.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
                cmd.Parameters.AddWithValue(ids);
                cmd.Parameters.AddWithValue(names);
                cmd.Parameters.Add(new NpgsqlParameter { Value = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
                cmd.Parameters.Add(new NpgsqlParameter { Value = Enumerable.Repeat(meta, events.Count).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
                cmd.Parameters.AddWithValue(now);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                var i = 0;
                while (await reader.ReadAsync(ct))
                {
                    stored.Add(new StoredEvent(
                        reader.GetInt64(0), ids[i], streamId, streamType, reader.GetInt64(1), names[i], events[i], metadata, tenantId, now));
                    i++;
                }
            }

            stored.Sort((a, b) => a.Version.CompareTo(b.Version));
            await RunInlineProjectionsAsync(conn, tx, tenantId, stored, now, ct);
            await tx.CommitAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == "CL409")
        {
            // The message is "stream version N" (Npgsql redacts DETAIL by default, so the version travels in the message).
            throw new ConcurrencyException(
                streamId, expected, long.TryParse(ex.MessageText.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "events_stream_version")
        {
            throw new ConcurrencyException(streamId, expected, null);
        }
        catch (PostgresException ex) when (ex.SqlState == "CL400")
        {
            throw new StreamTypeMismatchException(streamId, streamType, ex.MessageText);
        }

        return new AppendResult(streamId, stored[^1].Version, stored);
    }

    /// <summary>The clock's time cut to PostgreSQL's microsecond precision, so documents and stored events agree exactly.</summary>
    private DateTimeOffset Now()
    {
        var utc = _options.Clock.GetUtcNow().UtcTicks;
        return new DateTimeOffset(utc - (utc % 10), TimeSpan.Zero);
    }

    private async Task RunInlineProjectionsAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string tenantId, IReadOnlyList<StoredEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        var byProjection = new Dictionary<IInlineProjection, List<StoredEvent>>();
        foreach (var e in events)
        {
            if (!_projectionsByEvent.TryGetValue(e.Data.GetType(), out var projections))
            {
                continue;
            }

            foreach (var p in projections)
            {
                if (!byProjection.TryGetValue(p, out var list))
                {
                    byProjection[p] = list = [];
                }

                list.Add(e);
            }
        }

        if (byProjection.Count == 0)
        {
            return;
        }

        var uow = new DocumentUnitOfWork(conn, tx, _schema, _options.Documents, _options.Json, now, tenantId);
        foreach (var (projection, list) in byProjection)
        {
            await projection.ApplyAsync(uow, list, ct);
        }

        await uow.FlushAsync(ct);
    }
}
