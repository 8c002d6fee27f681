using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CareerLedger.Postgres.Provisioning;
using Npgsql;

namespace CareerLedger.Benchmarks;

/// <summary>
/// The PostgreSQL server the benchmark runs on: <c>CAREERLEDGER_BENCH_DB</c> when set, else a private throwaway cluster
/// (fsync on, as in production) started with CareerLedger.Postgres.Provisioning. Holds two fresh databases: one for the
/// raw-insert and store-append rows, one for the app.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly PostgresServer _server;
    private readonly string _admin;

    private BenchServer(PostgresServer server, string admin, string eventsDatabase, string appDatabase, string version, string settings)
    {
        _server = server;
        _admin = admin;
        EventsDatabase = eventsDatabase;
        AppDatabase = appDatabase;
        Version = version;
        Settings = settings;
    }

    /// <summary>The database of the raw-insert and store-append rows.</summary>
    public string EventsDatabase { get; }

    /// <summary>The app's database (fresh, created by this run).</summary>
    public string AppDatabase { get; }

    /// <summary>PostgreSQL's <c>server_version</c>.</summary>
    public string Version { get; }

    /// <summary>Where the server comes from and its durability settings, for the report.</summary>
    public string Settings { get; }

    /// <summary>Connection string of <see cref="EventsDatabase"/> (contains the password).</summary>
    public string EventsConnectionString => WithDatabase(EventsDatabase);

    /// <summary>Connection string of <see cref="AppDatabase"/> (contains the password).</summary>
    public string AppConnectionString => WithDatabase(AppDatabase);

    /// <summary>Starts or checks the server and creates the two databases.</summary>
    public static async Task<BenchServer> StartAsync(CancellationToken ct)
    {
        var explicitServer = Environment.GetEnvironmentVariable(BenchOptions.ConnectionStringVariable);
        var server = await PostgresProvisioner.StartAsync(
            new PostgresProvisioningOptions
            {
                ConnectionString = string.IsNullOrWhiteSpace(explicitServer) ? null : explicitServer,
                DataDirectory = null,
                FastUnsafe = false,
                DatabaseName = "careerledger_bench",
                StartTimeout = TimeSpan.FromSeconds(120),
            },
            line => Console.Error.WriteLine("[postgres] " + line),
            ct);
        try
        {
            var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false }.ConnectionString;
            var suffix = RandomNumberGenerator.GetHexString(8, lowercase: true);
            var events = $"careerledger_bench_events_{suffix}";
            var app = $"careerledger_bench_app_{suffix}";
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync(ct);
            foreach (var name in new[] { events, app })
            {
                await using var create = new NpgsqlCommand($"create database \"{name}\"", conn);
                await create.ExecuteNonQueryAsync(ct);
            }

            await using var query = new NpgsqlCommand(
                "select current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), " +
                "current_setting('full_page_writes'), current_setting('shared_buffers')", conn);
            await using var r = await query.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            var origin = server.OwnsServer ? "private throwaway cluster" : $"{BenchOptions.ConnectionStringVariable}";
            var settings = $"{origin}, fsync={r.GetString(1)}, synchronous_commit={r.GetString(2)}, full_page_writes={r.GetString(3)}, shared_buffers={r.GetString(4)}";
            return new BenchServer(server, admin, events, app, r.GetString(0), settings);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the statement counter, or explains why statements cannot be counted on this server.</summary>
    public async Task<(StatementLog? Log, string? Unavailable)> OpenStatementLogAsync(string? dumpFile, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(_admin);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "select rolsuper, pg_current_logfile(), current_setting('data_directory', true) from pg_roles where rolname = current_user", conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        if (!r.GetBoolean(0))
        {
            return (null, "statement counting needs a superuser (ALTER SYSTEM)");
        }

        var dataDirectory = r.IsDBNull(2) ? null : r.GetString(2);
        var file = r.IsDBNull(1) ? null : r.GetString(1);
        if (file is not null && !Path.IsPathRooted(file) && dataDirectory is not null)
        {
            file = Path.Combine(dataDirectory, file);
        }

        // A cluster started by the provisioner logs to postgres.log beside its data directory (pg_ctl -l).
        if (file is null && _server.OwnsServer && dataDirectory is not null)
        {
            file = Path.Combine(Path.GetDirectoryName(dataDirectory) ?? dataDirectory, "postgres.log");
        }

        return file is not null && File.Exists(file)
            ? (new StatementLog(_admin, WithDatabase(AppDatabase), AppDatabase, file, dumpFile), null)
            : (null, "the server's log file is not readable from here");
    }

    /// <summary>
    /// The postmaster's process id when the server runs on this machine (the parent of a backend of ours, both named postgres
    /// in /proc), so that <see cref="ProcCpu.TreeOf"/> can add up the server's CPU time; null for a server elsewhere.
    /// </summary>
    public async Task<int?> LocalPostmasterPidAsync(CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(_admin);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("select pg_backend_pid()", conn);
        var backend = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return ProcCpu.Describe(backend) is ("postgres", var parent) && ProcCpu.Describe(parent) is ("postgres", _) ? parent : null;
    }

    /// <summary>Drops the databases on an external server; stops and deletes a throwaway cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_server.OwnsServer)
        {
            try
            {
                await using var conn = new NpgsqlConnection(_admin);
                await conn.OpenAsync();
                foreach (var name in new[] { EventsDatabase, AppDatabase })
                {
                    await using var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", conn);
                    await drop.ExecuteNonQueryAsync();
                }
            }
            catch (NpgsqlException ex)
            {
                Console.Error.WriteLine($"[bench] could not drop the bench databases: {ex.Message}");
            }
        }

        await _server.DisposeAsync();
    }

    private string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = database }.ConnectionString;
}

/// <summary>Statements the server executed for one database during a batch of requests.</summary>
/// <param name="Requests">Requests in the batch.</param>
/// <param name="Statements">Statements logged for the database, including the pool's <c>DISCARD ALL</c>.</param>
/// <param name="Discards">Of those, <c>DISCARD ALL</c> (Npgsql's reset of a pooled connection).</param>
internal sealed record StatementCount(int Requests, int Statements, int Discards)
{
    /// <summary>Statements per request, resets included.</summary>
    public double PerRequest => Statements / (double)Requests;

    /// <summary>Resets per request.</summary>
    public double DiscardsPerRequest => Discards / (double)Requests;
}

/// <summary>
/// Counts the statements one database executes, from the server log with <c>log_statement = 'all'</c> switched on
/// (ALTER SYSTEM + reload) only while counting, never during the timed phases.
/// </summary>
internal sealed partial class StatementLog(string admin, string appConnectionString, string databaseName, string file, string? dumpFile)
{
    private const string Marker = "careerledger-bench-marker";

    /// <summary>Switches statement logging on and waits until the log shows it.</summary>
    /// <returns>False when the marker statement never appeared in the log.</returns>
    public async Task<bool> EnableAsync(CancellationToken ct)
    {
        await SetAsync(["alter system set log_statement = 'all'", "alter system set log_line_prefix = '%m [%p] db=%d '"], ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // the postmaster signals every backend; each applies it before its next command
        var offset = new FileInfo(file).Length;
        var marker = $"{Marker}-{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(appConnectionString) { Pooling = false }.ConnectionString))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand($"select '{marker}'", conn);
            await cmd.ExecuteScalarAsync(ct);
        }

        for (var i = 0; i < 50; i++)
        {
            if (ReadFrom(offset).Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(100, ct);
        }

        return false;
    }

    /// <summary>Switches statement logging back off.</summary>
    public Task DisableAsync(CancellationToken ct) =>
        SetAsync(["alter system reset log_statement", "alter system reset log_line_prefix"], ct);

    /// <summary>Runs <paramref name="batch"/> (<paramref name="requests"/> requests) and counts the app database's statements.</summary>
    public async Task<StatementCount> CountAsync(string label, int requests, Func<Task> batch, CancellationToken ct)
    {
        var offset = new FileInfo(file).Length;
        await batch();
        await Task.Delay(300, ct); // a statement is logged before its result is sent; this only lets the file settle
        int statements = 0, discards = 0;
        var counted = new StringBuilder();
        var continuing = false; // continuation lines of a multi-line statement carry no prefix
        foreach (var line in ReadFrom(offset).Split('\n'))
        {
            var m = StatementLine().Match(line);
            if (!m.Success || m.Groups["db"].Value != databaseName || m.Groups["sql"].Value.Contains(Marker, StringComparison.Ordinal))
            {
                continuing = continuing && !LinePrefix().IsMatch(line);
                if (continuing)
                {
                    counted.Append(line).Append('\n');
                }

                continue;
            }

            statements++;
            continuing = true;
            counted.Append(line).Append('\n');
            if (m.Groups["sql"].Value.TrimStart().StartsWith("DISCARD ALL", StringComparison.OrdinalIgnoreCase))
            {
                discards++;
            }
        }

        if (dumpFile is not null)
        {
            await File.AppendAllTextAsync(dumpFile, $"## {label}: {statements} statements in {requests} requests\n\n```text\n{counted}```\n\n", ct);
        }

        return new StatementCount(requests, statements, discards);
    }

    private async Task SetAsync(IEnumerable<string> statements, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync(ct);
        foreach (var sql in statements.Append("select pg_reload_conf()"))
        {
            await using var cmd = new NpgsqlCommand(sql, conn); // one by one: ALTER SYSTEM may not run in a transaction block
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private string ReadFrom(long offset)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@" db=(?<db>\S*) LOG:  (?:statement|execute [^:]*): (?<sql>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex StatementLine();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex LinePrefix();
}
