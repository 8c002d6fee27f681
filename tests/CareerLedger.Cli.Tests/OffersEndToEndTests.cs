using System.Text.Json;
using System.Text.RegularExpressions;
using CareerLedger.Testing;

namespace CareerLedger.Cli.Tests;

/// <summary><c>ledger offers</c> in-process against the real app on Kestrel (clock fixed at 2026-11-21 12:00 UTC).</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class OffersEndToEndTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>, IDisposable
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

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "offers", name);

    [GeneratedRegex(@"^Recorded offer (?<id>[0-9a-f-]{36}): ")]
    private static partial Regex RecordedLine();

    /// <summary>A fresh CLI registered and logged in as a fresh user (Europe/Berlin: today is 2026-11-21).</summary>
    private async Task<CliRunner> RegisteredAsync()
    {
        var cli = new CliRunner();
        _runners.Add(cli);
        var result = await cli.RunWithInputAsync(
            Password + "\n", "register", "--email", $"offers-{Guid.NewGuid():N}@example.com", "--name", "Grace Hopper", "--time-zone", "Europe/Berlin",
            "--password-stdin", "--server", app.BaseAddress.ToString());
        result.ExitCode.ShouldBe(0, result.ToString());
        return cli;
    }

    private static async Task<string> AddAsync(CliRunner cli, params string[] args)
    {
        var result = await cli.RunAsync(["offers", "add", .. args]);
        result.ExitCode.ShouldBe(0, result.ToString());
        var match = RecordedLine().Match(result.Stdout);
        match.Success.ShouldBeTrue(result.ToString());
        return match.Groups["id"].Value;
    }

    private static async Task<(string Contoso, string Lumen, string Riverbend)> AddSamplesAsync(CliRunner cli) =>
        (await AddAsync(cli, Sample("contoso-public-even.json")),
         await AddAsync(cli, Sample("lumen-series-b-options.json")),
         await AddAsync(cli, Sample("riverbend-backloaded.json")));

    [Fact]
    public async Task the_three_json_samples_are_recorded_with_their_totals_and_compare_prints_year_one()
    {
        var cli = await RegisteredAsync();
        var contoso = await cli.RunAsync("offers", "add", Sample("contoso-public-even.json"));
        contoso.ExitCode.ShouldBe(0, contoso.ToString());
        var lines = contoso.Stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2, contoso.ToString());
        lines[0].ShouldMatch(@"^Recorded offer [0-9a-f-]{36}: Contoso Senior Software Engineer, Payments \(L5\)$");
        // 205,000 base + 30,750 bonus + 30,000 sign-on + 80,000 RSUs = 345,750 in year 1.
        lines[1].ShouldStartWith("  First year 345,750 USD; four-year total ");
        lines[1].ShouldMatch(@"four-year total [\d,]+ USD \(average [\d,]+ a year\)$");

        (await AddAsync(cli, Sample("lumen-series-b-options.json"))).ShouldNotBeNullOrEmpty();
        (await AddAsync(cli, Sample("riverbend-backloaded.json"))).ShouldNotBeNullOrEmpty();

        var compare = await cli.RunAsync("offers", "compare");
        compare.ExitCode.ShouldBe(0, compare.ToString());
        compare.Stdout.ShouldStartWith("# Offer comparison (USD)");
        compare.Stdout.ShouldContain("| Year 1 | 345,750 | 277,500 | 279,500 |");

        var file = Path.Combine(cli.ConfigDirectory, "out", "offers.html");
        var html = await cli.RunAsync("offers", "compare", "--currency", "usd", "--format", "html", "--out", file);
        html.ExitCode.ShouldBe(0, html.ToString());
        html.Stdout.Trim().ShouldBe(file);
        (await File.ReadAllTextAsync(file)).ShouldContain("<svg");

        var json = await cli.RunAsync("offers", "compare", "--format", "json");
        using var doc = JsonDocument.Parse(json.Stdout);
        doc.RootElement.GetProperty("offers").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task offers_from_the_yaml_sample_from_options_only_and_from_stdin_are_listed()
    {
        var cli = await RegisteredAsync();
        var northwind = await cli.RunAsync("offers", "add", Sample("northwind-offer.yaml"));
        northwind.ExitCode.ShouldBe(0, northwind.ToString());
        northwind.Stdout.ShouldMatch(@"^Recorded offer [0-9a-f-]{36}: Northwind Traders Staff Software Engineer, Fulfillment Platform \(L6\)");
        northwind.Stdout.ShouldContain("First year ");

        var flags = await cli.RunAsync(
            "offers", "add", "--company", "Fabrikam", "--role", "Senior Engineer", "--level", "E5", "--rank", "5", "--location", "Austin, TX",
            "--currency", "USD", "--base", "190k", "--bonus", "10", "--sign-on", "30000@12/12", "--rsu-shares", "1500", "--share-price", "150",
            "--vesting", "12:monthly:25,25,25,25", "--refresher", "40000", "--pto", "20", "--remote", "remote", "--company-stage", "public",
            "--start", "2027-01-11", "--deadline", "2026-11-28", "--verbal", "--received", "2026-11-20", "--notes", "Verbal on the phone");
        flags.ExitCode.ShouldBe(0, flags.ToString());
        flags.Stdout.ShouldMatch(@"^Recorded offer [0-9a-f-]{36}: Fabrikam Senior Engineer \(E5\)");
        flags.Stdout.ShouldContain("First year ");

        var stdin = await cli.RunWithInputAsync(
            "company: Wingtip\nrole: Engineer\nlevel:\n  label: IC3\n  rank: 4\ncurrency: usd\nbase_salary: 150000\n",
            "offers", "add", "-", "--received", "2026-11-01");
        stdin.ExitCode.ShouldBe(0, stdin.ToString());
        stdin.Stdout.ShouldContain("Wingtip Engineer (IC3)");
        stdin.Stdout.ShouldContain("First year 150,000 USD");

        var list = await cli.RunAsync("offers", "list");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Stdout.ShouldContain("Northwind Traders");
        list.Stdout.ShouldContain("228,000 USD");
        list.Stdout.ShouldContain("2026-11-30");
        list.Stdout.ShouldContain("Fabrikam");
        list.Stdout.ShouldContain("open (verbal)");
        list.Stdout.ShouldContain("3 offers.");
        list.Stdout.ShouldNotContain("\u001b[");
        list.Stdout.IndexOf("Fabrikam", StringComparison.Ordinal).ShouldBeLessThan(list.Stdout.IndexOf("Northwind", StringComparison.Ordinal), "newest received first");
        list.Stdout.IndexOf("Northwind", StringComparison.Ordinal).ShouldBeLessThan(list.Stdout.IndexOf("Wingtip", StringComparison.Ordinal), "newest received first");

        using var json = JsonDocument.Parse((await cli.RunAsync("offers", "list", "--json")).Stdout);
        var fabrikam = json.RootElement.EnumerateArray().Select(v => v.GetProperty("offer")).Single(o => o.GetProperty("terms").GetProperty("company").GetString() == "Fabrikam");
        fabrikam.GetProperty("stage").GetString().ShouldBe("verbal");
        fabrikam.GetProperty("receivedOn").GetString().ShouldBe("2026-11-20");
        var terms = fabrikam.GetProperty("terms");
        var signOn = terms.GetProperty("signOn")[0];
        signOn.GetProperty("amount").GetDecimal().ShouldBe(30000m);
        signOn.GetProperty("paidAtMonth").GetInt32().ShouldBe(12);
        signOn.GetProperty("clawbackMonths").GetInt32().ShouldBe(12);
        var equity = terms.GetProperty("equity");
        equity.GetProperty("kind").GetString().ShouldBe("rsu");
        equity.GetProperty("shares").GetDecimal().ShouldBe(1500m);
        equity.GetProperty("vesting").GetProperty("frequency").GetString().ShouldBe("monthly");
        equity.GetProperty("vesting").GetProperty("cliffMonths").GetInt32().ShouldBe(12);
        terms.GetProperty("refresher").GetProperty("vesting").GetProperty("cliffMonths").GetInt32().ShouldBe(0);
        terms.GetProperty("remote").GetString().ShouldBe("remote");
    }

    [Fact]
    public async Task plan_prints_the_negotiation_plan_as_markdown()
    {
        var cli = await RegisteredAsync();
        var (_, _, riverbend) = await AddSamplesAsync(cli);
        var plan = await cli.RunAsync("offers", "plan", riverbend[..6], "--current-total", "250k", "--current-level", "5", "--minimum", "240000");
        plan.ExitCode.ShouldBe(0, plan.ToString());
        plan.Stdout.ShouldStartWith("# Negotiation plan: Riverbend");
        plan.Stdout.ShouldContain("Walk-away floor");

        var json = await cli.RunAsync("offers", "plan", riverbend, "--json");
        json.ExitCode.ShouldBe(0, json.ToString());
        using var doc = JsonDocument.Parse(json.Stdout);
        doc.RootElement.GetProperty("company").GetString().ShouldBe("Riverbend");
    }

    [Fact]
    public async Task counter_then_revise_after_counter_show_in_the_timeline_and_a_stale_revise_is_a_conflict()
    {
        var cli = await RegisteredAsync();
        var id = await AddAsync(cli, Sample("contoso-public-even.json"));

        var counter = await cli.RunAsync("offers", "counter", id[..8], "--ask", "sign_on=40000", "--ask", "equity=520000", "--ask", "level=6", "--note", "Riverbend is higher over four years", "--date", "2026-11-20");
        counter.ExitCode.ShouldBe(0, counter.ToString());
        counter.Stdout.Trim().ShouldBe($"Recorded counter to Contoso (offer {id}) on 2026-11-20: sign-on 40,000; equity 520,000; level 6");

        var revise = await cli.RunAsync("offers", "revise", id[..8], "--rsu", "400000", "--sign-on", "40000@0/12", "--reason", "after counter");
        revise.ExitCode.ShouldBe(0, revise.ToString());
        revise.Stdout.ShouldStartWith($"Revised offer {id} (now version 3): Contoso Senior Software Engineer, Payments (L5)");
        revise.Stdout.ShouldContain("Terms revised (after counter): ");
        revise.Stdout.ShouldContain("sign-on 30,000 USD → 40,000 USD");
        revise.Stdout.ShouldContain("equity RSU 320,000 USD → RSU 400,000 USD");

        var timeline = await cli.RunAsync("offers", "timeline", id);
        timeline.ExitCode.ShouldBe(0, timeline.ToString());
        var lines = timeline.Stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3, timeline.ToString());
        lines[0].ShouldStartWith("2026-11-10  received  ");
        lines[0].ShouldContain("Written offer received: Contoso");
        lines[1].ShouldStartWith("2026-11-20  counter   Counter sent: sign-on 40,000");
        lines[2].ShouldStartWith("2026-11-21  revised   Terms revised (after counter)");

        var stale = await cli.RunAsync("offers", "revise", id, "--base", "215000", "--expect-version", "1");
        stale.ExitCode.ShouldBe(5, stale.ToString());
        stale.Stderr.ShouldBe($"ledger: offer {id} was changed by someone else (you edited version 1; it is now at version 3); nothing was saved: run `ledger offers revise` again" + Environment.NewLine);

        var same = await cli.RunAsync("offers", "revise", id, "--rsu", "400000");
        same.ExitCode.ShouldBe(0, same.ToString());
        same.Stdout.ShouldStartWith($"No change: offer {id} (Contoso) already has these terms (version 3).");
    }

    [Fact]
    public async Task revise_merges_a_yaml_file_over_the_current_terms()
    {
        var cli = await RegisteredAsync();
        var id = await AddAsync(cli, Sample("riverbend-backloaded.json"));
        var file = Path.Combine(cli.ConfigDirectory, "riverbend-written.yaml");
        await File.WriteAllTextAsync(file, """
            # only what changed
            stage: written
            reason: recruiter update
            terms:
              base_salary: 205000
              equity:
                vesting: even_4y
              deadline: 2026-11-27
            """);
        var revise = await cli.RunAsync("offers", "revise", id, file, "--pto", "20");
        revise.ExitCode.ShouldBe(0, revise.ToString());
        revise.Stdout.ShouldContain("Terms revised (recruiter update): base 195,000 USD → 205,000 USD");
        revise.Stdout.ShouldContain("PTO days 15 → 20");

        using var json = JsonDocument.Parse((await cli.RunAsync("offers", "list", "--json")).Stdout);
        var terms = json.RootElement[0].GetProperty("offer").GetProperty("terms");
        terms.GetProperty("equity").GetProperty("shares").GetDecimal().ShouldBe(2000m, "untouched fields are kept");
        terms.GetProperty("equity").GetProperty("vesting").GetProperty("frequency").GetString().ShouldBe("quarterly");
        terms.GetProperty("signOn").GetArrayLength().ShouldBe(2);
        terms.GetProperty("deadline").GetString().ShouldBe("2026-11-27");
    }

    [Fact]
    public async Task vesting_that_sums_to_75_exits_1_naming_the_field()
    {
        var cli = await RegisteredAsync();
        var result = await cli.RunAsync(
            "offers", "add", "--company", "Tailspin", "--role", "Engineer", "--level", "L5", "--rank", "5", "--currency", "USD", "--base", "180000",
            "--rsu", "100000", "--vesting", "12:monthly:25,25,25");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldStartWith("ledger: The request has invalid fields; ");
        result.Stderr.ShouldContain("terms.equity.vesting.yearPercents: Year percents sum to 75");
        result.Stderr.TrimEnd().ShouldNotContain("\n");

        var missing = await cli.RunAsync("offers", "add", "--company", "Tailspin");
        missing.ExitCode.ShouldBe(1, missing.ToString());
        missing.Stderr.ShouldContain("terms.role: ");
        missing.Stderr.ShouldContain("terms.baseSalary: ");
    }

    [Fact]
    public async Task declining_an_offer_takes_it_out_of_the_comparison_and_other_closes_work()
    {
        var cli = await RegisteredAsync();
        var (contoso, lumen, riverbend) = await AddSamplesAsync(cli);

        var decline = await cli.RunAsync("offers", "decline", lumen[..8], "--reason", "options too risky");
        decline.ExitCode.ShouldBe(0, decline.ToString());
        decline.Stdout.Trim().ShouldBe($"Declined offer {lumen}: Lumen Labs Staff Engineer, Platform (Staff)");

        var compare = await cli.RunAsync("offers", "compare");
        compare.ExitCode.ShouldBe(0, compare.ToString());
        compare.Stdout.ShouldNotContain("Lumen");
        compare.Stdout.ShouldContain("| Year 1 | 345,750 | 277,500 |");
        (await cli.RunAsync("offers", "compare", "--all")).Stdout.ShouldContain("Lumen Labs");
        (await cli.RunAsync("offers", "list")).Stdout.ShouldNotContain("Lumen");

        var deadline = await cli.RunAsync("offers", "deadline", riverbend, "2026-12-01");
        deadline.ExitCode.ShouldBe(0, deadline.ToString());
        deadline.Stdout.Trim().ShouldBe($"Deadline for Riverbend (offer {riverbend}) is now 2026-12-01.");
        (await cli.RunAsync("offers", "timeline", riverbend)).Stdout.ShouldContain("deadline_extended  Deadline extended to 2026-12-01");

        (await cli.RunAsync("offers", "withdraw", riverbend, "--reason", "hiring freeze")).Stdout.ShouldStartWith("Withdrawn offer ");
        (await cli.RunAsync("offers", "accept", contoso)).Stdout.ShouldStartWith($"Accepted offer {contoso}: Contoso");

        var all = await cli.RunAsync("offers", "list", "--all");
        all.Stdout.ShouldContain("declined");
        all.Stdout.ShouldContain("withdrawn");
        all.Stdout.ShouldContain("accepted");
        (await cli.RunAsync("offers", "list")).Stdout.ShouldContain("No open offers.");

        var again = await cli.RunAsync("offers", "expire", contoso);
        again.ExitCode.ShouldBe(5, again.ToString());
        again.Stderr.ShouldStartWith("ledger: Not allowed in the current state. This offer is accepted");
        var revise = await cli.RunAsync("offers", "revise", contoso, "--base", "1");
        revise.ExitCode.ShouldBe(5, revise.ToString());
    }

    [Fact]
    public async Task ids_must_be_known_and_a_prefix_unique_and_at_least_4_characters()
    {
        var cli = await RegisteredAsync();
        var id = await AddAsync(cli, Sample("contoso-public-even.json"));

        var shortPrefix = await cli.RunAsync("offers", "timeline", id[..3]);
        shortPrefix.ExitCode.ShouldBe(1, shortPrefix.ToString());
        shortPrefix.Stderr.ShouldContain("is not an offer id");

        var unknownPrefix = await cli.RunAsync("offers", "timeline", id[0] == 'f' ? "0000" : "ffff");
        unknownPrefix.ExitCode.ShouldBe(1, unknownPrefix.ToString());
        unknownPrefix.Stderr.ShouldStartWith("ledger: no offer id starts with ");

        var unknown = Guid.NewGuid();
        var missing = await cli.RunAsync("offers", "accept", unknown.ToString());
        missing.ExitCode.ShouldBe(1, missing.ToString());
        missing.Stderr.ShouldBe($"ledger: no offer {unknown}" + Environment.NewLine);

        (await cli.RunAsync("offers", "timeline", id[..4])).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task json_output_parses_for_every_offers_subcommand()
    {
        var cli = await RegisteredAsync();
        var id = await AddAsync(cli, Sample("contoso-public-even.json"));
        var other = await AddAsync(cli, Sample("riverbend-backloaded.json"));
        var commands = new[]
        {
            new[] { "offers", "add", Sample("lumen-series-b-options.json") },
            ["offers", "list"],
            ["offers", "list", "--all"],
            ["offers", "counter", id, "--ask", "base=225000:top of band"],
            ["offers", "revise", id, "--base", "215000", "--reason", "after counter"],
            ["offers", "deadline", id, "2026-11-25"],
            ["offers", "timeline", id],
            ["offers", "compare"],
            ["offers", "plan", id],
            ["offers", "decline", other],
            ["offers", "accept", id],
        };
        foreach (var args in commands)
        {
            var result = await cli.RunAsync([.. args, "--json"]);
            result.ExitCode.ShouldBe(0, string.Join(' ', args) + ": " + result);
            Should.NotThrow(() => JsonDocument.Parse(result.Stdout).Dispose(), string.Join(' ', args) + ": " + result.Stdout);
        }
    }

    [Fact]
    public async Task an_offer_in_another_currency_still_records_and_compare_takes_rates()
    {
        var cli = await RegisteredAsync();
        await AddAsync(cli, Sample("contoso-public-even.json"));
        var euro = await cli.RunAsync(
            "offers", "add", "--company", "Adatum", "--role", "Senior Engineer", "--level", "Senior", "--rank", "5", "--currency", "EUR",
            "--base", "120000", "--bonus", "10");
        euro.ExitCode.ShouldBe(0, euro.ToString());
        euro.Stdout.ShouldContain("Totals unavailable");

        var noRate = await cli.RunAsync("offers", "compare", "--currency", "USD");
        noRate.ExitCode.ShouldBe(1, noRate.ToString());
        noRate.Stderr.ShouldContain("EUR");

        var compare = await cli.RunAsync("offers", "compare", "--currency", "USD", "--rate", "EUR=1.10");
        compare.ExitCode.ShouldBe(0, compare.ToString());
        compare.Stdout.ShouldContain("Adatum");
        compare.Stdout.ShouldContain("_Offered in EUR; converted to USD at your rate._");
    }
}
