namespace CareerLedger.Cli.Infrastructure;

/// <summary>Process exit codes of <c>ledger</c>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int NotLoggedIn = 3;
    public const int Unreachable = 4;
    public const int Conflict = 5;
    public const int Cancelled = 130;
}

/// <summary>A failure to report as one <c>ledger: …</c> line on stderr with <see cref="ExitCode"/>.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Validation(string message) => new(ExitCodes.Failure, message);

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);
}
