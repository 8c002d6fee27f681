using CareerLedger.EventStore;
using CareerLedger.Postgres.Provisioning;
using Npgsql;

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

    /// <summary>Provisions (or connects to) the database and registers the data source and event store.</summary>
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

        builder.Services.AddSingleton(server);
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(server.ConnectionString) { Name = "careerledger" }.Build());
        builder.Services.AddSingleton(sp =>
        {
            var options = LedgerStore.Configure(new EventStoreOptions
            {
                Schema = config["CareerLedger:Schema"] ?? "ledger",
                Clock = sp.GetRequiredService<TimeProvider>(),
            });
            return new PostgresEventStore(sp.GetRequiredService<NpgsqlDataSource>(), options);
        });
        builder.Services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<PostgresEventStore>());
        builder.Services.AddSingleton(sp => sp.GetRequiredService<PostgresEventStore>().Options);
        return server;
    }
}
