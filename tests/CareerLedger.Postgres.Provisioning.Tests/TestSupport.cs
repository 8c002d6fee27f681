using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Xunit.Abstractions;

namespace CareerLedger.Postgres.Provisioning.Tests;

/// <summary>Collects the provisioner's progress lines and forwards them to the test output.</summary>
internal sealed class ProvisionerLog(ITestOutputHelper output)
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Write(string line)
    {
        _lines.Enqueue(line);
        try
        {
            output.WriteLine("[provisioner] " + line);
        }
        catch (InvalidOperationException)
        {
            // The test already finished (a late line from a background cleanup): keep it in Lines only.
        }
    }
}

internal static class TestSupport
{
    /// <summary>True when the tests run as root (the provisioner then runs the server programs as the postgres OS user).</summary>
    public static bool IsRoot => !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;

    public static string Password(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Password ?? throw new InvalidOperationException("The connection string has no password.");

    public static int Port(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Port;

    public static string Database(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database ?? throw new InvalidOperationException("The connection string has no database.");

    /// <summary>Runs one query on a fresh, unpooled connection (so no idle connection outlives the test).</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return (T)value!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString;

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A loopback port that nothing listens on (taken from the OS, then released).</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// A fresh scratch folder that the postgres OS user can traverse: under /tmp when root (root's temp folder may be private),
    /// else under the temp folder. Mode 0755 whatever the umask.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static string NewScratchFolder()
    {
        var tempBase = IsRoot ? "/tmp" : Path.TrimEndingDirectorySeparator(Path.GetTempPath());
        var folder = Path.Combine(tempBase, "cl-prov-tests-" + Guid.NewGuid().ToString("N"));
        const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(folder, Traversable);
        File.SetUnixFileMode(folder, Traversable);
        return folder;
    }

    /// <summary>
    /// Best-effort cleanup after a persistent-cluster test, also when it failed half-way: stops a server still running on
    /// <paramref name="dataDirectory"/> (as the postgres OS user when root), then deletes <paramref name="folder"/> and the
    /// socket directory the provisioner keeps for that data directory.
    /// </summary>
    public static async Task CleanUpPersistentAsync(string folder, string dataDirectory, ITestOutputHelper output)
    {
        try
        {
            if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")) && FindPgCtl() is { } pgCtl)
            {
                output.WriteLine($"cleanup: a server still runs on {dataDirectory}; stopping it");
                string[] stop = [pgCtl, "stop", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "20"];
                await RunAsync(IsRoot ? ["runuser", "-u", "postgres", "--", .. stop] : stop);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            output.WriteLine($"cleanup: could not stop the server on {dataDirectory}: {ex.Message}");
        }

        // Mirrors LocalCluster: sockets of a persistent cluster live in <temp>/careerledger-sock-<first 10 hex of sha256(data dir)>.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..10];
        var tempBase = Path.TrimEndingDirectorySeparator(Path.GetTempPath());
        foreach (var path in new[] { folder, Path.Combine(tempBase, "careerledger-sock-" + hash), Path.Combine("/tmp", "careerledger-sock-" + hash) })
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                output.WriteLine($"cleanup: could not delete {path}: {ex.Message}");
            }
        }
    }

    private static string? FindPgCtl()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "pg_ctl"))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin", "pg_ctl"))
                .Where(File.Exists)
                .OrderByDescending(path => path, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
    }

    private static async Task RunAsync(string[] command)
    {
        var psi = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in command.Skip(1))
        {
            psi.ArgumentList.Add(argument);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {command[0]}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        await Task.WhenAll(stdout, stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(' ', command)} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {await stderr}");
        }
    }
}
