using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CareerLedger.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CareerLedger.Web.Tests.Security;

/// <summary>Helpers shared by the security tests.</summary>
internal static class SecurityTestSupport
{
    /// <summary>
    /// A client of <paramref name="app"/> whose connections come from <paramref name="sourceAddress"/>, one of the loopback
    /// addresses 127.0.0.2-127.0.0.254 (on Linux all of 127.0.0.0/8 is local), so that a test gets its own per-IP rate limit.
    /// </summary>
    public static HttpClient ClientFrom(LedgerAppFactory app, string sourceAddress)
    {
        var local = IPAddress.Parse(sourceAddress);
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = app.BaseAddress };
    }

    /// <summary>Registers <paramref name="email"/> with <paramref name="password"/> and fails unless it answers 201.</summary>
    public static async Task RegisterAsync(HttpClient client, string email, string password = "correct horse battery staple")
    {
        var response = await client.PostAsJsonAsync("/api/accounts", new { email, password, timeZone = "UTC" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POST /api/tokens.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/tokens", new { email, password, name = "security tests" });

    /// <summary>Asserts a 429 with a Retry-After of at least one second and an RFC 7807 body; returns the Retry-After in seconds.</summary>
    public static async Task<double> ShouldBeTooManyRequestsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, text);
        response.Headers.RetryAfter.ShouldNotBeNull("429 without Retry-After");
        var seconds = response.Headers.RetryAfter.Delta?.TotalSeconds ?? 0;
        seconds.ShouldBeGreaterThanOrEqualTo(1);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("status").GetInt32().ShouldBe(429);
        json.RootElement.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        json.RootElement.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        return seconds;
    }

    /// <summary>Milliseconds <paramref name="call"/> takes, with its response.</summary>
    public static async Task<(double Ms, HttpResponseMessage Response)> TimeAsync(Func<Task<HttpResponseMessage>> call)
    {
        var clock = Stopwatch.StartNew();
        var response = await call();
        await response.Content.LoadIntoBufferAsync();
        return (clock.Elapsed.TotalMilliseconds, response);
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>The app with the given settings on top of the test defaults.</summary>
public abstract class ConfiguredAppFactory(IReadOnlyDictionary<string, string> settings) : LedgerAppFactory
{
    /// <inheritdoc />
    protected override void ConfigureApp(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
