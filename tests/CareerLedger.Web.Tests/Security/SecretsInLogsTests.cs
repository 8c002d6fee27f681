using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareerLedger.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static CareerLedger.Web.Tests.Security.SecurityTestSupport;

namespace CareerLedger.Web.Tests.Security;

/// <summary>Keeps every log entry (message, exception, structured state, scopes) of every category at every level.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>One text per entry: category, level, message, exception, each state value and each scope.</summary>
    public ConcurrentQueue<string> Entries { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static void Describe(StringBuilder text, object? state)
    {
        text.Append(state).Append(" |");
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                text.Append(' ').Append(key).Append('=');
                if (value is IEnumerable many and not string)
                {
                    foreach (var item in many)
                    {
                        text.Append(item).Append(',');
                    }
                }
                else
                {
                    text.Append(value);
                }
            }
        }
    }

    private sealed class Capturing(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder($"[{logLevel}] {category} ({eventId}): {formatter(state, exception)} | ");
            Describe(text, state);
            text.Append(" | ").Append(exception);
            owner._scopes.ForEachScope((scope, sb) => Describe(sb.Append(" scope: "), scope), text);
            owner.Entries.Enqueue(text.ToString());
        }
    }
}

/// <summary>The app logging everything at Trace into a <see cref="CapturingLoggerProvider"/>.</summary>
public sealed class TraceLoggingApp : LedgerAppFactory
{
    /// <summary>What was logged.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <inheritdoc />
    protected override void ConfigureApp(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.ConfigureLogging(logging => logging
            .AddProvider(Logs)
            .AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Trace));
    }
}

/// <summary>Passwords and access tokens never reach the logs, not even at Trace level.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SecretsInLogsTests(TraceLoggingApp app, ITestOutputHelper output) : IClassFixture<TraceLoggingApp>
{
    [Fact]
    public async Task no_password_or_token_appears_in_any_log_entry()
    {
        var email = $"logs-{Guid.NewGuid():N}@example.com";
        const string password = "Zq7 tangerine lighthouse pebble";
        const string wrongPassword = "Yx4 marmalade stepladder kettle";
        using var anonymous = app.CreateClient();
        await RegisterAsync(anonymous, email, password);
        (await anonymous.PostAsJsonAsync("/api/accounts", new { email, password = wrongPassword })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await SignInAsync(anonymous, email, wrongPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var created = await SignInAsync(anonymous, email, password);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        using var user = app.CreateClient();
        user.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await user.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.GetAsync("/api/tokens")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.PostAsJsonAsync("/api/accomplishments", Json.Win("Shipped the thing"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await user.PostAsJsonAsync("/api/accomplishments", new { title = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await user.PostAsync("/api/accomplishments", new StringContent("{\"title\":", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await user.GetAsync($"/api/accomplishments/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await user.GetAsync("/api/brag?from=someday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var tampered = app.CreateClient();
        tampered.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^1] + (token[^1] == 'a' ? 'b' : 'a'));
        (await tampered.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var secrets = new Dictionary<string, string>
        {
            ["password"] = password,
            ["wrong password"] = wrongPassword,
            ["token"] = token,
            ["token without its clp_ prefix"] = token["clp_".Length..],
            ["token prefix"] = token[..10],
            ["token hash (hex)"] = Convert.ToHexString(hash),
            ["token hash (base64)"] = Convert.ToBase64String(hash),
        };
        var entries = app.Logs.Entries.ToList();
        output.WriteLine($"{entries.Count} log entries captured:");
        foreach (var group in entries.GroupBy(e => e[..e.IndexOf(" (", StringComparison.Ordinal)]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Count(),4} {group.Key}");
        }

        entries.Count.ShouldBeGreaterThan(50, "the capturing provider did not see the app's logs");
        entries.ShouldContain(e => e.Contains("/api/tokens", StringComparison.Ordinal), "request logs at Trace level were not captured");
        foreach (var (what, secret) in secrets)
        {
            var leaks = entries.Where(e => e.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            leaks.ShouldBeEmpty($"the {what} appears in {leaks.Count} log entries, e.g. {leaks.FirstOrDefault()}");
        }
    }
}
