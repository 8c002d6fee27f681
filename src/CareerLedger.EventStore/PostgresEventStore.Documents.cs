using System.Text.Json;
using CareerLedger.EventStore.Documents;
using CareerLedger.EventStore.Projections;
using CareerLedger.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace CareerLedger.EventStore;

// Loading and listing read-model documents.
public sealed partial class PostgresEventStore
{
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
}
