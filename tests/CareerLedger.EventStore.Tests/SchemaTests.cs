using CareerLedger.EventStore.Schema;
using CareerLedger.Testing;

namespace CareerLedger.EventStore.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SchemaTests(PostgresFixture pg)
{
    [Fact]
    public async Task initializing_twice_applies_nothing_the_second_time()
    {
        var (store, _, _) = await Stores.CreateAsync(pg);
        (await store.InitializeAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task two_instances_starting_at_once_both_succeed_and_migrate_once()
    {
        var cs = await pg.CreateDatabaseAsync("es");
        var starts = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Stores.CreateAsync(pg, connectionString: cs))).ToArray();
        var stores = await Task.WhenAll(starts);
        await using var db = Npgsql.NpgsqlDataSource.Create(cs);
        (await Stores.ScalarAsync(db, "select count(*) from ledger.schema_migrations where id = '0001_event_store'")).ShouldBe(1);
        var id = Guid.NewGuid();
        await stores[0].Store.AppendAsync("t", id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "x")]);
        (await stores[3].Store.ReadStreamAsync("t", id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task the_schema_name_is_configurable_and_isolates_stores()
    {
        var cs = await pg.CreateDatabaseAsync("es");
        var (one, _, _) = await Stores.CreateAsync(pg, "one", connectionString: cs);
        var (two, _, _) = await Stores.CreateAsync(pg, "two", connectionString: cs);
        var id = Guid.NewGuid();
        await one.AppendAsync("t", id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "x")]);
        (await two.ReadStreamAsync("t", id)).ShouldBeEmpty();
    }

    [Fact]
    public void schema_names_that_could_inject_sql_are_refused()
    {
        Should.Throw<ArgumentException>(() => SqlNames.Quote("ledger; drop table x"));
        Should.Throw<ArgumentException>(() => SqlNames.Quote("Ledger"));
        SqlNames.Quote("ledger_2").ShouldBe("\"ledger_2\"");
    }
}
