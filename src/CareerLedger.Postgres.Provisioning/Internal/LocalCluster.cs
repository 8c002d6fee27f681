using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using System.Text;

namespace CareerLedger.Postgres.Provisioning.Internal;

/// <summary>
/// A private cluster run from local server binaries: <c>initdb</c>, then <c>pg_ctl start</c> on a free loopback port.
/// Throwaway clusters live in a fresh directory under the temp folder; persistent ones in the given data directory.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class LocalCluster(
    PostgresBinaries binaries,
    ServerAccount account,
    PostgresProvisioningOptions options,
    Action<string> log)
{
    public const string User = "ledger";
    private const string ThrowawayPrefix = "careerledger-pg-";
    private const string OwnerFileName = "owner";
    private const string DeletingSuffix = ".deleting";
    private const int StartAttempts = 3;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Starts a throwaway cluster in a fresh temporary directory that <see cref="PostgresServer.DisposeAsync"/> deletes.</summary>
    public async Task<PostgresServer> StartThrowawayAsync(Deadline deadline, CancellationToken ct)
    {
        var tempBase = await ThrowawayBaseAsync(ct).ConfigureAwait(false);
        await SweepAbandonedAsync(tempBase, ct).ConfigureAwait(false);

        var root = Path.Combine(tempBase, ThrowawayPrefix + Secrets.NewId());
        var data = Path.Combine(root, "data");
        var sockets = Path.Combine(root, "sock");
        var logFile = Path.Combine(root, "postgres.log");
        var started = false;
        try
        {
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            WriteOwnerFile(root);
            Directory.CreateDirectory(sockets, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var password = Secrets.NewPassword();
            var pwfile = Path.Combine(root, "pwfile");
            WritePrivateFile(pwfile, password);
            await account.ChownAsync(root, ct).ConfigureAwait(false);

            log($"initdb (PostgreSQL {binaries.Version}) in {data}{account.Suffix}");
            await InitDbAsync(data, pwfile, noSync: true, deadline, ct).ConfigureAwait(false);
            File.Delete(pwfile);

            started = true;
            var port = await StartServerAsync(data, sockets, logFile, preferredPort: null, deadline, ct).ConfigureAwait(false);
            var connectionString = Connections.Build("127.0.0.1", port, User, password, options.DatabaseName);
            await Connections.WaitUntilReadyAsync(Connections.WithDatabase(connectionString, "postgres"), new StrongBox<Exception?>(), ct)
                .ConfigureAwait(false);
            await Connections.EnsureDatabaseAsync(connectionString, options.DatabaseName, ct).ConfigureAwait(false);

            var description =
                $"PostgreSQL {binaries.Version} throwaway cluster at 127.0.0.1:{Port(port)}/{options.DatabaseName} " +
                $"(data {data}, binaries {binaries.BinDirectory}{account.Suffix}{(options.FastUnsafe ? ", fsync off" : string.Empty)})";
            return new PostgresServer(connectionString, PostgresSource.LocalBinaries, description, async () =>
            {
                // Immediate shutdown: the data is discarded anyway, and it takes ~15 ms instead of ~115 ms, which matters
                // when this runs at process exit and the host (e.g. vstest's testhost) may be killed shortly after.
                await StopThrowawayAsync(data).ConfigureAwait(false);
                DeleteThrowaway(root);
                log($"stopped and deleted throwaway cluster {root}");
            });
        }
        catch
        {
            if (started)
            {
                await StopThrowawayAsync(data).ConfigureAwait(false);
            }

            DeleteThrowaway(root);
            throw;
        }
    }

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
            credentials = new ClusterCredentials(PersistentClusterFiles.LocalSource, User, credentials?.Password ?? Secrets.NewPassword());
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

    private async Task InitDbAsync(string data, string pwfile, bool noSync, Deadline deadline, CancellationToken ct)
    {
        List<string> common = ["-D", data, "-U", User, "--auth=scram-sha-256", $"--pwfile={pwfile}", "-E", "UTF8"];
        if (noSync)
        {
            common.Add("--no-sync");
        }

        var spec = account.Wrap(new ProcessSpec(binaries.InitDb, [.. common, "--locale=C.UTF-8"]) { DisplayName = "initdb" });
        var result = await ProcessRunner.RunAsync(spec, deadline.Remaining, ct).ConfigureAwait(false);
        if (!result.Succeeded && result.StdErr.Contains("locale", StringComparison.OrdinalIgnoreCase))
        {
            log("locale C.UTF-8 is not available here; initdb again with --no-locale");
            spec = account.Wrap(new ProcessSpec(binaries.InitDb, [.. common, "--no-locale"]) { DisplayName = "initdb" });
            result = await ProcessRunner.RunAsync(spec, deadline.Remaining, ct).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            throw ProcessRunner.Failure(spec, result, $"initdb for {data}");
        }
    }

    /// <summary>
    /// <c>pg_ctl start -w</c> on a free loopback port (the preferred one when it is free), retrying up to
    /// <see cref="StartAttempts"/> times when another process took the port in between.
    /// </summary>
    /// <returns>The port the server listens on.</returns>
    private async Task<int> StartServerAsync(string data, string sockets, string logFile, int? preferredPort, Deadline deadline, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = attempt == 1 && preferredPort is { } preferred && IsPortFree(preferred) ? preferred : FreePort();
            var offset = File.Exists(logFile) ? new FileInfo(logFile).Length : 0;
            var serverOptions = new StringBuilder()
                .Append("-p ").Append(Port(port))
                .Append(" -k ").Append(ProcessRunner.ShellQuote(sockets))
                .Append(" -c listen_addresses=127.0.0.1");
            if (options.FastUnsafe)
            {
                serverOptions.Append(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            }

            var spec = account.Wrap(new ProcessSpec(
                binaries.PgCtl,
                ["-D", data, "-l", logFile, "-w", "-t", deadline.RemainingSeconds.ToString(CultureInfo.InvariantCulture), "-o", serverOptions.ToString(), "start"])
            {
                DisplayName = "pg_ctl start",
            });
            log($"starting postgres on 127.0.0.1:{Port(port)} (attempt {attempt.ToString(CultureInfo.InvariantCulture)})");
            var clock = Stopwatch.StartNew();
            var result = await ProcessRunner.RunAsync(spec, deadline.Remaining + TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
            if (result.Succeeded)
            {
                log($"postgres accepted the start in {clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");
                return port;
            }

            var serverLog = ReadFrom(logFile, offset);
            if (attempt < StartAttempts && serverLog.Contains("Address already in use", StringComparison.Ordinal))
            {
                log($"port {Port(port)} was taken meanwhile; retrying with another port");
                continue;
            }

            // pg_ctl -w may give up while the server is still coming up: do not leave it behind.
            await StopAsync(data, CancellationToken.None).ConfigureAwait(false);
            var lastLines = string.Join(" | ", serverLog.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(5));
            throw new InvalidOperationException(
                $"pg_ctl could not start the cluster in {data} (exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}): {result.Tail(3)}" +
                (lastLines.Length > 0 ? $"; server log {logFile}: {lastLines}" : string.Empty));
        }
    }

    /// <summary>
    /// When a server runs on <paramref name="files"/>' data directory (postmaster.pid present and <c>pg_ctl status</c> agrees),
    /// its port; otherwise null. A stale postmaster.pid (crash) reads as not running: pg_ctl/postgres replace it on start.
    /// </summary>
    private async Task<int?> RunningPortAsync(PersistentClusterFiles files, CancellationToken ct)
    {
        var pidFile = Path.Combine(files.DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        if (lines.Length >= 1 && int.TryParse(lines[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsZombie(pid))
        {
            // The postmaster died (crash, kill -9) but its parent has not reaped it yet. pg_ctl and postgres both treat a zombie
            // as alive ("lock file already exists"), so wait until it is gone; then the stale file is replaced on start.
            log($"postmaster PID {pid.ToString(CultureInfo.InvariantCulture)} of {files.DataDirectory} is dead but not yet reaped; waiting");
            var waited = Stopwatch.StartNew();
            while (IsZombie(pid))
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException(
                        $"The dead postmaster (PID {pid.ToString(CultureInfo.InvariantCulture)}) of {files.DataDirectory} was not reaped within 30 s, so PostgreSQL cannot start there. " +
                        "Restart the machine or container, or make sure its init process reaps orphans.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
            }
        }

        var status = await ProcessRunner.RunAsync(
            account.Wrap(new ProcessSpec(binaries.PgCtl, ["status", "-D", files.DataDirectory]) { DisplayName = "pg_ctl status" }),
            TimeSpan.FromSeconds(15), ct).ConfigureAwait(false);
        if (status.ExitCode != 0)
        {
            log($"found a stale postmaster.pid in {files.DataDirectory} (no server running; an earlier run ended abruptly)");
            return null;
        }

        // postmaster.pid line 4 is the port; prefer it, fall back to the port file we wrote.
        if (lines.Length >= 4 && int.TryParse(lines[3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pidPort))
        {
            return pidPort;
        }

        return files.ReadPort()
            ?? throw new InvalidOperationException(
                $"A server is running on {files.DataDirectory} but its port is unknown ({files.PortPath} and postmaster.pid do not say). " +
                $"Stop it with 'pg_ctl stop -D {files.DataDirectory}' and start again.");
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

    /// <summary><c>pg_ctl stop -m fast</c>, then <c>-m immediate</c> if that fails. Best effort; never throws.</summary>
    private async Task StopAsync(string data, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            return;
        }

        foreach (var mode in new[] { "fast", "immediate" })
        {
            try
            {
                var result = await ProcessRunner.RunAsync(
                    account.Wrap(new ProcessSpec(binaries.PgCtl, ["stop", "-D", data, "-m", mode, "-w", "-t", "30"]) { DisplayName = "pg_ctl stop" }),
                    StopTimeout, ct).ConfigureAwait(false);
                if (result.Succeeded || !File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    return;
                }

                log($"pg_ctl stop -m {mode} failed for {data}: {result.Tail(2)}");
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or FileNotFoundException)
            {
                log($"pg_ctl stop -m {mode} failed for {data}: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// Throwaway clusters: <c>pg_ctl stop -m immediate -W</c> (the signal is sent at once, so the server goes down even if this
    /// process is killed right after), then waits up to 10 s for postmaster.pid to vanish; falls back to <see cref="StopAsync"/>.
    /// </summary>
    private async Task StopThrowawayAsync(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        try
        {
            await ProcessRunner.RunAsync(
                account.Wrap(new ProcessSpec(binaries.PgCtl, ["stop", "-D", data, "-m", "immediate", "-W"]) { DisplayName = "pg_ctl stop" }),
                StopTimeout, CancellationToken.None).ConfigureAwait(false);
            var waited = Stopwatch.StartNew();
            while (File.Exists(pidFile) && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or FileNotFoundException)
        {
            log($"pg_ctl stop -m immediate failed for {data}: {ex.Message}");
        }

        await StopAsync(data, CancellationToken.None).ConfigureAwait(false); // no-op when already down
    }

    /// <summary>
    /// Renames the throwaway root to <c>*.deleting</c> first (atomic), then deletes it, so a deletion cut short by process exit
    /// leaves a directory that the next sweep recognises and removes.
    /// </summary>
    private void DeleteThrowaway(string root)
    {
        var doomed = root + DeletingSuffix;
        try
        {
            Directory.Move(root, doomed);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            doomed = root;
        }

        DeleteDirectory(doomed);
    }

    /// <summary>Where throwaway clusters go: the temp folder, or /tmp when root and the temp folder is private to root.</summary>
    private async Task<string> ThrowawayBaseAsync(CancellationToken ct)
    {
        var tempBase = Path.TrimEndingDirectorySeparator(Path.GetTempPath());
        if (account.IsRoot && !await account.CanReachAsync(tempBase, write: false, ct).ConfigureAwait(false))
        {
            log($"{tempBase} is not reachable by the postgres user; using /tmp");
            return "/tmp";
        }

        return tempBase;
    }

    /// <summary>
    /// Stops and deletes throwaway clusters whose owning process is gone (killed test hosts), so they do not pile up.
    /// Best effort; never throws.
    /// </summary>
    private async Task SweepAbandonedAsync(string tempBase, CancellationToken ct)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(tempBase, ThrowawayPrefix + "*").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var root in candidates)
        {
            if (!IsAbandoned(root))
            {
                continue;
            }

            log($"removing abandoned throwaway cluster {root} (its process is gone)");
            await StopThrowawayAsync(Path.Combine(root, "data")).ConfigureAwait(false);
            if (root.EndsWith(DeletingSuffix, StringComparison.Ordinal))
            {
                DeleteDirectory(root);
            }
            else
            {
                DeleteThrowaway(root);
            }
        }
    }

    private static bool IsAbandoned(string root)
    {
        try
        {
            if (root.EndsWith(DeletingSuffix, StringComparison.Ordinal))
            {
                // A deletion cut short. Let a deletion in progress finish first.
                return Directory.GetLastWriteTimeUtc(root) < DateTime.UtcNow.AddMinutes(-1);
            }

            var ownerFile = Path.Combine(root, OwnerFileName);
            if (!File.Exists(ownerFile))
            {
                // The owner file is written right after the directory is created: without one after minutes, it is debris.
                return Directory.GetCreationTimeUtc(root) < DateTime.UtcNow.AddMinutes(-5);
            }

            var parts = File.ReadAllText(ownerFile).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
            {
                return false;
            }

            if (IsZombie(pid))
            {
                return true; // killed, not yet reaped
            }

            try
            {
                using var owner = Process.GetProcessById(pid);
                var ownerStart = owner.StartTime.ToUniversalTime().Ticks;
                return Math.Abs(ownerStart - startTicks) > TimeSpan.TicksPerSecond; // pid reused by another process
            }
            catch (ArgumentException)
            {
                return true; // no such process
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>The postmaster's PID from line 1 of <c>postmaster.pid</c>, or null when there is none.</summary>
    private static int? ReadPostmasterPid(string data)
    {
        try
        {
            var first = File.ReadLines(Path.Combine(data, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="pid"/> is a zombie (Linux /proc); false when alive, gone, or unknown.</summary>
    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void WriteOwnerFile(string root)
    {
        using var self = Process.GetCurrentProcess();
        var text = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {self.StartTime.ToUniversalTime().Ticks}\n");
        File.WriteAllText(Path.Combine(root, OwnerFileName), text);
    }

    private static void WritePrivateFile(string path, string content)
    {
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        stream.Write(Encoding.UTF8.GetBytes(content + "\n"));
    }

    private static string ReadFrom(string file, long offset)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static void RotateLog(string logFile)
    {
        try
        {
            if (File.Exists(logFile) && new FileInfo(logFile).Length > 10 * 1024 * 1024)
            {
                File.Move(logFile, logFile + ".old", overwrite: true);
            }
        }
        catch (IOException)
        {
            // Keep appending to the big one.
        }
    }

    private void EmptyDirectory(string path)
    {
        try
        {
            foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo dir)
                {
                    dir.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log($"could not empty {path} after a failed initdb: {ex.Message}; empty it by hand before the next start");
        }
    }

    private void DeleteDirectory(string path)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (attempt == 2)
                {
                    log($"could not delete {path}: {ex.Message}");
                }

                Thread.Sleep(200);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static bool IsPortFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
