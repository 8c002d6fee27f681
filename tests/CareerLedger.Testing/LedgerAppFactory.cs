using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace CareerLedger.Testing;

/// <summary>
/// The real app on real Kestrel (127.0.0.1, a free port) over its own fresh PostgreSQL database, with a settable clock.
/// Use as a class fixture: <c>IClassFixture&lt;LedgerAppFactory&gt;</c> inside <c>[Collection(PostgresCollection.Name)]</c>.
/// </summary>
public class LedgerAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Default "now" of the test clock: 2026-11-21 12:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private string? _connectionString;

    /// <summary>The test clock; events are stamped with it.</summary>
    public FixedClock Clock { get; } = new(DefaultNow);

    /// <summary>The database this app instance uses.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _connectionString = await CreateDatabaseAsync();
        await PrepareDatabaseAsync(_connectionString);
        UseKestrel(0);
        StartServer();
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Ledger", ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // No Hangfire server or reminder schedule unless a fixture asks for them (ReminderAppFactory): most tests need no jobs.
        builder.UseSetting("CareerLedger:Jobs:Enabled", "false");
        // Test classes register users and create tokens quickly from one address; the security tests set small limits themselves.
        builder.UseSetting("CareerLedger:RateLimits:SignUpPerIp:PermitLimit", "1000000");
        builder.UseSetting("CareerLedger:RateLimits:TokensPerIp:PermitLimit", "1000000");
        builder.UseSetting("CareerLedger:RateLimits:TokensPerAccount:PermitLimit", "1000000");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        ConfigureApp(builder);
    }

    /// <summary>The database this instance uses: a fresh one by default; a derived fixture may share one between instances.</summary>
    protected virtual async Task<string> CreateDatabaseAsync() => await TestDatabases.CreateAsync(await SharedPostgres.GetAsync(), "app");

    /// <summary>Runs on the fresh, empty database before the app starts on it (for example to load a dump an older version wrote).</summary>
    protected virtual Task PrepareDatabaseAsync(string connectionString) => Task.CompletedTask;

    /// <summary>Extra settings or service replacements for a derived fixture (for example a fake chat model).</summary>
    protected virtual void ConfigureApp(IWebHostBuilder builder)
    {
    }

    /// <summary>Registers a new user (unique e-mail) and returns an HTTP client carrying their token.</summary>
    public async Task<UserClient> CreateUserAsync(string? timeZone = "Europe/Berlin", string? displayName = "Test User")
    {
        using var anonymous = CreateClient();
        var email = $"user-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery staple";
        var register = await anonymous.PostAsJsonAsync("/api/accounts", new { email, password, timeZone, displayName });
        register.EnsureSuccessStatusCode();
        var token = await anonymous.PostAsJsonAsync("/api/tokens", new { email, password, name = "tests" });
        token.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        var secret = json.RootElement.GetProperty("token").GetString()!;
        var userId = json.RootElement.GetProperty("user").GetProperty("id").GetGuid();
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return new UserClient(client, email, password, secret, userId);
    }

    /// <inheritdoc />
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

/// <summary>A signed-in test user.</summary>
/// <param name="Http">Client with the bearer token set.</param>
/// <param name="Email">E-mail.</param>
/// <param name="Password">Password.</param>
/// <param name="Token">Personal access token.</param>
/// <param name="UserId">User (tenant) id.</param>
public sealed record UserClient(HttpClient Http, string Email, string Password, string Token, Guid UserId);
