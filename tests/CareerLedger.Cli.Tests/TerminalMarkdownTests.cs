using CareerLedger.Cli.Infrastructure;
using CareerLedger.Domain.Brag;
using CareerLedger.Testing;

namespace CareerLedger.Cli.Tests;

/// <summary>Markdown rendered for the terminal (<see cref="TerminalMarkdown"/>) and when the CLI renders it or prints it raw.</summary>
public sealed class TerminalMarkdownTests
{
    private static readonly string Document = string.Join("\n",
        $"# {BragMarkdown.Escape("Ada_Lovelace: brag document")}",
        "",
        "## Shipped",
        "",
        $"- **{BragMarkdown.Escape("Cut p99 -> 50 %")}** (Nov 20; team, led) for {BragMarkdown.Escape("*all* users of snake_case [beta]")}",
        "  - p99 latency 420 ms → 210 ms (−50 %)",
        "  - `retry_budget` set to 3",
        "- See [the PR](https://example.com/pr/1) and _why_ it matters",
        "",
        "1. First",
        "2. Second",
        "",
        "| Component | Offer A | Offer B |",
        "|:--|--:|--:|",
        $"| Base | $185,000 | $9,000 |",
        $"| {BragMarkdown.Escape("Sign-on | bonus")} | $20,000 | $0 |",
        $"| Equity -\\> year 1 | $1,250,000 | — |",
        "");

    [Fact]
    public void terminal_markdown_has_no_escape_backslashes_and_reads_as_plain_text()
    {
        var text = TerminalMarkdown.Render(Document, ansi: false);
        text.ShouldNotContain("\\");
        text.ShouldNotContain("\u001b");
        text.ShouldNotContain("**");
        text.ShouldNotContain("`");
        var lines = text.Split('\n');
        lines[0].ShouldBe("Ada_Lovelace: brag document");
        lines[1].ShouldBe(new string('=', "Ada_Lovelace: brag document".Length));
        lines.ShouldContain("Shipped");
        lines.ShouldContain("-------");
        lines.ShouldContain("• Cut p99 -> 50 % (Nov 20; team, led) for *all* users of snake_case [beta]");
        lines.ShouldContain("  ◦ p99 latency 420 ms → 210 ms (−50 %)");
        lines.ShouldContain("  ◦ retry_budget set to 3");
        lines.ShouldContain("• See the PR (https://example.com/pr/1) and why it matters");
        lines.ShouldContain("1. First");
        lines.ShouldContain("2. Second");
    }

    [Fact]
    public void terminal_tables_are_aligned_in_columns()
    {
        var lines = TerminalMarkdown.Render(Document, ansi: false).Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("Component", StringComparison.Ordinal));
        header.ShouldBeGreaterThanOrEqualTo(0);
        var table = lines[header..(header + 5)];
        table[1].ShouldMatch("^─+  ─+  ─+$");
        table[2].ShouldStartWith("Base ");
        table[3].ShouldStartWith("Sign-on | bonus ");
        table[4].ShouldStartWith("Equity -> year 1 ");
        // Right-aligned numbers end in the same column, and every row is as wide as the rule under the header.
        table.Select(l => l.Length).Distinct().ShouldBe([table[1].Length]);
        var offerAEnd = table[0].IndexOf("Offer A", StringComparison.Ordinal) + "Offer A".Length;
        (table[2].IndexOf("$185,000", StringComparison.Ordinal) + "$185,000".Length).ShouldBe(offerAEnd);
        (table[2].IndexOf("$185,000", StringComparison.Ordinal) + "$185,000".Length)
            .ShouldBe(table[4].IndexOf("$1,250,000", StringComparison.Ordinal) + "$1,250,000".Length);
        (table[3].IndexOf("$20,000", StringComparison.Ordinal) + "$20,000".Length)
            .ShouldBe(table[4].IndexOf("$1,250,000", StringComparison.Ordinal) + "$1,250,000".Length);
        table[2].IndexOf("Base", StringComparison.Ordinal).ShouldBe(table[4].IndexOf("Equity", StringComparison.Ordinal));
    }

    [Fact]
    public void ansi_styling_marks_headings_and_strong_text_without_changing_the_words()
    {
        var styled = TerminalMarkdown.Render(Document, ansi: true);
        styled.ShouldContain("\u001b[1m\u001b[4mAda_Lovelace: brag document\u001b[24m\u001b[22m");
        styled.ShouldContain("\u001b[1mCut p99 -> 50 %\u001b[22m");
        styled.ShouldContain("\u001b[3mwhy\u001b[23m");
        System.Text.RegularExpressions.Regex.Replace(styled, "\u001b\\[[0-9;]*m", "").ShouldBe(TerminalMarkdown.Render(Document, ansi: false));
    }
}

/// <summary><c>ledger brag</c> on a terminal and on a pipe, against the real app.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DocumentOutputEndToEndTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>, IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task brag_is_rendered_on_a_terminal_and_raw_markdown_on_a_pipe_or_with_out()
    {
        var registered = await _cli.RunWithInputAsync(
            "correct horse battery staple\n", "register", "--email", $"md-{Guid.NewGuid():N}@example.com", "--name", "Ada Lovelace", "--time-zone", "Europe/Berlin",
            "--password-stdin", "--server", app.BaseAddress.ToString());
        registered.ExitCode.ShouldBe(0, registered.ToString());
        (await _cli.RunAsync("win", "Moved checkout -> the new ledger for *all* snake_case users", "--date", "2026-11-20", "--project", "Checkout", "--impact", "p99 latency:420ms->210ms")).ExitCode.ShouldBe(0);

        var file = Path.Combine(_cli.ConfigDirectory, "out", "brag.md");
        var written = await _cli.RunAsync("brag", "--format", "md", "--out", file);
        written.ExitCode.ShouldBe(0, written.ToString());
        var raw = await File.ReadAllTextAsync(file);
        raw.ShouldContain("Moved checkout -\\> the new ledger for \\*all\\* snake\\_case users");

        // Piped (the runner's default): the Markdown exactly as the API sent it, as before.
        var piped = await _cli.RunAsync("brag");
        piped.ExitCode.ShouldBe(0, piped.ToString());
        piped.Stdout.ShouldBe(raw.EndsWith('\n') ? raw : raw + "\n");

        _cli.OutputIsTerminal = true;
        _cli.Environment["NO_COLOR"] = "1";
        var plain = await _cli.RunAsync("brag");
        plain.ExitCode.ShouldBe(0, plain.ToString());
        plain.Stdout.ShouldContain("Moved checkout -> the new ledger for *all* snake_case users");
        plain.Stdout.ShouldNotContain("\\");
        plain.Stdout.ShouldNotContain("\u001b");
        plain.Stdout.ShouldStartWith("Ada Lovelace: brag document");

        _cli.Environment.Remove("NO_COLOR");
        var coloured = await _cli.RunAsync("brag");
        coloured.Stdout.ShouldContain("\u001b[1m");
        coloured.Stdout.ShouldNotContain("\\");

        // --out on a terminal still writes the raw Markdown.
        var again = Path.Combine(_cli.ConfigDirectory, "out", "again.md");
        (await _cli.RunAsync("brag", "--format", "md", "--out", again)).ExitCode.ShouldBe(0);
        (await File.ReadAllTextAsync(again)).ShouldBe(raw);
    }
}
