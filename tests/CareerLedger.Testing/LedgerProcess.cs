using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace CareerLedger.Testing;

/// <summary>
/// The built app (<c>CareerLedger.Web.dll</c>) as a separate OS process, started with <c>dotnet</c> on a given database: for tests that
/// kill it hard (<see cref="KillAsync"/>, SIGKILL on Linux) and start it again, and for its maintenance commands
/// (<see cref="RunCommandAsync"/>). Production environment, warning-level logging, reminder jobs off unless asked for.
/// </summary>
public sealed class LedgerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private int _disposed;

    private LedgerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The OS process id.</summary>
    public int Id => _process.Id;

    /// <summary>From process start until <c>GET /health/ready</c> first answered 200.</summary>
    public TimeSpan StartToReady { get; private set; }

    /// <summary>
    /// The app's dll: <c>src/CareerLedger.Web/bin/&lt;configuration&gt;/net10.0/CareerLedger.Web.dll</c> of the repository the tests run
    /// from (the configuration of the test build), else the copy next to the test assembly.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither exists.</exception>
    public static string FindAppDll()
    {
        var baseDirectory = AppContext.BaseDirectory;
        var configuration = baseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareerLedger.sln")))
            {
                var built = Path.Combine(dir.FullName, "src", "CareerLedger.Web", "bin", configuration, "net10.0", "CareerLedger.Web.dll");
                if (File.Exists(built))
                {
                    return built;
                }

                break;
            }
        }

        var beside = Path.Combine(baseDirectory, "CareerLedger.Web.dll");
        return File.Exists(beside) ? beside : throw new FileNotFoundException("CareerLedger.Web.dll was not found; build src/CareerLedger.Web first.", beside);
    }

    /// <summary>Starts the app on <paramref name="connectionString"/> and waits until <c>/health/ready</c> answers 200.</summary>
    /// <param name="connectionString">The app's <c>ConnectionStrings:Ledger</c>.</param>
    /// <param name="settings">Extra environment variables (e.g. <c>CareerLedger__Jobs__Enabled</c>).</param>
    /// <exception cref="InvalidOperationException">The app exited or was not ready within 90 s (the message has its last output lines).</exception>
    public static async Task<LedgerProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}/"));
        var info = Info(connectionString, settings, ["--urls", baseAddress.ToString().TrimEnd('/')]);
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var app = new LedgerProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => app.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync(clock);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs a maintenance command of the app (for example <c>rebuild all</c>) on <paramref name="connectionString"/> to its end.
    /// </summary>
    /// <returns>The exit code and everything it wrote (stdout and stderr).</returns>
    /// <exception cref="TimeoutException">It ran longer than 2 minutes (it is killed).</exception>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string connectionString, params string[] arguments)
    {
        var info = Info(connectionString, null, arguments);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', arguments)}' did not finish within 2 minutes.");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>An HTTP client for the app: no proxy, 30 s timeout, optionally with a bearer token.</summary>
    public HttpClient CreateClient(string? token = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>Registers a new user (unique e-mail, Europe/Berlin) and answers their access token and user id.</summary>
    /// <exception cref="HttpRequestException">Registration or sign-in did not answer 2xx.</exception>
    public async Task<(string Token, Guid UserId)> CreateUserAsync()
    {
        using var anonymous = CreateClient();
        var email = $"user-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery staple";
        (await anonymous.PostAsJsonAsync("/api/accounts", new { email, password, timeZone = "Europe/Berlin", displayName = "Crash Test" })).EnsureSuccessStatusCode();
        var token = await anonymous.PostAsJsonAsync("/api/tokens", new { email, password, name = "tests" });
        token.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("token").GetString()!, json.RootElement.GetProperty("user").GetProperty("id").GetGuid());
    }

    /// <summary>Kills the process at once (SIGKILL on Linux: no shutdown code runs, open connections are simply dropped) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(); // the app is the dotnet process itself: no children to take along
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the app gracefully (SIGTERM), or kills it after 15 s; then releases the process. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (!_process.HasExited)
        {
            try
            {
                using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                if (term is not null)
                {
                    await term.WaitForExitAsync();
                }

                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    /// <summary>The last 40 lines the process wrote.</summary>
    public string RecentOutput()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    private static ProcessStartInfo Info(string connectionString, IReadOnlyDictionary<string, string>? settings, IReadOnlyList<string> arguments)
    {
        var dll = FindAppDll();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ConnectionStrings__Ledger"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["CareerLedger__Jobs__Enabled"] = "false";
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        info.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private async Task WaitUntilReadyAsync(Stopwatch clock)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready:\n{RecentOutput()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    StartToReady = clock.Elapsed;
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(25);
        }

        throw new InvalidOperationException($"The app was not ready within {ReadyTimeout.TotalSeconds} s:\n{RecentOutput()}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
