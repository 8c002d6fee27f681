namespace CareerLedger.Postgres.Provisioning;

/// <summary>
/// A PostgreSQL server found or started by <see cref="PostgresProvisioner.StartAsync"/>.
/// Disposing it stops the private cluster that was started for it and deletes a throwaway data directory;
/// it does nothing for an external server or for a persistent cluster that was already running.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly Func<ValueTask>? _stop;
    private int _disposed;

    internal PostgresServer(string connectionString, PostgresSource source, string description, Func<ValueTask>? stop)
    {
        ConnectionString = connectionString;
        Source = source;
        Description = description;
        _stop = stop;
    }

    /// <summary>An Npgsql connection string for the server and database (contains the password: do not log it).</summary>
    public string ConnectionString { get; }

    /// <summary>Where the server came from.</summary>
    public PostgresSource Source { get; }

    /// <summary>One line for logs: kind, address, database and, for a cluster, its data directory. Never contains the password.</summary>
    public string Description { get; }

    /// <summary>
    /// <see langword="true"/> when this instance started the server and <see cref="DisposeAsync"/> will stop it;
    /// <see langword="false"/> for an explicit connection string or an already running persistent cluster.
    /// </summary>
    public bool OwnsServer => _stop is not null;

    /// <summary>
    /// Stops the cluster this instance started (<c>pg_ctl stop</c>: <c>-m immediate</c> for a throwaway cluster, <c>-m fast</c> for a
    /// persistent one), then deletes a throwaway data directory.
    /// Idempotent. Cleanup failures are swallowed (best effort); it never throws.
    /// </summary>
    /// <returns>A task that completes when the server is stopped (at most about 30 seconds).</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _stop is null)
        {
            return;
        }

        try
        {
            await _stop().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: disposal must not mask the caller's own exception.
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Description;
}
