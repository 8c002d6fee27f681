using CareerLedger.Testing;

namespace CareerLedger.EventStore.Tests;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresFixture>;
