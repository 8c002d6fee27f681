using Marten;
using CareerLedger.Postgres.Provisioning;
using Npgsql;
using Weasel.Core.Migrations;
using Wolverine.Marten;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Finds the database at start-up: <c>ConnectionStrings:Ledger</c> if set; otherwise Docker, or a private PostgreSQL
/// cluster from local server binaries kept in <c>CareerLedger:DataDirectory</c> (the same provisioner the tests use).
/// </summary>
public static class Database
{
    /// <summary>
    /// The default folder of the embedded cluster: <c>$XDG_DATA_HOME/careerledger/postgres</c> (or <c>~/.local/share/…</c>);
    /// when running as root, <c>/var/lib/careerledger/postgres</c>, because the postgres OS user cannot enter /root.
    /// </summary>
    public static string DefaultDataDirectory()
    {
        if (OperatingSystem.IsLinux() && Environment.UserName == "root")
        {
            return "/var/lib/careerledger/postgres";
        }

        var root = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(root, "careerledger", "postgres");
    }

    /// <summary>
    /// Provisions (or connects to) the database and registers the data source and Marten (see <see cref="LedgerStore"/>).
    /// Marten's hosted activator creates or updates every table when the host starts, under its advisory lock
    /// (<c>StoreOptions.ApplyChangesLockId</c>), so instances starting at once on one database take turns
    /// (docs/event-store.md, "Schema creation at start-up"); admin commands run it through <see cref="ApplySchemaAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">When no database can be found or started; the message says what to do.</exception>
    public static async Task<PostgresServer> AddLedgerDatabaseAsync(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        using var loggerFactory = LoggerFactory.Create(l => l.AddConsole());
        var log = loggerFactory.CreateLogger("CareerLedger.Database");
        var server = await PostgresProvisioner.StartAsync(
            new PostgresProvisioningOptions
            {
                ConnectionString = config.GetConnectionString("Ledger") is { Length: > 0 } cs ? cs : null,
                DataDirectory = config["CareerLedger:DataDirectory"] is { Length: > 0 } dir ? dir : DefaultDataDirectory(),
            },
            line => log.LogInformation("{Line}", line));
        log.LogInformation("Database: {Description}", server.Description);

        var schema = config["CareerLedger:Schema"] is { Length: > 0 } configured ? configured : "ledger";
        builder.Services.AddSingleton(server);
        builder.Services.AddSingleton(new LedgerDatabaseOptions(schema));
        builder.Services.AddSingleton(_ =>
        {
            // Nothing the app does changes session state on a connection (no SET, no prepared statements kept, no temp tables),
            // so a pooled connection needs no DISCARD ALL when it is reused: that is one round trip saved per open.
            var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { NoResetOnClose = true };
            DatabaseOutage.ApplyConnectionDefaults(connection); // connect timeout and keepalive for outages (docs/event-store.md)
            return new NpgsqlDataSourceBuilder(connection.ConnectionString) { Name = "careerledger" }.Build();
        });
        builder.Services.AddMarten(sp => LedgerStore.Configure(new StoreOptions(), schema, sp.GetRequiredService<TimeProvider>()))
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine();
        // After Marten's activator (registered above, so started first): rebuilds the score projections when the rubric changed.
        builder.Services.AddHostedService<RubricRescoringService>();
        builder.Services.AddUserSessions();
        builder.Services.AddDatabaseOutageHandling();
        return server;
    }

    /// <summary>
    /// Creates or updates every table now, the way the host does at start-up: by starting Marten's activator (the hosted
    /// service <c>ApplyAllDatabaseChangesOnStartup</c> registers, which applies the changes under Marten's advisory lock).
    /// For commands that run instead of the server, when no hosted service is started.
    /// </summary>
    /// <exception cref="InvalidOperationException">When Marten's activator is not registered.</exception>
    public static Task ApplySchemaAsync(IServiceProvider services, CancellationToken ct)
    {
        var activator = services.GetServices<IHostedService>().FirstOrDefault(s => s is IGlobalLock<NpgsqlConnection>)
            ?? throw new InvalidOperationException("Marten's schema activator is not registered (ApplyAllDatabaseChangesOnStartup).");
        return activator.StartAsync(ct);
    }
}

/// <summary>Database settings the app's own SQL needs.</summary>
/// <param name="Schema">The PostgreSQL schema holding every table (Marten's and the account tables); <c>ledger</c> by default.</param>
public sealed record LedgerDatabaseOptions(string Schema);
