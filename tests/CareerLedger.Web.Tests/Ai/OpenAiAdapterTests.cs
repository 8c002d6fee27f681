using CareerLedger.Web.Ai;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerLedger.Web.Tests.Ai;

public sealed class OpenAiAdapterTests
{
    private static AiAssistant Assistant(FakeOpenAiServer server, int timeoutSeconds = 5)
    {
        var options = new AiOptions { Endpoint = server.Endpoint, Model = "fake-model", ApiKey = "test-key", TimeoutSeconds = timeoutSeconds, MaxRetries = 0 };
        return new AiAssistant(new OpenAiCompatibleChatClient(options), options, NullLogger<AiAssistant>.Instance);
    }

    [Fact]
    public async Task the_adapter_sends_the_messages_and_returns_the_models_text()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = "Lead with the result, then the two decisions you made.";
        using IChatClient client = new OpenAiCompatibleChatClient(new AiOptions { Endpoint = server.Endpoint, Model = "fake-model", MaxRetries = 0 });

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.System, "be brief"), new ChatMessage(ChatRole.User, "critique this")]);

        response.Text.ShouldBe("Lead with the result, then the two decisions you made.");
        response.ModelId.ShouldBe("fake-model");
        server.Requests.Count.ShouldBe(1);
        server.Requests[0].ShouldContain("\"model\":\"fake-model\"");
        server.Requests[0].ShouldContain("critique this");
        server.Requests[0].ShouldContain("\"role\":\"system\"");
        client.GetService<ChatClientMetadata>()!.DefaultModelId.ShouldBe("fake-model");
    }

    [Fact]
    public async Task a_model_answer_is_used_when_it_passes_the_check()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = "Model critique.";
        var result = await Assistant(server).CompleteAsync("s", "p", "fallback", t => t.Length > 3, CancellationToken.None);
        result.ShouldBe(new AssistedText("Model critique.", AiSource.Model, "fake-model"));
    }

    [Theory]
    [InlineData(FakeOpenAiServer.Mode.ServerError, "the model call failed")]
    [InlineData(FakeOpenAiServer.Mode.Malformed, "the model call failed")]
    public async Task server_errors_and_malformed_json_fall_back_to_the_deterministic_text(FakeOpenAiServer.Mode mode, string note)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Behaviour = mode;
        var result = await Assistant(server).CompleteAsync("s", "p", "fallback", _ => true, CancellationToken.None);
        result.ShouldBe(new AssistedText("fallback", AiSource.Deterministic, note));
    }

    [Fact]
    public async Task a_hanging_model_times_out_to_the_fallback()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Behaviour = FakeOpenAiServer.Mode.Hang;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await Assistant(server, timeoutSeconds: 1).CompleteAsync("s", "p", "fallback", _ => true, CancellationToken.None);
        result.Source.ShouldBe(AiSource.Deterministic);
        result.Note.ShouldBe("the model timed out");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task an_unusable_answer_falls_back()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = "";
        var result = await Assistant(server).CompleteAsync("s", "p", "fallback", t => t.Length > 0, CancellationToken.None);
        result.ShouldBe(new AssistedText("fallback", AiSource.Deterministic, "the model's answer was unusable"));
    }

    [Fact]
    public async Task without_a_model_configured_nothing_is_called()
    {
        var assistant = new AiAssistant(null, new AiOptions(), NullLogger<AiAssistant>.Instance);
        assistant.Enabled.ShouldBeFalse();
        (await assistant.CompleteAsync("s", "p", "fallback", _ => true, CancellationToken.None))
            .ShouldBe(new AssistedText("fallback", AiSource.Deterministic, "no model configured"));
    }

    [Fact]
    public void a_model_name_without_a_key_or_an_endpoint_stays_on_the_deterministic_path()
    {
        new AiOptions { Model = "gpt-4o-mini" }.Enabled.ShouldBeFalse();
        new AiOptions { Model = "gpt-4o-mini", ApiKey = "sk-test" }.Enabled.ShouldBeTrue();
        new AiOptions { Model = "llama3.1", Endpoint = new Uri("http://localhost:11434/v1") }.Enabled.ShouldBeTrue();
    }

    [Fact]
    public async Task a_fake_chat_client_that_throws_or_answers_is_handled_by_the_assistant()
    {
        var options = new AiOptions { Model = "fake", ApiKey = "k" };
        var answering = new AiAssistant(new FakeChatClient(_ => "Lead with the number."), options, NullLogger<AiAssistant>.Instance);
        (await answering.CompleteAsync("s", "p", "fallback", _ => true, CancellationToken.None)).Source.ShouldBe(AiSource.Model);

        var throwing = new AiAssistant(new FakeChatClient(_ => throw new HttpRequestException("down")), options, NullLogger<AiAssistant>.Instance);
        (await throwing.CompleteAsync("s", "p", "fallback", _ => true, CancellationToken.None))
            .ShouldBe(new AssistedText("fallback", AiSource.Deterministic, "the model call failed"));
    }

    private sealed class FakeChatClient(Func<IEnumerable<ChatMessage>, string> reply) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(messages))) { ModelId = "fake" });

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
