using System.Text.Json;
using CareerLedger.Testing;

namespace CareerLedger.Cli.Tests;

/// <summary><c>ledger review …</c> against the real app (clock fixed at 2026-11-21 12:00 UTC), and the sample's review in <c>ledger brag</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewsEndToEndTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>, IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly List<CliRunner> _runners = [];

    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json");

    public void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
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

    [Fact]
    public async Task a_review_is_added_listed_shown_revised_and_retracted()
    {
        var cli = await RegisteredAsync();
        var added = await cli.RunAsync(
            "review", "add", "A strong half: steady on-call and clear incident write-ups.", "--period-start", "2026-01-01", "--period-end", "2026-06-30",
            "--label", "2026 H1", "--reviewer", "Dana Smith", "--reviewer-role", "Engineering Manager", "--rating", "Exceeds expectations", "--score", "4", "--scale", "5",
            "--strength", "reliability", "--strength", "communication", "--growth", "mentorship", "--promotion", "deferred", "--new-level", "Staff Engineer");
        added.ExitCode.ShouldBe(0, added.ToString());
        added.Stdout.ShouldMatch(@"^Recorded [0-9a-f-]{36}: your 2026 H1 review \(Dana Smith\), 2026-01-01 to 2026-06-30");
        added.Stdout.ShouldContain("  Rating:    Exceeds expectations (4 of 5)");
        added.Stdout.ShouldContain("  Promotion: deferred (Staff Engineer)");
        added.Stdout.ShouldContain("  Growth:    mentorship");
        var id = added.Stdout.Split(' ')[1].TrimEnd(':');

        var list = await cli.RunAsync("review", "list");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Stdout.ShouldContain("2026-01-01..2026-06-30");
        list.Stdout.ShouldContain("| Dana Smith ");
        list.Stdout.ShouldContain("| 2026 H1 ");
        list.Stdout.ShouldContain("1 review.");

        var show = await cli.RunAsync("review", "show", id[..8]);
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Stdout.ShouldStartWith("your 2026 H1 review (Dana Smith)");
        show.Stdout.ShouldContain("(version 1)");
        show.Stdout.ShouldContain("A strong half: steady on-call and clear incident write-ups.");

        var revised = await cli.RunAsync("review", "revise", id, "--promotion", "promoted");
        revised.ExitCode.ShouldBe(0, revised.ToString());
        revised.Stdout.ShouldStartWith($"Revised {id} (now version 2): your 2026 H1 review (Dana Smith)");
        revised.Stdout.ShouldContain("  Promotion: promoted (Staff Engineer)");
        revised.Stdout.ShouldContain("  Strengths: reliability, communication", Case.Sensitive, "fields not given are kept");

        var stale = await cli.RunAsync("review", "revise", id, "--label", "2026 first half", "--expect-version", "1");
        stale.ExitCode.ShouldBe(5, stale.ToString());
        stale.Stderr.ShouldStartWith($"ledger: review {id} was changed by someone else (you edited version 1; it is now at version 2)");

        var json = await cli.RunAsync("review", "show", id, "--json");
        using (var doc = JsonDocument.Parse(json.Stdout))
        {
            doc.RootElement.GetProperty("promotion").GetString().ShouldBe("promoted");
            doc.RootElement.GetProperty("periodLabel").GetString().ShouldBe("2026 H1");
        }

        var retracted = await cli.RunAsync("review", "retract", id, "--reason", "duplicate");
        retracted.ExitCode.ShouldBe(0, retracted.ToString());
        retracted.Stdout.Trim().ShouldBe($"Retracted {id}.");
        (await cli.RunAsync("review", "list")).Stdout.ShouldStartWith("No performance reviews yet.");
        (await cli.RunAsync("review", "list", "--all")).Stdout.ShouldContain("retracted");
    }

    [Fact]
    public async Task bad_input_is_one_line_naming_the_field_and_records_nothing()
    {
        var cli = await RegisteredAsync();
        var future = await cli.RunAsync("review", "add", "Too early.", "--period-start", "2026-07-01", "--period-end", "2026-12-31", "--reviewer", "Dana Smith");
        future.ExitCode.ShouldBe(1, future.ToString());
        future.Stderr.ShouldContain("periodEnd: ");
        future.Stderr.TrimEnd().Split('\n').Length.ShouldBe(1);

        var badDate = await cli.RunAsync("review", "add", "Text.", "--period-start", "01/01/2026", "--period-end", "2026-06-30", "--reviewer", "Dana");
        badDate.ExitCode.ShouldBe(1, badDate.ToString());
        badDate.Stderr.ShouldContain("--period-start: '01/01/2026' is not a date");

        var badOutcome = await cli.RunAsync("review", "add", "Text.", "--period-start", "2026-01-01", "--period-end", "2026-06-30", "--promotion", "fired");
        badOutcome.ExitCode.ShouldNotBe(0);

        (await cli.RunAsync("review", "show", "ffffffff")).ExitCode.ShouldBe(1);
        (await cli.RunAsync("review", "list", "--all")).Stdout.ShouldStartWith("No performance reviews match.");
    }

    [Fact]
    public async Task the_sample_years_review_is_imported_and_shows_in_the_brag_document_and_readiness()
    {
        var cli = await RegisteredAsync();
        var imported = await cli.RunAsync("import", SamplePath);
        imported.ExitCode.ShouldBe(0, imported.ToString());
        imported.Stdout.ShouldContain("reviews:         1 created, 0 updated, 0 unchanged");

        var brag = await cli.RunAsync("brag", "--from", "2026-01-01", "--to", "2026-11-21");
        brag.ExitCode.ShouldBe(0, brag.ToString());
        brag.Stdout.ShouldContain("## Performance reviews");
        brag.Stdout.ShouldContain("### 2026 H1 (2026-01-01 to 2026-06-30)");
        brag.Stdout.ShouldContain("- _Reviewer:_ Dana Smith, Engineering Manager");
        brag.Stdout.ShouldContain("- _Rating:_ Exceeds expectations (4 of 5)");
        brag.Stdout.ShouldContain("- _Promotion:_ promotion to Staff Engineer deferred");
        brag.Stdout.ShouldContain("- _Growth areas:_ Mentorship");

        (await cli.RunAsync("brag", "--from", "2026-07-01", "--to", "2026-09-30")).Stdout.ShouldNotContain("Performance reviews");

        var list = await cli.RunAsync("review", "list");
        list.Stdout.ShouldContain("2026 H1");

        var readiness = await cli.RunAsync("readiness", "--level", "L6", "--json");
        readiness.ExitCode.ShouldBe(0, readiness.ToString());
        using var doc = JsonDocument.Parse(readiness.Stdout);
        doc.RootElement.GetProperty("summary").GetString()!.ShouldContain("Your 2026 H1 review (Dana Smith): promotion to Staff Engineer deferred.");
        doc.RootElement.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "influence")
            .GetProperty("gap").GetString()!.ShouldContain("Your 2026 H1 review (Dana Smith) asks for growth in mentorship and leadership: log wins at multi-team scope that show it.");

        var text = await cli.RunAsync("readiness", "--level", "L6");
        text.ExitCode.ShouldBe(0, text.ToString());
        text.Stdout.ShouldContain("  Review: 2026-06-30  your 2026 H1 review (Dana Smith) names communication as a strength");
        text.Stdout.ShouldContain("Your 2026 H1 review (Dana Smith): promotion to Staff Engineer deferred.");
    }
}
