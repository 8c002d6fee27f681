using System.Runtime.CompilerServices;
using System.Runtime.Versioning;

namespace CareerLedger.Postgres.Provisioning.Internal;

/// <summary>
/// A private cluster run from local server binaries: <c>initdb</c>, then <c>pg_ctl start</c> on a free loopback port.
/// Throwaway clusters live in a fresh directory under the temp folder; persistent ones in the given data directory.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class LocalCluster(
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
}
