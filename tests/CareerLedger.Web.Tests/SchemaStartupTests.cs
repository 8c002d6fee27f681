using CareerLedger.Domain.Feedback;
using CareerLedger.Testing;
using CareerLedger.Web.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareerLedger.Web.Tests;

/// <summary>
/// Several app instances starting at once on an empty database each apply the schema at start-up (Program.cs); Marten
/// serialises that with a PostgreSQL advisory lock (<c>StoreOptions.ApplyChangesLockId</c>), so all of them start.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SchemaStartupTests
{
    [Fact]
    public async Task instances_creating_the_schema_at_the_same_time_all_succeed_and_share_one_store()
    {
        var server = await SharedPostgres.GetAsync();
        var connectionString = await TestDatabases.CreateAsync(server, "startup");
        var hosts = Enumerable.Range(0, 6).Select(_ => Host.CreateDefaultBuilder().ConfigureServices(services => services
            .AddMarten(LedgerStore.Configure(new StoreOptions(), "ledger", TimeProvider.System).Also(o => o.Connection(connectionString)))
            .ApplyAllDatabaseChangesOnStartup()).Build()).ToList();
        var stores = hosts.Select(h => h.Services.GetRequiredService<IDocumentStore>()).ToList();
        try
        {
            using var start = new Barrier(hosts.Count);
            await Task.WhenAll(hosts.Select(host => Task.Run(async () =>
            {
                start.SignalAndWait();
                await host.StartAsync();
            })));

            var tenant = Guid.NewGuid().ToString();
            var id = Guid.NewGuid();
            await using (var write = stores[0].LightweightSession(tenant))
            {
                write.Events.StartStream<FeedbackItem>(id, FeedbackItem.Receive(
                    id, new FeedbackDetails(new DateOnly(2026, 5, 1), FeedbackFrom.Manager, "1:1", "Clear design doc", Sentiment.Positive, []), null, null));
                await write.SaveChangesAsync();
            }

            await using var read = stores[^1].QuerySession(tenant);
            (await read.LoadAsync<FeedbackItem>(id)).ShouldNotBeNull().Details.Text.ShouldBe("Clear design doc");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }
    }
}

internal static class OptionsExtensions
{
    public static StoreOptions Also(this StoreOptions options, Action<StoreOptions> change)
    {
        change(options);
        return options;
    }
}
