using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CareerLedger.Postgres.Provisioning.Internal;

// Running the server tools: initdb, pg_ctl start (with the server's settings) and pg_ctl stop.
internal sealed partial class LocalCluster
{
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
}
