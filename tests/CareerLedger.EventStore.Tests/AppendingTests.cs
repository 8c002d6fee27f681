using CareerLedger.Testing;

namespace CareerLedger.EventStore.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AppendingTests(PostgresFixture pg)
{
    private const string T = "tenant-a";

    [Fact]
    public async Task appending_starts_a_stream_and_round_trips_every_event_type()
    {
        var (store, _, clock) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        var result = await store.AppendAsync(T, id, "counter", ExpectedVersion.NoStream,
            [new CounterOpened(id, "wins"), new CounterIncremented(id, 3), new CounterClosed(id)],
            new EventMetadata("corr-1", "cause-1", "user-1"));

        result.Version.ShouldBe(3);
        var events = await store.ReadStreamAsync(T, id);
        events.Select(e => e.Data).ShouldBe([new CounterOpened(id, "wins"), new CounterIncremented(id, 3), new CounterClosed(id)]);
        events.Select(e => e.TypeName).ShouldBe(["counter_opened", "counter_incremented", "counter_closed"]);
        events.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        events.ShouldAllBe(e => e.Metadata == new EventMetadata("corr-1", "cause-1", "user-1"));
        events.ShouldAllBe(e => e.Timestamp == clock.GetUtcNow() && e.StreamType == "counter" && e.TenantId == T);
        events.Select(e => e.Sequence).ShouldBeInOrder();
    }

    [Fact]
    public async Task the_stored_type_is_the_registered_snake_case_name_not_the_clr_name()
    {
        var (store, db, _) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        await store.AppendAsync(T, id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "x")]);
        await using var cmd = db.CreateCommand("select type, data->>'name' from ledger.events");
        await using var r = await cmd.ExecuteReaderAsync();
        (await r.ReadAsync()).ShouldBeTrue();
        r.GetString(0).ShouldBe("counter_opened");
        r.GetString(1).ShouldBe("x");
    }

    [Fact]
    public async Task expected_version_must_match_or_nothing_is_written()
    {
        var (store, db, _) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        await store.AppendAsync(T, id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "x")]);

        var ex = await Should.ThrowAsync<ConcurrencyException>(() =>
            store.AppendAsync(T, id, "counter", ExpectedVersion.Exactly(5), [new CounterIncremented(id, 1)]));
        ex.Actual.ShouldBe(1);
        await Should.ThrowAsync<ConcurrencyException>(() =>
            store.AppendAsync(T, id, "counter", ExpectedVersion.NoStream, [new CounterIncremented(id, 1)]));
        await Should.ThrowAsync<ConcurrencyException>(() =>
            store.AppendAsync(T, Guid.NewGuid(), "counter", ExpectedVersion.Exactly(1), [new CounterIncremented(id, 1)]));

        (await Stores.ScalarAsync(db, "select count(*) from ledger.events")).ShouldBe(1);
        (await store.AppendAsync(T, id, "counter", ExpectedVersion.Exactly(1), [new CounterIncremented(id, 1)])).Version.ShouldBe(2);
        (await store.AppendAsync(T, id, "counter", ExpectedVersion.Any, [new CounterIncremented(id, 1)])).Version.ShouldBe(3);
    }

    [Fact]
    public async Task twenty_concurrent_appends_at_the_same_expected_version_let_exactly_one_win()
    {
        var (store, db, _) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        await store.AppendAsync(T, id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "race")]);
        var seqBefore = await Stores.ScalarAsync(db, "select last_value from ledger.events_seq");

        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await store.AppendAsync(T, id, "counter", ExpectedVersion.Exactly(1), [new CounterIncremented(id, i), new CounterIncremented(id, i)]);
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })).ToArray();
        start.Set();
        var outcomes = await Task.WhenAll(tasks);

        outcomes.Count(won => won).ShouldBe(1);
        var events = await store.ReadStreamAsync(T, id);
        events.Count.ShouldBe(3, "the winner's two events and nothing of the 19 losers");
        var winner = ((CounterIncremented)events[1].Data).By;
        ((CounterIncremented)events[2].Data).By.ShouldBe(winner);
        (await store.GetStreamAsync(T, id))!.Version.ShouldBe(3);
        (await store.LoadAsync<Counter>(T, id.ToString()))!.Data.Total.ShouldBe(winner * 2);
        var seqAfter = await Stores.ScalarAsync(db, "select last_value from ledger.events_seq");
        (seqAfter - seqBefore).ShouldBe(2, "losers are rejected before they take sequence numbers");
    }

    [Fact]
    public async Task concurrent_starts_of_the_same_new_stream_let_exactly_one_win()
    {
        var (store, _, _) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        var tasks = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync(T, id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "n" + i)]);
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })).ToArray();
        (await Task.WhenAll(tasks)).Count(x => x).ShouldBe(1);
        (await store.ReadStreamAsync(T, id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task unregistered_event_types_fail_loudly_on_append()
    {
        var (store, _, _) = await Stores.CreateAsync(pg);
        await Should.ThrowAsync<UnknownEventTypeException>(() =>
            store.AppendAsync(T, Guid.NewGuid(), "counter", ExpectedVersion.Any, [new Unregistered(1)]));
    }

    [Fact]
    public async Task stored_events_of_an_unknown_type_fail_loudly_on_read()
    {
        var (store, db, _) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        await store.AppendAsync(T, id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "x")]);
        await using (var cmd = db.CreateCommand("update ledger.events set type = 'counter_renamed_without_upcaster'"))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        await Should.ThrowAsync<UnknownEventTypeException>(() => store.ReadStreamAsync(T, id));
    }

    [Fact]
    public async Task an_existing_stream_cannot_change_its_type()
    {
        var (store, _, _) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        await store.AppendAsync(T, id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "x")]);
        await Should.ThrowAsync<StreamTypeMismatchException>(() =>
            store.AppendAsync(T, id, "other", ExpectedVersion.Any, [new CounterIncremented(id, 1)]));
    }

    [Fact]
    public async Task event_type_names_must_be_snake_case_and_unique()
    {
        var registry = new EventTypeRegistry();
        Should.Throw<ArgumentException>(() => registry.Register<CounterOpened>("CounterOpened"));
        registry.Register<CounterOpened>("counter_opened");
        Should.Throw<ArgumentException>(() => registry.Register<CounterIncremented>("counter_opened"));
        Should.Throw<ArgumentException>(() => registry.Register<CounterOpened>("counter_opened_again"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task upcasters_map_an_old_stored_shape_to_the_current_type()
    {
        var (store, db, _) = await Stores.CreateAsync(pg, configure: o => o.Events.Upcast(
            "counter_bumped", "counter_incremented", old => new System.Text.Json.Nodes.JsonObject
            {
                ["counterId"] = old["counter"]!.GetValue<string>(),
                ["by"] = old["amount"]!.GetValue<int>() * 1,
            }));
        var id = Guid.NewGuid();
        await store.AppendAsync(T, id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "x"), new CounterIncremented(id, 1)]);
        await using (var cmd = db.CreateCommand(
            $"update ledger.events set type = 'counter_bumped', data = '{{\"counter\": \"{id}\", \"amount\": 7}}' where version = 2"))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        var events = await store.ReadStreamAsync(T, id);
        events[1].Data.ShouldBe(new CounterIncremented(id, 7));
        events[1].TypeName.ShouldBe("counter_bumped");
    }
}
