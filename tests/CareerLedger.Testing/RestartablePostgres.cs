using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CareerLedger.Testing;

/// <summary>How <see cref="RestartablePostgres.StopAsync"/> shuts the server down (<c>pg_ctl stop -m …</c>).</summary>
public enum PostgresStopMode
{
    /// <summary><c>-m fast</c>: every backend is told to terminate (SQLSTATE 57P01), open transactions roll back, a checkpoint is written.</summary>
    Fast,

    /// <summary><c>-m immediate</c>: the server quits without a checkpoint, as after a crash; the next start replays the WAL.</summary>
    Immediate,
}

/// <summary>
/// A private PostgreSQL cluster for one fault test: <c>initdb</c> in a fresh temporary folder, <c>pg_ctl start</c> on a free loopback
/// port, and <see cref="StopAsync"/> / <see cref="StartAgainAsync"/> to take it down and bring it back on the same port and data, so a
/// test can stop the database under an app without disturbing the shared server the other tests use
/// (<see cref="SharedPostgres"/>). Runs the server tools as the <c>postgres</c> OS user (<c>runuser</c>) when the tests run as root.
/// </summary>
/// <remarks>
/// Settings: <c>fsync=off</c> (the machine does not crash in these tests; a stopped or killed server still has every committed write in
/// the kernel's page cache) but <c>synchronous_commit</c> stays on, so a commit is acknowledged only after its WAL was written out of
/// PostgreSQL's own memory: an immediate stop then loses nothing that was acknowledged, as on a production server.
/// </remarks>
public sealed class RestartablePostgres : IAsyncDisposable
{
    private const string User = "ledger";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    private readonly string _root;
    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;
    private readonly Action<string> _log;
    private readonly string _password;
    private int _disposed;

    private RestartablePostgres(string root, string binDirectory, bool asPostgresUser, int port, string password, Action<string> log)
    {
        _root = root;
        _binDirectory = binDirectory;
        _asPostgresUser = asPostgresUser;
        Port = port;
        _password = password;
        _log = log;
    }

    /// <summary>The loopback port the server listens on; the same after every restart.</summary>
    public int Port { get; }

    /// <summary>Whether the server is running (as far as this instance started or stopped it).</summary>
    public bool IsRunning { get; private set; }

    /// <summary>A connection string for the server's <c>postgres</c> database (contains the password: do not log it).</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Creates the cluster and starts it (about 1-2 s).</summary>
    /// <param name="log">Receives one line per step (never the password); null: none.</param>
    /// <exception cref="InvalidOperationException">No PostgreSQL server binaries were found, or <c>initdb</c>/<c>pg_ctl</c> failed.</exception>
    public static async Task<RestartablePostgres> StartAsync(Action<string>? log = null)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries (initdb, pg_ctl, postgres) found on PATH or in /usr/lib/postgresql/*/bin: install the postgresql package.");
        var asPostgres = !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;
        var root = Path.Combine(asPostgres ? "/tmp" : Path.GetTempPath(), "careerledger-faults-" + RandomNumberGenerator.GetHexString(12, lowercase: true));
        Directory.CreateDirectory(root);
        var password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var server = new RestartablePostgres(root, bin, asPostgres, FreePort(), password, log ?? (_ => { }));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "sock"));
            var pwfile = Path.Combine(root, "pwfile");
            await File.WriteAllTextAsync(pwfile, password);
            if (asPostgres)
            {
                await RunAsync("chown", ["-R", "postgres", root]);
            }

            await server.RunToolAsync("initdb", ["-D", server.DataDirectory, "-U", User, "--auth=scram-sha-256", $"--pwfile={pwfile}", "-E", "UTF8", "--no-sync", "--no-locale"]);
            File.Delete(pwfile);
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on this server (contains the password: do not log it).</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Password = _password,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates an empty database named <paramref name="name"/> and answers its connection string.</summary>
    /// <exception cref="NpgsqlException">The server is not running, or the database exists.</exception>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionStringFor(name);
    }

    /// <summary>
    /// Stops the server with <c>pg_ctl stop -m fast|immediate -w</c> and waits until it is down. Connections open at that moment break;
    /// new ones are refused until <see cref="StartAgainAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>pg_ctl stop</c> failed.</exception>
    public async Task StopAsync(PostgresStopMode mode)
    {
        var clock = Stopwatch.StartNew();
        await RunToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", mode == PostgresStopMode.Fast ? "fast" : "immediate", "-w", "-t", "30"]);
        IsRunning = false;
        _log($"postgres stopped ({mode.ToString().ToLowerInvariant()}) in {clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");
    }

    /// <summary>Starts the server on the same port and data (<c>pg_ctl start -w</c>) and waits until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException"><c>pg_ctl start</c> failed (the message has the end of the server log).</exception>
    public async Task StartAgainAsync()
    {
        var clock = Stopwatch.StartNew();
        var options = string.Create(CultureInfo.InvariantCulture, $"-p {Port} -k {_root}/sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100");
        var logFile = Path.Combine(_root, "postgres.log");
        try
        {
            await RunToolAsync("pg_ctl", ["start", "-D", DataDirectory, "-l", logFile, "-w", "-t", "60", "-o", options]);
        }
        catch (InvalidOperationException ex)
        {
            var tail = File.Exists(logFile) ? string.Join(" | ", File.ReadLines(logFile).TakeLast(5)) : "";
            throw new InvalidOperationException($"{ex.Message}; server log: {tail}", ex);
        }

        IsRunning = true;
        _log($"postgres started on 127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)} in {clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");
    }

    /// <summary>Stops the server at once (<c>-m immediate</c>) and deletes its folder. Best effort; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "30"]);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
        {
            _log($"could not stop the fault-test cluster in {_root}: {ex.Message}");
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _log($"could not delete {_root}: {ex.Message}");
        }
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var program = Path.Combine(_binDirectory, tool);
        return _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : RunAsync(program, arguments);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(ToolTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not finish within {ToolTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            string text;
            lock (output)
            {
                text = output.ToString().Trim();
            }

            throw new InvalidOperationException($"{Path.GetFileName(program)} {arguments.FirstOrDefault()} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {text}");
        }
    }

    private static string? FindBinaries()
    {
        static bool Complete(string dir) => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres"));

        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.EnumerateDirectories(debian)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(x => Complete(x.Dir))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return newest.Dir;
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var pgCtl = Path.Combine(dir, "pg_ctl");
            if (File.Exists(pgCtl))
            {
                var real = new FileInfo(pgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl;
                if (Path.GetDirectoryName(real) is { } realDir && Complete(realDir))
                {
                    return realDir;
                }
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
