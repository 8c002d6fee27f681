using Xunit;

namespace CareerLedger.Testing;

/// <summary>
/// The "postgres" test collection: classes marked <c>[Collection(PostgresCollection.Name)]</c> get a <see cref="PostgresFixture"/>.
/// </summary>
/// <remarks>
/// xunit 2 only honours collection definitions declared in the test assembly itself, so each test project must declare
/// its own, e.g. <c>[CollectionDefinition(PostgresCollection.Name)] public sealed class PostgresTests : ICollectionFixture&lt;PostgresFixture&gt;;</c>
/// (or derive from this class and repeat the attribute). The server behind it is shared per process anyway.
/// </remarks>
[CollectionDefinition(Name)]
public class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    /// <summary>The collection name, "postgres".</summary>
    public const string Name = "postgres";
}
