namespace CareerLedger.Postgres.Provisioning;

/// <summary>Where the PostgreSQL server behind a <see cref="PostgresServer"/> came from.</summary>
public enum PostgresSource
{
    /// <summary>An explicit connection string supplied by the caller (an external server that is never stopped by us).</summary>
    ConnectionString,

    /// <summary>A private cluster run from local PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>).</summary>
    LocalBinaries,
}
