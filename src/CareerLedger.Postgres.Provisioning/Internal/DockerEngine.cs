using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;

namespace CareerLedger.Postgres.Provisioning.Internal;

/// <summary>The Docker path: a <c>postgres</c> container started with the <c>docker</c> CLI (no Testcontainers).</summary>
internal sealed class DockerEngine
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private readonly string _docker;
    private readonly Action<string> _log;

    private DockerEngine(string docker, string serverVersion, Action<string> log)
    {
        _docker = docker;
        ServerVersion = serverVersion;
        _log = log;
    }

    public string ServerVersion { get; }

    /// <summary>
    /// The engine when the <c>docker</c> CLI is on PATH and <c>docker info</c> exits 0 within 5 seconds; otherwise null
    /// (the reason is logged). Never throws except for cancellation.
    /// </summary>
    public static async Task<DockerEngine?> DetectAsync(Action<string> log, CancellationToken ct)
    {
        var docker = ProcessRunner.FindOnPath("docker");
        if (docker is null)
        {
            log("docker: CLI not on PATH");
            return null;
        }

        try
        {
            var info = await ProcessRunner.RunAsync(new ProcessSpec(docker, ["info", "--format", "{{.ServerVersion}}"]), ProbeTimeout, ct)
                .ConfigureAwait(false);
            if (!info.Succeeded || string.IsNullOrWhiteSpace(info.StdOut))
            {
                log($"docker: no engine answers ({info.Tail(1)})");
                return null;
            }

            return new DockerEngine(docker, info.StdOut.Trim(), log);
        }
        catch (Exception ex) when (ex is TimeoutException or FileNotFoundException)
        {
            log($"docker: no engine answers ({ex.Message})");
            return null;
        }
    }

    /// <summary>
    /// Runs a container. With <paramref name="files"/> (persistent), the data directory is bind-mounted, the container is
    /// named after it, and an already running one is reused (and then not stopped by us).
    /// </summary>
    /// <exception cref="InvalidOperationException">A docker command failed or the container exited; the message carries its output.</exception>
    [UnsupportedOSPlatform("windows")]
    public async Task<PostgresServer> StartAsync(
        PostgresProvisioningOptions options, PersistentClusterFiles? files, ClusterCredentials? credentials, Deadline deadline, CancellationToken ct)
    {
        var persistent = files is not null;
        var name = files is not null ? "careerledger-pg-" + Secrets.ShortHash(files.DataDirectory) : "careerledger-pg-" + Secrets.NewId();
        credentials ??= new ClusterCredentials(PersistentClusterFiles.DockerSource, LocalCluster.User, Secrets.NewPassword());

        if (files is not null)
        {
            if (await IsRunningAsync(name, ct).ConfigureAwait(false))
            {
                var runningPort = await MappedPortAsync(name, ct).ConfigureAwait(false);
                _log($"reusing running container {name} on port {Port(runningPort)} (it will not be stopped by us)");
                var existing = Connections.Build("127.0.0.1", runningPort, credentials.User, credentials.Password, options.DatabaseName);
                await WaitReadyAsync(name, existing, deadline, ct).ConfigureAwait(false);
                await Connections.EnsureDatabaseAsync(existing, options.DatabaseName, ct).ConfigureAwait(false);
                return new PostgresServer(existing, PostgresSource.Docker,
                    $"PostgreSQL in Docker container {name} at 127.0.0.1:{Port(runningPort)}/{options.DatabaseName} (data {files.DataDirectory}, already running, not ours to stop)",
                    stop: null);
            }

            // A leftover (exited, not removed) container with that name would block "docker run --name".
            await ProcessRunner.RunAsync(Docker("rm", "-f", name), CommandTimeout, ct).ConfigureAwait(false);
            files.WriteCredentials(credentials);
            Directory.CreateDirectory(files.DataDirectory);
        }

        List<string> run =
        [
            "run", "-d", "--rm", "--name", name, "--label", "careerledger.provisioned=true",
            "-e", "POSTGRES_PASSWORD", // value from this CLI's environment: never on a command line
            "-e", "POSTGRES_USER=" + credentials.User,
            "-e", "POSTGRES_DB=" + options.DatabaseName,
            "-p", "127.0.0.1::5432",
        ];
        if (files is not null)
        {
            run.AddRange(["-v", files.DataDirectory + ":/var/lib/postgresql/data"]);
        }

        run.Add(options.DockerImage);
        if (options.FastUnsafe)
        {
            run.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        _log($"docker run {options.DockerImage} as {name} (pulls the image first if missing; counts against StartTimeout)");
        var runSpec = new ProcessSpec(_docker, run)
        {
            DisplayName = "docker run",
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["POSTGRES_PASSWORD"] = credentials.Password },
        };
        var result = await ProcessRunner.RunAsync(runSpec, deadline.Remaining, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw ProcessRunner.Failure(runSpec, result, $"docker run {options.DockerImage}");
        }

        try
        {
            var port = await MappedPortAsync(name, ct).ConfigureAwait(false);
            var connectionString = Connections.Build("127.0.0.1", port, credentials.User, credentials.Password, options.DatabaseName);
            await WaitReadyAsync(name, connectionString, deadline, ct).ConfigureAwait(false);
            await Connections.EnsureDatabaseAsync(connectionString, options.DatabaseName, ct).ConfigureAwait(false);
            var what = files is not null ? $"data {files.DataDirectory}, started by us" : "throwaway";
            return new PostgresServer(connectionString, PostgresSource.Docker,
                $"PostgreSQL in Docker container {name} ({options.DockerImage}) at 127.0.0.1:{Port(port)}/{options.DatabaseName} ({what}{(options.FastUnsafe ? ", fsync off" : string.Empty)})",
                async () =>
                {
                    // Persistent: a clean shutdown keeps the data consistent (--rm removes the container). Throwaway: just kill it.
                    var stop = persistent ? Docker("stop", "-t", "20", name) : Docker("rm", "-f", name);
                    await ProcessRunner.RunAsync(stop, CommandTimeout, CancellationToken.None).ConfigureAwait(false);
                    _log($"removed container {name}");
                });
        }
        catch
        {
            await ProcessRunner.RunAsync(Docker("rm", "-f", name), CommandTimeout, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitReadyAsync(string name, string connectionString, Deadline deadline, CancellationToken ct)
    {
        var lastError = new StrongBox<Exception?>();
        var admin = Connections.WithDatabase(connectionString, "postgres");
        while (true)
        {
            using var slice = CancellationTokenSource.CreateLinkedTokenSource(ct);
            slice.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                await Connections.WaitUntilReadyAsync(admin, lastError, slice.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slice over: check the container is still alive, then keep waiting.
            }
            catch (Npgsql.NpgsqlException ex)
            {
                throw new InvalidOperationException($"Could not connect to container {name} at {Connections.Endpoint(connectionString)}: {ex.Message}", ex);
            }

            if (!await IsRunningAsync(name, ct).ConfigureAwait(false))
            {
                var logs = await ProcessRunner.RunAsync(Docker("logs", "--tail", "10", name), CommandTimeout, ct).ConfigureAwait(false);
                throw new InvalidOperationException(
                    $"Container {name} stopped before accepting connections (data directory from another PostgreSQL major version?): {logs.Tail()}");
            }

            if (deadline.Elapsed > deadline.Budget)
            {
                throw new TimeoutException(
                    $"Container {name} did not accept connections within {deadline.Budget.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s: {lastError.Value?.Message}");
            }
        }
    }

    private async Task<bool> IsRunningAsync(string name, CancellationToken ct)
    {
        var inspect = await ProcessRunner.RunAsync(Docker("inspect", "-f", "{{.State.Running}}", name), CommandTimeout, ct).ConfigureAwait(false);
        return inspect.Succeeded && inspect.StdOut.Trim() == "true";
    }

    private async Task<int> MappedPortAsync(string name, CancellationToken ct)
    {
        var spec = Docker("port", name, "5432/tcp");
        var result = await ProcessRunner.RunCheckedAsync(spec, CommandTimeout, ct).ConfigureAwait(false);
        foreach (var line in result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.LastIndexOf(':');
            if (colon > 0 && int.TryParse(line[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"'docker port {name} 5432/tcp' printed no port: {result.Tail()}");
    }

    private ProcessSpec Docker(params string[] arguments) => new(_docker, arguments) { DisplayName = "docker " + arguments[0] };

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
