using Xunit;

namespace CareerLedger.Testing;

/// <summary>
/// A real PostgreSQL for tests. The server comes from, in order: <c>CAREERLEDGER_TEST_DB</c> when set; else a throwaway
/// <c>postgres:16-alpine</c> container started with Testcontainers when a Docker engine answers (checked in at most a second);
/// else a throwaway cluster from local server binaries with fsync off. <see cref="Server"/> says which one served.
/// The server is shared by the whole test process (<see cref="SharedPostgres"/>), so disposing a fixture does not stop it;
/// it is stopped at process exit.
/// </summary>
/// <remarks>
/// Test classes are isolated by database, not by cleaning tables: each class takes a fresh, empty database of its own from
/// <see cref="CreateDatabaseAsync"/> (or <see cref="LedgerAppFactory"/>). That is faster here than resetting one shared database
/// between tests with a tool such as Respawn: a class pays one <c>CREATE DATABASE</c> (about 0.1 s on a server with fsync off)
/// instead of a delete pass over every table after each test, and classes running in parallel never see each other's rows, so
/// none has to wait for another. On a <c>CAREERLEDGER_TEST_DB</c> server the databases are dropped again at exit.
/// </remarks>
public sealed class PostgresFixture : IAsyncLifetime
{
    private TestPostgresServer? _server;

    /// <summary>Connection string of the shared server's default database (<c>careerledger_test</c>, or the one in <c>CAREERLEDGER_TEST_DB</c>).</summary>
    /// <exception cref="InvalidOperationException">Used before xunit initialised the fixture.</exception>
    public string ConnectionString => Server.ConnectionString;

    /// <summary>The shared server: its source (<see cref="TestPostgresSource"/>) and description.</summary>
    /// <exception cref="InvalidOperationException">Used before xunit initialised the fixture.</exception>
    public TestPostgresServer Server => _server ?? throw new InvalidOperationException("PostgresFixture is not initialised yet (xunit calls InitializeAsync first).");

    /// <summary>Gets (on first use: finds or starts) the shared server.</summary>
    public async Task InitializeAsync() => _server = await SharedPostgres.GetAsync().ConfigureAwait(false);

    /// <summary>Does nothing: the shared server outlives fixtures and is stopped at process exit.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Creates a fresh, empty database with a unique name (<paramref name="prefix"/> lowercased to [a-z0-9_], plus a random
    /// suffix; at most 63 characters) on the shared server.
    /// </summary>
    /// <param name="prefix">Readable start of the name, e.g. the test class name; <see langword="null"/> = "test".</param>
    /// <returns>A connection string for the new database.</returns>
    /// <exception cref="Npgsql.NpgsqlException">CREATE DATABASE failed (e.g. no CREATEDB privilege on an external server).</exception>
    public Task<string> CreateDatabaseAsync(string? prefix = null) => TestDatabases.CreateAsync(Server, prefix);
}
