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
/// Order: (1) an explicit connection string, only checked; (2) when <see cref="PostgresProvisioningOptions.PreferDocker"/>
/// and a Docker engine answers <c>docker info</c> within 5 s, a container of <see cref="PostgresProvisioningOptions.DockerImage"/>;
/// (3) a private cluster from local server binaries (<c>initdb</c>/<c>pg_ctl</c> on PATH or under
/// <c>/usr/lib/postgresql/*/bin</c>, highest version), listening on a free port of 127.0.0.1 only;
/// (4) otherwise an <see cref="InvalidOperationException"/> that says what to install or set.
/// A persistent cluster (<see cref="PostgresProvisioningOptions.DataDirectory"/>) sticks to the kind that created it
/// (Docker or local binaries), recorded in its credentials file. When the process runs as root, the server programs run as
/// the <c>postgres</c> OS user (via <c>runuser</c>, or <c>su</c> when absent). The local-binaries path needs Linux or macOS.
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
            var engine = options.PreferDocker ? await DockerEngine.DetectAsync(log, ct).ConfigureAwait(false) : null;
            throw new InvalidOperationException(engine is null
                ? NothingAvailableMessage + " (Starting local server binaries is supported on Linux and macOS only.)"
                : "Docker-started PostgreSQL is supported on Linux and macOS only here; set ConnectionStrings__Ledger to a server's connection string.");
        }

        return await StartOwnAsync(options, log, deadline, ct).ConfigureAwait(false);
    }

    private const string NothingAvailableMessage =
        "No PostgreSQL server available: set ConnectionStrings__Ledger (tests: CAREERLEDGER_TEST_DB) to a server's connection string, " +
        "or install and start Docker, or install PostgreSQL server binaries (e.g. 'apt-get install postgresql', which provides initdb and pg_ctl under /usr/lib/postgresql/*/bin).";

    [UnsupportedOSPlatform("windows")]
    private static async Task<PostgresServer> StartOwnAsync(PostgresProvisioningOptions options, Action<string> log, Deadline deadline, CancellationToken ct)
    {
        var files = options.DataDirectory is null ? null : new PersistentClusterFiles(options.DataDirectory);

        // Which kind may serve: a persistent cluster sticks to the kind that created it. (Read again under the lock below.)
        var kind = files is null ? AnyKind : KindOf(files);
        Exception? dockerFailure = null;
        if (kind == PersistentClusterFiles.DockerSource || (kind == AnyKind && options.PreferDocker))
        {
            var engine = await DockerEngine.DetectAsync(log, ct).ConfigureAwait(false);
            if (engine is not null)
            {
                try
                {
                    using var dockerLock = files is null ? null : await files.LockAsync(log, ct).ConfigureAwait(false);
                    return await engine.StartAsync(options, files, files?.ReadCredentials(), deadline, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (kind == AnyKind && ex is InvalidOperationException or TimeoutException)
                {
                    dockerFailure = ex;
                    log($"docker path failed, trying local server binaries: {ex.Message}");
                }
            }
            else if (kind == PersistentClusterFiles.DockerSource)
            {
                throw new InvalidOperationException(
                    $"The cluster in {files!.DataDirectory} was created in a Docker container, but no Docker engine answers. " +
                    $"Start Docker, or delete {files.DataDirectory} and {files.CredentialsPath} to create a cluster from local binaries.");
            }
        }

        var binaries = await PostgresBinaries.FindAsync(log, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException(
                dockerFailure is null ? NothingAvailableMessage : $"{NothingAvailableMessage} (Docker was tried and failed: {dockerFailure.Message})",
                dockerFailure);
        var account = await ServerAccount.DetectAsync(ct).ConfigureAwait(false);
        var cluster = new LocalCluster(binaries, account, options, log);
        if (files is null)
        {
            return await cluster.StartThrowawayAsync(deadline, ct).ConfigureAwait(false);
        }

        // Fail before creating anything when the postgres user could never reach the directory (e.g. under /root).
        await cluster.CheckReachableAsync(files, ct).ConfigureAwait(false);
        using var localLock = await files.LockAsync(log, ct).ConfigureAwait(false);
        var credentials = files.ReadCredentials();
        if (credentials?.Source == PersistentClusterFiles.DockerSource && !files.DataDirectoryIsEmpty)
        {
            throw new InvalidOperationException(
                $"The cluster in {files.DataDirectory} was created in a Docker container meanwhile; start again to use it through Docker.");
        }

        return await cluster.StartPersistentAsync(files, credentials, deadline, ct).ConfigureAwait(false);
    }

    private const string AnyKind = "any";

    [UnsupportedOSPlatform("windows")]
    private static string KindOf(PersistentClusterFiles files)
    {
        if (files.DataDirectoryIsEmpty)
        {
            return AnyKind; // nothing created yet (or an earlier attempt failed before initialising anything)
        }

        return files.ReadCredentials()?.Source ?? PersistentClusterFiles.LocalSource;
    }

    /// <summary>Checks an explicit connection string (open plus <c>select 1</c>), retrying while the server is still starting.</summary>
    /// <summary>How long an explicitly named server may take to accept connections before start-up fails.</summary>
    private static readonly TimeSpan ExternalServerPatience = TimeSpan.FromSeconds(15);

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
