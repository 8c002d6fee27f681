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

/// <summary>
/// Asks the configured <see cref="IChatClient"/> for a text and falls back to a deterministic one on every failure:
/// no model configured, a timeout, an HTTP or network error, or an answer that fails <c>accept</c>. Never throws for
/// model problems; callers record the user's input before calling, so nothing typed is lost.
/// </summary>
public sealed class AiAssistant(IChatClient? chat, AiOptions options, ILogger<AiAssistant> logger)
{
    /// <summary>Whether a model is configured.</summary>
    public bool Enabled => chat is not null && options.Enabled;

    /// <summary>Gets a model answer for <paramref name="prompt"/>, or <paramref name="fallback"/>.</summary>
    /// <param name="system">The system instruction.</param>
    /// <param name="prompt">The user message.</param>
    /// <param name="fallback">The deterministic result.</param>
    /// <param name="accept">Checks the model's text (e.g. non-empty, not too long, has the expected sections); false → fallback.</param>
    /// <param name="ct">Cancels the whole call (the request was aborted).</param>
    public async Task<AssistedText> CompleteAsync(string system, string prompt, string fallback, Func<string, bool> accept, CancellationToken ct)
    {
        if (!Enabled)
        {
            return new AssistedText(fallback, AiSource.Deterministic, "no model configured");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(options.TimeoutSeconds, 1, 300)));
        try
        {
            var response = await chat!.GetResponseAsync(
                [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, prompt)],
                new ChatOptions { Temperature = 0.3f, MaxOutputTokens = 800 },
                timeout.Token);
            var text = response.Text.Trim();
            return accept(text)
                ? new AssistedText(text, AiSource.Model, response.ModelId ?? options.Model ?? "model")
                : new AssistedText(fallback, AiSource.Deterministic, "the model's answer was unusable");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Model call timed out after {Seconds} s; using the deterministic result.", options.TimeoutSeconds);
            return new AssistedText(fallback, AiSource.Deterministic, "the model timed out");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Model call failed; using the deterministic result.");
            return new AssistedText(fallback, AiSource.Deterministic, "the model call failed");
        }
    }
}
