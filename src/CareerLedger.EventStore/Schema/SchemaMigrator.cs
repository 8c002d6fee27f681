using Npgsql;

namespace CareerLedger.EventStore.Schema;

/// <summary>
/// Applies <see cref="Migration"/>s once each, idempotently. Safe when several app instances start at the same moment:
/// the whole run holds a transaction-scoped advisory lock keyed by the schema name, so the second instance waits and then
/// finds everything applied.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Creates <paramref name="schema"/> if missing and applies the migrations not yet recorded in <c>schema_migrations</c>.</summary>
    /// <returns>The ids applied by this call (empty when the schema was already current).</returns>
    /// <exception cref="PostgresException">When a migration's SQL fails; nothing of that run is kept.</exception>
    public static async Task<IReadOnlyList<string>> MigrateAsync(
        NpgsqlDataSource dataSource, string schema, IEnumerable<Migration> migrations, CancellationToken ct = default)
    {
        var quoted = SqlNames.Quote(schema);
        var applied = new List<string>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended($1, 0))", conn, tx))
        {
            lockCmd.Parameters.AddWithValue("careerledger.migrate." + schema);
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        await using (var boot = new NpgsqlCommand(
            $"""
            create schema if not exists {quoted};
            create table if not exists {quoted}.schema_migrations(
                id text primary key,
                applied_at timestamptz not null default now());
            """, conn, tx))
        {
            await boot.ExecuteNonQueryAsync(ct);
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand($"select id from {quoted}.schema_migrations", conn, tx))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                done.Add(reader.GetString(0));
            }
        }

        foreach (var migration in migrations.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            if (done.Contains(migration.Id))
            {
                continue;
            }

            await using (var cmd = new NpgsqlCommand(migration.Sql.Replace("{schema}", quoted, StringComparison.Ordinal), conn, tx))
            {
                await cmd.ExecuteNonQueryAsync(ct);
            }

            await using (var mark = new NpgsqlCommand($"insert into {quoted}.schema_migrations(id) values ($1)", conn, tx))
            {
                mark.Parameters.AddWithValue(migration.Id);
                await mark.ExecuteNonQueryAsync(ct);
            }

            applied.Add(migration.Id);
        }

        await tx.CommitAsync(ct);
        return applied;
    }
}
