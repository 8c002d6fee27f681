using System.Globalization;
using System.Runtime.CompilerServices;
using Npgsql;

namespace CareerLedger.Postgres.Provisioning.Internal;

/// <summary>Connection checks shared by all paths.</summary>
internal static class Connections
{
    /// <summary>"host:port/database" (no user, no password) for messages.</summary>
    public static string Endpoint(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            var host = string.IsNullOrEmpty(b.Host) ? "(default host)" : b.Host;
            var database = string.IsNullOrEmpty(b.Database) ? "(default database)" : b.Database;
            return $"{host}:{b.Port.ToString(CultureInfo.InvariantCulture)}/{database}";
        }
        catch (ArgumentException)
        {
            return "(unparsable connection string)";
        }
    }

    /// <summary>The same server and credentials, another database.</summary>
    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    /// <summary>
    /// The connection string handed out for a cluster we started. It sets <c>No Reset On Close=true</c>: by default Npgsql resets
    /// every pooled connection it hands out again (<c>DISCARD ALL</c>, sent with the next command), which is wasted work here
    /// because neither the app nor the tests leave session state behind (no <c>SET</c>, <c>LISTEN</c>, temporary tables or
    /// session-level advisory locks; the schema migrator's lock is transaction-scoped). Code that adds session state must
    /// undo it before closing the connection. An explicit connection string is used as given, with Npgsql's default.
    /// </summary>
    public static string Build(string host, int port, string user, string password, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = port,
            Username = user,
            Password = password,
            Database = database,
            NoResetOnClose = true,
        }.ConnectionString;

    /// <summary>
    /// Opens a connection and runs <c>select 1</c>, retrying transient failures (refused, reset, "starting up")
    /// every 250 ms until it works or <paramref name="ct"/> fires.
    /// </summary>
    /// <exception cref="NpgsqlException">A non-transient failure (bad password, missing database, ...), thrown at once.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired; <paramref name="lastError"/> tells why it never worked.</exception>
    public static async Task WaitUntilReadyAsync(string connectionString, StrongBox<Exception?> lastError, CancellationToken ct)
    {
        var probe = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            Timeout = 5,
            CommandTimeout = 10,
        }.ConnectionString;

        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(ct).ConfigureAwait(false);
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && !ct.IsCancellationRequested)
            {
                lastError.Value = ex;
            }
            catch (TimeoutException ex) when (!ct.IsCancellationRequested)
            {
                lastError.Value = ex;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Creates <paramref name="database"/> unless it exists, connecting to the <c>postgres</c> maintenance database.</summary>
    /// <returns><see langword="true"/> when it was created.</returns>
    public static async Task<bool> EnsureDatabaseAsync(string connectionString, string database, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using (var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = database });
            if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null)
            {
                return false;
            }
        }

        try
        {
            await using var create = new NpgsqlCommand($"create database {QuoteIdentifier(database)}", connection);
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            return false; // Created concurrently by someone else.
        }
    }

    public static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
