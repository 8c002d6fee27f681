using System.Text.Json;
using CareerLedger.Testing;

namespace CareerLedger.Cli.Tests;

/// <summary><c>ledger export</c> and <c>ledger import-events</c> in-process against the real app (clock fixed at 2026-11-21 12:00 UTC).</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExportEndToEndTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>, IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly List<CliRunner> _runners = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ledger-export-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<CliRunner> RegisteredAsync()
    {
        var cli = new CliRunner();
        _runners.Add(cli);
        var result = await cli.RunWithInputAsync(Password + "\n", "register", "--email", $"cli-{Guid.NewGuid():N}@example.com", "--name", "Ada Lovelace",
            "--time-zone", "Europe/Berlin", "--password-stdin", "--server", app.BaseAddress.ToString());
        result.ExitCode.ShouldBe(0, result.ToString());
        return cli;
    }

    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json");

    [Fact]
    public async Task an_export_written_by_one_account_imports_into_a_new_one_which_then_shows_the_same_brag_document()
    {
        var source = await RegisteredAsync();
        (await source.RunAsync("import", SamplePath)).ExitCode.ShouldBe(0);
        (await source.RunAsync("win", "Cut checkout p99 latency in half", "--date", "2026-11-19", "--impact", "p99 latency:420ms->210ms")).ExitCode.ShouldBe(0);
        (await source.RunAsync("reminders", "set", "--wins-day", "thursday")).ExitCode.ShouldBe(0);

        var file = Path.Combine(_folder, "exports", "ada.ndjson");
        var export = await source.RunAsync("export", "--out", file);
        export.ExitCode.ShouldBe(0, export.ToString());
        export.Stdout.ShouldBeEmpty();
        export.Stderr.ShouldStartWith($"Exported 68 events in 68 streams (");
        export.Stderr.ShouldContain($") to {file} in ");
        var lines = await File.ReadAllLinesAsync(file);
        lines.Length.ShouldBe(69);
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("events").GetInt64().ShouldBe(68);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Without --out it goes to stdout (the clock is fixed, so even the header is the same); the summary stays on stderr.
        var printed = await source.RunAsync("export");
        printed.ExitCode.ShouldBe(0, printed.ToString());
        printed.Stdout.ShouldBe(string.Join('\n', lines) + "\n");
        printed.Stderr.ShouldContain("to stdout");
        (await source.RunAsync("export", "--out", file)).Stderr.ShouldContain("exists already");

        var copy = await RegisteredAsync();
        var imported = await copy.RunAsync("import-events", file);
        imported.ExitCode.ShouldBe(0, imported.ToString());
        imported.Stdout.ShouldStartWith($"Imported 68 events in 68 streams from {file} into your account on {app.BaseAddress.ToString().TrimEnd('/')}.");
        imported.Stdout.ShouldContain("67 streams have the id this account derives (50 accomplishment, 15 feedback, 1 performance_review, 1 reminder_settings)");

        string[] brag = ["brag", "--from", "2025-11-01", "--to", "2026-11-30"];
        var original = await source.RunAsync(brag);
        original.ExitCode.ShouldBe(0, original.ToString());
        (await copy.RunAsync(brag)).Stdout.ShouldBe(original.Stdout);
        (await copy.RunAsync("stories", "--top", "5")).Stdout.ShouldBe((await source.RunAsync("stories", "--top", "5")).Stdout);
        (await copy.RunAsync("reminders")).Stdout.ShouldContain("Thursdays at 16:00");

        // The same file again changes nothing; an account with events of its own refuses it (exit 5).
        var again = await copy.RunAsync("import-events", file);
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Stdout.ShouldStartWith($"Nothing imported: this account already holds exactly the 68 events of {file}");
        var busy = await RegisteredAsync();
        (await busy.RunAsync("win", "My own win", "--date", "2026-11-20")).ExitCode.ShouldBe(0);
        var refused = await busy.RunAsync("import-events", file);
        refused.ExitCode.ShouldBe(5, refused.ToString());
        refused.Stderr.ShouldStartWith("ledger: Not allowed in the current state. This account already has 1 event(s)");
    }

    [Fact]
    public async Task a_broken_file_names_its_lines_and_imports_nothing()
    {
        var source = await RegisteredAsync();
        (await source.RunAsync("win", "First", "--date", "2026-11-19")).ExitCode.ShouldBe(0);
        (await source.RunAsync("win", "Second", "--date", "2026-11-20")).ExitCode.ShouldBe(0);
        var lines = (await source.RunAsync("export")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);

        var target = await RegisteredAsync();
        Directory.CreateDirectory(_folder);
        var broken = Path.Combine(_folder, "broken.ndjson");
        await File.WriteAllLinesAsync(broken, [lines[0], "{\"oops\": ", lines[2].Replace("accomplishment_logged", "accomplishment_archived", StringComparison.Ordinal)]);
        var result = await target.RunAsync("import-events", broken);
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldStartWith("ledger: The request has invalid fields; line 2: Not valid JSON");
        result.Stderr.ShouldContain("; line 3: type: unknown event type 'accomplishment_archived'");
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        (await target.RunAsync("export")).Stderr.ShouldStartWith("Exported 0 events in 0 streams");

        // From standard input it imports.
        var piped = await target.RunWithInputAsync(string.Join('\n', lines) + "\n", "import-events", "-");
        piped.ExitCode.ShouldBe(0, piped.ToString());
        piped.Stdout.ShouldStartWith("Imported 2 events in 2 streams from standard input");

        var missing = await target.RunAsync("import-events", Path.Combine(_folder, "nope.ndjson"));
        missing.ExitCode.ShouldBe(1);
        missing.Stderr.ShouldStartWith("ledger: cannot read ");
        var anonymous = new CliRunner(app.BaseAddress);
        _runners.Add(anonymous);
        (await anonymous.RunAsync("export")).ExitCode.ShouldBe(3);
    }
}
