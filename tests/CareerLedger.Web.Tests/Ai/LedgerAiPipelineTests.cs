using System.Diagnostics;
using System.Text.Json;
using CareerLedger.Domain.Stories;
using CareerLedger.Web.Ai;
using CareerLedger.Web.Stories;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerLedger.Web.Tests.Ai;

/// <summary>The model path as the app registers it (<see cref="AiRegistration.AddLedgerAi"/>), against a local fake endpoint.</summary>
public sealed class LedgerAiPipelineTests
{
    private static ServiceProvider Services(FakeOpenAiServer? server, int timeoutSeconds = 5, int maxRetries = 0, string? model = "fake-model")
    {
        var settings = new Dictionary<string, string?>
        {
            ["CareerLedger:Ai:Endpoint"] = server?.Endpoint.ToString(),
            ["CareerLedger:Ai:Model"] = model,
            ["CareerLedger:Ai:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CareerLedger:Ai:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddLedgerAi(config).BuildServiceProvider();
    }

    private static Task<AssistedText> Ask(ServiceProvider services, string prompt = "p", Func<string, bool>? accept = null) =>
        services.GetRequiredService<AiAssistant>().CompleteAsync("s", prompt, "fallback", accept ?? (_ => true), CancellationToken.None);

    [Fact]
    public async Task the_registered_client_sends_the_messages_through_logging_cache_and_telemetry_and_returns_the_models_text()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = "Lead with the result, then the two decisions you made.";
        await using var services = Services(server);
        var client = services.GetRequiredService<IChatClient>();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.System, "be brief"), new ChatMessage(ChatRole.User, "critique this")]);

        response.Text.ShouldBe("Lead with the result, then the two decisions you made.");
        response.ModelId.ShouldBe("fake-model");
        server.Requests.Count.ShouldBe(1);
        server.Requests[0].ShouldContain("\"model\":\"fake-model\"");
        server.Requests[0].ShouldContain("critique this");
        server.Requests[0].ShouldContain("\"role\":\"system\"");
        client.GetService<ChatClientMetadata>()!.DefaultModelId.ShouldBe("fake-model");
        client.GetService<LoggingChatClient>().ShouldNotBeNull();
        client.GetService<DistributedCachingChatClient>().ShouldNotBeNull();
        client.GetService<OpenTelemetryChatClient>().ShouldNotBeNull();
    }

    [Fact]
    public async Task a_model_answer_is_used_when_it_passes_the_check()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = "Model critique.";
        await using var services = Services(server);
        (await Ask(services, accept: t => t.Length > 3)).ShouldBe(new AssistedText("Model critique.", AiSource.Model, "fake-model"));
    }

    [Theory]
    [InlineData(FakeOpenAiServer.Mode.ServerError, "the model call failed")]
    [InlineData(FakeOpenAiServer.Mode.Malformed, "the model call failed")]
    public async Task server_errors_and_malformed_json_fall_back_to_the_deterministic_text(FakeOpenAiServer.Mode mode, string note)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Behaviour = mode;
        await using var services = Services(server);
        (await Ask(services)).ShouldBe(new AssistedText("fallback", AiSource.Deterministic, note));
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_hanging_model_times_out_to_the_fallback()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Behaviour = FakeOpenAiServer.Mode.Hang;
        await using var services = Services(server, timeoutSeconds: 1);
        var clock = Stopwatch.StartNew();
        var result = await Ask(services);
        result.Source.ShouldBe(AiSource.Deterministic);
        result.Note.ShouldBe("the model timed out");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task an_unusable_answer_falls_back()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = "";
        await using var services = Services(server);
        (await Ask(services, accept: t => t.Length > 0)).ShouldBe(new AssistedText("fallback", AiSource.Deterministic, "the model's answer was unusable"));
    }

    [Fact]
    public async Task a_repeated_identical_request_is_served_from_the_cache_without_a_second_http_call()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = "Cached critique.";
        await using var services = Services(server);

        var first = await Ask(services, "the same answer");
        server.Reply = "A different critique.";
        var second = await Ask(services, "the same answer");

        first.ShouldBe(new AssistedText("Cached critique.", AiSource.Model, "fake-model"));
        second.ShouldBe(first);
        server.Requests.Count.ShouldBe(1);
        (await Ask(services, "another answer")).Text.ShouldBe("A different critique.");
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_failed_call_is_not_cached()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Behaviour = FakeOpenAiServer.Mode.ServerError;
        await using var services = Services(server);
        (await Ask(services)).Source.ShouldBe(AiSource.Deterministic);

        server.Behaviour = FakeOpenAiServer.Mode.Answer;
        (await Ask(services)).Source.ShouldBe(AiSource.Model);
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_persistent_500_is_retried_max_retries_times_then_falls_back()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Behaviour = FakeOpenAiServer.Mode.ServerError;
        await using var services = Services(server, timeoutSeconds: 20, maxRetries: 2);
        (await Ask(services)).ShouldBe(new AssistedText("fallback", AiSource.Deterministic, "the model call failed"));
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task a_transient_500_is_retried_and_the_models_answer_is_used()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = "Answered on the third try.";
        server.TransientFailures = 2;
        await using var services = Services(server, timeoutSeconds: 20, maxRetries: 2);
        (await Ask(services)).ShouldBe(new AssistedText("Answered on the third try.", AiSource.Model, "fake-model"));
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task a_structured_answer_is_requested_with_a_json_schema_and_read_into_the_record()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = JsonSerializer.Serialize(new
        {
            headline = "Halved checkout latency",
            situation = "Checkout was slow.",
            task = "Make it fast.",
            action = "I batched the ledger calls.",
            result = "p99 fell from 420 ms to 210 ms.",
        });
        await using var services = Services(server);
        var fallback = new ModelStoryDraft("template", null, null, null, null, null, null);

        var result = await services.GetRequiredService<AiAssistant>().CompleteStructuredAsync(
            "s", "p", fallback, d => d.For(StoryFormat.Star) is not null, CancellationToken.None);

        result.Source.ShouldBe(AiSource.Model);
        result.Note.ShouldBe("fake-model");
        result.Value.ShouldBe(new ModelStoryDraft("Halved checkout latency", "Checkout was slow.", "Make it fast.", null, "I batched the ledger calls.", "p99 fell from 420 ms to 210 ms.", null));
        server.Requests[0].ShouldContain("\"json_schema\"");
        server.Requests[0].ShouldContain("\"headline\"");
    }

    [Theory]
    [InlineData("Sure! Here is a story about latency.")]
    [InlineData("""{"headline":"Halved latency","action":"I batched the calls."}""")]
    public async Task a_structured_answer_that_is_not_json_or_lacks_required_sections_falls_back(string reply)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = reply;
        await using var services = Services(server);
        var fallback = new ModelStoryDraft("template", null, null, null, null, null, null);

        var result = await services.GetRequiredService<AiAssistant>().CompleteStructuredAsync(
            "s", "p", fallback, d => d.For(StoryFormat.Star) is not null, CancellationToken.None);

        result.ShouldBe(new Assisted<ModelStoryDraft>(fallback, AiSource.Deterministic, "the model's answer was unusable"));
    }

    [Fact]
    public async Task without_a_model_configured_no_client_is_registered_and_nothing_is_called()
    {
        await using var services = Services(server: null, model: null);
        services.GetService<IChatClient>().ShouldBeNull();
        var assistant = services.GetRequiredService<AiAssistant>();
        assistant.Enabled.ShouldBeFalse();
        (await Ask(services)).ShouldBe(new AssistedText("fallback", AiSource.Deterministic, "no model configured"));
    }

    [Fact]
    public async Task a_model_name_without_a_key_or_an_endpoint_stays_on_the_deterministic_path()
    {
        new AiOptions { Model = "gpt-4o-mini" }.Enabled.ShouldBeFalse();
        new AiOptions { Model = "gpt-4o-mini", ApiKey = "sk-test" }.Enabled.ShouldBeTrue();
        new AiOptions { Model = "llama3.1", Endpoint = new Uri("http://localhost:11434/v1") }.Enabled.ShouldBeTrue();
        await using var services = Services(server: null, model: "gpt-4o-mini");
        services.GetService<IChatClient>().ShouldBeNull();
    }

    [Fact]
    public async Task a_fake_chat_client_that_throws_or_answers_is_handled_by_the_assistant()
    {
        var options = new AiOptions { Model = "fake", ApiKey = "k" };
        var answering = new AiAssistant(new FakeChatClient(_ => "Lead with the number."), options, NullLogger<AiAssistant>.Instance);
        (await answering.CompleteAsync("s", "p", "fallback", _ => true, CancellationToken.None))
            .ShouldBe(new AssistedText("Lead with the number.", AiSource.Model, "fake"));

        var throwing = new AiAssistant(new FakeChatClient(_ => throw new HttpRequestException("down")), options, NullLogger<AiAssistant>.Instance);
        (await throwing.CompleteAsync("s", "p", "fallback", _ => true, CancellationToken.None))
            .ShouldBe(new AssistedText("fallback", AiSource.Deterministic, "the model call failed"));
    }

    [Fact]
    public async Task a_fake_chat_client_gets_the_schema_and_its_json_becomes_the_value()
    {
        ChatOptions? seen = null;
        var client = new FakeChatClient(
            _ => """{"headline":"H","context":"C","action":"A","result":"R","learnings":"L"}""",
            o => seen = o);
        var assistant = new AiAssistant(client, new AiOptions { Model = "fake", ApiKey = "k" }, NullLogger<AiAssistant>.Instance);
        var fallback = new ModelStoryDraft("template", null, null, null, null, null, null);

        var result = await assistant.CompleteStructuredAsync("s", "p", fallback, d => d.For(StoryFormat.Carl) is not null, CancellationToken.None);

        result.Value.For(StoryFormat.Carl)!.Value.ShouldBe(("H", new StorySections(null, null, "C", "A", "R", "L")));
        result.Source.ShouldBe(AiSource.Model);
        seen!.ResponseFormat.ShouldBeOfType<ChatResponseFormatJson>().Schema.ShouldNotBeNull();
    }

    [Fact]
    public void a_draft_without_the_formats_required_sections_or_with_an_overlong_headline_is_not_a_story()
    {
        var star = new ModelStoryDraft("H", "S", null, null, "A", "R", null);
        star.For(StoryFormat.Star).ShouldNotBeNull();
        star.For(StoryFormat.Carl).ShouldBeNull();
        (star with { Headline = " " }).For(StoryFormat.Star).ShouldBeNull();
        (star with { Headline = new string('h', 201) }).For(StoryFormat.Star).ShouldBeNull();
        (star with { Result = "  " }).For(StoryFormat.Star).ShouldBeNull();
    }

    private sealed class FakeChatClient(Func<IEnumerable<ChatMessage>, string> reply, Action<ChatOptions?>? onOptions = null) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            onOptions?.Invoke(options);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(messages))) { ModelId = "fake" });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
