using CareerLedger.Postgres.Provisioning;

namespace CareerLedger.Testing;

/// <summary>
/// One PostgreSQL server per test process, however many collections or fixtures ask for it.
/// Started on first use; stopped at process exit when it was started by us.
/// </summary>
public static class SharedPostgres
{
    /// <summary>Environment variable with a connection string to use instead of starting a server.</summary>
    public const string ConnectionStringVariable = "CAREERLEDGER_TEST_DB";

    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The shared server: started (or checked, with <c>CAREERLEDGER_TEST_DB</c>) on the first call; later calls get the same one.
    /// A failed start is remembered, so every fixture fails fast with the same message.
    /// </summary>
    /// <exception cref="InvalidOperationException">No server could be found or started (see <see cref="PostgresProvisioner.StartAsync"/>).</exception>
    /// <exception cref="TimeoutException">The server was not ready in time.</exception>
    public static Task<PostgresServer> GetAsync() => Server.Value;

    private static async Task<PostgresServer> StartAsync()
    {
        var options = new PostgresProvisioningOptions
        {
            ConnectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable),
            DataDirectory = null,
            FastUnsafe = true,
            DatabaseName = "careerledger_test",
            StartTimeout = TimeSpan.FromSeconds(120),
        };
        var server = await PostgresProvisioner.StartAsync(options, line => Console.Error.WriteLine("[postgres] " + line)).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => OnProcessExit(server);
        return server;
    }

    private static void OnProcessExit(PostgresServer server)
    {
        try
        {
            TestDatabases.DropAllAsync(server).GetAwaiter().GetResult();
            server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
        }
        catch (Exception)
        {
            // Exit must not fail because of cleanup; an abandoned throwaway cluster is removed by the next run.
        }
    }
}
