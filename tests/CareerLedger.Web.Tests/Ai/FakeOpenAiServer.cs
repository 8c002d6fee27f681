using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CareerLedger.Web.Tests.Ai;

/// <summary>
/// A local stand-in for an OpenAI-compatible chat endpoint on 127.0.0.1, whose behaviour each test sets: a normal answer,
/// an HTTP error, malformed JSON, or a hang (for timeouts), optionally after a number of transient 500s. Records the
/// requests it received.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public enum Mode { Answer, ServerError, Malformed, Hang }

    public Mode Behaviour { get; set; } = Mode.Answer;

    public string Reply { get; set; } = "A fine answer.";

    /// <summary>How many of the next requests get a 500 before <see cref="Behaviour"/> applies again.</summary>
    public int TransientFailures { get; set; }

    public List<string> Requests { get; } = [];

    public Uri Endpoint => new(_app.Urls.First() + "/v1");

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var mode = server.Behaviour;
            lock (server.Requests)
            {
                server.Requests.Add(body);
                if (server.TransientFailures > 0)
                {
                    server.TransientFailures--;
                    mode = Mode.ServerError;
                }
            }

            switch (mode)
            {
                case Mode.ServerError:
                    http.Response.StatusCode = 500;
                    await http.Response.WriteAsync("""{"error":{"message":"boom","type":"server_error"}}""");
                    return;
                case Mode.Malformed:
                    http.Response.ContentType = "application/json";
                    await http.Response.WriteAsync("{\"choices\": [ this is not json");
                    return;
                case Mode.Hang:
                    await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted).ContinueWith(_ => { });
                    return;
                default:
                    http.Response.ContentType = "application/json";
                    await http.Response.WriteAsync(JsonSerializer.Serialize(new
                    {
                        id = "chatcmpl-test",
                        @object = "chat.completion",
                        created = 1_763_700_000,
                        model = "fake-model",
                        choices = new[] { new { index = 0, message = new { role = "assistant", content = server.Reply }, finish_reason = "stop" } },
                        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
                    }));
                    return;
            }
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
