using System.Globalization;
using System.Runtime.CompilerServices;

namespace CareerLedger.Postgres.Provisioning.Internal;

// Persistent clusters: start (initdb on first use) or reuse the cluster in a given data directory.
internal sealed partial class LocalCluster
{
    /// <summary>
    /// Starts (creating on first use) the persistent cluster in <paramref name="files"/>, or reuses it when it already runs.
    /// The caller holds the cluster's lock file.
    /// </summary>
    /// <exception cref="InvalidOperationException">The directory is unusable: not reachable by the postgres user, not a cluster,
    /// created by another major version, or its credentials file is missing.</exception>
    public async Task<PostgresServer> StartPersistentAsync(PersistentClusterFiles files, ClusterCredentials? credentials, Deadline deadline, CancellationToken ct)
    {
        var data = files.DataDirectory;
        Directory.CreateDirectory(files.Parent);
        await CheckReachableAsync(files, ct).ConfigureAwait(false);

        if (files.ClusterExists)
        {
            if (credentials is null)
            {
                throw new InvalidOperationException(
                    $"{data} holds a PostgreSQL cluster but its credentials file {files.CredentialsPath} is missing, so its password is unknown. " +
                    "Restore that file, or delete the data directory to start over (its data is lost).");
            }

            var version = files.ClusterVersion;
            if (!string.Equals(version, binaries.MajorVersion.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The cluster in {data} was created by PostgreSQL {version}, but the server binaries found are PostgreSQL {binaries.Version} " +
                    $"({binaries.BinDirectory}). Install PostgreSQL {version} server binaries, upgrade the cluster with pg_upgrade, or delete the directory.");
            }
        }
        else
        {
            if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
            {
                throw new InvalidOperationException(
                    $"{data} is neither empty nor a PostgreSQL cluster (no PG_VERSION). Point DataDirectory at an empty or missing directory.");
            }

            // Credentials first: a crash after initdb must never leave a cluster whose password nobody knows.
            credentials = new ClusterCredentials(User, credentials?.Password ?? Secrets.NewPassword());
            files.WriteCredentials(credentials);
            Directory.CreateDirectory(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var pwfile = Path.Combine(files.Parent, $"{Path.GetFileName(data)}.pwfile-{Secrets.NewId(8)}");
            try
            {
                WritePrivateFile(pwfile, credentials.Password);
                await account.ChownAsync(pwfile, ct).ConfigureAwait(false);
                await account.ChownAsync(data, ct).ConfigureAwait(false);
                log($"initdb (PostgreSQL {binaries.Version}) for a new persistent cluster in {data}{account.Suffix}");
                await InitDbAsync(data, pwfile, noSync: false, deadline, ct).ConfigureAwait(false);
            }
            catch
            {
                // The directory was empty before: never leave a half-initialised cluster that a later run would try to start.
                EmptyDirectory(data);
                throw;
            }
            finally
            {
                File.Delete(pwfile);
            }
        }

        var connectionFor = (int port) => Connections.Build("127.0.0.1", port, credentials.User, credentials.Password, options.DatabaseName);
        var running = await RunningPortAsync(files, ct).ConfigureAwait(false);
        if (running is { } runningPort)
        {
            log($"reusing the persistent cluster already running in {data} on port {Port(runningPort)} (it will not be stopped by us)");
            var existing = connectionFor(runningPort);
            await VerifyAsync(
                existing,
                $"the cluster that postmaster.pid says is running in {data} (if no PostgreSQL runs there, delete {Path.Combine(data, "postmaster.pid")})",
                TimeSpan.FromSeconds(15),
                deadline,
                ct).ConfigureAwait(false);
            await Connections.EnsureDatabaseAsync(existing, options.DatabaseName, ct).ConfigureAwait(false);
            return new PostgresServer(existing, PostgresSource.LocalBinaries, Describe(runningPort, data, "already running, not ours to stop"), stop: null);
        }

        await account.ChownAsync(data, ct).ConfigureAwait(false); // Cheap, and repairs ownership after a manual copy or restore.
        var sockets = Path.Combine(await ThrowawayBaseAsync(ct).ConfigureAwait(false), "careerledger-sock-" + Secrets.ShortHash(data));
        Directory.CreateDirectory(sockets, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await account.ChownAsync(sockets, ct).ConfigureAwait(false);
        var logFile = Path.Combine(data, "careerledger-postgres.log");
        RotateLog(logFile);

        // We hold the cluster lock and saw no server running, so whatever runs there from now on was started by us.
        try
        {
            var port = await StartServerAsync(data, sockets, logFile, files.ReadPort(), deadline, ct).ConfigureAwait(false);
            var postmasterPid = ReadPostmasterPid(data);
            files.WritePort(port);
            var connectionString = connectionFor(port);
            await VerifyAsync(connectionString, $"the cluster just started in {data}", deadline.Remaining, deadline, ct).ConfigureAwait(false);
            if (await Connections.EnsureDatabaseAsync(connectionString, options.DatabaseName, ct).ConfigureAwait(false))
            {
                log($"created database {options.DatabaseName}");
            }

            return new PostgresServer(connectionString, PostgresSource.LocalBinaries, Describe(port, data, "started by us"), async () =>
            {
                // After a crash someone else may have restarted the cluster: only stop the postmaster we started.
                var current = ReadPostmasterPid(data);
                if (current is null)
                {
                    log($"persistent cluster {data} is not running any more; nothing to stop");
                    return;
                }

                if (current != postmasterPid)
                {
                    log($"not stopping {data}: the server running there now (PID {current.Value.ToString(CultureInfo.InvariantCulture)}) was not started by this instance");
                    return;
                }

                await StopAsync(data, CancellationToken.None).ConfigureAwait(false);
                DeleteDirectory(sockets);
                log($"stopped persistent cluster {data}");
            });
        }
        catch
        {
            await StopAsync(data, CancellationToken.None).ConfigureAwait(false);
            files.DeletePort();
            throw;
        }

        string Describe(int p, string dir, string state) =>
            $"PostgreSQL {binaries.Version} persistent cluster at 127.0.0.1:{Port(p)}/{options.DatabaseName} " +
            $"(data {dir}, {state}, binaries {binaries.BinDirectory}{account.Suffix})";
    }

    /// <summary>
    /// When root, checks that the postgres user can traverse the data directory's parent, or its nearest existing ancestor
    /// when the parent does not exist yet (so nothing is created for a path that can never work).
    /// </summary>
    /// <exception cref="InvalidOperationException">Not reachable (e.g. under /root).</exception>
    public async Task CheckReachableAsync(PersistentClusterFiles files, CancellationToken ct)
    {
        var existing = files.Parent;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } up)
        {
            existing = up;
        }

        if (!await account.CanReachAsync(existing, write: false, ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL data directory {files.DataDirectory} is not reachable by the '{ServerAccount.PostgresUser}' OS user that runs the server " +
                $"when this process is root ({existing} or one of its parents is not traversable, as /root is). Use a path such as /var/lib/careerledger/postgres.");
        }
    }

    private static async Task VerifyAsync(string connectionString, string what, TimeSpan limit, Deadline deadline, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(limit < deadline.Remaining ? limit : deadline.Remaining);
        var lastError = new StrongBox<Exception?>();
        try
        {
            await Connections.WaitUntilReadyAsync(Connections.WithDatabase(connectionString, "postgres"), lastError, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"Could not connect to {what} at {Connections.Endpoint(connectionString)}: {lastError.Value?.Message ?? "timed out"}", lastError.Value);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            throw new InvalidOperationException($"Could not connect to {what} at {Connections.Endpoint(connectionString)}: {ex.Message}", ex);
        }
    }
}
