using System.Text.Json;
using CareerLedger.EventStore.Documents;
using CareerLedger.EventStore.Projections;
using CareerLedger.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace CareerLedger.EventStore;

// Reading streams, a tenant's events and all events up to the safe high-water mark.
public sealed partial class PostgresEventStore
{
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
}
