using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CareerLedger.Testing;

namespace CareerLedger.Cli.Tests;

/// <summary>The CLI in-process against the real app on Kestrel (clock fixed at 2026-11-21 12:00 UTC).</summary>
[Collection(PostgresCollection.Name)]
public sealed class EndToEndTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>, IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly List<CliRunner> _runners = [];

    public void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }
    }

    private CliRunner NewCli()
    {
        var runner = new CliRunner();
        _runners.Add(runner);
        return runner;
    }

    /// <summary>A fresh CLI (own config dir) registered and logged in as a fresh user via <c>ledger register</c>.</summary>
    private async Task<(CliRunner Cli, string Email)> RegisteredAsync()
    {
        var cli = NewCli();
        var email = $"cli-{Guid.NewGuid():N}@example.com";
        var result = await cli.RunWithInputAsync(Password + "\n", "register", "--email", email, "--name", "Ada Lovelace", "--time-zone", "Europe/Berlin", "--password-stdin", "--server", app.BaseAddress.ToString());
        result.ExitCode.ShouldBe(0, result.ToString());
        return (cli, email);
    }

    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json");

    [Fact]
    public async Task register_saves_a_private_config_and_whoami_uses_it()
    {
        var (cli, email) = await RegisteredAsync();

        File.Exists(cli.ConfigFile).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(cli.ConfigFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using (var config = JsonDocument.Parse(await File.ReadAllTextAsync(cli.ConfigFile)))
        {
            config.RootElement.GetProperty("server").GetString().ShouldBe(app.BaseAddress.ToString().TrimEnd('/'));
            config.RootElement.GetProperty("token").GetString()!.ShouldStartWith("clp_");
            config.RootElement.GetProperty("tokenId").GetGuid().ShouldNotBe(Guid.Empty);
            config.RootElement.GetProperty("email").GetString().ShouldBe(email);
        }

        var me = await cli.RunAsync("whoami");
        me.ExitCode.ShouldBe(0, me.ToString());
        me.Stdout.ShouldContain($"Ada Lovelace <{email}>");
        me.Stdout.ShouldContain("Europe/Berlin");
    }

    [Fact]
    public async Task login_reads_the_password_from_stdin_and_logout_revokes_the_token()
    {
        var (first, email) = await RegisteredAsync();
        var cli = NewCli();
        var login = await cli.RunWithInputAsync(Password + "\n", "login", "--email", email, "--password-stdin", "--token-name", "laptop", "--server", app.BaseAddress.ToString());
        login.ExitCode.ShouldBe(0, login.ToString());
        login.Stdout.ShouldContain($"Logged in as {email}");
        login.Stdout.ShouldContain("Token 'laptop' saved");
        string token;
        using (var config = JsonDocument.Parse(await File.ReadAllTextAsync(cli.ConfigFile)))
        {
            token = config.RootElement.GetProperty("token").GetString()!;
        }

        (await cli.RunAsync("whoami")).ExitCode.ShouldBe(0);

        var logout = await cli.RunAsync("logout");
        logout.ExitCode.ShouldBe(0, logout.ToString());
        logout.Stdout.ShouldContain("Logged out");
        (await File.ReadAllTextAsync(cli.ConfigFile)).ShouldNotContain("clp_");

        var after = await cli.RunAsync("whoami");
        after.ExitCode.ShouldBe(3, after.ToString());

        // The token is revoked on the server, not just forgotten.
        cli.Environment["LEDGER_TOKEN"] = token;
        var revoked = await cli.RunAsync("whoami");
        revoked.ExitCode.ShouldBe(3, revoked.ToString());
        revoked.Stderr.ShouldContain("run `ledger login`");

        // The other login is untouched.
        (await first.RunAsync("whoami")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task a_wrong_password_exits_3_with_one_line()
    {
        var (_, email) = await RegisteredAsync();
        var cli = NewCli();
        cli.Environment["LEDGER_PASSWORD"] = "not the password at all";
        var result = await cli.RunAsync("login", "--email", email, "--server", app.BaseAddress.ToString());
        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldBe("ledger: Wrong e-mail or password." + Environment.NewLine);
    }

    [Fact]
    public async Task registering_an_email_twice_is_a_conflict()
    {
        var (_, email) = await RegisteredAsync();
        var cli = NewCli();
        var again = await cli.RunWithInputAsync(Password + "\n", "register", "--email", email, "--password-stdin", "--server", app.BaseAddress.ToString());
        again.ExitCode.ShouldBe(5, again.ToString());
        again.Stderr.ShouldStartWith("ledger: That e-mail is already registered.");
    }

    [Fact]
    public async Task win_with_impact_prints_the_summary_and_wins_lists_it()
    {
        var (cli, _) = await RegisteredAsync();
        var win = await cli.RunAsync(
            "win", "Cut checkout p99 latency in half", "--date", "2026-11-20", "--project", "Checkout", "--scope", "team",
            "--involvement", "led", "--impact", "p99 latency:420ms->210ms", "--impact", "hours saved:120h", "--tag", "performance_cost",
            "--competency", "ownership", "--learned", "Profile before guessing.", "--link", "https://git.example.com/pr/1");
        win.ExitCode.ShouldBe(0, win.ToString());
        var lines = win.Stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldMatch(@"^Logged [0-9a-f-]{36}: Cut checkout p99 latency in half$");
        lines[1].Trim().ShouldBe("p99 latency 420 ms → 210 ms (−50 %)");
        lines[2].Trim().ShouldBe("hours saved: 120 h");
        var id = lines[0]["Logged ".Length..].Split(':')[0];

        var older = await cli.RunAsync("win", "Wrote the on-call runbook", "--date", "2026-10-01");
        older.ExitCode.ShouldBe(0, older.ToString());

        var wins = await cli.RunAsync("wins");
        wins.ExitCode.ShouldBe(0, wins.ToString());
        wins.Stdout.ShouldContain("2026-11-20");
        wins.Stdout.ShouldContain("Cut checkout p99 latency in half");
        wins.Stdout.ShouldContain(id[..8]);
        wins.Stdout.ShouldNotContain("\u001b[");
        wins.Stdout.IndexOf("Cut checkout", StringComparison.Ordinal).ShouldBeLessThan(wins.Stdout.IndexOf("on-call runbook", StringComparison.Ordinal));
        wins.Stdout.ShouldContain("2 accomplishments.");

        var ranged = await cli.RunAsync("wins", "--to", "2026-10-31");
        ranged.Stdout.ShouldNotContain("Cut checkout");
        ranged.Stdout.ShouldContain("on-call runbook");
    }

    [Fact]
    public async Task feedback_is_recorded()
    {
        var (cli, _) = await RegisteredAsync();
        var result = await cli.RunAsync("feedback", "Your incident updates were exactly what leadership needed.", "--from", "manager", "--source", "1:1", "--date", "2026-11-19", "--sentiment", "positive", "--theme", "communication", "--theme", "reliability");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldMatch(@"^Recorded [0-9a-f-]{36}: positive feedback from manager on 2026-11-19; themes: communication, reliability\s*$");
    }

    [Fact]
    public async Task brag_prints_markdown_with_the_impact_sentence_and_can_write_a_file()
    {
        var (cli, _) = await RegisteredAsync();
        (await cli.RunAsync("win", "Cut checkout p99 latency in half", "--date", "2026-11-20", "--project", "Checkout", "--impact", "p99 latency:420ms->210ms")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("feedback", "Great write-up.", "--from", "peer", "--sentiment", "positive", "--date", "2026-11-18")).ExitCode.ShouldBe(0);

        var md = await cli.RunAsync("brag");
        md.ExitCode.ShouldBe(0, md.ToString());
        md.Stdout.ShouldStartWith("# Ada Lovelace: brag document");
        md.Stdout.ShouldContain("p99 latency 420 ms → 210 ms (−50 %)");
        md.Stdout.ShouldContain("Great write-up.");

        var file = Path.Combine(cli.ConfigDirectory, "out", "brag.html");
        var html = await cli.RunAsync("brag", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "html", "--out", file);
        html.ExitCode.ShouldBe(0, html.ToString());
        html.Stdout.Trim().ShouldBe(file);
        (await File.ReadAllTextAsync(file)).ShouldContain("<!doctype html>");

        var asOfBefore = await cli.RunAsync("brag", "--as-of", "2026-01-01T00:00:00Z");
        asOfBefore.ExitCode.ShouldBe(0, asOfBefore.ToString());
        asOfBefore.Stdout.ShouldNotContain("p99 latency");
    }

    [Fact]
    public async Task import_of_the_sample_year_is_idempotent_and_stories_shows_the_table_and_checklist()
    {
        var (cli, _) = await RegisteredAsync();
        var first = await cli.RunAsync("import", SamplePath);
        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stdout.ShouldContain("accomplishments: 50 created, 0 updated, 0 unchanged");
        first.Stdout.ShouldContain("feedback:        15 created, 0 updated, 0 unchanged");
        first.Stdout.ShouldContain("reviews:         1 created, 0 updated, 0 unchanged");

        var second = await cli.RunAsync("import", SamplePath);
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stdout.ShouldContain("accomplishments: 0 created, 0 updated, 50 unchanged");
        second.Stdout.ShouldContain("feedback:        0 created, 0 updated, 15 unchanged");
        second.Stdout.ShouldContain("reviews:         0 created, 0 updated, 1 unchanged");

        var stories = await cli.RunAsync("stories", "--top", "5");
        stories.ExitCode.ShouldBe(0, stories.ToString());
        var text = stories.Stdout;
        text.ShouldStartWith("Top 5 of 50 accomplishments");
        text.ShouldContain("Rank");
        text.ShouldContain("Score");
        text.ShouldContain("scope; you drove it;", Case.Sensitive, "the reason appears under the rows");
        text.ShouldContain("Prep checklist:");
        text.ShouldContain("Reliability");
        text.ShouldContain("Failure / mistake");
        text.ShouldMatch(@"(?m)^  \S.*→ (covered by #\d|missing)");
        text.ShouldContain("Not evidenced by any accomplishment: ");
        text.ShouldNotContain("\u001b[");
        foreach (var line in text.Split(Environment.NewLine))
        {
            line.Length.ShouldBeLessThanOrEqualTo(120);
        }

        var json = await cli.RunAsync("stories", "--top", "3", "--json");
        using var doc = JsonDocument.Parse(json.Stdout);
        doc.RootElement.GetProperty("top").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task revise_replaces_given_fields_and_a_stale_version_is_a_conflict()
    {
        var (cli, _) = await RegisteredAsync();
        var win = await cli.RunAsync("win", "Draft title", "--date", "2026-11-02", "--project", "Search", "--impact", "p95 latency:800ms->400ms");
        var id = win.Stdout.Split(' ', ':')[1];

        var revise = await cli.RunAsync("revise", id[..8], "--title", "Halved search p95 latency", "--scope", "org", "--reason", "better title");
        revise.ExitCode.ShouldBe(0, revise.ToString());
        revise.Stdout.ShouldContain("Revised " + id + " (now version 2): Halved search p95 latency");
        revise.Stdout.ShouldContain("p95 latency 800 ms → 400 ms (−50 %)");

        var json = await cli.RunAsync("wins", "--json");
        using (var doc = JsonDocument.Parse(json.Stdout))
        {
            var item = doc.RootElement[0];
            item.GetProperty("title").GetString().ShouldBe("Halved search p95 latency");
            item.GetProperty("scope").GetString().ShouldBe("org");
            item.GetProperty("project").GetString().ShouldBe("Search");
            item.GetProperty("version").GetInt64().ShouldBe(2);
        }

        var stale = await cli.RunAsync("revise", id, "--title", "Someone else's edit", "--expect-version", "1");
        stale.ExitCode.ShouldBe(5, stale.ToString());
        stale.Stderr.ShouldBe($"ledger: accomplishment {id} was changed by someone else (you edited version 1; it is now at version 2); nothing was saved: run `ledger revise` again" + Environment.NewLine);

        var retract = await cli.RunAsync("retract", id, "--reason", "duplicate");
        retract.ExitCode.ShouldBe(0, retract.ToString());
        (await cli.RunAsync("wins")).Stdout.ShouldNotContain("Halved search");

        var revisedRetracted = await cli.RunAsync("revise", id, "--title", "Too late");
        revisedRetracted.ExitCode.ShouldBe(5, revisedRetracted.ToString());
        revisedRetracted.Stderr.ShouldStartWith("ledger: Not allowed in the current state.");
    }

    [Fact]
    public async Task invalid_input_rejected_by_the_server_exits_1_and_names_the_field()
    {
        var (cli, _) = await RegisteredAsync();
        var result = await cli.RunAsync("win", "From the future", "--date", "2027-01-01", "--tag", "telepathy");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldStartWith("ledger: The request has invalid fields; ");
        result.Stderr.ShouldContain("occurredOn: Date 2027-01-01 is in the future");
        result.Stderr.ShouldContain("competencies[0]: Unknown competency 'telepathy'");
        result.Stderr.TrimEnd().ShouldNotContain("\n");

        var unknown = await cli.RunAsync("revise", Guid.NewGuid().ToString(), "--title", "x");
        unknown.ExitCode.ShouldBe(1, unknown.ToString());
        unknown.Stderr.ShouldStartWith("ledger: no accomplishment ");
    }

    [Fact]
    public async Task a_file_that_is_not_json_is_a_one_line_error_naming_the_file()
    {
        var (cli, _) = await RegisteredAsync();
        var file = Path.Combine(cli.ConfigDirectory, "notes.txt");
        await File.WriteAllTextAsync(file, "- shipped the thing\n");
        var result = await cli.RunAsync("import", file);
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldStartWith($"ledger: {file} is not valid JSON (line 1, position ");
        result.Stderr.TrimEnd().ShouldNotContain("\n");

        var missing = await cli.RunAsync("import", Path.Combine(cli.ConfigDirectory, "nope.json"));
        missing.ExitCode.ShouldBe(1, missing.ToString());
        missing.Stderr.ShouldStartWith("ledger: cannot read ");
    }

    [Fact]
    public async Task commands_without_a_login_exit_3_and_say_how_to_log_in()
    {
        var cli = NewCli();
        cli.Environment["LEDGER_SERVER"] = app.BaseAddress.ToString();
        var result = await cli.RunAsync("wins");
        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldBe($"ledger: not logged in to {app.BaseAddress.ToString().TrimEnd('/')}: run `ledger login` (or set LEDGER_TOKEN)" + Environment.NewLine);

        cli.Environment["LEDGER_TOKEN"] = "clp_not_a_real_token";
        var rejected = await cli.RunAsync("stories");
        rejected.ExitCode.ShouldBe(3, rejected.ToString());
        rejected.Stderr.ShouldContain("run `ledger login`");
    }

    [Fact]
    public async Task a_server_that_is_down_exits_4_with_a_hint()
    {
        var (cli, _) = await RegisteredAsync();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        cli.Environment["LEDGER_TOKEN"] = "clp_whatever";
        var result = await cli.RunAsync("wins", "--server", $"http://127.0.0.1:{port}");
        result.ExitCode.ShouldBe(4, result.ToString());
        result.Stderr.ShouldStartWith($"ledger: cannot reach http://127.0.0.1:{port}: is the app running? start it with `dotnet run --project src/CareerLedger.Web`");
        result.Stderr.TrimEnd().ShouldNotContain("\n");
    }

    [Fact]
    public async Task json_output_parses_as_json_for_every_read_command()
    {
        var (cli, email) = await RegisteredAsync();
        (await cli.RunAsync("win", "Shipped the importer", "--date", "2026-11-10", "--impact", "manual steps:12->1")).ExitCode.ShouldBe(0);

        foreach (var args in new[] { new[] { "whoami" }, ["wins"], ["brag"], ["stories"], ["win", "Another", "--date", "2026-11-11"], ["feedback", "Nice", "--date", "2026-11-11"] })
        {
            var result = await cli.RunAsync([.. args, "--json"]);
            result.ExitCode.ShouldBe(0, result.ToString());
            Should.NotThrow(() => JsonDocument.Parse(result.Stdout).Dispose(), string.Join(' ', args) + ": " + result.Stdout);
        }

        using var me = JsonDocument.Parse((await cli.RunAsync("whoami", "--json")).Stdout);
        me.RootElement.GetProperty("email").GetString().ShouldBe(email);
        using var brag = JsonDocument.Parse((await cli.RunAsync("brag", "--json")).Stdout);
        brag.RootElement.GetProperty("summary").GetProperty("accomplishments").GetInt32().ShouldBe(2);

        var login = await NewCli().RunWithInputAsync(Password, "login", "--email", email, "--password-stdin", "--json", "--server", app.BaseAddress.ToString());
        using var token = JsonDocument.Parse(login.Stdout);
        token.RootElement.TryGetProperty("token", out _).ShouldBeFalse("the secret is never printed");
        token.RootElement.GetProperty("user").GetProperty("email").GetString().ShouldBe(email);
    }
}
