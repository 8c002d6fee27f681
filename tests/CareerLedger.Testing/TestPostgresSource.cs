namespace CareerLedger.Testing;

/// <summary>Where the PostgreSQL server behind a <see cref="TestPostgresServer"/> came from, in the order the fixture tries them.</summary>
public enum TestPostgresSource
{
    /// <summary>The server named by <c>CAREERLEDGER_TEST_DB</c>; used as is and never stopped by the tests.</summary>
    ConnectionString,

    /// <summary>A throwaway <c>postgres:16-alpine</c> container started with Testcontainers.PostgreSql, because a Docker engine answered.</summary>
    Testcontainers,

    /// <summary>A throwaway cluster started from local PostgreSQL server binaries (fsync off), because no Docker engine answered.</summary>
    LocalCluster,
}
