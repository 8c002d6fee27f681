namespace CareerLedger.Cli;

/// <summary>
/// Everything <see cref="LedgerCli"/> takes from the outside world, so that tests can run the CLI in-process:
/// where the config lives, environment variables, standard input, terminal detection and the HTTP handler.
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>Directory holding <c>config.json</c> (see <see cref="ResolveConfigDirectory"/> for the default).</summary>
    public required string ConfigDirectory { get; init; }

    /// <summary>Looks up an environment variable (LEDGER_SERVER, LEDGER_TOKEN, LEDGER_PASSWORD, NO_COLOR); null when unset.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = _ => null;

    /// <summary>Standard input (read by <c>--password-stdin</c>).</summary>
    public TextReader StandardInput { get; init; } = TextReader.Null;

    /// <summary>Whether standard input is an interactive terminal (enables the hidden password prompt).</summary>
    public bool IsInputTerminal { get; init; }

    /// <summary>Whether standard output is a terminal (enables colours and the terminal's width).</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>
    /// Reads a secret without echoing it, after showing the given prompt; null = the default console implementation.
    /// Only used when <see cref="IsInputTerminal"/> is true.
    /// </summary>
    public Func<string, string?>? ReadSecret { get; init; }

    /// <summary>
    /// Creates the HTTP handler for API calls; null = a fresh <see cref="SocketsHttpHandler"/> per run (disposed with it).
    /// A handler from this factory is not disposed by the CLI.
    /// </summary>
    public Func<HttpMessageHandler>? CreateHttpHandler { get; init; }

    /// <summary>The real process: console streams, process environment, <see cref="ResolveConfigDirectory"/>.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        ConfigDirectory = ResolveConfigDirectory(Environment.GetEnvironmentVariable),
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        StandardInput = Console.In,
        IsInputTerminal = !Console.IsInputRedirected,
        IsOutputTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>
    /// The config directory: <c>$LEDGER_CONFIG_DIR</c> when set, else <c>$XDG_CONFIG_HOME/careerledger</c>, else
    /// <c>~/.config/careerledger</c>.
    /// </summary>
    /// <param name="getEnvironmentVariable">Environment lookup.</param>
    public static string ResolveConfigDirectory(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        if (getEnvironmentVariable("LEDGER_CONFIG_DIR") is { Length: > 0 } explicitDir)
        {
            return explicitDir;
        }

        if (getEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg)
        {
            return Path.Combine(xdg, "careerledger");
        }

        var home = getEnvironmentVariable("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".config", "careerledger");
    }
}
