using CareerLedger.Testing;

namespace CareerLedger.Cli.Tests;

/// <summary>The CLI reports refused input (characters, lengths, bounds) as one line and exit 1, and nothing is saved.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InputLimitsEndToEndTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>, IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task RegisterAsync()
    {
        var email = $"limits-{Guid.NewGuid():N}@example.com";
        var result = await _cli.RunWithInputAsync(Password + "\n", "register", "--email", email, "--password-stdin", "--server", app.BaseAddress.ToString());
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    private async Task WinsShouldBeEmptyAsync()
    {
        var wins = await _cli.RunAsync("wins", "--json");
        wins.ExitCode.ShouldBe(0, wins.ToString());
        wins.Stdout.Trim().ShouldBe("[]");
    }

    [Fact]
    public async Task a_bidi_override_in_a_title_is_one_line_naming_the_field_and_exit_1()
    {
        await RegisterAsync();
        var result = await _cli.RunAsync("win", "Shipped \u202Egnp.exe");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.TrimEnd().Split('\n').Length.ShouldBe(1);
        result.Stderr.ShouldStartWith("ledger: ");
        result.Stderr.ShouldContain("title: ");
        result.Stderr.ShouldContain("U+202E");
        await WinsShouldBeEmptyAsync();
    }

    [Fact]
    public async Task a_nul_in_an_import_file_is_one_line_naming_the_item_and_field_and_nothing_is_imported()
    {
        await RegisterAsync();
        var file = Path.Combine(_cli.ConfigDirectory, "import.json");
        await File.WriteAllTextAsync(file, """{"accomplishments":[{"title":"Fine"},{"title":"Bad\u0000title"}]}""");
        var result = await _cli.RunAsync("import", file);
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.TrimEnd().Split('\n').Length.ShouldBe(1);
        result.Stderr.ShouldContain("accomplishments[1].title: ");
        result.Stderr.ShouldContain("U+0000");
        await WinsShouldBeEmptyAsync();
    }

    [Fact]
    public async Task an_impact_figure_beyond_the_bound_is_refused_with_the_field_named()
    {
        await RegisterAsync();
        var result = await _cli.RunAsync("win", "Huge", "--impact", "requests:1->79000000000000000000000000000");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("impact[0].after");
        await WinsShouldBeEmptyAsync();
    }
}
