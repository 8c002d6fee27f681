using System.Diagnostics;
using CareerLedger.Domain.Coaching;
using Marten;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Keeps the score-carrying projections (<c>stories</c>, <c>mock_sessions</c>) built under the running rubric. Their documents
/// hold each score as stored in its event and, when that came from an older rubric, the score recomputed from the stored text
/// (the domain's Evolve does it); so when <see cref="AnswerCoach.RubricVersion"/> changes, documents built by the previous
/// version are stale. The table <c>projection_rubric</c> remembers, per projection, the rubric version its documents were built
/// with; at start-up (<see cref="RubricRescoringService"/>) and after the admin <c>rebuild</c>, a projection whose recorded version
/// differs from the running one is rebuilt from every stored event through Marten's daemon, for every user, and the version is
/// recorded. docs/projections.md, "Re-scoring".
/// </summary>
public static class RubricRescoring
{
    /// <summary>The projections whose documents hold scores (names as <see cref="AdminCommands.ProjectionNames"/> knows them).</summary>
    public static IReadOnlyList<string> Projections { get; } = ["stories", "mock_sessions"];

    /// <summary>The table name (in the ledger schema) of the recorded versions.</summary>
    public const string TableName = "projection_rubric";

    // pg_advisory_lock key: instances starting at once on one database re-score one after the other; the later ones then find
    // the version recorded and do nothing. ("CLRS" as a 32-bit number.)
    private const long LockKey = 0x434C5253;

    /// <summary>
    /// The table of recorded versions: <c>projection</c> (text, primary key), <c>rubric_version</c> (int),
    /// <c>rebuilt_at</c> (timestamptz, UTC). Created with Marten's own tables (Weasel), not a tenant document: it describes
    /// how every user's documents were built.
    /// </summary>
    /// <param name="schema">The ledger schema.</param>
    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}") { PrimaryKeyName = TableName + "_pkey" };
        table.AddColumn("projection", "text").AsPrimaryKey();
        table.AddColumn<int>("rubric_version").NotNull();
        table.AddColumn("rebuilt_at", "timestamptz").NotNull();
        return table;
    }

    /// <summary>
    /// Rebuilds each score-carrying projection whose documents were built under another rubric version than the running one
    /// (a projection with no recorded version was built before versions were recorded, i.e. under rubric 1), then records the
    /// running version. A projection with no events at all is only recorded. Running it again changes nothing.
    /// </summary>
    /// <param name="db">The app's data source (the table and the advisory lock).</param>
    /// <param name="store">The document store whose daemon rebuilds.</param>
    /// <param name="schema">The ledger schema (<see cref="LedgerDatabaseOptions.Schema"/>).</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>One line per projection: what was found and done.</returns>
    public static async Task<IReadOnlyList<RescoreOutcome>> EnsureCurrentAsync(NpgsqlDataSource db, IDocumentStore store, string schema, CancellationToken ct)
    {
        await using var lockConnection = await db.OpenConnectionAsync(ct);
        await ExecuteAsync(lockConnection, "select pg_advisory_lock($1)", ct, LockKey);
        try
        {
            var outcomes = new List<RescoreOutcome>();
            foreach (var name in Projections)
            {
                var recorded = await RecordedVersionAsync(db, schema, name, ct);
                if (recorded == AnswerCoach.RubricVersion)
                {
                    outcomes.Add(new RescoreOutcome(name, recorded, false, 0));
                    continue;
                }

                var started = Stopwatch.StartNew();
                var rebuild = await HasEventsAsync(db, schema, name, ct);
                if (rebuild)
                {
                    await AdminCommands.RebuildAsync(store, name, ct);
                }

                await RecordAsync(db, schema, name, ct);
                outcomes.Add(new RescoreOutcome(name, recorded, rebuild, started.ElapsedMilliseconds));
            }

            return outcomes;
        }
        finally
        {
            await ExecuteAsync(lockConnection, "select pg_advisory_unlock($1)", CancellationToken.None, LockKey);
        }
    }

    /// <summary>Records that <paramref name="name"/>'s documents are now built under the running rubric (after any full rebuild).</summary>
    /// <param name="db">The app's data source.</param>
    /// <param name="schema">The ledger schema.</param>
    /// <param name="name">A projection name; names other than <see cref="Projections"/> are ignored.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task RecordAsync(NpgsqlDataSource db, string schema, string name, CancellationToken ct)
    {
        if (!Projections.Contains(name))
        {
            return;
        }

        await using var cmd = db.CreateCommand(
            $"insert into \"{schema}\".{TableName} (projection, rubric_version, rebuilt_at) values ($1, $2, now()) " +
            "on conflict (projection) do update set rubric_version = excluded.rubric_version, rebuilt_at = excluded.rebuilt_at");
        cmd.Parameters.AddWithValue(name);
        cmd.Parameters.AddWithValue(AnswerCoach.RubricVersion);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The rubric version <paramref name="name"/>'s documents were built with; 1 when none is recorded.</summary>
    /// <param name="db">The app's data source.</param>
    /// <param name="schema">The ledger schema.</param>
    /// <param name="name">A projection name.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<int> RecordedVersionAsync(NpgsqlDataSource db, string schema, string name, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select rubric_version from \"{schema}\".{TableName} where projection = $1");
        cmd.Parameters.AddWithValue(name);
        return await cmd.ExecuteScalarAsync(ct) is int version ? version : 1;
    }

    // Bookkeeping across users (like the daemon's own): whether any event the projection folds is stored at all.
    private static async Task<bool> HasEventsAsync(NpgsqlDataSource db, string schema, string name, CancellationToken ct)
    {
        var baseType = name == "stories" ? typeof(Domain.Stories.StoryEvent) : typeof(Domain.Practice.MockSessionEvent);
        var types = LedgerStore.EventTypes.Where(e => e.Type.IsSubclassOf(baseType)).Select(e => e.Name).ToArray();
        await using var cmd = db.CreateCommand($"select exists (select 1 from \"{schema}\".mt_events where type = any($1))");
        cmd.Parameters.AddWithValue(types);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, long key)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue(key);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>What <see cref="RubricRescoring.EnsureCurrentAsync"/> found and did for one projection.</summary>
/// <param name="Projection">The projection name (<c>stories</c>, <c>mock_sessions</c>).</param>
/// <param name="BuiltWith">The rubric version its documents were built with before (1 when none was recorded).</param>
/// <param name="Rebuilt">Whether it was rebuilt from the events (false when already current or when it has no events).</param>
/// <param name="ElapsedMilliseconds">Time taken, in milliseconds (0 when already current).</param>
public sealed record RescoreOutcome(string Projection, int BuiltWith, bool Rebuilt, long ElapsedMilliseconds);

/// <summary>
/// Runs <see cref="RubricRescoring.EnsureCurrentAsync"/> when the host starts, after Marten's schema activator (registered
/// before it) has created the tables; the server starts answering only once the documents are current. Off with
/// <c>CareerLedger:RescoreOnStartup=false</c> (then run <c>rebuild stories mock_sessions</c> by hand).
/// </summary>
/// <param name="services">The app's services.</param>
/// <param name="config">The app's configuration.</param>
/// <param name="log">Where the outcome is logged.</param>
public sealed class RubricRescoringService(IServiceProvider services, IConfiguration config, ILogger<RubricRescoringService> log) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.Equals(config["CareerLedger:RescoreOnStartup"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var outcomes = await RubricRescoring.EnsureCurrentAsync(
            services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<IDocumentStore>(),
            services.GetRequiredService<LedgerDatabaseOptions>().Schema, cancellationToken);
        foreach (var o in outcomes.Where(o => o.Rebuilt))
        {
            log.LogInformation("Re-scored {Projection}: built under rubric v{Old}, rebuilt under v{New} in {Ms} ms", o.Projection, o.BuiltWith, AnswerCoach.RubricVersion, o.ElapsedMilliseconds);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
