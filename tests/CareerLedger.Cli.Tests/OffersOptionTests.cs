using System.CommandLine;
using System.Text.Json.Nodes;
using CareerLedger.Cli.Infrastructure;
using CareerLedger.Cli.Offers;

namespace CareerLedger.Cli.Tests;

/// <summary>Offer options, values and files, without a server.</summary>
public sealed class OffersOptionTests : IDisposable
{
    // Nothing listens on port 9 and there is no token: a command that gets past its own checks exits 3, not 1 or 2.
    private readonly CliRunner _cli = new(new Uri("http://127.0.0.1:9/"));

    public void Dispose() => _cli.Dispose();

    private static (ParseResult Parse, OfferTermsOptions Options) ParseTerms(params string[] args)
    {
        var options = new OfferTermsOptions();
        var command = new RootCommand();
        options.AddTo(command);
        var parse = command.Parse(args);
        parse.Errors.ShouldBeEmpty();
        return (parse, options);
    }

    private static JsonObject Terms(params string[] args)
    {
        var (parse, options) = ParseTerms(args);
        var terms = new JsonObject();
        options.Apply(parse, terms);
        return terms;
    }

    [Fact]
    public void sign_on_takes_an_amount_an_optional_paid_at_month_and_an_optional_clawback()
    {
        OfferValues.SignOn("30000@12/12").ToJsonString().ShouldBe("""{"amount":30000,"paidAtMonth":12,"clawbackMonths":12}""");
        OfferValues.SignOn("30000").ToJsonString().ShouldBe("""{"amount":30000}""");
        OfferValues.SignOn("30k@0").ToJsonString().ShouldBe("""{"amount":30000,"paidAtMonth":0}""");
        OfferValues.SignOn("45,000/12").ToJsonString().ShouldBe("""{"amount":45000,"clawbackMonths":12}""");
    }

    [Theory]
    [InlineData("30000@x", "the month after '@'")]
    [InlineData("30000@12/one", "the clawback after '/'")]
    [InlineData("lots", "'lots' is not an amount")]
    [InlineData("@12", "is not an amount")]
    public void a_malformed_sign_on_names_the_option_and_the_syntax(string value, string message)
    {
        var error = Should.Throw<CliException>(() => OfferValues.SignOn(value));
        error.ExitCode.ShouldBe(1);
        error.Message.ShouldStartWith($"--sign-on '{value}': ");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void vesting_is_a_preset_or_cliff_frequency_and_percents()
    {
        OfferValues.Vesting("12:monthly:25,25,25,25", "--vesting").ToJsonString()
            .ShouldBe("""{"cliffMonths":12,"frequency":"monthly","yearPercents":[25,25,25,25]}""");
        OfferValues.Vesting("0:semi-annual:5,15,40,40", "--vesting").ToJsonString()
            .ShouldBe("""{"cliffMonths":0,"frequency":"semi_annual","yearPercents":[5,15,40,40]}""");
        OfferValues.Vesting("10_20_30_40", "--vesting").ToJsonString().ShouldBe("\"10_20_30_40\"");
        OfferValues.Vesting("EVEN_4Y", "--vesting").ToJsonString().ShouldBe("\"even_4y\"");
        // The sum is the server's to check (it names terms.equity.vesting.yearPercents).
        OfferValues.Vesting("12:monthly:25,25,25", "--vesting")["yearPercents"]!.AsArray().Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("monthly", "is not a vesting schedule")]
    [InlineData("12:weekly:25,25,25,25", "'weekly' is not a vesting frequency")]
    [InlineData("one:monthly:100", "the cliff 'one' must be a whole number")]
    [InlineData("12:monthly:25,x", "'x' is not a percent")]
    [InlineData("12:monthly", "is not a vesting schedule")]
    public void a_malformed_vesting_names_the_option(string value, string message)
    {
        var error = Should.Throw<CliException>(() => OfferValues.Vesting(value, "--refresher-vesting"));
        error.ExitCode.ShouldBe(1);
        error.Message.ShouldStartWith("--refresher-vesting");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void amounts_accept_thousands_separators_and_k_or_m_suffixes()
    {
        OfferValues.TryAmount("205000").ShouldBe(205000m);
        OfferValues.TryAmount("205,000").ShouldBe(205000m);
        OfferValues.TryAmount("205k").ShouldBe(205000m);
        OfferValues.TryAmount("$1.2M").ShouldBe(1200000m);
        OfferValues.TryAmount("2.10").ShouldBe(2.10m);
        OfferValues.TryAmount("-5").ShouldBeNull();
        OfferValues.TryAmount("k").ShouldBeNull();
        OfferValues.TryAmount("12 days").ShouldBeNull();
        OfferValues.TryAmount("2027-02-01").ShouldBeNull();
    }

    [Fact]
    public void asks_are_a_component_with_an_amount_a_text_or_both()
    {
        OfferValues.Ask("sign_on=40000").ToJsonString().ShouldBe("""{"component":"sign_on","amount":40000}""");
        OfferValues.Ask("equity=520k").ToJsonString().ShouldBe("""{"component":"equity","amount":520000}""");
        OfferValues.Ask("level=6").ToJsonString().ShouldBe("""{"component":"level","amount":6}""");
        OfferValues.Ask("base=225000:top of the band").ToJsonString().ShouldBe("""{"component":"base","amount":225000,"text":"top of the band"}""");
        OfferValues.Ask("remote=fully remote: no relocation").ToJsonString().ShouldBe("""{"component":"remote","text":"fully remote: no relocation"}""");
        OfferValues.Ask("start-date=2027-02-01").ToJsonString().ShouldBe("""{"component":"start_date","text":"2027-02-01"}""");
        OfferValues.Ask("pto").ToJsonString().ShouldBe("""{"component":"pto"}""");
        Should.Throw<CliException>(() => OfferValues.Ask("salary=1")).Message.ShouldContain("'salary' is not a component");
    }

    [Fact]
    public void rates_become_the_query_value_and_a_bad_one_names_the_option()
    {
        OfferValues.Rates(["EUR=1.08", "gbp:1.27, CHF=1.1"]).ShouldBe("EUR:1.08,GBP:1.27,CHF:1.1");
        OfferValues.Rates([]).ShouldBeNull();
        Should.Throw<CliException>(() => OfferValues.Rates(["EUR"])).Message.ShouldStartWith("--rate: 'EUR' is not a rate");
        Should.Throw<CliException>(() => OfferValues.Rates(["EUR=0"])).Message.ShouldStartWith("--rate: ");
    }

    [Fact]
    public void every_terms_option_becomes_a_field_of_the_terms()
    {
        var terms = Terms(
            "--company", "Acme", "--role", "Staff Engineer", "--level", "L6", "--rank", "6", "--location", "Remote", "--currency", "usd",
            "--base", "205k", "--bonus", "15%", "--sign-on", "30000@0/12", "--sign-on", "20000@12", "--rsu", "320,000", "--vesting", "even_4y",
            "--refresher", "60000", "--retirement-match", "5", "--pto", "20", "--remote", "hybrid", "--company-stage", "series_b",
            "--start", "2027-01-11", "--deadline", "2026-11-24", "--notes", "call back Friday");
        terms.ToJsonString().ShouldBe(
            """{"company":"Acme","role":"Staff Engineer","level":{"label":"L6","rank":6},"location":"Remote","currency":"USD","baseSalary":205000,"bonusTargetPercent":15,"signOn":[{"amount":30000,"paidAtMonth":0,"clawbackMonths":12},{"amount":20000,"paidAtMonth":12}],"equity":{"kind":"rsu","grantValue":320000,"vesting":"even_4y"},"refresher":{"annualValue":60000,"vesting":{"cliffMonths":0,"frequency":"quarterly","yearPercents":[25,25,25,25]}},"retirementMatchPercent":5,"ptoDays":20,"remote":"hybrid","stage":"series_b","startDate":"2027-01-11","deadline":"2026-11-24","notes":"call back Friday"}""");
    }

    [Fact]
    public void option_flags_build_an_options_grant_with_a_custom_schedule()
    {
        var terms = Terms(
            "--options", "60000", "--strike", "2.10", "--fmv", "2.10", "--preferred", "8.40", "--fully-diluted", "48,000,000", "--iso",
            "--exercise-window", "90", "--preference", "120M", "--vesting", "12:monthly:25,25,25,25");
        terms["equity"]!.ToJsonString().ShouldBe(
            """{"kind":"options","shares":60000,"strikePrice":2.10,"fairMarketValue":2.10,"preferredPrice":8.40,"fullyDilutedShares":48000000,"liquidationPreference":120000000,"exerciseWindowDays":90,"optionType":"iso","vesting":{"cliffMonths":12,"frequency":"monthly","yearPercents":[25,25,25,25]}}""");
    }

    [Fact]
    public void flags_override_file_values_and_switching_the_grant_kind_keeps_only_the_vesting()
    {
        var file = OfferFile.Parse("""
            company: Riverbend
            baseSalary: 195000
            equity:
              kind: rsu
              shares: 2000
              sharePrice: 225
              vesting: 5_15_40_40
            """, "offer.yaml", json: false);
        var (parse, options) = ParseTerms("--base", "200000", "--share-price", "230");
        options.Apply(parse, file.Terms);
        file.Terms.ToJsonString().ShouldBe("""{"company":"Riverbend","baseSalary":200000,"equity":{"kind":"rsu","shares":2000,"sharePrice":230,"vesting":"5_15_40_40"}}""");

        var (grantValue, o2) = ParseTerms("--rsu", "500000");
        o2.Apply(grantValue, file.Terms);
        file.Terms["equity"]!.ToJsonString().ShouldBe("""{"kind":"rsu","vesting":"5_15_40_40","grantValue":500000}""");

        var (toOptions, o3) = ParseTerms("--options", "1000", "--strike", "1");
        o3.Apply(toOptions, file.Terms);
        file.Terms["equity"]!.ToJsonString().ShouldBe("""{"kind":"options","vesting":"5_15_40_40","shares":1000,"strikePrice":1}""");
    }

    [Fact]
    public void contradictory_equity_options_are_usage_errors()
    {
        var (parse, options) = ParseTerms("--rsu", "1", "--options", "2");
        Should.Throw<CliException>(() => options.Apply(parse, [])).ExitCode.ShouldBe(2);
        var (both, o2) = ParseTerms("--rsu", "1", "--rsu-shares", "2");
        Should.Throw<CliException>(() => o2.Apply(both, [])).Message.ShouldContain("not both");
        var (kinds, o3) = ParseTerms("--options", "1", "--iso", "--nso");
        Should.Throw<CliException>(() => o3.Apply(kinds, [])).ExitCode.ShouldBe(2);
    }

    [Fact]
    public void a_request_body_file_gives_stage_and_date_and_snake_case_keys_are_accepted()
    {
        var body = OfferFile.Parse("""
            {
              // comments and trailing commas are fine in JSON files
              "stage": "verbal",
              "receivedOn": "2026-11-16",
              "terms": { "company": "Lumen Labs", "base_salary": 185000, "sign-on": [], "Level": { "label": "Staff", "rank": 6 }, },
            }
            """, "lumen.json", json: true);
        body.Stage.ShouldBe("verbal");
        body.ReceivedOn.ShouldBe("2026-11-16");
        body.RevisedOn.ShouldBeNull();
        body.Terms.ToJsonString().ShouldBe("""{"company":"Lumen Labs","baseSalary":185000,"signOn":[],"level":{"label":"Staff","rank":6}}""");

        var termsOnly = OfferFile.Parse("company: X\nbase_salary: 1\n", "x.yaml", json: false);
        termsOnly.Stage.ShouldBeNull();
        termsOnly.Terms.ToJsonString().ShouldBe("""{"company":"X","baseSalary":1}""");
    }

    [Theory]
    [InlineData("stage: written\nterms:\n  company: X\nstatus: open\n", false, "unknown top-level key 'status'")]
    [InlineData("{\"terms\": 5}", true, "\"terms\" must be an object")]
    [InlineData("- 1\n", false, "expected an object")]
    [InlineData("# nothing\n", false, "is empty")]
    [InlineData("{\"company\": ", true, "is not valid JSON (line 1, position")]
    [InlineData("company: X\nbaseSalary: 1\nbase_salary: 2\n", false, "'base_salary' is given twice")]
    [InlineData("{\"terms\": {\"company\": \"X\", \"company\": \"Y\"}}", true, "a key is given twice")]
    [InlineData("company: X\n  role: Y\n", false, "offer.txt: line 2: ")]
    public void a_file_with_the_wrong_shape_is_a_one_line_error_naming_it(string text, bool json, string message)
    {
        var error = Should.Throw<CliException>(() => OfferFile.Parse(text, "offer.txt", json));
        error.ExitCode.ShouldBe(1);
        error.Message.ShouldStartWith("offer.txt");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void the_file_kind_comes_from_the_extension_or_else_the_first_character()
    {
        OfferFile.IsJson("a.json", "x: 1").ShouldBeTrue();
        OfferFile.IsJson("a.yml", "{").ShouldBeFalse();
        OfferFile.IsJson("a.txt", "  {\"a\": 1}").ShouldBeTrue();
        OfferFile.IsJson("-", "company: X").ShouldBeFalse();
    }

    [Fact]
    public void merging_a_file_over_current_terms_replaces_lists_and_vesting_and_null_removes()
    {
        var current = JsonNode.Parse("""
            {"company":"C","signOn":[{"amount":1},{"amount":2}],"equity":{"kind":"rsu","grantValue":10,"vesting":{"cliffMonths":12,"frequency":"quarterly","yearPercents":[25,25,25,25]}},"refresher":{"annualValue":5,"vesting":"even_4y"},"level":{"label":"L5","rank":5}}
            """)!.AsObject();
        var changes = JsonNode.Parse("""
            {"signOn":[{"amount":3}],"equity":{"vesting":"10_20_30_40"},"refresher":null,"level":{"rank":6}}
            """)!.AsObject();
        OfferFile.Merge(current, changes);
        current.ToJsonString().ShouldBe("""{"company":"C","signOn":[{"amount":3}],"equity":{"kind":"rsu","grantValue":10,"vesting":"10_20_30_40"},"level":{"label":"L5","rank":6}}""");

        OfferFile.Merge(current, JsonNode.Parse("""{"equity":{"kind":"options","shares":5}}""")!.AsObject());
        current["equity"]!.ToJsonString().ShouldBe("""{"kind":"options","shares":5}""");
    }

    [Fact]
    public void api_nulls_are_dropped_from_the_current_terms()
    {
        OfferFile.WithoutNulls(JsonNode.Parse("""{"a":null,"b":{"c":null,"d":1},"e":[{"f":null}]}"""))!.ToJsonString()
            .ShouldBe("""{"b":{"d":1},"e":[{}]}""");
    }

    [Theory]
    [InlineData(1, "--base", "offers", "add", "--company", "X", "--base", "lots")]
    [InlineData(1, "--sign-on", "offers", "add", "--company", "X", "--sign-on", "30000@twelve")]
    [InlineData(1, "--vesting", "offers", "add", "--company", "X", "--vesting", "12:weekly:25,25,25,25")]
    [InlineData(1, "--rank", "offers", "add", "--company", "X", "--rank", "six")]
    [InlineData(1, "--deadline", "offers", "add", "--company", "X", "--deadline", "24/11/2026")]
    [InlineData(1, "--currency", "offers", "add", "--company", "X", "--currency", "dollars")]
    [InlineData(2, "--remote", "offers", "add", "--company", "X", "--remote", "sometimes")]
    [InlineData(2, "--company-stage", "offers", "add", "--company", "X", "--company-stage", "series_z")]
    [InlineData(2, "--rsu", "offers", "add", "--rsu", "1", "--strike", "2")]
    [InlineData(2, "offers add", "offers", "add")]
    [InlineData(2, "nothing to revise", "offers", "revise", "abcd")]
    [InlineData(1, "--received", "offers", "revise", "abcd", "--base", "1", "--received", "yesterday")]
    [InlineData(1, "--ask", "offers", "counter", "abcd", "--ask", "salary=1")]
    [InlineData(2, "--ask", "offers", "counter", "abcd")]
    [InlineData(1, "DATE", "offers", "deadline", "abcd", "soon")]
    [InlineData(1, "--rate", "offers", "compare", "--rate", "EUR")]
    [InlineData(2, "--format", "offers", "compare", "--format", "pdf")]
    [InlineData(1, "--current-total", "offers", "plan", "abcd", "--current-total", "a lot")]
    [InlineData(2, "offers", "offers")]
    public async Task bad_values_exit_1_or_2_with_one_line_naming_the_option(int code, string named, params string[] args)
    {
        var result = await _cli.RunAsync(args);
        result.ExitCode.ShouldBe(code, result.ToString());
        result.Stderr.ShouldStartWith("ledger: ");
        result.Stderr.ShouldContain(named);
        result.Stderr.TrimEnd().ShouldNotContain("\n");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_file_that_cannot_be_read_or_parsed_exits_1_naming_the_file_and_line()
    {
        var dir = Path.Combine(_cli.ConfigDirectory, "files");
        Directory.CreateDirectory(dir);
        var yaml = Path.Combine(dir, "bad.yaml");
        await File.WriteAllTextAsync(yaml, "company: X\nrole: Y\nbase_salary: lots\n");
        var bad = await _cli.RunAsync("offers", "add", yaml);
        bad.ExitCode.ShouldBe(1, bad.ToString());
        bad.Stderr.ShouldBe($"ledger: {yaml}: line 3: baseSalary: 'lots' is not a number" + Environment.NewLine);

        await File.WriteAllTextAsync(yaml, "company: X\nrole: [Y\n");
        var broken = await _cli.RunAsync("offers", "add", yaml);
        broken.ExitCode.ShouldBe(1, broken.ToString());
        broken.Stderr.ShouldStartWith($"ledger: {yaml}: line 3: ");
        broken.Stderr.TrimEnd().ShouldNotContain("\n");

        var missing = await _cli.RunAsync("offers", "add", Path.Combine(dir, "nope.json"));
        missing.ExitCode.ShouldBe(1, missing.ToString());
        missing.Stderr.ShouldStartWith("ledger: cannot read ");
    }

    [Fact]
    public async Task help_lists_every_offers_subcommand()
    {
        var result = await _cli.RunAsync("offers", "--help");
        result.ExitCode.ShouldBe(0);
        foreach (var name in new[] { "add", "list", "revise", "counter", "deadline", "accept", "decline", "withdraw", "expire", "timeline", "compare", "plan" })
        {
            result.Stdout.ShouldContain("  " + name);
        }

        (await _cli.RunAsync("offers", "add", "--help")).Stdout.ShouldContain("--sign-on");
    }
}
