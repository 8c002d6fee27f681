using Microsoft.Extensions.AI;

namespace CareerLedger.Web.Ai;

/// <summary>Which path produced a result: the configured model, or the deterministic fallback.</summary>
public enum AiSource
{
    /// <summary>The deterministic path (no model configured, or the model failed).</summary>
    Deterministic,
    /// <summary>The configured model.</summary>
    Model,
}

/// <summary>A text produced with optional AI help.</summary>
/// <param name="Text">The text to show.</param>
/// <param name="Source">Who produced it.</param>
/// <param name="Note">Why the fallback was used (no model, timeout, error, unusable answer), or the model name.</param>
public sealed record AssistedText(string Text, AiSource Source, string Note);

/// <summary>A structured value produced with optional AI help.</summary>
/// <typeparam name="T">The shape asked of the model.</typeparam>
/// <param name="Value">The model's value when <paramref name="Source"/> is <see cref="AiSource.Model"/>, otherwise the caller's fallback.</param>
/// <param name="Source">Who produced it.</param>
/// <param name="Note">Why the fallback was used (no model, timeout, error, unusable answer), or the model name.</param>
public sealed record Assisted<T>(T Value, AiSource Source, string Note);

/// <summary>
/// Asks the configured <see cref="IChatClient"/> for a text or a structured value and falls back to a deterministic one on
/// every failure: no model configured, a timeout, an HTTP or network error, or an answer that is not of the asked shape or
/// fails <c>accept</c>. Never throws for model problems; callers record the user's input before calling, so nothing typed
/// is lost.
/// </summary>
public sealed class AiAssistant(IChatClient? chat, AiOptions options, ILogger<AiAssistant> logger)
{
    private const string NoModel = "no model configured";
    private const string Unusable = "the model's answer was unusable";

    /// <summary>Whether a model is configured.</summary>
    public bool Enabled => chat is not null && options.Enabled;

    /// <summary>Gets a model answer for <paramref name="prompt"/>, or <paramref name="fallback"/>.</summary>
    /// <param name="system">The system instruction.</param>
    /// <param name="prompt">The user message.</param>
    /// <param name="fallback">The deterministic result.</param>
    /// <param name="accept">Checks the model's trimmed text (e.g. non-empty, not too long, one line); false → fallback.</param>
    /// <param name="ct">Cancels the whole call (the request was aborted); then <see cref="OperationCanceledException"/> is thrown.</param>
    public async Task<AssistedText> CompleteAsync(string system, string prompt, string fallback, Func<string, bool> accept, CancellationToken ct)
    {
        var result = await RunAsync(fallback, async token =>
        {
            var response = await chat!.GetResponseAsync(Messages(system, prompt), NewOptions(), token);
            var text = response.Text.Trim();
            return (accept(text) ? text : null, response.ModelId);
        }, ct);
        return new AssistedText(result.Value, result.Source, result.Note);
    }

    /// <summary>
    /// Asks the model for a <typeparamref name="T"/> as structured output (a JSON schema derived from the type, sent as the
    /// response format), or returns <paramref name="fallback"/>. An answer that is not JSON of that shape is unusable.
    /// </summary>
    /// <typeparam name="T">A record with the fields the model fills in.</typeparam>
    /// <param name="system">The system instruction.</param>
    /// <param name="prompt">The user message.</param>
    /// <param name="fallback">The deterministic result.</param>
    /// <param name="accept">Checks the model's value (e.g. required fields present); false → fallback.</param>
    /// <param name="ct">Cancels the whole call (the request was aborted); then <see cref="OperationCanceledException"/> is thrown.</param>
    public Task<Assisted<T>> CompleteStructuredAsync<T>(string system, string prompt, T fallback, Func<T, bool> accept, CancellationToken ct)
        where T : class =>
        RunAsync(fallback, async token =>
        {
            var response = await chat!.GetResponseAsync<T>(Messages(system, prompt), NewOptions(), cancellationToken: token);
            return (response.TryGetResult(out var value) && value is not null && accept(value) ? value : null, response.ModelId);
        }, ct);

    private async Task<Assisted<T>> RunAsync<T>(T fallback, Func<CancellationToken, Task<(T? Value, string? ModelId)>> call, CancellationToken ct)
        where T : class
    {
        if (!Enabled)
        {
            return new Assisted<T>(fallback, AiSource.Deterministic, NoModel);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(AiRegistration.TimeoutSeconds(options)));
        try
        {
            var (value, modelId) = await call(timeout.Token);
            return value is not null
                ? new Assisted<T>(value, AiSource.Model, modelId ?? options.Model ?? "model")
                : new Assisted<T>(fallback, AiSource.Deterministic, Unusable);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Model call timed out after {Seconds} s; using the deterministic result.", AiRegistration.TimeoutSeconds(options));
            return new Assisted<T>(fallback, AiSource.Deterministic, "the model timed out");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Model call failed; using the deterministic result.");
            return new Assisted<T>(fallback, AiSource.Deterministic, "the model call failed");
        }
    }

    private static List<ChatMessage> Messages(string system, string prompt) =>
        [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, prompt)];

    private static ChatOptions NewOptions() => new() { Temperature = 0.3f, MaxOutputTokens = 800 };
}
