using CareerLedger.Testing;

namespace CareerLedger.EventStore.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ReadingTests(PostgresFixture pg)
{
    private const string T = "tenant-a";

    [Fact]
    public async Task a_stream_can_be_read_up_to_a_version_or_as_of_a_timestamp()
    {
        var (store, _, clock) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        var t0 = clock.GetUtcNow();
        await store.AppendAsync(T, id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "x")]);
        clock.Advance(TimeSpan.FromDays(1));
        await store.AppendAsync(T, id, "counter", ExpectedVersion.Exactly(1), [new CounterIncremented(id, 1)]);
        clock.Advance(TimeSpan.FromDays(1));
        await store.AppendAsync(T, id, "counter", ExpectedVersion.Exactly(2), [new CounterIncremented(id, 2)]);

        (await store.ReadStreamAsync(T, id, toVersion: 2)).Count.ShouldBe(2);
        (await store.ReadStreamAsync(T, id, asOf: t0)).Count.ShouldBe(1);
        (await store.ReadStreamAsync(T, id, asOf: t0.AddDays(1).AddHours(1))).Count.ShouldBe(2);
        (await store.ReadStreamAsync(T, id, asOf: t0.AddSeconds(-1))).ShouldBeEmpty();
        (await store.ReadStreamAsync(T, Guid.NewGuid())).ShouldBeEmpty();
    }

    [Fact]
    public async Task read_all_returns_every_tenants_events_in_global_order_from_a_position()
    {
        var (store, _, _) = await Stores.CreateAsync(pg);
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await store.AppendAsync(i % 2 == 0 ? "a" : "b", id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "n"), new CounterIncremented(id, i)]);
        }

        var all = await store.ReadAllAsync(0);
        all.Count.ShouldBe(10);
        all.Select(e => e.Sequence).ShouldBeInOrder();
        all.Select(e => e.TenantId).Distinct().Count().ShouldBe(2);

        var rest = await store.ReadAllAsync(all[3].Sequence, limit: 4);
        rest.Select(e => e.Sequence).ShouldBe(all.Skip(4).Take(4).Select(e => e.Sequence));
        (await store.ReadAllAsync(all[^1].Sequence)).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_high_water_mark_waits_for_an_open_append_that_holds_a_lower_sequence()
    {
        var (store, db, _) = await Stores.CreateAsync(pg);
        var first = Guid.NewGuid();
        await store.AppendAsync(T, first, "counter", ExpectedVersion.NoStream, [new CounterOpened(first, "x")]);

        // An append that has taken a sequence value but not committed yet (a slow transaction).
        await using var slow = await db.OpenConnectionAsync();
        await using var tx = await slow.BeginTransactionAsync();
        var slowId = Guid.NewGuid();
        await using (var cmd = new Npgsql.NpgsqlCommand(
            "select * from ledger.append_events('t', $1, 'counter', 0, array[gen_random_uuid()], array['counter_opened'], array[jsonb_build_object('counterId', $1::text, 'name', 'slow')], array['{}'::jsonb], now())",
            slow, tx))
        {
            cmd.Parameters.AddWithValue(slowId);
            await cmd.ExecuteNonQueryAsync();
        }

        // A later append commits with a higher sequence value.
        var later = Guid.NewGuid();
        await store.AppendAsync(T, later, "counter", ExpectedVersion.NoStream, [new CounterOpened(later, "later")]);

        var hwm = store.GetHighWaterMarkAsync();
        await Task.Delay(300);
        hwm.IsCompleted.ShouldBeFalse("a reader must not pass the gap while the transaction that owns it is alive");
        await tx.CommitAsync();
        var mark = await hwm;
        var laterEvent = (await store.ReadStreamAsync(T, later)).Single();
        mark.ShouldBe(laterEvent.Sequence, "the mark is the highest position committed when it was asked for");
        var all = await store.ReadAllAsync(0);
        all.Count.ShouldBe(3);
        var slowEvent = all.Single(e => e.StreamId == slowId);
        slowEvent.Sequence.ShouldBeLessThan(mark, "the slow append took its sequence value first and committed last: the gap a naive reader would skip");
        all.Select(e => e.Sequence).ShouldBeInOrder();
    }

    [Fact]
    public async Task tenant_reads_filter_by_stream_type_and_recorded_time()
    {
        var (store, _, clock) = await Stores.CreateAsync(pg);
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        await store.AppendAsync(T, a, "counter", ExpectedVersion.NoStream, [new CounterOpened(a, "a")]);
        var cut = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(1));
        await store.AppendAsync(T, b, "gauge", ExpectedVersion.NoStream, [new CounterOpened(b, "b")]);
        await store.AppendAsync(T, a, "counter", ExpectedVersion.Exactly(1), [new CounterIncremented(a, 1)]);

        (await store.ReadTenantAsync(T, ["counter"])).Count.ShouldBe(2);
        (await store.ReadTenantAsync(T, ["counter", "gauge"])).Count.ShouldBe(3);
        (await store.ReadTenantAsync(T, ["counter", "gauge"], cut)).Count.ShouldBe(1);
        (await store.ReadTenantAsync("someone-else", ["counter", "gauge"])).ShouldBeEmpty();
    }
}
