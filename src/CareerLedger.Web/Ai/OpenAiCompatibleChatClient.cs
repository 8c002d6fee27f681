using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;

namespace CareerLedger.Web.Ai;

/// <summary>
/// A thin <see cref="IChatClient"/> over the OpenAI SDK's chat client, for any OpenAI-compatible endpoint (OpenAI,
/// Azure OpenAI's v1 endpoint, Ollama, vLLM, LM Studio). Only text messages are mapped; tools and images are not used here.
/// </summary>
public sealed class OpenAiCompatibleChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates the client.</summary>
    /// <param name="options">Endpoint (e.g. http://localhost:11434/v1), model and key; see <see cref="AiOptions"/>.</param>
    /// <exception cref="ArgumentException">When the model is missing.</exception>
    public OpenAiCompatibleChatClient(AiOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Model);
        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        };
        if (options.Endpoint is { } endpoint)
        {
            clientOptions.Endpoint = endpoint;
        }

        // Local servers ignore the key, but the SDK requires one.
        _client = new ChatClient(options.Model, new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), clientOptions);
        _metadata = new ChatClientMetadata("openai-compatible", options.Endpoint ?? new Uri("https://api.openai.com/v1"), options.Model);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await _client.CompleteChatAsync(Map(messages), Map(options), cancellationToken);
        var completion = result.Value;
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return new ChatResponse(new AiChatMessage(AiChatRole.Assistant, text))
        {
            ModelId = completion.Model,
            ResponseId = completion.Id,
            CreatedAt = completion.CreatedAt,
            FinishReason = completion.FinishReason switch
            {
                OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
                OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
                _ => Microsoft.Extensions.AI.ChatFinishReason.Stop,
            },
            RawRepresentation = completion,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in _client.CompleteChatStreamingAsync(Map(messages), Map(options), cancellationToken))
        {
            foreach (var part in update.ContentUpdate.Where(p => p.Kind == ChatMessageContentPartKind.Text))
            {
                yield return new ChatResponseUpdate(AiChatRole.Assistant, part.Text) { ModelId = update.Model, ResponseId = update.CompletionId };
            }
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : serviceType.IsInstanceOfType(_client) ? _client
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static List<OpenAI.Chat.ChatMessage> Map(IEnumerable<AiChatMessage> messages) => messages.Select(m =>
    {
        OpenAI.Chat.ChatMessage mapped = m.Role == AiChatRole.System ? new SystemChatMessage(m.Text)
            : m.Role == AiChatRole.Assistant ? new AssistantChatMessage(m.Text)
            : new UserChatMessage(m.Text);
        return mapped;
    }).ToList();

    private static ChatCompletionOptions? Map(ChatOptions? options) => options is null ? null : new ChatCompletionOptions
    {
        Temperature = options.Temperature,
        MaxOutputTokenCount = options.MaxOutputTokens,
    };
}
