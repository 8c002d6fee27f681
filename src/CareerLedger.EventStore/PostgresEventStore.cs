using System.Text.Json;
using CareerLedger.EventStore.Documents;
using CareerLedger.EventStore.Projections;
using CareerLedger.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace CareerLedger.EventStore;

/// <summary>The PostgreSQL implementation of <see cref="IEventStore"/>. Thread-safe; create one per application.</summary>
public sealed class PostgresEventStore : IEventStore
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

    /// <inheritdoc />
    public async Task<StreamInfo?> GetStreamAsync(string tenantId, Guid streamId, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand(
            $"select id, type, version, created, updated, archived from {_schema}.streams where tenant_id = $1 and id = $2");
        cmd.Parameters.AddWithValue(tenantId);
        cmd.Parameters.AddWithValue(streamId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new StreamInfo(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetBoolean(5))
            : null;
    }

    private const string EventColumns = "e.seq_id, e.id, e.stream_id, s.type, e.version, e.type, e.data::text, e.metadata::text, e.tenant_id, e.\"timestamp\"";

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(
        string tenantId, Guid streamId, long? toVersion = null, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand($"""
            select {EventColumns}
              from {_schema}.events e join {_schema}.streams s on s.tenant_id = e.tenant_id and s.id = e.stream_id
             where e.tenant_id = $1 and e.stream_id = $2
               and ($3::bigint is null or e.version <= $3)
               and ($4::timestamptz is null or e."timestamp" <= $4)
             order by e.version
            """);
        cmd.Parameters.AddWithValue(tenantId);
        cmd.Parameters.AddWithValue(streamId);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)toVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)asOf ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await ReadEventsAsync(cmd, ct);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadTenantAsync(
        string tenantId, IReadOnlyCollection<string> streamTypes, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand($"""
            select {EventColumns}
              from {_schema}.events e join {_schema}.streams s on s.tenant_id = e.tenant_id and s.id = e.stream_id
             where e.tenant_id = $1 and s.type = any($2)
               and ($3::timestamptz is null or e."timestamp" <= $3)
             order by e.seq_id
            """);
        cmd.Parameters.AddWithValue(tenantId);
        cmd.Parameters.AddWithValue(streamTypes.ToArray());
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)asOf ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await ReadEventsAsync(cmd, ct);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterSequence, int limit = 1000, CancellationToken ct = default)
    {
        var highWater = await GetHighWaterMarkAsync(ct);
        if (highWater <= afterSequence)
        {
            return [];
        }

        await using var cmd = _dataSource.CreateCommand($"""
            select {EventColumns}
              from {_schema}.events e join {_schema}.streams s on s.tenant_id = e.tenant_id and s.id = e.stream_id
             where e.seq_id > $1 and e.seq_id <= $2
             order by e.seq_id
             limit $3
            """);
        cmd.Parameters.AddWithValue(afterSequence);
        cmd.Parameters.AddWithValue(highWater);
        cmd.Parameters.AddWithValue(limit);
        return await ReadEventsAsync(cmd, ct);
    }

    /// <summary>
    /// The highest global position below which no event can still appear. Takes the highest committed position together
    /// with the snapshot's xmax, then waits until every transaction older than that xmax has ended: any append still
    /// holding a lower sequence value is one of those (appends take their transaction id before any sequence value).
    /// </summary>
    /// <exception cref="TimeoutException">When an older transaction is still open after 30 s.</exception>
    public async Task<long> GetHighWaterMarkAsync(CancellationToken ct = default)
    {
        long max;
        ulong xmax;
        await using (var cmd = _dataSource.CreateCommand(
            $"select coalesce(max(seq_id), 0), pg_snapshot_xmax(pg_current_snapshot())::text::numeric from {_schema}.events"))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            max = reader.GetInt64(0);
            xmax = (ulong)reader.GetDecimal(1);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var delay = 5;
        while (true)
        {
            await using (var cmd = _dataSource.CreateCommand("select pg_snapshot_xmin(pg_current_snapshot())::text::numeric"))
            {
                var xmin = (ulong)(decimal)(await cmd.ExecuteScalarAsync(ct))!;
                if (xmin >= xmax)
                {
                    return max;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("A transaction older than the high-water mark has been open for over 30 s.");
            }

            await Task.Delay(delay, ct);
            delay = Math.Min(delay * 2, 200);
        }
    }

    private async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var result = new List<StoredEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(ReadEvent(reader));
        }

        return result;
    }

    internal StoredEvent ReadEvent(NpgsqlDataReader reader)
    {
        var type = reader.GetString(5);
        return new StoredEvent(
            reader.GetInt64(0),
            reader.GetGuid(1),
            reader.GetGuid(2),
            reader.GetString(3),
            reader.GetInt64(4),
            type,
            _options.Events.Deserialize(type, reader.GetString(6), _options.Json),
            JsonSerializer.Deserialize<EventMetadata>(reader.GetString(7), _options.Json) ?? EventMetadata.None,
            reader.GetString(8),
            reader.GetFieldValue<DateTimeOffset>(9));
    }

    /// <inheritdoc />
    public async Task<Document<T>?> LoadAsync<T>(string tenantId, string id, CancellationToken ct = default) where T : class
    {
        var table = SqlNames.Quote(_options.Documents.TableOf(typeof(T)));
        await using var cmd = _dataSource.CreateCommand(
            $"select id, data::text, version, last_modified from {_schema}.{table} where tenant_id = $1 and id = $2");
        cmd.Parameters.AddWithValue(tenantId);
        cmd.Parameters.AddWithValue(id);
        var docs = await ReadDocumentsAsync<T>(cmd, ct);
        return docs.Count == 0 ? null : docs[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Document<T>>> ListAsync<T>(string tenantId, CancellationToken ct = default) where T : class
    {
        var table = SqlNames.Quote(_options.Documents.TableOf(typeof(T)));
        await using var cmd = _dataSource.CreateCommand(
            $"select id, data::text, version, last_modified from {_schema}.{table} where tenant_id = $1 order by id");
        cmd.Parameters.AddWithValue(tenantId);
        return await ReadDocumentsAsync<T>(cmd, ct);
    }

    private async Task<IReadOnlyList<Document<T>>> ReadDocumentsAsync<T>(NpgsqlCommand cmd, CancellationToken ct) where T : class
    {
        var result = new List<Document<T>>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new Document<T>(
                reader.GetString(0),
                JsonSerializer.Deserialize<T>(reader.GetString(1), _options.Json)!,
                reader.GetInt64(2),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return result;
    }

    /// <summary>
    /// Rebuilds one inline projection from scratch: in one transaction, locks its document tables against concurrent
    /// writers, deletes all their rows (every tenant), and replays every committed event of its types in global order.
    /// Readers keep seeing the old documents until the rebuild commits. Appends that need these tables wait and then
    /// apply on top of the rebuilt state.
    /// </summary>
    /// <returns>The number of events replayed.</returns>
    /// <exception cref="ArgumentException">When no projection has that name.</exception>
    public async Task<long> RebuildAsync(string projectionName, CancellationToken ct = default)
    {
        var projection = _options.Projections.SingleOrDefault(p => p.Name == projectionName)
            ?? throw new ArgumentException($"No projection named '{projectionName}'.", nameof(projectionName));
        var typeNames = projection.EventTypes.SelectMany(t => _options.Events.StoredNamesOf(t)).ToArray();
        await using var conn = await _dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var docType in projection.DocumentTypes)
        {
            var table = $"{_schema}.{SqlNames.Quote(_options.Documents.TableOf(docType))}";
            await using var cmd = new NpgsqlCommand($"lock table {table} in exclusive mode; delete from {table};", conn, tx);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        long after = 0, replayed = 0;
        var now = Now();
        while (true)
        {
            var batch = new List<StoredEvent>();
            await using (var cmd = new NpgsqlCommand($"""
                select {EventColumns}
                  from {_schema}.events e join {_schema}.streams s on s.tenant_id = e.tenant_id and s.id = e.stream_id
                 where e.seq_id > $1 and e.type = any($2)
                 order by e.seq_id
                 limit 2000
                """, conn, tx))
            {
                cmd.Parameters.AddWithValue(after);
                cmd.Parameters.AddWithValue(typeNames);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    batch.Add(ReadEvent(reader));
                }
            }

            if (batch.Count == 0)
            {
                break;
            }

            foreach (var tenantEvents in batch.GroupBy(e => e.TenantId))
            {
                var uow = new DocumentUnitOfWork(conn, tx, _schema, _options.Documents, _options.Json, now, tenantEvents.Key);
                await projection.ApplyAsync(uow, tenantEvents.ToList(), ct);
                await uow.FlushAsync(ct);
            }

            after = batch[^1].Sequence;
            replayed += batch.Count;
        }

        await tx.CommitAsync(ct);
        return replayed;
    }
}
