using CareerLedger.Testing;

namespace CareerLedger.EventStore.Tests;

[Collection(PostgresCollection.Name)]
public sealed class TenancyTests(PostgresFixture pg)
{
    [Fact]
    public async Task tenant_a_never_sees_tenant_bs_streams_or_documents()
    {
        var (store, _, _) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        await store.AppendAsync("b", id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "b's")]);

        (await store.ReadStreamAsync("a", id)).ShouldBeEmpty();
        (await store.GetStreamAsync("a", id)).ShouldBeNull();
        (await store.LoadAsync<Counter>("a", id.ToString())).ShouldBeNull();
        (await store.ListAsync<Counter>("a")).ShouldBeEmpty();
        (await store.ListAsync<Counter>("b")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task the_same_stream_id_in_two_tenants_is_two_streams()
    {
        var (store, _, _) = await Stores.CreateAsync(pg);
        var id = Guid.NewGuid();
        await store.AppendAsync("a", id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "a's"), new CounterIncremented(id, 1)]);
        await store.AppendAsync("b", id, "counter", ExpectedVersion.NoStream, [new CounterOpened(id, "b's")]);

        (await store.ReadStreamAsync("a", id)).Count.ShouldBe(2);
        (await store.ReadStreamAsync("b", id)).Count.ShouldBe(1);
        (await store.LoadAsync<Counter>("a", id.ToString()))!.Data.Name.ShouldBe("a's");
        (await store.LoadAsync<Counter>("b", id.ToString()))!.Data.Name.ShouldBe("b's");
    }
}
