using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CareerLedger.Testing;

/// <summary>
/// The app in-process on real Kestrel (as <see cref="LedgerAppFactory"/>) over a database of a <see cref="RestartablePostgres"/> cluster,
/// so a test can stop and start PostgreSQL under it. Every log entry of level warning or above is kept in <see cref="Logs"/>.
/// Not a class fixture: create it in the test and call <see cref="StartAsync"/>.
/// </summary>
/// <param name="cluster">The private cluster; the factory creates its own database on it.</param>
/// <param name="route">
/// Changes the connection string the app gets after the database was created, e.g. <see cref="FaultRelay.Through"/> so the app talks to
/// PostgreSQL through a relay; null: directly.
/// </param>
/// <param name="settings">Extra configuration (key → value) applied to the app.</param>
public sealed class OutageAppFactory(RestartablePostgres cluster, Func<string, string>? route = null, IReadOnlyDictionary<string, string>? settings = null)
    : LedgerAppFactory
{
    /// <summary>What the app logged at warning level or above.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    /// <summary>Creates the database and starts the app on it.</summary>
    public Task StartAsync() => ((IAsyncLifetime)this).InitializeAsync();

    /// <inheritdoc />
    protected override async Task<string> CreateDatabaseAsync()
    {
        var connectionString = await cluster.CreateDatabaseAsync("outage_" + Guid.NewGuid().ToString("N")[..12]);
        return route is null ? connectionString : route(connectionString);
    }

    /// <inheritdoc />
    protected override void ConfigureApp(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddLogging(l => l.AddProvider(Logs)));
    }
}
