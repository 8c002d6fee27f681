using CareerLedger.Cli;

namespace CareerLedger.Cli.Tests;

/// <summary>The result of one in-process <c>ledger</c> run.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs <see cref="LedgerCli.RunAsync"/> in-process with its own temp config directory and environment.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner(Uri? server = null)
    {
        ConfigDirectory = Path.Combine(Path.GetTempPath(), "ledger-cli-tests", Guid.NewGuid().ToString("N"));
        if (server is not null)
        {
            Environment["LEDGER_SERVER"] = server.ToString();
        }
    }

    public string ConfigDirectory { get; }

    public string ConfigFile => Path.Combine(ConfigDirectory, "config.json");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the run's stdout counts as a terminal (default false: captured output is a pipe).</summary>
    public bool OutputIsTerminal { get; set; }

    public async Task<CliResult> RunWithInputAsync(string? stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var env = new CliEnvironment
        {
            ConfigDirectory = ConfigDirectory,
            GetEnvironmentVariable = name => Environment.TryGetValue(name, out var v) ? v : null,
            StandardInput = new StringReader(stdin ?? ""),
            IsInputTerminal = false,
            IsOutputTerminal = OutputIsTerminal,
        };
        var code = await LedgerCli.RunAsync(args, stdout, stderr, env);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(ConfigDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
