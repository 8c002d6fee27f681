using CareerLedger.Testing;

namespace CareerLedger.Postgres.Provisioning.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFixtureTests(PostgresFixture pg)
{
    private const string UserTables =
        "select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace " +
        "where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'";

    private const string NamePattern = "^fresh_db__[0-9a-f]{12}$";

    [Fact]
    public async Task create_database_returns_a_fresh_empty_uniquely_named_database_on_each_call()
    {
        var first = await pg.CreateDatabaseAsync("Fresh DB!");
        var second = await pg.CreateDatabaseAsync("Fresh DB!");
        var third = await pg.CreateDatabaseAsync();

        string[] names = [TestSupport.Database(first), TestSupport.Database(second), TestSupport.Database(third)];
        names.Distinct(StringComparer.Ordinal).Count().ShouldBe(3);
        names.ShouldNotContain(TestSupport.Database(pg.ConnectionString));
        names[0].ShouldMatch(NamePattern);
        names[1].ShouldMatch(NamePattern);
        names[2].ShouldStartWith("test_");

        foreach (var (connectionString, name) in new[] { first, second, third }.Zip(names))
        {
            (await TestSupport.ScalarAsync<string>(connectionString, "select current_database()")).ShouldBe(name);
            (await TestSupport.ScalarAsync<int>(connectionString, UserTables)).ShouldBe(0, $"{name} should be empty");
        }

        // Fresh means isolated: a table made in one is not in the next.
        await TestSupport.ExecuteAsync(first, "create table only_in_first (id int)");
        (await TestSupport.ScalarAsync<int>(first, UserTables)).ShouldBe(1);
        (await TestSupport.ScalarAsync<int>(second, UserTables)).ShouldBe(0);
    }
}
