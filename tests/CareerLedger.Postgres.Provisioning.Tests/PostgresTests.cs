using CareerLedger.Testing;

namespace CareerLedger.Postgres.Provisioning.Tests;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresFixture>;

/// <summary>
/// Tests that start their own clusters from local binaries run one after another: several concurrent initdb runs on a small
/// machine would make their timing assertions flaky.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LocalClusterTests
{
    public const string Name = "local clusters";
}
