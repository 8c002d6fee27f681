using System.Globalization;
using CareerLedger.Postgres.Provisioning;
using Npgsql;
using Testcontainers.PostgreSql;

namespace CareerLedger.Testing;

/// <summary>
/// One PostgreSQL server per test process, however many collections or fixtures ask for it.
/// Started on first use; stopped at process exit when it was started by us.
/// </summary>
/// <remarks>
/// Sources, in order: (1) <c>CAREERLEDGER_TEST_DB</c> when set, used as is; (2) a throwaway <c>postgres:16-alpine</c> container
/// started with Testcontainers.PostgreSql when a Docker engine answers (<see cref="DockerEngineProbe"/>, at most 1 s);
/// (3) a throwaway cluster from local PostgreSQL server binaries with fsync off (<see cref="PostgresProvisioner"/>).
/// When the container cannot be started although an engine answered (an image that cannot be pulled, say), the local cluster
/// is tried next. The source used is in <see cref="TestPostgresServer.Source"/> and is written to stderr as a
/// <c>[postgres]</c> line.
/// </remarks>
public static class SharedPostgres
{
    /// <summary>Environment variable with a connection string to use instead of starting a server.</summary>
    public const string ConnectionStringVariable = "CAREERLEDGER_TEST_DB";

    /// <summary>The image of the Testcontainers source, the same major version as <c>docker-compose.yml</c>.</summary>
    public const string Image = "postgres:16-alpine";

    /// <summary>The default database of a server the tests start; the fixtures create one more database per test class.</summary>
    public const string DatabaseName = "careerledger_test";

    private static readonly TimeSpan ContainerStartTimeout = TimeSpan.FromMinutes(3); // includes pulling the image on first use
    private static readonly TimeSpan ClusterStartTimeout = TimeSpan.FromSeconds(120);

    private static readonly Lazy<Task<TestPostgresServer>> Server = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The shared server: found or started on the first call as described on <see cref="SharedPostgres"/>; later calls get the same one.
    /// A failed start is remembered, so every fixture fails fast with the same message.
    /// </summary>
    /// <exception cref="InvalidOperationException">No server could be found or started (see <see cref="PostgresProvisioner.StartAsync"/>).</exception>
    /// <exception cref="TimeoutException">The server was not ready in time.</exception>
    public static Task<TestPostgresServer> GetAsync() => Server.Value;

    /// <summary>Finds or starts a server in the order described on <see cref="SharedPostgres"/>.</summary>
    /// <param name="connectionString">The value of <c>CAREERLEDGER_TEST_DB</c>; <see langword="null"/> or blank = start one.</param>
    /// <param name="findDockerEngine">Answers the endpoint of a Docker engine, or <see langword="null"/> when none answers. Not called for an explicit connection string.</param>
    /// <param name="log">Receives progress lines (never passwords).</param>
    /// <returns>The server; the caller disposes it.</returns>
    /// <exception cref="InvalidOperationException">The explicit server does not connect, or no local server binaries exist (the message says what to install or set).</exception>
    /// <exception cref="TimeoutException">The local cluster was not ready within 120 s.</exception>
    internal static async Task<TestPostgresServer> StartAsync(string? connectionString, Func<Task<Uri?>> findDockerEngine, Action<string> log)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var external = await PostgresProvisioner.StartAsync(new PostgresProvisioningOptions { ConnectionString = connectionString }, log)
                .ConfigureAwait(false);
            return new TestPostgresServer(external.ConnectionString, TestPostgresSource.ConnectionString,
                $"{external.Description} from {ConnectionStringVariable}", owned: null);
        }

        Exception? containerFailure = null;
        if (await findDockerEngine().ConfigureAwait(false) is { } engine)
        {
            try
            {
                return await StartContainerAsync(engine, log).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                containerFailure = ex;
                log($"Testcontainers could not start {Image} ({ex.GetBaseException().Message}); trying local server binaries");
            }
        }

        try
        {
            var cluster = await PostgresProvisioner.StartAsync(
                new PostgresProvisioningOptions { DatabaseName = DatabaseName, FastUnsafe = true, StartTimeout = ClusterStartTimeout },
                log).ConfigureAwait(false);
            return new TestPostgresServer(cluster.ConnectionString, TestPostgresSource.LocalCluster, cluster.Description, cluster);
        }
        catch (InvalidOperationException ex) when (containerFailure is not null)
        {
            throw new InvalidOperationException($"{ex.Message} (Testcontainers was tried first and failed: {containerFailure.GetBaseException().Message})", ex);
        }
    }

    private static async Task<TestPostgresServer> StartContainerAsync(Uri engine, Action<string> log)
    {
        log($"starting {Image} with Testcontainers (pulls the image first if missing)");
        var container = new PostgreSqlBuilder(Image).WithDatabase(DatabaseName).Build();
        try
        {
            using var timeout = new CancellationTokenSource(ContainerStartTimeout);
            await container.StartAsync(timeout.Token).ConfigureAwait(false);

            // Same choice as the provisioner's own clusters: nothing leaves session state behind, so skip DISCARD ALL on reuse.
            var connectionString = new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { NoResetOnClose = true };
            var description =
                $"PostgreSQL in container {container.Id[..Math.Min(12, container.Id.Length)]} ({Image}, Testcontainers, Docker engine {engine}) " +
                $"at {connectionString.Host}:{connectionString.Port.ToString(CultureInfo.InvariantCulture)}/{connectionString.Database} (fsync off)";
            return new TestPostgresServer(connectionString.ConnectionString, TestPostgresSource.Testcontainers, description, container);
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<TestPostgresServer> StartSharedAsync()
    {
        var server = await StartAsync(
            Environment.GetEnvironmentVariable(ConnectionStringVariable),
            () => DockerEngineProbe.FindAsync(Log),
            Log).ConfigureAwait(false);
        Log($"tests use {server.Source}: {server.Description}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => OnProcessExit(server);
        return server;
    }

    private static void Log(string line) => Console.Error.WriteLine("[postgres] " + line);

    private static void OnProcessExit(TestPostgresServer server)
    {
        try
        {
            TestDatabases.DropAllAsync(server).GetAwaiter().GetResult();
            server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
        }
        catch (Exception)
        {
            // Exit must not fail because of cleanup; Testcontainers' reaper removes a leftover container, and the next run an abandoned cluster.
        }
    }
}
