using System.Text.Json;
using CareerLedger.EventStore.Documents;
using CareerLedger.EventStore.Projections;
using CareerLedger.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace CareerLedger.EventStore;

// Rebuilding an inline projection from scratch.
public sealed partial class PostgresEventStore
{
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
