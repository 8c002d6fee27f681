using System.Text.RegularExpressions;
using CareerLedger.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareerLedger.Cli.Tests;

/// <summary>The app with a model configured: an in-process fake <see cref="IChatClient"/> that answers like a good model would.</summary>
public sealed class FakeModelAppFactory : LedgerAppFactory
{
    public const string ModelName = "fake-model";

    protected override void ConfigureApp(IWebHostBuilder builder)
    {
        builder.UseSetting("CareerLedger:Ai:Endpoint", "http://127.0.0.1:9/v1");
        builder.UseSetting("CareerLedger:Ai:Model", ModelName);
        builder.UseSetting("CareerLedger:Ai:MaxRetries", "0");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IChatClient>();
            services.AddSingleton<IChatClient>(new FakeChatClient());
        });
    }

    /// <summary>Replies by what the system prompt asks for (a story draft as structured JSON), so each caller's acceptance check passes.</summary>
    private sealed class FakeChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var system = messages.First(m => m.Role == ChatRole.System).Text;
            var reply = system switch
            {
                _ when system.Contains("tell me about yourself", StringComparison.Ordinal) =>
                    "I'm a backend engineer who likes the unglamorous parts of payments. Recently I cut monthly cloud spend from $148k to $104k and led our Black Friday incident response. Next I want to grow into a staff role.",
                _ when system.Contains("interview story", StringComparison.Ordinal) && options?.ResponseFormat is ChatResponseFormatJson =>
                    """{"headline":"Cut checkout latency in half in six weeks","situation":"Checkout was slow at the evening peak.","task":"I had to make it fast before the sale.","action":"I profiled the service and batched the ledger calls into one.","result":"p99 fell from 420 ms to 210 ms.","learnings":"I added a latency budget check to CI."}""",
                _ when system.Contains("follow-up", StringComparison.Ordinal) => "Which decision in that story was yours alone, and why?",
                _ => "Lead with your own decision, then give the before and after numbers for the result.",
            };
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)) { ModelId = ModelName });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

/// <summary>With a model configured, every "… by:" line names it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PracticeModelAssistedTests(FakeModelAppFactory app) : IClassFixture<FakeModelAppFactory>
{
    [Fact]
    public async Task drafts_critiques_follow_ups_and_the_intro_say_they_came_from_the_model()
    {
        using var cli = new CliRunner();
        var register = await cli.RunWithInputAsync(
            "correct horse battery staple\n", "register", "--email", $"model-{Guid.NewGuid():N}@example.com", "--time-zone", "Europe/Berlin", "--password-stdin",
            "--server", app.BaseAddress.ToString());
        register.ExitCode.ShouldBe(0, register.ToString());
        var win = await cli.RunAsync("win", "Halved checkout latency", "--date", "2026-11-02", "--scope", "team", "--impact", "p99 latency:420ms->210ms", "--competency", "reliability");
        win.ExitCode.ShouldBe(0, win.ToString());
        var winId = Regex.Match(win.Stdout, "^Logged (?<id>[0-9a-f-]{36})").Groups["id"].Value;

        var draft = await cli.RunAsync("stories", "draft", winId);
        draft.ExitCode.ShouldBe(0, draft.ToString());
        draft.Stdout.ShouldContain(Environment.NewLine + "Cut checkout latency in half in six weeks" + Environment.NewLine);
        draft.Stdout.ShouldContain("Action: I profiled the service and batched the ledger calls into one.");
        draft.Stdout.TrimEnd().ShouldEndWith("drafted by: model (fake-model)");
        var story = Regex.Match(draft.Stdout, "^Drafted story (?<id>[0-9a-f-]{36})").Groups["id"].Value;
        (await cli.RunAsync("stories", "show", story)).Stdout.ShouldContain("drafted by: model (fake-model)");

        var coach = await cli.RunAsync("coach", "--text", PracticeEndToEndTests.StrongAnswer);
        coach.ExitCode.ShouldBe(0, coach.ToString());
        coach.Stdout.ShouldContain("Critique:" + Environment.NewLine + "  Lead with your own decision, then give the before and after numbers for the result.");
        coach.Stdout.TrimEnd().ShouldEndWith("critique by: model (fake-model)");

        var start = await cli.RunAsync("mock", "start", "--questions", "1", "--seed", "5");
        var session = Regex.Match(start.Stdout, "session (?<id>[0-9a-f-]{36})").Groups["id"].Value;
        var answer = await cli.RunAsync("mock", "answer", session, "--text", PracticeEndToEndTests.WeakAnswer, "--story", story);
        answer.ExitCode.ShouldBe(0, answer.ToString());
        answer.Stdout.ShouldContain(Environment.NewLine + "critique by: model (fake-model)" + Environment.NewLine);
        answer.Stdout.ShouldContain("Follow-up: Which decision in that story was yours alone, and why?" + Environment.NewLine + "follow-up by: model (fake-model)");
        (await cli.RunAsync("mock", "show", session)).Stdout.ShouldContain("   follow-up by model (fake-model): Which decision");

        var intro = await cli.RunAsync("stories", "intro");
        intro.ExitCode.ShouldBe(0, intro.ToString());
        intro.Stdout.ShouldStartWith("I'm a backend engineer who likes the unglamorous parts of payments.");
        intro.Stdout.TrimEnd().ShouldEndWith("drafted by: model (fake-model)");
    }
}
