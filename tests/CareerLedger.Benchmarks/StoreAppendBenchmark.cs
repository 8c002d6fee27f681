using CareerLedger.Domain.Accomplishments;
using CareerLedger.Web.Infrastructure;
using Marten;
using Npgsql;

namespace CareerLedger.Benchmarks;

/// <summary>
/// The only store-specific code of the benchmark: builds Marten the way the app registers it
/// (src/CareerLedger.Web/Infrastructure/Database.cs: <see cref="LedgerStore.Configure"/> over one <see cref="NpgsqlDataSource"/>
/// without reset-on-close) and starts one stream with an <see cref="AccomplishmentLogged"/> per call, as
/// <c>POST /api/accomplishments</c> does (one lightweight session, one transaction, the inline projection included).
/// </summary>
internal sealed class StoreAppendBenchmark : IAsyncDisposable
{
    /// <summary>One line for the report: what is measured.</summary>
    public const string Description = "Marten 9.62 (quick append + inline accomplishment projection, conjoined tenancy)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly DocumentStore _store;
    private readonly AccomplishmentDetails _details;

    private StoreAppendBenchmark(NpgsqlDataSource dataSource, DocumentStore store, AccomplishmentDetails details)
    {
        _dataSource = dataSource;
        _store = store;
        _details = details;
    }

    /// <summary>Builds the store on <paramref name="connectionString"/> and creates or migrates its schema.</summary>
    public static async Task<StoreAppendBenchmark> CreateAsync(string connectionString, DateOnly today, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        var dataSource = new NpgsqlDataSourceBuilder(connection.ConnectionString) { Name = "careerledger-bench-store" }.Build();
        var options = LedgerStore.Configure(new StoreOptions(), "ledger", TimeProvider.System);
        options.Connection(dataSource);
        var store = new DocumentStore(options);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new StoreAppendBenchmark(dataSource, store, LedgerData.SampleWin(today));
    }

    /// <summary>Appends one <c>accomplishment_logged</c> to a new stream of <paramref name="tenantId"/>, in its own transaction.</summary>
    public async Task AppendOneAsync(string tenantId, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using var session = _store.LightweightSession(tenantId);
        session.Events.StartStream<Accomplishment>(id, new AccomplishmentLogged(id, _details));
        await session.SaveChangesAsync(ct);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await _dataSource.DisposeAsync();
    }
}
