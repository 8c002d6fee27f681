using CareerLedger.Testing;

namespace CareerLedger.EventStore.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ProjectionTests(PostgresFixture pg)
{
    [Fact]
    public async Task inline_projections_are_written_in_the_append_transaction()
    {
        var (store, _, _) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        await store.AppendAsync("t", id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "x"), new CounterIncremented(id, 4)]);
        var doc = await store.LoadAsync<Counter>("t", id.ToString());
        doc!.Data.ShouldBe(new Counter(id, "x", 4, 1));
        doc.Version.ShouldBe(2);

        await store.AppendAsync("t", id, "counter", ExpectedVersion.Exactly(2), [new CounterClosed(id)]);
        (await store.LoadAsync<Counter>("t", id.ToString())).ShouldBeNull();
    }

    [Fact]
    public async Task a_failing_projection_rolls_back_the_events_too()
    {
        var (store, db, _) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        // CounterIncremented on a stream without CounterOpened makes the projection throw (current is null).
        await Should.ThrowAsync<NullReferenceException>(() =>
            store.AppendAsync("t", id, "counter", ExpectedVersion.NoStream, [new CounterIncremented(id, 1)]));
        (await Stores.ScalarAsync(db, "select count(*) from ledger.events")).ShouldBe(0);
        (await Stores.ScalarAsync(db, "select count(*) from ledger.streams")).ShouldBe(0);
    }

    [Fact]
    public async Task rebuilding_a_projection_yields_the_same_documents_as_inline()
    {
        var (store, db, _) = await Stores.CreateAsync(pg);
        var rng = new Random(42);
        for (var s = 0; s < 30; s++)
        {
            var id = Guid.NewGuid();
            var tenant = "t" + (s % 3);
            await store.AppendAsync(tenant, id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "c" + s)]);
            var version = 1L;
            for (var i = rng.Next(0, 6); i > 0; i--)
            {
                await store.AppendAsync(tenant, id, "counter", ExpectedVersion.Exactly(version++), [new CounterIncremented(id, rng.Next(1, 10))]);
            }

            if (s % 7 == 0)
            {
                await store.AppendAsync(tenant, id, "counter", ExpectedVersion.Exactly(version), [new CounterClosed(id)]);
            }
        }

        var before = await DumpAsync(db);
        await using (var wreck = db.CreateCommand("update ledger.doc_counter set data = jsonb_set(data, '{total}', '-1')"))
        {
            await wreck.ExecuteNonQueryAsync();
        }

        (await DumpAsync(db)).ShouldNotBe(before);
        var replayed = await store.RebuildAsync("counters");
        replayed.ShouldBe(await Stores.ScalarAsync(db, "select count(*) from ledger.events"));
        (await DumpAsync(db)).ShouldBe(before);
    }

    private static async Task<List<string>> DumpAsync(Npgsql.NpgsqlDataSource db)
    {
        var rows = new List<string>();
        await using var cmd = db.CreateCommand("select tenant_id, id, data::text, version from ledger.doc_counter order by tenant_id, id");
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add($"{r.GetString(0)}|{r.GetString(1)}|{r.GetString(2)}|{r.GetInt64(3)}");
        }

        return rows;
    }
}
