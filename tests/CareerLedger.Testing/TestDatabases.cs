using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CareerLedger.Testing;

/// <summary>Creates uniquely named databases on the shared server; on an external server, drops them again at exit.</summary>
public static class TestDatabases
{
    private const int MaxIdentifierLength = 63;
    private static readonly ConcurrentBag<string> Created = [];

    public static async Task<string> CreateAsync(TestPostgresServer server, string? prefix)
    {
        var name = NewName(prefix);
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        Created.Add(name);
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// A fresh name: the prefix lowercased and reduced to [a-z0-9_], then '_' and 12 random hex digits; at most 63 characters.
    /// </summary>
    internal static string NewName(string? prefix)
    {
        var cleaned = new StringBuilder();
        foreach (var c in (prefix ?? "test").ToLowerInvariant())
        {
            cleaned.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        if (cleaned.Length == 0 || char.IsAsciiDigit(cleaned[0]))
        {
            cleaned.Insert(0, "t_");
        }

        var suffix = "_" + RandomNumberGenerator.GetHexString(12, lowercase: true);
        var head = cleaned.ToString();
        if (head.Length > MaxIdentifierLength - suffix.Length)
        {
            head = head[..(MaxIdentifierLength - suffix.Length)];
        }

        return head + suffix;
    }

    /// <summary>On an external server (not ours to throw away), drops the databases created by this process. Best effort.</summary>
    public static async Task DropAllAsync(TestPostgresServer server)
    {
        if (server.OwnsServer || Created.IsEmpty)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false, Timeout = 5 }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync().ConfigureAwait(false);
        foreach (var name in Created)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // Keep going; a leftover test database is harmless.
            }
        }
    }
}
