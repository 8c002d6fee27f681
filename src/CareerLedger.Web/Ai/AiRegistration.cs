using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace CareerLedger.Web.Ai;

/// <summary>Registers the optional model: the <see cref="IChatClient"/> pipeline and the <see cref="AiAssistant"/> over it.</summary>
public static class AiRegistration
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> and meter that model calls are traced under.</summary>
    public const string TelemetrySourceName = "CareerLedger.Ai";

    /// <summary>
    /// Binds <c>CareerLedger:Ai</c> to a singleton <see cref="AiOptions"/> and always registers <see cref="AiAssistant"/>.
    /// When <see cref="AiOptions.Enabled"/>, also registers a singleton <see cref="IChatClient"/>: logging, then an in-memory
    /// response cache, then OpenTelemetry, over the OpenAI chat-completions client for the configured endpoint, whose own
    /// HTTP pipeline retries transient failures (408, 429, 500, 502, 503, 504, network errors) up to <see cref="AiOptions.MaxRetries"/>
    /// times. Otherwise no <see cref="IChatClient"/> is registered and every assisted feature takes its deterministic path.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">The app's configuration.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddLedgerAi(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AiOptions.Section).Get<AiOptions>() ?? new AiOptions();
        services.AddSingleton(options);
        if (options.Enabled)
        {
            services.AddDistributedMemoryCache();
            services.AddChatClient(_ => CreateOpenAiChatClient(options))
                .UseLogging()
                .UseDistributedCache()
                .UseOpenTelemetry(sourceName: TelemetrySourceName);
        }

        services.AddSingleton(sp => new AiAssistant(sp.GetService<IChatClient>(), options, sp.GetRequiredService<ILogger<AiAssistant>>()));
        return services;
    }

    /// <summary>The wait for one model answer, retries included: <see cref="AiOptions.TimeoutSeconds"/> clamped to 1-300 seconds.</summary>
    public static int TimeoutSeconds(AiOptions options) => Math.Clamp(options.TimeoutSeconds, 1, 300);

    /// <summary>Retries after a failed attempt: <see cref="AiOptions.MaxRetries"/> clamped to 0-3.</summary>
    public static int MaxRetries(AiOptions options) => Math.Clamp(options.MaxRetries, 0, 3);

    /// <summary>The innermost client: OpenAI's chat-completions client for any OpenAI-compatible endpoint, as an <see cref="IChatClient"/>.</summary>
    /// <exception cref="ArgumentException">When <see cref="AiOptions.Model"/> is empty.</exception>
    private static IChatClient CreateOpenAiChatClient(AiOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Model);
        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = TimeSpan.FromSeconds(TimeoutSeconds(options)),
            RetryPolicy = new ClientRetryPolicy(MaxRetries(options)),
        };
        if (options.Endpoint is { } endpoint)
        {
            clientOptions.Endpoint = endpoint;
        }

        // Local servers ignore the key, but the SDK requires one.
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey);
        return new OpenAIClient(key, clientOptions).GetChatClient(options.Model).AsIChatClient();
    }
}
