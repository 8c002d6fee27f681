using System.CommandLine;
using System.CommandLine.Help;
using CareerLedger.Cli.Accomplishments;
using CareerLedger.Cli.Accounts;
using CareerLedger.Cli.Brag;
using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Feedback;
using CareerLedger.Cli.Import;
using CareerLedger.Cli.Infrastructure;
using CareerLedger.Cli.Offers;
using CareerLedger.Cli.Practice;
using CareerLedger.Cli.Stories;

namespace CareerLedger.Cli;

/// <summary>
/// The <c>ledger</c> command line. Every failure is one <c>ledger: …</c> line on stderr with a non-zero exit code:
/// 1 validation or API error, 2 usage error, 3 not logged in (or the token was rejected), 4 server unreachable, 5 conflict.
/// </summary>
public static class LedgerCli
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments (without the program name).</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors and prompts go.</param>
    /// <param name="env">Config directory, environment, stdin, terminal flags and the HTTP handler.</param>
    /// <param name="cancellationToken">Cancels the running request (Ctrl+C).</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment env, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(env);
        var ctx = new CliContext(stdout, stderr, env);
        var (root, json, server) = BuildRoot(ctx);
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            var messages = parse.Errors.Select(e => ApiClient.OneLine(e.Message).TrimEnd('.')).Distinct(StringComparer.Ordinal);
            stderr.WriteLine($"ledger: {string.Join("; ", messages)} (see `ledger {CommandPath(parse)}--help`)");
            return ExitCodes.Usage;
        }

        ctx.Json = parse.GetValue(json);
        ctx.ServerOption = parse.GetValue(server);
        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            stderr.WriteLine("ledger: " + ApiClient.OneLine(ex.Message));
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("ledger: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Last resort: still one line, never a stack trace.
            stderr.WriteLine($"ledger: unexpected error: {ApiClient.OneLine(ex.Message)} ({ex.GetType().Name})");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The command tree (exposed to tests for parser checks).</summary>
    internal static (RootCommand Root, Option<bool> Json, Option<string> Server) BuildRoot(CliContext ctx)
    {
        var json = new Option<bool>("--json") { Description = "Print the raw JSON response (indented) instead of tables, for scripts", Recursive = true };
        var server = new Option<string>("--server")
        {
            Description = $"The CareerLedger server (overrides LEDGER_SERVER and the saved one; default {CliContext.DefaultServer})",
            HelpName = "URL",
            Recursive = true,
        };
        var root = new RootCommand("ledger: log your wins and feedback, and turn them into brag documents and interview stories.");
        root.Options.Add(json);
        root.Options.Add(server);
        root.Subcommands.Add(AccountCommands.Register(ctx));
        root.Subcommands.Add(AccountCommands.Login(ctx));
        root.Subcommands.Add(AccountCommands.Logout(ctx));
        root.Subcommands.Add(AccountCommands.WhoAmI(ctx));
        root.Subcommands.Add(WinCommands.Win(ctx));
        root.Subcommands.Add(WinCommands.Wins(ctx));
        root.Subcommands.Add(WinCommands.Revise(ctx));
        root.Subcommands.Add(WinCommands.Retract(ctx));
        root.Subcommands.Add(FeedbackCommand.Create(ctx));
        root.Subcommands.Add(Reviews.ReviewCommands.Create(ctx));
        root.Subcommands.Add(BragCommand.Create(ctx));
        root.Subcommands.Add(StoriesCommand.Create(ctx));
        root.Subcommands.Add(ImportCommand.Create(ctx));
        root.Subcommands.Add(Export.ExportCommands.Export(ctx));
        root.Subcommands.Add(Export.ExportCommands.ImportEvents(ctx));
        root.Subcommands.Add(OffersCommand.Create(ctx));
        root.Subcommands.Add(CoachCommand.Create(ctx));
        root.Subcommands.Add(MockCommands.Create(ctx));
        root.Subcommands.Add(PracticeReportCommands.Progress(ctx));
        root.Subcommands.Add(PracticeReportCommands.Readiness(ctx));
        root.Subcommands.Add(PracticeReportCommands.Questions(ctx));
        root.Subcommands.Add(Reminders.GoalsCommand.Create(ctx));
        root.Subcommands.Add(Reminders.RemindersCommand.Create(ctx));
        root.Subcommands.Add(Reminders.InboxCommand.Create(ctx));
        root.Subcommands.Add(Reminders.StreakCommand.Create(ctx));
        return (root, json, server);
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null && r.Command is not RootCommand; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, r.Command.Name);
        }

        return names.Count == 0 ? "" : string.Join(' ', names) + " ";
    }
}
