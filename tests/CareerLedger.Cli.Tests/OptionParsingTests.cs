using System.CommandLine;
using CareerLedger.Cli.Accomplishments;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Tests;

public sealed class OptionParsingTests : IDisposable
{
    private readonly CliRunner _cli = new(new Uri("http://127.0.0.1:9/"));

    public void Dispose() => _cli.Dispose();

    private static (Command Command, AccomplishmentOptions Options, Argument<string> Title) WinLike()
    {
        var title = new Argument<string>("TITLE");
        var options = new AccomplishmentOptions();
        var command = new RootCommand();
        command.Arguments.Add(title);
        options.AddTo(command);
        return (command, options, title);
    }

    [Fact]
    public void win_options_become_the_request_body()
    {
        var (command, options, title) = WinLike();
        var parse = command.Parse([
            "Cut p99 latency", "--date", "2026-11-20", "--project", "Payments", "--scope", "multi_team", "--involvement", "drove",
            "--impact", "p99 latency:420ms->210ms", "--impact", "hours saved:120h:higher", "--tag", "ownership", "--competency", "reliability",
            "--learned", "measure first", "--description", "details", "--link", "https://example.com/pr/1",
        ]);
        parse.Errors.ShouldBeEmpty();
        var body = options.Read(parse, parse.GetValue(title));
        body.Title.ShouldBe("Cut p99 latency");
        body.OccurredOn.ShouldBe("2026-11-20");
        body.Project.ShouldBe("Payments");
        body.Scope.ShouldBe("multi_team");
        body.Involvement.ShouldBe("drove");
        body.Impact!.Count.ShouldBe(2);
        body.Impact[1].ShouldBe(new ImpactInput("hours saved", null, 120m, "h", false));
        body.Competencies.ShouldBe(["ownership", "reliability"]);
        body.Learnings.ShouldBe("measure first");
        body.Description.ShouldBe("details");
        body.Links.ShouldBe(["https://example.com/pr/1"]);
    }

    [Fact]
    public void omitted_options_are_null_so_revise_keeps_those_fields()
    {
        var (command, options, title) = WinLike();
        var parse = command.Parse(["Only a title"]);
        var body = options.Read(parse, parse.GetValue(title));
        body.ShouldBe(new AccomplishmentBody("Only a title", null, null, null, null, null, null, null, null, null));
    }

    [Fact]
    public void a_repeatable_option_before_the_title_takes_one_value_per_occurrence()
    {
        var (command, options, title) = WinLike();
        var parse = command.Parse(["--tag", "ownership", "--tag", "delivery", "Shipped it"]);
        parse.Errors.ShouldBeEmpty();
        parse.GetValue(title).ShouldBe("Shipped it");
        options.Read(parse, parse.GetValue(title)).Competencies.ShouldBe(["ownership", "delivery"]);
    }

    [Fact]
    public void revise_merges_given_fields_over_the_current_accomplishment()
    {
        var (command, options, _) = WinLike();
        var parse = command.Parse(["ignored", "--scope", "org"]);
        var current = new AccomplishmentDto(
            Guid.NewGuid(), 2, "Old title", "2026-01-02", "desc", "Proj", "team", "led",
            [new ImpactDto("p99 latency", 420, 210, "ms", true, "…")], ["ownership"], "learned", ["https://x.example/"], false);
        var merged = options.Merge(parse, null, current, "typo");
        merged.Title.ShouldBe("Old title");
        merged.Scope.ShouldBe("org");
        merged.Involvement.ShouldBe("led");
        merged.Impact.ShouldBe([new ImpactInput("p99 latency", 420, 210, "ms", true)]);
        merged.Reason.ShouldBe("typo");
    }

    [Fact]
    public async Task an_unknown_option_is_a_one_line_usage_error_with_exit_code_2()
    {
        var result = await _cli.RunAsync("wins", "--frm", "2026-01-01");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldStartWith("ledger: ");
        result.Stderr.TrimEnd().ShouldNotContain("\n");
        result.Stderr.ShouldContain("--frm");
    }

    [Fact]
    public async Task a_missing_title_is_a_usage_error()
    {
        var result = await _cli.RunAsync("win");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith("ledger: ");
        result.Stderr.ShouldContain("ledger win --help");
    }

    [Fact]
    public async Task an_unknown_scope_is_a_usage_error_listing_the_choices()
    {
        var result = await _cli.RunAsync("win", "Title", "--scope", "galaxy");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("multi_team");
    }

    [Fact]
    public async Task no_command_is_a_usage_error()
    {
        (await _cli.RunAsync()).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task help_goes_to_stdout_with_exit_code_0()
    {
        var result = await _cli.RunAsync("win", "--help");
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("--impact");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_malformed_impact_is_a_validation_error_naming_the_option()
    {
        var result = await _cli.RunAsync("win", "Title", "--impact", "latency:420ms->2s");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldStartWith("ledger: --impact 'latency:420ms->2s': the units differ");
    }

    [Fact]
    public async Task a_malformed_date_is_a_validation_error_naming_the_option()
    {
        var result = await _cli.RunAsync("win", "Title", "--date", "21.11.2026");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldBe("ledger: --date: '21.11.2026' is not a date; use yyyy-MM-dd" + Environment.NewLine);
    }

    [Fact]
    public async Task login_without_a_password_source_on_a_pipe_is_a_one_line_error()
    {
        var result = await _cli.RunAsync("login", "--email", "a@example.com");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldBe("ledger: no password: pass --password-stdin (one line on standard input) or set LEDGER_PASSWORD" + Environment.NewLine);
    }

    [Fact]
    public async Task an_invalid_server_url_is_a_usage_error()
    {
        var result = await _cli.RunAsync("wins", "--server", "localhost:5080");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--server: 'localhost:5080' is not an http(s) URL");
    }

    [Fact]
    public void the_config_directory_honours_ledger_config_dir_then_xdg_then_home()
    {
        Dictionary<string, string> env = new() { ["HOME"] = "/home/ada" };
        string? Get(string n) => env.TryGetValue(n, out var v) ? v : null;
        CliEnvironment.ResolveConfigDirectory(Get).ShouldBe(Path.Combine("/home/ada", ".config", "careerledger"));
        env["XDG_CONFIG_HOME"] = "/xdg";
        CliEnvironment.ResolveConfigDirectory(Get).ShouldBe(Path.Combine("/xdg", "careerledger"));
        env["LEDGER_CONFIG_DIR"] = "/custom";
        CliEnvironment.ResolveConfigDirectory(Get).ShouldBe("/custom");
    }

    [Fact]
    public void server_precedence_is_option_then_environment_then_config_then_default()
    {
        var env = new Dictionary<string, string>();
        var ctx = new CliContext(TextWriter.Null, TextWriter.Null, new CliEnvironment
        {
            ConfigDirectory = _cli.ConfigDirectory,
            GetEnvironmentVariable = n => env.TryGetValue(n, out var v) ? v : null,
        });
        var config = new LedgerConfig { Server = "http://saved:1" };
        ctx.ResolveServer(new LedgerConfig()).ShouldBe(new Uri("http://localhost:5080/"));
        ctx.ResolveServer(config).ShouldBe(new Uri("http://saved:1/"));
        env["LEDGER_SERVER"] = "http://env:2";
        ctx.ResolveServer(config).ShouldBe(new Uri("http://env:2/"));
        ctx.ServerOption = "https://option:3/ledger";
        ctx.ResolveServer(config).ShouldBe(new Uri("https://option:3/ledger/"));
    }

    [Fact]
    public void a_saved_token_is_only_sent_to_the_server_it_was_issued_by_but_ledger_token_always_wins()
    {
        var env = new Dictionary<string, string>();
        var ctx = new CliContext(TextWriter.Null, TextWriter.Null, new CliEnvironment
        {
            ConfigDirectory = _cli.ConfigDirectory,
            GetEnvironmentVariable = n => env.TryGetValue(n, out var v) ? v : null,
        });
        var config = new LedgerConfig { Server = "http://saved:1", Token = "clp_saved" };
        ctx.ResolveToken(new Uri("http://saved:1/"), config).ShouldBe("clp_saved");
        ctx.ResolveToken(new Uri("http://elsewhere:1/"), config).ShouldBeNull();
        env["LEDGER_TOKEN"] = "clp_env";
        ctx.ResolveToken(new Uri("http://elsewhere:1/"), config).ShouldBe("clp_env");
    }

    [Fact]
    public void problem_details_become_one_line_with_title_and_each_field()
    {
        var problem = Problem.TryParse("""
            {"title":"The request has invalid fields.","status":400,
             "errors":{"occurredOn":["Date 2027-01-01 is in the future."],"impact[0].name":["Metric name is required.","Second\nline."]}}
            """)!;
        problem.ToMessage().ShouldBe("The request has invalid fields; occurredOn: Date 2027-01-01 is in the future.; impact[0].name: Metric name is required. Second line.");
        Problem.TryParse("""{"title":"Not allowed in the current state.","detail":"It was retracted."}""")!.ToMessage()
            .ShouldBe("Not allowed in the current state. It was retracted.");
        Problem.TryParse("not json").ShouldBeNull();
        Problem.TryParse("").ShouldBeNull();
    }

    [Fact]
    public void the_config_file_is_private_to_the_user()
    {
        var store = new ConfigStore(_cli.ConfigDirectory);
        store.Save(new LedgerConfig { Server = "http://localhost:5080", Token = "clp_x", TokenId = Guid.NewGuid(), Email = "a@example.com" });
        store.Load().Token.ShouldBe("clp_x");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(store.FilePath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void id_prefixes_are_at_least_8_characters_and_long_enough_to_be_unique()
    {
        ShortIds.UniquePrefixLength([Guid.Parse("0198a1b2-0000-7000-8000-000000000001"), Guid.Parse("aaaaaaaa-0000-7000-8000-000000000001")]).ShouldBe(8);
        ShortIds.UniquePrefixLength([Guid.Parse("0198a1b2-c3d4-7000-8000-000000000001"), Guid.Parse("0198a1b2-c3d5-7000-8000-000000000001")]).ShouldBe(13);
    }
}
