using System.Text;
using Npgsql;

namespace CareerLedger.Postgres.Provisioning;

/// <summary>
/// Settings for <see cref="PostgresProvisioner.StartAsync"/>: which PostgreSQL to use or how to start one.
/// </summary>
/// <remarks>
/// <see cref="object.ToString"/> on this record never prints the password of <see cref="ConnectionString"/>.
/// </remarks>
public sealed record PostgresProvisioningOptions
{
    /// <summary>
    /// An explicit Npgsql connection string (for example from <c>ConnectionStrings__Ledger</c>).
    /// When set, nothing is started: the server is only checked (open plus <c>select 1</c>) and used as is.
    /// <see langword="null"/> or blank means "find or start one".
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// Where a cluster started by us keeps its data.
    /// <see langword="null"/> (the default) means a throwaway cluster in a fresh temporary directory that is deleted on dispose.
    /// A path means a persistent cluster kept across runs: created on first use, reused (same password, same data) afterwards.
    /// Its credentials are stored next to it in <c>&lt;parent&gt;/&lt;name&gt;.credentials</c> (mode 0600).
    /// When the process runs as root, the path must be reachable by the <c>postgres</c> OS user
    /// (not under <c>/root</c>; for example <c>/var/lib/careerledger/postgres</c>).
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// The database created (if missing) on a server we start, and named in the returned connection string.
    /// Ignored for an explicit <see cref="ConnectionString"/>. Default <c>careerledger</c>. At most 63 bytes.
    /// </summary>
    public string DatabaseName { get; init; } = "careerledger";

    /// <summary>
    /// Run a server we start with <c>fsync=off</c>, <c>synchronous_commit=off</c> and <c>full_page_writes=off</c>.
    /// Much faster, but a crash of the machine can corrupt the cluster: for tests only. Default <see langword="false"/>.
    /// </summary>
    public bool FastUnsafe { get; init; }

    /// <summary>
    /// Upper bound for the whole start (checks, <c>initdb</c>, server start, waiting until it accepts connections).
    /// Default 60 seconds. A <see cref="TimeoutException"/> is thrown when it elapses.
    /// </summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range.</summary>
    internal void Validate()
    {
        if (StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(StartTimeout)} must be positive (was {StartTimeout}).", nameof(StartTimeout));
        }

        if (string.IsNullOrWhiteSpace(DatabaseName) || Encoding.UTF8.GetByteCount(DatabaseName) > 63 || DatabaseName.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{nameof(DatabaseName)} must be 1 to 63 bytes without NUL characters (was '{DatabaseName}').", nameof(DatabaseName));
        }
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ConnectionString = ").Append(ConnectionString is null ? "null" : Redact(ConnectionString))
            .Append(", DataDirectory = ").Append(DataDirectory ?? "null")
            .Append(", DatabaseName = ").Append(DatabaseName)
            .Append(", FastUnsafe = ").Append(FastUnsafe)
            .Append(", StartTimeout = ").Append(StartTimeout);
        return true;
    }

    private static string Redact(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (builder.Password is not null)
            {
                builder.Password = "***";
            }

            return builder.ToString();
        }
        catch (ArgumentException)
        {
            return "(unparsable connection string)";
        }
    }
}
