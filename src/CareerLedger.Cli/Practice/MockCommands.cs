using System.CommandLine;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Practice;

/// <summary>
/// <c>ledger mock</c>: mock interview sessions (<c>/api/practice/sessions</c>). Each subcommand has its own file:
/// <see cref="MockStartCommand"/>, <see cref="MockAnswerCommand"/>, <see cref="MockFinishCommand"/>, <see cref="MockListCommand"/>,
/// <see cref="MockShowCommand"/>; <see cref="MockSessionView"/> prints what they share.
/// </summary>
internal static class MockCommands
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("mock", "Mock interviews: questions drawn from the bank, each answer scored, critiqued and followed up");
        command.Subcommands.Add(MockStartCommand.Create(ctx));
        command.Subcommands.Add(MockAnswerCommand.Create(ctx));
        command.Subcommands.Add(MockFinishCommand.Create(ctx));
        command.Subcommands.Add(MockListCommand.Create(ctx));
        command.Subcommands.Add(MockShowCommand.Create(ctx));
        return command;
    }

    /// <summary>The SESSION_ID argument of <c>answer</c>, <c>finish</c> and <c>show</c>.</summary>
    internal static Argument<string> IdArgument() => new("SESSION_ID") { Description = "The session id, or a unique prefix of it (as `ledger mock list` shows)" };

    /// <summary>L5/L6/L7 (or 5/6/7) as the bank's levels senior/staff/principal; anything else as given (the server checks it).</summary>
    internal static string? Level(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "l5" or "5" => "senior",
        "l6" or "6" => "staff",
        "l7" or "7" => "principal",
        var other => other,
    };
}
