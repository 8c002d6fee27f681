using CareerLedger.Testing;

namespace CareerLedger.Web.Tests;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresFixture>;
