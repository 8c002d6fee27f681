using System.Text;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Accounts;

/// <summary>Where a password comes from: <c>--password-stdin</c>, LEDGER_PASSWORD, or a hidden prompt on a terminal.</summary>
internal static class PasswordSource
{
    public static string Read(CliContext ctx, bool fromStdin, bool confirm)
    {
        if (fromStdin)
        {
            var line = ctx.Environment.StandardInput.ReadLine()?.TrimEnd('\r');
            return string.IsNullOrEmpty(line) ? throw CliException.Validation("--password-stdin: standard input had no password line") : line;
        }

        if (ctx.Env("LEDGER_PASSWORD") is { } env)
        {
            return env;
        }

        if (!ctx.Environment.IsInputTerminal)
        {
            throw CliException.Usage("no password: pass --password-stdin (one line on standard input) or set LEDGER_PASSWORD");
        }

        var read = ctx.Environment.ReadSecret ?? ReadHidden;
        var password = read("Password: ");
        if (string.IsNullOrEmpty(password))
        {
            throw CliException.Validation("no password entered");
        }

        if (confirm && read("Repeat password: ") != password)
        {
            throw CliException.Validation("the passwords do not match");
        }

        return password;
    }

    /// <summary>Prompts on stderr and reads a line from the console without echoing it.</summary>
    private static string? ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return text.ToString();
    }
}
