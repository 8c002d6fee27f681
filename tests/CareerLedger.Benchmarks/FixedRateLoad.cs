using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CareerLedger.Benchmarks;

/// <summary>One scenario of the "Load at fixed rates" table.</summary>
/// <param name="Name">What is requested, as the table shows it.</param>
/// <param name="Path">The request's path and query, relative to the app's base address.</param>
/// <param name="Rate">The offered rate in requests per second.</param>
/// <param name="TargetRate">The rate the target is about; the target is judged only when <paramref name="Rate"/> equals it.</param>
/// <param name="P99TargetMs">The p99 latency the target asks to stay below, in ms.</param>
/// <param name="PostBodiesFile">For a POST, the file of request bodies (see ops/bench-load.lua); null for a GET.</param>
internal sealed record LoadScenario(string Name, string Path, int Rate, int TargetRate, double P99TargetMs, string? PostBodiesFile);

/// <summary>wrk and the pacing script, found before the run starts.</summary>
/// <param name="Wrk">The wrk executable.</param>
/// <param name="Script">ops/bench-load.lua, as copied next to the benchmark.</param>
/// <param name="Version">wrk's version line, e.g. <c>wrk debian/4.1.0-3+b2 [epoll]</c>.</param>
internal sealed record LoadTools(string Wrk, string Script, string Version);

/// <summary>The JSON line that <c>done()</c> of ops/bench-load.lua prints (latencies in microseconds).</summary>
internal sealed record WrkSummary
{
    /// <summary>"grid" (a monotonic clock paces every thread) or "fixed-delay" (the fallback without LuaJIT's FFI).</summary>
    public string Pacing { get; init; } = "";

    /// <summary>True when every non-2xx answer was counted in the script's <c>response()</c>; false: wrk's count of status ≥ 400.</summary>
    public bool CountStatus { get; init; }

    /// <summary>Answers received in the run (any status).</summary>
    public long Requests { get; init; }

    /// <summary>The run's length as wrk measured it.</summary>
    public long DurationUs { get; init; }

    /// <summary>Bytes read.</summary>
    public long Bytes { get; init; }

    /// <summary>Median latency.</summary>
    public long P50Us { get; init; }

    /// <summary>99th percentile latency.</summary>
    public long P99Us { get; init; }

    /// <summary>99.9th percentile latency.</summary>
    public long P999Us { get; init; }

    /// <summary>Slowest answer.</summary>
    public long MaxUs { get; init; }

    /// <summary>Mean latency.</summary>
    public double MeanUs { get; init; }

    /// <summary>Answers that were not 2xx (see <see cref="CountStatus"/>).</summary>
    public long Non2xx { get; init; }

    /// <summary>wrk's own count of answers with a status ≥ 400.</summary>
    public long StatusErrors { get; init; }

    /// <summary>Connections that could not be opened.</summary>
    public long ConnectErrors { get; init; }

    /// <summary>Socket read errors (for example a connection reset).</summary>
    public long ReadErrors { get; init; }

    /// <summary>Socket write errors.</summary>
    public long WriteErrors { get; init; }

    /// <summary>Requests not answered within wrk's <c>--timeout</c>.</summary>
    public long Timeouts { get; init; }

    /// <summary>The first non-2xx status seen (0 for none; only when <see cref="CountStatus"/>).</summary>
    public int FirstBadStatus { get; init; }

    /// <summary>The start of that answer's body.</summary>
    public string FirstBadBody { get; init; } = "";

    /// <summary>Socket errors of every kind.</summary>
    public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors + Timeouts;

    /// <summary>Errors as the table counts them: non-2xx answers plus socket errors.</summary>
    public long Errors => Non2xx + SocketErrors;

    /// <summary>Answers per second over the run.</summary>
    public double AchievedPerSecond => DurationUs > 0 ? Requests / (DurationUs / 1e6) : 0;
}

/// <summary>What one measured scenario gave, with what the app and the machine did meanwhile.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Wrk">wrk's figures.</param>
/// <param name="PeakRssMb">The app's peak resident memory during the measured run.</param>
/// <param name="PeakFromHwm">True when the peak is the app's VmHWM, reset right before the run; false when only sampled VmRSS (every 100 ms).</param>
/// <param name="AppCpu">CPU time the app used during the measured run.</param>
/// <param name="MachineBusy">Share of all cores' time that was not idle during the measured run (0-1, every process).</param>
/// <param name="LoadAverageBefore">The 1-minute load average right before the measured run.</param>
/// <param name="DbCpu">CPU time of the PostgreSQL server (postmaster and backends) during the measured run; null for a server elsewhere.</param>
/// <param name="WrkCpu">CPU time of wrk during the measured run (sampled every 100 ms, so up to 100 ms short); null when not read.</param>
internal sealed record LoadResult(
    LoadScenario Scenario, WrkSummary Wrk, double PeakRssMb, bool PeakFromHwm, TimeSpan AppCpu, double MachineBusy, string LoadAverageBefore,
    TimeSpan? DbCpu, TimeSpan? WrkCpu)
{
    /// <summary>App CPU milliseconds per answer.</summary>
    public double AppCpuMsPerRequest => Wrk.Requests > 0 ? AppCpu.TotalMilliseconds / Wrk.Requests : double.NaN;

    /// <summary>Cores the app kept busy on average.</summary>
    public double AppCores => Wrk.DurationUs > 0 ? AppCpu.TotalSeconds / (Wrk.DurationUs / 1e6) : double.NaN;
}

/// <summary>
/// Runs a <see cref="LoadScenario"/> against the running app with wrk (a second process, on loopback), paced to a fixed rate by
/// ops/bench-load.lua: a warm-up run at the same rate, then the measured run, while the app's memory and CPU are sampled from
/// /proc. Latencies are wrk's, per request after pacing; coordinated omission is not corrected (wrk2 is not in Debian).
/// </summary>
internal static class FixedRateLoad
{
    /// <summary>The pacing script's file name (copied next to the benchmark from ops/).</summary>
    public const string ScriptName = "bench-load.lua";

    /// <summary>wrk's <c>--timeout</c>: a request not answered by then counts as a socket error.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Finds wrk and the script, and reads wrk's version.</summary>
    /// <exception cref="InvalidOperationException">wrk or the script is missing.</exception>
    public static async Task<LoadTools> FindToolsAsync(string wrk, CancellationToken ct)
    {
        var path = Locate(wrk) ?? throw new InvalidOperationException(
            $"wrk was not found ('{wrk}'): install Debian's package (apt-get install wrk; ops/bench does when it is missing), pass --wrk PATH, or skip the load scenarios with --no-load.");
        var script = Path.Combine(AppContext.BaseDirectory, ScriptName);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"The pacing script is missing at {script} (the build copies ops/{ScriptName}).");
        }

        // wrk has no version flag of its own: -v prints the version line with the usage and exits 1.
        var info = new ProcessStartInfo(path, ["-v"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {path}.");
        var output = await process.StandardOutput.ReadToEndAsync(ct) + await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var first = output.Split('\n').FirstOrDefault(l => l.StartsWith("wrk ", StringComparison.Ordinal)) ?? "wrk (version unknown)";
        var copyright = first.IndexOf(" Copyright", StringComparison.Ordinal);
        return new LoadTools(path, script, (copyright > 0 ? first[..copyright] : first).Trim());
    }

    /// <summary>Runs the warm-up and the measured run of <paramref name="scenario"/>.</summary>
    /// <param name="tools">wrk and the script.</param>
    /// <param name="app">The app under load.</param>
    /// <param name="token">The user's personal access token.</param>
    /// <param name="scenario">What to request, how fast.</param>
    /// <param name="postmaster">The local PostgreSQL server's postmaster, for its CPU time; null when it runs elsewhere.</param>
    /// <param name="options">Threads, connections, durations.</param>
    /// <param name="ct">Cancels the run (wrk is killed).</param>
    /// <exception cref="InvalidOperationException">wrk failed or printed no result.</exception>
    public static async Task<LoadResult> RunAsync(
        LoadTools tools, AppProcess app, string token, LoadScenario scenario, int? postmaster, BenchOptions options, CancellationToken ct)
    {
        if (options.LoadWarmupSeconds > 0)
        {
            // Not judged: an app far slower than the rate may answer nothing within a short warm-up (wrk drops what is in flight).
            var warm = await RunWrkAsync(tools, app.BaseAddress, token, scenario, options, options.LoadWarmupSeconds, _ => { }, ct);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[bench] {scenario.Name} warm-up: {warm.AchievedPerSecond:N0} req/s, {warm.Errors} errors"));
        }

        var fromHwm = app.TryResetPeakRss();
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var dbBefore = postmaster is { } pm ? ProcCpu.TreeOf(pm) : (TimeSpan?)null;
        var cpuBefore = app.CpuTime;
        var machineBefore = MachineTicks();
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var wrkPid = 0;
        var sampler = SampleAsync(app, () => Volatile.Read(ref wrkPid), stopSampling.Token);
        WrkSummary summary;
        try
        {
            summary = await RunWrkAsync(tools, app.BaseAddress, token, scenario, options, options.LoadSeconds, pid => Volatile.Write(ref wrkPid, pid), ct);
        }
        finally
        {
            await stopSampling.CancelAsync();
        }

        var (sampled, wrkCpu) = await sampler;
        var cpu = app.CpuTime - cpuBefore;
        var machineAfter = MachineTicks();
        var db = postmaster is { } pm2 && dbBefore is { } before ? ProcCpu.TreeOf(pm2) - before : (TimeSpan?)null;
        var total = machineAfter.Total - machineBefore.Total;
        var busy = total > 0 ? 1 - ((machineAfter.Idle - machineBefore.Idle) / (double)total) : double.NaN;
        var peak = fromHwm ? Math.Max(app.PeakRssMb, sampled) : sampled;
        return new LoadResult(scenario, summary, peak, fromHwm, cpu, busy, load, db, wrkCpu);
    }

    private static async Task<WrkSummary> RunWrkAsync(
        LoadTools tools, Uri baseAddress, string token, LoadScenario scenario, BenchOptions options, int seconds, Action<int> started, CancellationToken ct)
    {
        var invariant = CultureInfo.InvariantCulture;
        var info = new ProcessStartInfo(tools.Wrk)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "-t", options.LoadThreads.ToString(invariant), "-c", options.LoadConnections.ToString(invariant),
            "-d", seconds.ToString(invariant) + "s", "--timeout", RequestTimeout.TotalSeconds.ToString(invariant) + "s", "--latency",
            "-s", tools.Script, new Uri(baseAddress, scenario.Path).ToString(),
        })
        {
            info.ArgumentList.Add(arg);
        }

        // The token goes through the environment, not the command line.
        info.Environment["LOAD_RATE"] = scenario.Rate.ToString(invariant);
        info.Environment["LOAD_THREADS"] = options.LoadThreads.ToString(invariant);
        info.Environment["LOAD_CONNECTIONS"] = options.LoadConnections.ToString(invariant);
        info.Environment["LOAD_TOKEN"] = token;
        info.Environment["LOAD_MODE"] = scenario.PostBodiesFile is null ? "get" : "post";
        if (scenario.PostBodiesFile is { } bodies)
        {
            info.Environment["LOAD_BODIES"] = bodies;
            info.Environment["LOAD_IDEMPOTENCY"] = "key";
            info.Environment["LOAD_COUNT_STATUS"] = "1"; // small answers: counting every status in Lua costs little
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tools.Wrk}.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start {tools.Wrk}: {ex.Message}", ex);
        }

        using (process)
        {
            started(process.Id);
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
            patience.CancelAfter(TimeSpan.FromSeconds(seconds) + RequestTimeout + TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
                ct.ThrowIfCancellationRequested();
                throw new TimeoutException($"wrk did not finish {scenario.Name} within {seconds} s plus a minute.");
            }

            var output = await stdout;
            var errors = await stderr;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk exited with code {process.ExitCode} in {scenario.Name}:\n{errors}{output}");
            }

            var line = output.Split('\n').LastOrDefault(l => l.StartsWith("{\"wrk_load\"", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"wrk printed no result line in {scenario.Name}:\n{errors}{output}");
            return JsonSerializer.Deserialize<WrkSummary>(line, Json) ?? throw new InvalidOperationException($"wrk's result line is empty: {line}");
        }
    }

    /// <summary>Every 100 ms until cancelled: the highest VmRSS of the app, and the last CPU time read of wrk (once it started).</summary>
    private static async Task<(double MaxRssMb, TimeSpan? WrkCpu)> SampleAsync(AppProcess app, Func<int> wrkPid, CancellationToken ct)
    {
        var max = app.RssMb;
        TimeSpan? wrk = null;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                max = Math.Max(max, app.RssMb);
                if (wrkPid() is > 0 and var pid && ProcCpu.Of(pid) is { } cpu)
                {
                    wrk = cpu;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the measured run ended
        }

        return (Math.Max(max, app.RssMb), wrk);
    }

    /// <summary>All cores' time from the first line of /proc/stat, and the idle part of it (idle + iowait), in clock ticks.</summary>
    private static (long Total, long Idle) MachineTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already counted in user and nice.
        var total = fields.Take(8).Sum();
        return (total, fields[3] + fields[4]);
    }

    private static string? Locate(string wrk)
    {
        if (wrk.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(wrk) ? Path.GetFullPath(wrk) : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, wrk))
            .FirstOrDefault(File.Exists);
    }
}
