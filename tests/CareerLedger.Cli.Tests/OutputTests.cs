using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Tests;

public sealed class OutputTests
{
    private static string Render(bool terminal, string? noColor)
    {
        using var writer = new StringWriter();
        var ctx = new CliContext(writer, TextWriter.Null, new CliEnvironment
        {
            ConfigDirectory = Path.GetTempPath(),
            IsOutputTerminal = terminal,
            GetEnvironmentVariable = n => n == "NO_COLOR" ? noColor : null,
        });
        ctx.Console.Write(new Markup("[red bold]alert[/]"));
        ctx.Console.WriteLine();
        return writer.ToString();
    }

    [Fact]
    public void output_to_a_pipe_is_plain_text_without_ansi_escapes()
    {
        Render(terminal: false, noColor: null).ShouldBe("alert" + Environment.NewLine);
    }

    [Fact]
    public void no_color_turns_off_ansi_even_on_a_terminal()
    {
        Render(terminal: true, noColor: "1").ShouldBe("alert" + Environment.NewLine);
    }

    [Fact]
    public void tables_on_a_pipe_are_120_columns_wide()
    {
        using var writer = new StringWriter();
        var ctx = new CliContext(writer, TextWriter.Null, new CliEnvironment { ConfigDirectory = Path.GetTempPath() });
        ctx.Console.Profile.Width.ShouldBe(120);
        var table = new Table().Border(ctx.TableBorder).Expand();
        table.AddColumn("A");
        ctx.Console.Write(table);
        writer.ToString().Split(Environment.NewLine)[0].Length.ShouldBe(120);
    }
}
