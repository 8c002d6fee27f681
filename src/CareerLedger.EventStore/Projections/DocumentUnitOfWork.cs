using System.Text.Json;
using CareerLedger.EventStore.Documents;
using CareerLedger.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace CareerLedger.EventStore.Projections;

/// <summary>Write-behind document cache for one tenant on one open transaction: loads read through it, writes are flushed in one batch.</summary>
internal sealed class DocumentUnitOfWork(
    NpgsqlConnection connection,
    NpgsqlTransaction transaction,
    string quotedSchema,
    DocumentRegistry registry,
    JsonSerializerOptions json,
    DateTimeOffset now,
    string tenantId) : IDocumentOperations
{
    private readonly Dictionary<(Type Type, string Id), Pending> _cache = [];

    public string TenantId => tenantId;

    public async Task<Document<T>?> LoadAsync<T>(string id, CancellationToken ct) where T : class
    {
        if (_cache.TryGetValue((typeof(T), id), out var pending))
        {
            return pending.Deleted ? null : new Document<T>(id, (T)pending.Data!, pending.Version, now);
        }

        var table = SqlNames.Quote(registry.TableOf(typeof(T)));
        await using var cmd = new NpgsqlCommand(
            $"select data::text, version, last_modified from {quotedSchema}.{table} where tenant_id = $1 and id = $2 for update",
            connection, transaction);
        cmd.Parameters.AddWithValue(tenantId);
        cmd.Parameters.AddWithValue(id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var data = JsonSerializer.Deserialize<T>(reader.GetString(0), json)!;
        return new Document<T>(id, data, reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2));
    }

    public void Store<T>(string id, T document, long version) where T : class =>
        _cache[(typeof(T), id)] = new Pending(document, version, Deleted: false, Dirty: true);

    public void Delete<T>(string id) where T : class =>
        _cache[(typeof(T), id)] = new Pending(null, 0, Deleted: true, Dirty: true);

    public async Task FlushAsync(CancellationToken ct)
    {
        var dirty = _cache.Where(kv => kv.Value.Dirty).ToList();
        if (dirty.Count == 0)
        {
            return;
        }

        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var ((type, id), pending) in dirty)
        {
            var table = SqlNames.Quote(registry.TableOf(type));
            var cmd = new NpgsqlBatchCommand(pending.Deleted
                ? $"delete from {quotedSchema}.{table} where tenant_id = $1 and id = $2"
                : $"""
                   insert into {quotedSchema}.{table}(tenant_id, id, data, version, last_modified) values ($1, $2, $3, $4, $5)
                   on conflict (tenant_id, id) do update set data = excluded.data, version = excluded.version, last_modified = excluded.last_modified
                   """);
            cmd.Parameters.AddWithValue(tenantId);
            cmd.Parameters.AddWithValue(id);
            if (!pending.Deleted)
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(pending.Data, type, json), NpgsqlDbType = NpgsqlDbType.Jsonb });
                cmd.Parameters.AddWithValue(pending.Version);
                cmd.Parameters.AddWithValue(now);
            }

            batch.BatchCommands.Add(cmd);
            _cache[(type, id)] = pending with { Dirty = false };
        }

        await using (batch)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    private sealed record Pending(object? Data, long Version, bool Deleted, bool Dirty);
}
