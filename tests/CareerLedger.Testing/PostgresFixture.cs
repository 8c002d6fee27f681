using CareerLedger.Postgres.Provisioning;
using Xunit;

namespace CareerLedger.Testing;

/// <summary>
/// A real PostgreSQL for tests: <c>CAREERLEDGER_TEST_DB</c> when set, else Docker, else a throwaway cluster from local server
/// binaries (fsync off). The server is shared by the whole test process (<see cref="SharedPostgres"/>), so disposing a fixture does
/// not stop it; it is stopped at process exit. Isolate a test class with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>Connection string of the shared server's default database (<c>careerledger_test</c>, or the one in <c>CAREERLEDGER_TEST_DB</c>).</summary>
    /// <exception cref="InvalidOperationException">Used before xunit initialised the fixture.</exception>
    public string ConnectionString => Server.ConnectionString;

    /// <summary>The shared server (source, description).</summary>
    /// <exception cref="InvalidOperationException">Used before xunit initialised the fixture.</exception>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgresFixture is not initialised yet (xunit calls InitializeAsync first).");

    /// <summary>Gets (on first use: starts) the shared server.</summary>
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
