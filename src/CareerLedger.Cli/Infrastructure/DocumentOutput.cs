using System.CommandLine;
using System.Text;

namespace CareerLedger.Cli.Infrastructure;

/// <summary>
/// Where a document command (<c>ledger brag</c>, <c>ledger offers compare</c>, <c>ledger offers plan</c>) puts the document
/// the API renders: <c>--format</c> picks the format (the global <c>--json</c> wins), <c>--out FILE</c> writes it to a file
/// (UTF-8 without BOM, missing directories created) and prints the file's full path; otherwise it is printed (JSON indented).
/// Markdown printed to a terminal (<see cref="CliEnvironment.IsOutputTerminal"/>) is rendered for reading there
/// (<see cref="TerminalMarkdown"/>: no escape backslashes, aligned tables, ANSI styling unless NO_COLOR is set); written to a
/// file with <c>--out</c>, or printed to a pipe or a redirected stdout, it stays the raw Markdown the API sent, byte for byte.
/// docs/cli.md, "Documents in the terminal".
/// </summary>
/// <param name="format">The command's <c>--format</c> option (its choices and their check are the command's).</param>
internal sealed class DocumentOutput(Option<string> format)
{
    /// <summary>The <c>--format</c> option.</summary>
    public Option<string> Format { get; } = format;

    /// <summary>The <c>--out FILE</c> option.</summary>
    public Option<FileInfo> OutFile { get; } = new("--out") { Description = "Write the document to this file and print its path", HelpName = "FILE" };

    /// <summary>Adds <c>--format</c>, then <c>--out</c>, to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(OutFile);
    }

    /// <summary>The format to ask the API for: json under the global <c>--json</c>, else <c>--format</c>.</summary>
    public string Kind(CliContext ctx, ParseResult parse) => ctx.Json ? "json" : parse.GetValue(Format)!;

    /// <summary>
    /// Prints the document (JSON indented; Markdown rendered for the terminal when stdout is one, else raw), or writes it as sent
    /// to <c>--out</c> and prints the file's full path.
    /// </summary>
    /// <exception cref="CliException">The file cannot be written (exit 1).</exception>
    public async Task WriteAsync(CliContext ctx, ParseResult parse, string body, string kind, CancellationToken ct)
    {
        if (parse.GetValue(OutFile) is { } file)
        {
            try
            {
                if (file.Directory is { Exists: false } dir)
                {
                    dir.Create();
                }

                await File.WriteAllTextAsync(file.FullName, body, new UTF8Encoding(false), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CliException.Validation($"cannot write {file.FullName}: {ex.Message}");
            }

            ctx.Out.WriteLine(file.FullName);
            return;
        }

        if (kind == "json")
        {
            ctx.WriteJson(body);
        }
        else if (kind == "md" && ctx.Environment.IsOutputTerminal)
        {
            ctx.Out.Write(TerminalMarkdown.Render(body, ansi: ctx.Env("NO_COLOR") is null));
        }
        else
        {
            ctx.Out.Write(body.EndsWith('\n') ? body : body + "\n");
        }
    }
}
