using System.Text.Json.Nodes;
using CareerLedger.Testing;
using CareerLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareerLedger.Web.Tests.Hardening;

/// <summary>
/// One app (real Kestrel, its own database) shared by every test of a hardening suite, with the SQL the suites use to prove
/// that a refused request wrote nothing, and a count of the HTTP requests the suite sent.
/// </summary>
public class HardeningHost : IAsyncLifetime
{
    private int _requests;
    private NpgsqlDataSource? _sql;

    /// <summary>The app under test.</summary>
    public LedgerAppFactory App { get; } = new QuietApp();

    /// <summary>The PostgreSQL schema of Marten's and the account tables (Database.cs: <c>CareerLedger:Schema</c>, default <c>ledger</c>).</summary>
    public string Schema => App.Services.GetRequiredService<LedgerDatabaseOptions>().Schema;

    /// <summary>HTTP requests sent through <see cref="SendAsync"/> so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private NpgsqlDataSource Sql => _sql ?? throw new InvalidOperationException("Not initialised.");

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        _sql = NpgsqlDataSource.Create(App.ConnectionString);
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (_sql is not null)
        {
            await _sql.DisposeAsync();
        }

        await ((IAsyncLifetime)App).DisposeAsync();
    }

    /// <summary>Registers a user and signs them in (two requests).</summary>
    public async Task<UserClient> NewUserAsync(string timeZone = "Europe/Berlin")
    {
        Interlocked.Add(ref _requests, 2);
        return await App.CreateUserAsync(timeZone);
    }

    /// <summary>A client without a token.</summary>
    public HttpClient Anonymous() => App.CreateClient();

    /// <summary>Sends a request and counts it.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        Interlocked.Increment(ref _requests);
        if (request.Content?.Headers.ContentLength is > 64 * 1024)
        {
            // As a well-behaved client sends a large body: a body over the limit is refused (413) before it is uploaded,
            // instead of the server closing the connection mid-upload.
            request.Headers.ExpectContinue = true;
        }

        return await http.SendAsync(request);
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with an optional JSON body and headers, and counts it.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpMethod method, string path, JsonNode? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await SendAsync(http, request);
    }

    /// <summary>Counts one request sent some other way (for example over a raw socket).</summary>
    public void CountRequest() => Interlocked.Increment(ref _requests);

    /// <summary>
    /// Everything a request could have written: the rows of Marten's events table (all tenants), of the account tables, and the
    /// events of <paramref name="user"/> alone. A refused request must leave all of it unchanged.
    /// </summary>
    /// <remarks>
    /// Marten's own <c>tombstone</c> rows are not counted: when an append fails after taking sequence numbers (a 500 from
    /// PostgreSQL refusing the data), Marten fills the gap with tombstone events, in the user's tenant, so its projection daemon
    /// does not wait for them. They hold no data of the user.
    /// </remarks>
    public async Task<WriteCounts> CountWritesAsync(Guid user)
    {
        await using var cmd = Sql.CreateCommand(
            $"select (select count(*) from {Schema}.mt_events where type <> '{Tombstone}'), " +
            $"(select count(*) from {Schema}.mt_events where tenant_id = @user and type <> '{Tombstone}'), " +
            $"(select count(*) from {Schema}.users), (select count(*) from {Schema}.access_tokens)");
        cmd.Parameters.AddWithValue("user", user.ToString());
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new WriteCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>The event type name Marten gives the rows it writes to fill the sequence numbers of a failed append.</summary>
    public const string Tombstone = "tombstone";

    /// <summary>The number of events stored for <paramref name="user"/> (their tenant in <c>mt_events</c>, tombstones not counted).</summary>
    public async Task<long> EventCountAsync(Guid user)
    {
        await using var cmd = Sql.CreateCommand($"select count(*) from {Schema}.mt_events where tenant_id = @user and type <> '{Tombstone}'");
        cmd.Parameters.AddWithValue("user", user.ToString());
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Runs one SQL query and answers its single value.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Sql.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}

/// <summary>Row counts of everything a request can write.</summary>
/// <param name="Events">Rows of <c>mt_events</c>, all tenants.</param>
/// <param name="UserEvents">Rows of <c>mt_events</c> of the user under test.</param>
/// <param name="Users">Rows of <c>users</c>.</param>
/// <param name="Tokens">Rows of <c>access_tokens</c>.</param>
public sealed record WriteCounts(long Events, long UserEvents, long Users, long Tokens)
{
    /// <inheritdoc />
    public override string ToString() => $"{Events} events ({UserEvents} of the user), {Users} users, {Tokens} tokens";
}

/// <summary>
/// The app as the other suites run it, but logging only critical errors: the hardening suites provoke server errors on purpose
/// (until the defects they find are fixed), and each one is reported by the test, with the request that caused it.
/// </summary>
public sealed class QuietApp : LedgerAppFactory
{
    /// <inheritdoc />
    protected override void ConfigureApp(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Critical"); // appsettings.json sets this category on its own
    }
}
