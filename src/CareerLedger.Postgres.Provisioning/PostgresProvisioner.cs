using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using CareerLedger.Postgres.Provisioning.Internal;
using Npgsql;

namespace CareerLedger.Postgres.Provisioning;

/// <summary>
/// Finds or starts a PostgreSQL server. One implementation for the app's zero-config dev mode and for the tests.
/// </summary>
/// <remarks>
/// Order: (1) an explicit connection string, only checked; (2) a private cluster from local server binaries
/// (<c>initdb</c>/<c>pg_ctl</c> on PATH or under <c>/usr/lib/postgresql/*/bin</c>, highest version), listening on a free port
/// of 127.0.0.1 only; (3) otherwise an <see cref="InvalidOperationException"/> that says what to install or set.
/// When the process runs as root, the server programs run as the <c>postgres</c> OS user (via <c>runuser</c>, or <c>su</c> when
/// absent). The local-binaries path needs Linux or macOS. Docker is not driven from here: with Docker, run a server
/// (<c>docker compose up</c>) and pass its connection string.
/// </remarks>
public static class PostgresProvisioner
{
    /// <summary>
    /// Finds or starts a PostgreSQL server as described on <see cref="PostgresProvisioner"/> and waits until it accepts connections.
    /// </summary>
    /// <param name="options">What to use or start.</param>
    /// <param name="log">Receives short progress lines (never passwords); <see langword="null"/> for silence. May be called from any thread.</param>
    /// <param name="ct">Cancels the start; anything already started is cleaned up.</param>
    /// <returns>The server; dispose it to stop what was started for it.</returns>
    /// <exception cref="ArgumentException">An option is out of range (blank or over-long database name, non-positive timeout).</exception>
    /// <exception cref="InvalidOperationException">
    /// The explicit connection string does not connect (the message names host, port and database, never the password);
    /// no way to get a server exists (the message says what to set or install); or a tool failed (the message carries its last stderr lines).
    /// </exception>
    /// <exception cref="TimeoutException">The server was not ready within <see cref="PostgresProvisioningOptions.StartTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static async Task<PostgresServer> StartAsync(PostgresProvisioningOptions options, Action<string>? log = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var say = log ?? (_ => { });
        var deadline = new Deadline(options.StartTimeout);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.StartTimeout);
        try
        {
            var server = await StartCoreAsync(options, say, deadline, timeout.Token).ConfigureAwait(false);
            say($"ready in {deadline.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms: {server.Description}");
            return server;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"PostgreSQL was not ready within {options.StartTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s " +
                $"({nameof(PostgresProvisioningOptions.StartTimeout)}).");
        }
    }

    private static async Task<PostgresServer> StartCoreAsync(PostgresProvisioningOptions options, Action<string> log, Deadline deadline, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return await UseExternalAsync(options.ConnectionString, log, ct).ConfigureAwait(false);
        }

        if (OperatingSystem.IsWindows())
        {
            throw new InvalidOperationException(NothingAvailableMessage + " (Starting local server binaries is supported on Linux and macOS only.)");
        }

        return await StartClusterAsync(options, log, deadline, ct).ConfigureAwait(false);
    }

    private const string NothingAvailableMessage =
        "No PostgreSQL server available: set ConnectionStrings__Ledger (tests: CAREERLEDGER_TEST_DB) to a server's connection string " +
        "(with Docker, 'docker compose up' runs one), or install PostgreSQL server binaries " +
        "(e.g. 'apt-get install postgresql', which provides initdb and pg_ctl under /usr/lib/postgresql/*/bin).";

    [UnsupportedOSPlatform("windows")]
    private static async Task<PostgresServer> StartClusterAsync(PostgresProvisioningOptions options, Action<string> log, Deadline deadline, CancellationToken ct)
    {
        var binaries = await PostgresBinaries.FindAsync(log, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException(NothingAvailableMessage);
        var account = await ServerAccount.DetectAsync(ct).ConfigureAwait(false);
        var cluster = new LocalCluster(binaries, account, options, log);
        if (options.DataDirectory is null)
        {
            return await cluster.StartThrowawayAsync(deadline, ct).ConfigureAwait(false);
        }

        var files = new PersistentClusterFiles(options.DataDirectory);
        // Fail before creating anything when the postgres user could never reach the directory (e.g. under /root).
        await cluster.CheckReachableAsync(files, ct).ConfigureAwait(false);
        using var clusterLock = await files.LockAsync(log, ct).ConfigureAwait(false);
        return await cluster.StartPersistentAsync(files, files.ReadCredentials(), deadline, ct).ConfigureAwait(false);
    }

    /// <summary>How long an explicitly named server may take to accept connections before start-up fails.</summary>
    private static readonly TimeSpan ExternalServerPatience = TimeSpan.FromSeconds(15);

    /// <summary>Checks an explicit connection string (open plus <c>select 1</c>), retrying while the server is still starting.</summary>
    private static async Task<PostgresServer> UseExternalAsync(string connectionString, Action<string> log, CancellationToken ct)
    {
        string endpoint;
        try
        {
            endpoint = Connections.Endpoint(connectionString);
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"The PostgreSQL connection string is not valid: {ex.Message}", ex);
        }

        log($"checking PostgreSQL at {endpoint} (explicit connection string)");
        var clock = Stopwatch.StartNew();
        var lastError = new StrongBox<Exception?>();
        // A server named explicitly is expected to be up: retry for a few seconds (it may be finishing its start),
        // not for the whole StartTimeout, so that a typo fails fast.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(ExternalServerPatience);
        try
        {
            await Connections.WaitUntilReadyAsync(connectionString, lastError, patience.Token).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"Could not connect to PostgreSQL at {endpoint} (explicit connection string): {ex.Message}", ex);
        }
        catch (OperationCanceledException) when (lastError.Value is not null)
        {
            throw new InvalidOperationException(
                $"Could not connect to PostgreSQL at {endpoint} (explicit connection string) within " +
                $"{clock.Elapsed.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s: {lastError.Value.Message}",
                lastError.Value);
        }

        return new PostgresServer(connectionString, PostgresSource.ConnectionString, $"external PostgreSQL at {endpoint} (explicit connection string)", stop: null);
    }
}
