using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CareerLedger.Postgres.Provisioning.Internal;

// Ports and postmaster.pid: the port of a server already running, free loopback ports, port formatting.
internal sealed partial class LocalCluster
{
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
