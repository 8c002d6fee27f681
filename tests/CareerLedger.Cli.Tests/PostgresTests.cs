using CareerLedger.Testing;

namespace CareerLedger.Cli.Tests;

/// <summary>xunit 2 only honours collection definitions in the test assembly itself, so the "postgres" collection is declared here.</summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresFixture>;
