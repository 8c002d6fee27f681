using CareerLedger.Domain.Accomplishments;
using CareerLedger.EventStore;
using CareerLedger.Web.Infrastructure;
using Npgsql;

namespace CareerLedger.Benchmarks;

/// <summary>
/// The only store-specific code of the benchmark: builds the event store the way the app registers it
/// (src/CareerLedger.Web/Infrastructure/Database.cs: a <see cref="PostgresEventStore"/> over an <see cref="NpgsqlDataSource"/>,
/// configured by <see cref="LedgerStore.Configure"/>) and appends one <see cref="AccomplishmentLogged"/> to a new stream per
/// call, as <c>POST /api/accomplishments</c> does (one transaction, inline projection included).
/// To measure another store (Marten), change this class and nothing else.
/// </summary>
internal sealed class StoreAppendBenchmark : IAsyncDisposable
{
    /// <summary>One line for the report: what is measured.</summary>
    public const string Description = "hand-written PostgresEventStore (append_events + inline accomplishment projection)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresEventStore _store;
    private readonly AccomplishmentDetails _details;

    private StoreAppendBenchmark(NpgsqlDataSource dataSource, PostgresEventStore store, AccomplishmentDetails details)
    {
        _dataSource = dataSource;
        _store = store;
        _details = details;
    }

    /// <summary>Builds the store on <paramref name="connectionString"/> and creates or migrates its schema.</summary>
    public static async Task<StoreAppendBenchmark> CreateAsync(string connectionString, DateOnly today, CancellationToken ct)
    {
        var dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "careerledger-bench-store" }.Build();
        var options = LedgerStore.Configure(new EventStoreOptions { Schema = "ledger", Clock = TimeProvider.System });
        var store = new PostgresEventStore(dataSource, options);
        await store.InitializeAsync(ct);
        return new StoreAppendBenchmark(dataSource, store, LedgerData.SampleWin(today));
    }

    /// <summary>Appends one <c>accomplishment_logged</c> to a new stream of <paramref name="tenantId"/>, in its own transaction.</summary>
    public async Task AppendOneAsync(string tenantId, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await _store.AppendAsync(
            tenantId, id, LedgerStore.AccomplishmentStream, ExpectedVersion.NoStream, [new AccomplishmentLogged(id, _details)],
            new EventMetadata(UserId: tenantId), ct);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
