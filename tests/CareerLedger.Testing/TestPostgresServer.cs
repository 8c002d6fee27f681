namespace CareerLedger.Testing;

/// <summary>
/// The PostgreSQL server the tests of one process share (see <see cref="SharedPostgres"/>): its connection string, where it came from,
/// and a one-line description for logs.
/// </summary>
public sealed class TestPostgresServer : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owned;
    private int _disposed;

    internal TestPostgresServer(string connectionString, TestPostgresSource source, string description, IAsyncDisposable? owned)
    {
        ConnectionString = connectionString;
        Source = source;
        Description = description;
        _owned = owned;
    }

    /// <summary>An Npgsql connection string for the server's default database (contains the password: do not log it).</summary>
    public string ConnectionString { get; }

    /// <summary>Which of the three sources served: <c>CAREERLEDGER_TEST_DB</c>, Testcontainers or a local cluster.</summary>
    public TestPostgresSource Source { get; }

    /// <summary>One line for logs: source, address and database. Never contains the password.</summary>
    public string Description { get; }

    /// <summary>
    /// <see langword="true"/> when the tests started this server (a container or a local cluster) and <see cref="DisposeAsync"/>
    /// throws it away with everything in it; <see langword="false"/> for <c>CAREERLEDGER_TEST_DB</c>.
    /// </summary>
    public bool OwnsServer => _owned is not null;

    /// <summary>
    /// Stops and removes a container or local cluster the tests started; does nothing for <c>CAREERLEDGER_TEST_DB</c>.
    /// Idempotent; never throws (cleanup is best effort).
    /// </summary>
    /// <returns>A task that completes when the server is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _owned is null)
        {
            return;
        }

        try
        {
            await _owned.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: Testcontainers' reaper or the next run's sweep of abandoned clusters removes leftovers.
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Description;
}
