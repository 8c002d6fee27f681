using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Testing;
using CareerLedger.Web.Reminders;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CareerLedger.Web.Tests.Reminders;

/// <summary>
/// One app instance with its Hangfire server on (polling every second), on a database it may share with other instances:
/// several of these on one database are several nodes of one deployment.
/// </summary>
public sealed class ReminderHost(string connectionString, int? smtpPort = null, IReadOnlyDictionary<string, string>? settings = null) : LedgerAppFactory
{
    /// <summary>Starts an instance on <paramref name="connectionString"/>, its clock at <paramref name="now"/>.</summary>
    public static async Task<ReminderHost> StartAsync(
        string connectionString, DateTimeOffset now, int? smtpPort = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = new ReminderHost(connectionString, smtpPort, settings);
        host.Clock.Set(now);
        await ((Xunit.IAsyncLifetime)host).InitializeAsync();
        return host;
    }

    /// <inheritdoc />
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);

    /// <inheritdoc />
    protected override void ConfigureApp(IWebHostBuilder builder)
    {
        builder.UseSetting("CareerLedger:Jobs:Enabled", "true");
        builder.UseSetting("CareerLedger:Jobs:PollSeconds", "1");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (smtpPort is { } port)
        {
            builder.UseSetting("CareerLedger:Smtp:Host", "127.0.0.1");
            builder.UseSetting("CareerLedger:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("CareerLedger:Smtp:Security", "none");
            builder.UseSetting("CareerLedger:Smtp:From", "CareerLedger <reminders@example.com>");
        }
    }

    /// <summary>Hangfire's recurring job manager of this instance.</summary>
    public IRecurringJobManager Recurring => Services.GetRequiredService<IRecurringJobManager>();

    /// <summary>Hangfire's job client of this instance.</summary>
    public IBackgroundJobClient Jobs => Services.GetRequiredService<IBackgroundJobClient>();

    /// <summary>Jobs waiting in Hangfire's scheduled set (deadline reminders, delivery retries).</summary>
    public IReadOnlyList<KeyValuePair<string, ScheduledJobDto>> Scheduled() =>
        Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100).ToList();
}

/// <summary>A local webhook endpoint that records every request (body and headers) and answers with a scripted status.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<HttpStatusCode> _script = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ReceivedHook> Received { get; } = new();

    /// <summary>The URL to register as the webhook.</summary>
    public string Url => _app.Urls.First() + "/hook";

    /// <summary>Starts on a free loopback port.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Received.Enqueue(new ReceivedHook(body, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return Results.StatusCode((int)(receiver._script.TryDequeue(out var status) ? status : HttpStatusCode.OK));
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next requests are answered with these statuses (then 200).</summary>
    public void AnswerNext(params HttpStatusCode[] statuses)
    {
        foreach (var s in statuses)
        {
            _script.Enqueue(s);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived.</summary>
    /// <exception cref="TimeoutException">When they do not arrive in time.</exception>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Received.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Received.Count} webhook request(s) arrived, {count} expected.");
            }

            await Task.Delay(100);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One received webhook request.</summary>
/// <param name="Body">The raw body.</param>
/// <param name="Headers">Its headers (case-insensitive).</param>
public sealed record ReceivedHook(string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Whether the signature header is the HMAC-SHA256 of "timestamp.body" under <paramref name="secret"/>.</summary>
    public bool SignedWith(string secret) =>
        long.TryParse(Headers[ReminderDelivery.TimestampHeader], out var ts)
        && Headers[ReminderDelivery.SignatureHeader] == "v1=" + Secrets.Sign(secret, ts, Body);

    /// <summary>The body as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>Polling helpers for assertions on eventually-consistent job results.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> every 200 ms until it returns true.</summary>
    /// <exception cref="TimeoutException">With <paramref name="what"/>, when it stays false.</exception>
    public static async Task TrueAsync(Func<Task<bool>> probe, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await probe())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>PUTs JSON and returns the parsed answer (asserting success).</summary>
    public static async Task<JsonElement> PutJsonAsync(this HttpClient http, string path, object body)
    {
        var response = await http.PutAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"PUT {path}: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement;
    }
}
