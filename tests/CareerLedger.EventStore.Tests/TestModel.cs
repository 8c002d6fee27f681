using CareerLedger.EventStore;
using CareerLedger.EventStore.Projections;
using CareerLedger.Testing;
using Npgsql;

namespace CareerLedger.EventStore.Tests;

public sealed record CounterOpened(Guid CounterId, string Name);
public sealed record CounterIncremented(Guid CounterId, int By);
public sealed record CounterClosed(Guid CounterId);
public sealed record Unregistered(int X);

public sealed record Counter(Guid Id, string Name, int Total, int Increments);

public sealed class CounterProjection() : SingleStreamProjection<Counter>(
    "counters", [typeof(CounterOpened), typeof(CounterIncremented), typeof(CounterClosed)])
{
    protected override Counter? Evolve(Counter? current, StoredEvent e) => e.Data switch
    {
        CounterOpened o => new Counter(o.CounterId, o.Name, 0, 0),
        CounterIncremented i => current! with { Total = current.Total + i.By, Increments = current.Increments + 1 },
        CounterClosed => null,
        _ => current,
    };
}

/// <summary>A store over its own fresh database (schema per test class, as Marten's tests do).</summary>
public static class Stores
{
    public static async Task<(PostgresEventStore Store, NpgsqlDataSource Db, FixedClock Clock)> CreateAsync(
        PostgresFixture pg, string schema = "ledger", Action<EventStoreOptions>? configure = null, string? connectionString = null)
    {
        var cs = connectionString ?? await pg.CreateDatabaseAsync("es");
        var db = NpgsqlDataSource.Create(cs);
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var options = new EventStoreOptions { Schema = schema, Clock = clock };
        options.Events
            .Register<CounterOpened>("counter_opened")
            .Register<CounterIncremented>("counter_incremented")
            .Register<CounterClosed>("counter_closed");
        options.Documents.Register<Counter>("counter");
        options.Projections.Add(new CounterProjection());
        configure?.Invoke(options);
        var store = new PostgresEventStore(db, options);
        await store.InitializeAsync();
        return (store, db, clock);
    }

    public static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
