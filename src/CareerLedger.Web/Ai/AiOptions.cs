namespace CareerLedger.Web.Ai;

/// <summary>
/// Configuration section <c>CareerLedger:Ai</c>. A model is used only when <see cref="Model"/> is set together with an
/// <see cref="ApiKey"/> (for api.openai.com) or an <see cref="Endpoint"/> (a local or self-hosted server). Otherwise every
/// AI-assisted feature uses its deterministic path (rubric coach, template drafts) and says so.
/// </summary>
public sealed class AiOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "CareerLedger:Ai";

    /// <summary>Base URL of an OpenAI-compatible API including its version path, e.g. http://localhost:11434/v1 (Ollama). Null = api.openai.com.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Model name, e.g. gpt-4o-mini or llama3.1. Empty = AI off.</summary>
    public string? Model { get; set; }

    /// <summary>API key (not needed by most local servers). Prefer the environment variable <c>CareerLedger__Ai__ApiKey</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Seconds to wait for a model answer before falling back to the deterministic result (1-300, default 20).</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Retries after a failed attempt (408, 429, 500, 502, 503, 504 or a network error; clamped to 0-3, default 1).</summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>Whether a model is configured: a model name and either a key or an explicit endpoint.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Model) && (!string.IsNullOrWhiteSpace(ApiKey) || Endpoint is not null);
}
