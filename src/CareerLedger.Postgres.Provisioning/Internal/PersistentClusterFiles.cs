using System.Globalization;
using System.Runtime.Versioning;
using System.Text;

namespace CareerLedger.Postgres.Provisioning.Internal;

/// <summary>What a persistent cluster keeps beside its data directory.</summary>
internal sealed record ClusterCredentials(string User, string Password);

/// <summary>
/// The files kept next to a persistent data directory <c>&lt;parent&gt;/&lt;name&gt;</c>:
/// <c>&lt;name&gt;.credentials</c> (user and password; mode 0600), <c>&lt;name&gt;.port</c> (the port of a
/// server we started) and <c>&lt;name&gt;.lock</c> (serialises concurrent starts).
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class PersistentClusterFiles
{
    public PersistentClusterFiles(string dataDirectory)
    {
        DataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        Parent = Path.GetDirectoryName(DataDirectory)
            ?? throw new ArgumentException($"The data directory must not be a file system root (was '{dataDirectory}').", nameof(dataDirectory));
        var name = Path.GetFileName(DataDirectory);
        CredentialsPath = Path.Combine(Parent, name + ".credentials");
        PortPath = Path.Combine(Parent, name + ".port");
        LockPath = Path.Combine(Parent, name + ".lock");
    }

    public string DataDirectory { get; }

    public string Parent { get; }

    public string CredentialsPath { get; }

    public string PortPath { get; }

    public string LockPath { get; }

    /// <summary>True when the data directory holds an initialised cluster (<c>PG_VERSION</c> exists).</summary>
    public bool ClusterExists => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    /// <summary>The major version that created the cluster (contents of <c>PG_VERSION</c>), or null.</summary>
    public string? ClusterVersion => ClusterExists ? File.ReadAllText(Path.Combine(DataDirectory, "PG_VERSION")).Trim() : null;

    /// <summary>
    /// Takes the per-cluster lock file exclusively, polling until <paramref name="ct"/> fires.
    /// Dispose the result to release it.
    /// </summary>
    public async Task<IDisposable> LockAsync(Action<string> log, CancellationToken ct)
    {
        Directory.CreateDirectory(Parent);
        var announced = false;
        while (true)
        {
            try
            {
                return new FileStream(LockPath, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            }
            catch (IOException) when (!ct.IsCancellationRequested)
            {
                if (!announced)
                {
                    log($"waiting for another process that is starting the cluster in {DataDirectory} ({LockPath})");
                    announced = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads the credentials file, or null when absent.</summary>
    /// <exception cref="InvalidOperationException">The file exists but is not readable as credentials.</exception>
    public ClusterCredentials? ReadCredentials()
    {
        if (!File.Exists(CredentialsPath))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(CredentialsPath))
        {
            var trimmed = line.Trim();
            var eq = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (trimmed.Length == 0 || trimmed[0] == '#' || eq <= 0)
            {
                continue;
            }

            values[trimmed[..eq].Trim()] = trimmed[(eq + 1)..].Trim();
        }

        if (!values.TryGetValue("password", out var password) || password.Length == 0)
        {
            throw new InvalidOperationException($"The credentials file {CredentialsPath} has no 'password=' line. Restore it, or delete it together with {DataDirectory} to start over.");
        }

        return new ClusterCredentials(values.GetValueOrDefault("user", "ledger"), password);
    }

    /// <summary>Writes the credentials file with mode 0600, owned by the current user.</summary>
    public void WriteCredentials(ClusterCredentials credentials)
    {
        var text = new StringBuilder()
            .Append("# CareerLedger private PostgreSQL cluster at ").Append(DataDirectory).Append('\n')
            .Append("# Generated on first start; keep this file private (mode 0600). Deleting it makes the cluster unusable.\n")
            .Append("user=").Append(credentials.User).Append('\n')
            .Append("password=").Append(credentials.Password).Append('\n')
            .ToString();
        WritePrivate(CredentialsPath, text);
    }

    /// <summary>The port recorded by the last start, or null.</summary>
    public int? ReadPort() =>
        File.Exists(PortPath) && int.TryParse(File.ReadAllText(PortPath).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    public void WritePort(int port) => WritePrivate(PortPath, port.ToString(CultureInfo.InvariantCulture) + "\n");

    public void DeletePort()
    {
        try
        {
            File.Delete(PortPath);
        }
        catch (IOException)
        {
            // Stale port files are harmless: the running check comes first.
        }
    }

    private static void WritePrivate(string path, string text)
    {
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var temp = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        using (var stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = Private,
        }))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }

        File.SetUnixFileMode(temp, Private);
        File.Move(temp, path, overwrite: true);
    }
}
