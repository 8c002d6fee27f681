using Npgsql;
using NpgsqlTypes;

namespace CareerLedger.Benchmarks;

/// <summary>
/// The floor every store is compared with: a single-row INSERT of the event's JSON into a plain events table, one commit
/// each (autocommit), each writer on its own connection from one <see cref="NpgsqlDataSource"/>.
/// </summary>
internal static class RawInsertBenchmark
{
    private const string Schema = """
        create table if not exists raw_events(
            id uuid primary key,
            stream_id uuid not null,
            version int not null,
            type text not null,
            data jsonb not null,
            "timestamp" timestamptz not null,
            unique (stream_id, version))
        """;

    /// <summary>Runs <paramref name="writers"/> writers for one phase and measures inserts per second.</summary>
    public static async Task<PhaseResult> RunAsync(string connectionString, int writers, string payload, BenchOptions options, CancellationToken ct)
    {
        await using var dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "careerledger-bench-raw" }.Build();
        await using (var create = dataSource.CreateCommand(Schema))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        var connections = new NpgsqlConnection[writers];
        try
        {
            for (var i = 0; i < writers; i++)
            {
                connections[i] = await dataSource.OpenConnectionAsync(ct);
            }

            return await LoadRunner.RunAsync(writers, options, async (worker, token) =>
            {
                await using var cmd = new NpgsqlCommand(
                    "insert into raw_events(id, stream_id, version, type, data, \"timestamp\") values ($1, $2, 1, 'accomplishment_logged', $3, $4)",
                    connections[worker]);
                cmd.Parameters.AddWithValue(Guid.CreateVersion7());
                cmd.Parameters.AddWithValue(Guid.CreateVersion7());
                cmd.Parameters.Add(new NpgsqlParameter { Value = payload, NpgsqlDbType = NpgsqlDbType.Jsonb });
                cmd.Parameters.AddWithValue(DateTimeOffset.UtcNow);
                await cmd.ExecuteNonQueryAsync(token);
            }, ct);
        }
        finally
        {
            foreach (var c in connections.Where(c => c is not null))
            {
                await c.DisposeAsync();
            }
        }
    }
}
