using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace CareerLedger.Cli.Infrastructure;

/// <summary>One run of the CLI: output writers, environment, config, and the global options.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, CliEnvironment env)
{
    public const string DefaultServer = "http://localhost:5080";

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private IAnsiConsole? _console;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public CliEnvironment Environment { get; } = env;

    public ConfigStore Config { get; } = new(env.ConfigDirectory);

    /// <summary>Global <c>--json</c>: print raw JSON bodies instead of tables.</summary>
    public bool Json { get; set; }

    /// <summary>Global <c>--server</c>.</summary>
    public string? ServerOption { get; set; }

    public string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

    /// <summary>Tables and styled text, written to <see cref="Out"/>; plain (no ANSI, 120 columns) unless stdout is a terminal and NO_COLOR is unset.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole();

    private IAnsiConsole CreateConsole()
    {
        var rich = Environment.IsOutputTerminal && Env("NO_COLOR") is null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = rich ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = rich ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        if (!Environment.IsOutputTerminal)
        {
            console.Profile.Width = 120;
        }

        return console;
    }

    public TableBorder TableBorder => Environment.IsOutputTerminal ? TableBorder.Rounded : TableBorder.Ascii;

    /// <summary>Prints a JSON body indented (non-ASCII kept as is).</summary>
    public void WriteJson(string body)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            Out.WriteLine(body);
            return;
        }

        Out.WriteLine(node?.ToJsonString(Pretty) ?? "null");
    }

    public void WriteJson(JsonNode node) => Out.WriteLine(node.ToJsonString(Pretty));

    /// <summary>The server: <c>--server</c>, else LEDGER_SERVER, else the saved one, else <see cref="DefaultServer"/>.</summary>
    public Uri ResolveServer(LedgerConfig config)
    {
        var (raw, source) = ServerOption is { Length: > 0 } s ? (s, "--server")
            : Env("LEDGER_SERVER") is { } e ? (e, "LEDGER_SERVER")
            : config.Server is { Length: > 0 } c ? (c, Config.FilePath)
            : (DefaultServer, "default");
        return ParseServer(raw) ?? throw new CliException(
            source == "--server" ? ExitCodes.Usage : ExitCodes.Failure,
            $"{source}: '{raw}' is not an http(s) URL such as {DefaultServer}");
    }

    internal static Uri? ParseServer(string raw)
    {
        if (!Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var builder = new UriBuilder(uri) { Query = "", Fragment = "" };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }

    /// <summary>
    /// The token for <paramref name="server"/>: LEDGER_TOKEN, else the saved one, but only when it was saved for this server
    /// (a token is never sent to a server it was not issued by).
    /// </summary>
    public string? ResolveToken(Uri server, LedgerConfig config)
    {
        if (Env("LEDGER_TOKEN") is { } token)
        {
            return token.Trim();
        }

        var saved = ParseServer(config.Server ?? DefaultServer);
        return config.Token is { Length: > 0 } t && saved is not null && Uri.Compare(saved, server, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? t
            : null;
    }

    /// <summary>An API client for the resolved server and token.</summary>
    public ApiClient CreateApi(LedgerConfig? config = null)
    {
        config ??= Config.Load();
        var server = ResolveServer(config);
        return new ApiClient(server, ResolveToken(server, config), Environment.CreateHttpHandler);
    }

    public ApiClient CreateAnonymousApi(Uri server) => new(server, null, Environment.CreateHttpHandler);
}
