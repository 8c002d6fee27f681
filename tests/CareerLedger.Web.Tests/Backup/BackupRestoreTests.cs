using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CareerLedger.Domain.Reminders;
using CareerLedger.Testing;
using CareerLedger.Web.Reminders;
using CareerLedger.Web.Tests.Reminders;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace CareerLedger.Web.Tests.Backup;

/// <summary>
/// ops/backup and ops/restore for real (bash, pg_dump and pg_restore of the server's version) against the test server: a user's
/// year written through the API on an app with its reminder jobs on, backed up once (<see cref="BackedUpLedger"/>); restored into
/// a fresh database, and into a fresh embedded-cluster data directory, and an app started on each restored copy must answer every
/// read endpoint as the original did and accept the user's token and password.
/// </summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // bash scripts and POSIX file modes
public sealed class BackupRestoreTests(BackupRestoreTests.BackedUpLedger ledger, ITestOutputHelper output) : IClassFixture<BackupRestoreTests.BackedUpLedger>
{
    [Fact]
    public async Task a_backup_restored_into_a_fresh_database_has_every_row_and_the_app_on_it_answers_as_before()
    {
        var target = new NpgsqlConnectionStringBuilder(ledger.Source) { Database = "restored_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString;
        var restore = await Scripts.RunAsync("restore", ledger.Dump, "--connection", target);
        restore.ExitCode.ShouldBe(0, restore.ToString());
        restore.Stdout.ShouldContain($"1 users, {ledger.Events} events (pg_restore from /usr/lib/postgresql/");
        restore.Stderr.ShouldContain("created database");
        output.WriteLine(restore.Stdout.Trim());

        // Every row of both schemas, byte for byte: events, streams, documents, accounts and tokens, and Hangfire's schedule.
        var tables = await TablesAsync(ledger.Source);
        tables.ShouldContain("ledger.mt_events");
        tables.ShouldContain("ledger.access_tokens");
        tables.ShouldContain("hangfire.hash");
        (await TablesAsync(target)).ShouldBe(tables);
        foreach (var table in tables)
        {
            (await DigestAsync(target, table)).ShouldBe(await DigestAsync(ledger.Source, table), table);
        }

        // Hangfire reads the user's reminder schedule from the copy.
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(target, options), options);
        using (var connection = storage.GetConnection())
        {
            var recurring = connection.GetRecurringJobs().Select(j => j.Id).ToList();
            recurring.ShouldContain(ReminderScheduler.RecurringId(ledger.User.UserId, ReminderKind.WeeklyWins));
            recurring.ShouldContain(ReminderScheduler.RecurringId(ledger.User.UserId, ReminderKind.MockSession));
            recurring.ShouldNotContain(ReminderScheduler.RecurringId(ledger.User.UserId, ReminderKind.QuarterlyReview), "switched off in the scenario");
        }

        // A second restore into the now filled database is refused and changes nothing.
        var again = await Scripts.RunAsync("restore", ledger.Dump, "--connection", target);
        again.ExitCode.ShouldBe(1, again.ToString());
        again.Stderr.ShouldContain("is not empty");

        await using var app = await RestoredHost.StartAsync(target, null, ledger.Now);
        await ledger.ShouldAnswerAsBeforeAsync(app);
    }

    [Fact]
    public async Task a_backup_restored_into_a_new_data_directory_starts_as_the_apps_embedded_cluster_and_backs_up_from_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "careerledger-restore-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        if (OperatingSystem.IsLinux() && Environment.UserName == "root")
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101); // the postgres OS user runs the server and must get through
        }

        var data = Path.Combine(root, "postgres");
        try
        {
            var restore = await Scripts.RunAsync("restore", ledger.Dump, "--data-dir", data);
            restore.ExitCode.ShouldBe(0, restore.ToString());
            restore.Stderr.ShouldContain("initdb");
            restore.Stdout.ShouldContain($"CareerLedger__DataDirectory='{data}'");
            File.Exists(Path.Combine(root, "postgres.credentials")).ShouldBeTrue();
            File.GetUnixFileMode(Path.Combine(root, "postgres.credentials")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Exists(Path.Combine(data, "postmaster.pid")).ShouldBeFalse("the script stops the cluster it started");
            output.WriteLine(restore.Stdout.Trim());

            await using (var app = await RestoredHost.StartAsync(null, data, ledger.Now))
            {
                await ledger.ShouldAnswerAsBeforeAsync(app);

                // The app runs the cluster now: a backup uses it as it is.
                var running = await Scripts.RunAsync("backup", "--data-dir", data, "--out", Path.Combine(root, "running.dump"));
                running.ExitCode.ShouldBe(0, running.ToString());
                running.Stdout.ShouldContain("of the running cluster in");
                running.Stdout.ShouldContain($"1 users, {ledger.Events} events");
            }

            // The app stopped its cluster: a backup starts it for the run and stops it again.
            var stopped = await Scripts.RunAsync("backup", "--data-dir", data, "--out", Path.Combine(root, "stopped.dump"));
            stopped.ExitCode.ShouldBe(0, stopped.ToString());
            stopped.Stdout.ShouldContain("started for this run, stopped again after it");
            File.Exists(Path.Combine(data, "postmaster.pid")).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var rows = await LegacyUpgradeTests.RowsAsync(db, """
            select table_schema || '.' || table_name from information_schema.tables
             where table_schema in ('ledger', 'hangfire') and table_type = 'BASE TABLE' order by 1
            """);
        return rows.Select(r => (string)r[0]).ToList();
    }

    private static async Task<string> DigestAsync(string connectionString, string table)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var rows = await LegacyUpgradeTests.RowsAsync(db,
            $"select count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') from {table} t");
        return (string)rows[0][0];
    }

    /// <summary>The app started on a restored copy (a connection string, or an embedded cluster's data directory), jobs off.</summary>
    public sealed class RestoredHost(string? connectionString, string? dataDirectory) : LedgerAppFactory
    {
        public static async Task<RestoredHost> StartAsync(string? connectionString, string? dataDirectory, DateTimeOffset now)
        {
            var host = new RestoredHost(connectionString, dataDirectory);
            host.Clock.Set(now);
            await ((IAsyncLifetime)host).InitializeAsync();
            return host;
        }

        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString ?? "");

        protected override void ConfigureApp(IWebHostBuilder builder)
        {
            if (dataDirectory is not null)
            {
                // No connection string: the app provisions its embedded cluster from the data directory, as on a workstation.
                builder.UseSetting("ConnectionStrings:Ledger", "");
                builder.UseSetting("CareerLedger:DataDirectory", dataDirectory);
            }
        }
    }

    /// <summary>
    /// Once per class: a user's year (<see cref="LedgerScenario"/>) written on an app with its Hangfire server on (so the backup holds
    /// the user's reminder schedule), every read endpoint's answer recorded, the app stopped, then ops/backup of its database.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public sealed class BackedUpLedger : IAsyncLifetime
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "careerledger-backup-" + Guid.NewGuid().ToString("N")[..8]);

        public string Source { get; private set; } = "";

        public string Dump => Path.Combine(_folder, "careerledger.dump");

        public UserClient User { get; private set; } = null!;

        public ScenarioIds Ids { get; private set; } = null!;

        public DateTimeOffset Now { get; private set; }

        public long Events { get; private set; }

        public IReadOnlyList<(string Url, string Answer)> Before { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Source = await TestDatabases.CreateAsync(await SharedPostgres.GetAsync(), "backup_source");
            // Hangfire polls for due scheduled jobs every minute, so none runs (and writes reminders) while the scenario is written.
            await using (var app = await ReminderHost.StartAsync(Source, LedgerAppFactory.DefaultNow, settings: new Dictionary<string, string> { ["CareerLedger:Jobs:PollSeconds"] = "60" }))
            {
                var user = await app.CreateUserAsync(displayName: "Priya");
                Ids = await LedgerScenario.PopulateAsync(user, app.Services, app.Clock);
                Now = app.Clock.GetUtcNow();
                Before = await LedgerScenario.ReadModelsAsync(user.Http, Ids, id => id);
                User = user with { Http = null! };
            }

            await using (var db = NpgsqlDataSource.Create(Source))
            {
                Events = (long)(await LegacyUpgradeTests.RowsAsync(db, "select count(*) from ledger.mt_events"))[0][0];
            }

            Directory.CreateDirectory(_folder);
            var backup = await Scripts.RunAsync("backup", "--out", Dump, "--connection", Source);
            backup.ExitCode.ShouldBe(0, backup.ToString());
            backup.Stdout.ShouldContain($"1 users, {Events} events; schemas hangfire, ledger, public (pg_dump 15.");
            File.GetUnixFileMode(Dump).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Console.WriteLine($"[backup] {backup.Stdout.Trim()} ({backup.ElapsedMilliseconds} ms with bash)");
        }

        public Task DisposeAsync()
        {
            Directory.Delete(_folder, recursive: true);
            return Task.CompletedTask;
        }

        /// <summary>Every read endpoint answers on <paramref name="app"/> what it answered before the backup; the token and the password still work.</summary>
        public async Task ShouldAnswerAsBeforeAsync(LedgerAppFactory app)
        {
            using var http = app.CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", User.Token);
            var me = await http.GetJsonAsync("/api/me");
            me.GetProperty("id").GetGuid().ShouldBe(User.UserId);
            var after = await LedgerScenario.ReadModelsAsync(http, Ids, id => id);
            after.Select(a => a.Answer).ShouldBe(Before.Select(b => b.Answer));

            using var anonymous = app.CreateClient();
            var token = await anonymous.PostAsJsonAsync("/api/tokens", new { email = User.Email, password = User.Password, name = "after the restore" });
            token.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    /// <summary>Runs ops/backup and ops/restore with bash, from the repository, without the app's database settings in the environment.</summary>
    private static class Scripts
    {
        public static async Task<ScriptResult> RunAsync(string script, params string[] args)
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
            start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "ops", script));
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var name in new[] { "ConnectionStrings__Ledger", "CareerLedger__DataDirectory", "PG_BIN", "PGPASSWORD", "PGHOST", "PGUSER", "PGDATABASE" })
            {
                start.Environment.Remove(name);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            return new ScriptResult(process.ExitCode, await stdout, await stderr, clock.ElapsedMilliseconds);
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CareerLedger.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("CareerLedger.sln not found above the test binaries.");
        }
    }

    private sealed record ScriptResult(int ExitCode, string Stdout, string Stderr, long ElapsedMilliseconds)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }
}
