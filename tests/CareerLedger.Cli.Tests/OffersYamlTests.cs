using System.Text.Json;
using System.Text.Json.Nodes;
using CareerLedger.Cli.Infrastructure;
using CareerLedger.Cli.Offers;
using YamlDotNet.Core;

namespace CareerLedger.Cli.Tests;

/// <summary>YAML offer files (<see cref="YamlToJson"/>, and <see cref="OfferFile"/> for the messages).</summary>
public sealed class OffersYamlTests
{
    private static JsonNode? Parse(string yaml) => YamlToJson.Parse(yaml.ReplaceLineEndings("\n")).Root;

    private static string Json(string yaml) => Parse(yaml)?.ToJsonString() ?? "null";

    private static YamlException Error(string yaml) => Should.Throw<YamlException>(() => Parse(yaml));

    private static string FileError(string yaml) =>
        Should.Throw<CliException>(() => OfferFile.Parse(yaml.ReplaceLineEndings("\n"), "offer.yaml", json: false)).Message;

    [Fact]
    public void key_value_lines_become_an_object_with_typed_scalars()
    {
        Json("""
            company: Contoso
            baseSalary: 205000
            strikePrice: 2.10
            delta: -1.5e2
            remote: true
            verbal: false
            notes:
            location: ~
            deadline: 2026-11-24
            vesting: 10_20_30_40
            """).ShouldBe("""{"company":"Contoso","baseSalary":205000,"strikePrice":2.10,"delta":-150,"remote":true,"verbal":false,"notes":null,"location":null,"deadline":"2026-11-24","vesting":"10_20_30_40"}""");
    }

    [Fact]
    public void yaml_1_1_words_and_other_number_forms_stay_text()
    {
        var node = Parse("""
            a: yes
            b: on
            c: off
            d: 0x1F
            e: .inf
            f: 12:30
            g: 2026-11-24T09:00:00Z
            """)!.AsObject();
        foreach (var (key, value) in node)
        {
            value!.GetValueKind().ShouldBe(JsonValueKind.String, key);
        }

        node["b"]!.GetValue<string>().ShouldBe("on");
        node["d"]!.GetValue<string>().ShouldBe("0x1F");
    }

    [Fact]
    public void nested_blocks_end_at_a_shallower_line_whatever_the_indentation_width()
    {
        Json("""
            terms:
              level:
                label: L5
                rank: 5
              equity:
                  kind: rsu
                  vesting:
                   cliffMonths: 12
              currency: USD
            stage: written
            """).ShouldBe("""{"terms":{"level":{"label":"L5","rank":5},"equity":{"kind":"rsu","vesting":{"cliffMonths":12}},"currency":"USD"},"stage":"written"}""");
    }

    [Fact]
    public void lists_of_scalars_may_be_indented_or_at_the_key_s_own_indentation()
    {
        Json("""
            yearPercents:
              - 5
              - 15
            tags:
            - a
            - "b c"
            after: 1
            """).ShouldBe("""{"yearPercents":[5,15],"tags":["a","b c"],"after":1}""");
    }

    [Fact]
    public void lists_of_objects_line_up_their_keys_past_the_dash()
    {
        Json("""
            signOn:
              - amount: 60000
                paidAtMonth: 0
                clawbackMonths: 12
              - amount: 45000
                paidAtMonth: 12
              -
                amount: 1
            ptoDays: 15
            """).ShouldBe("""{"signOn":[{"amount":60000,"paidAtMonth":0,"clawbackMonths":12},{"amount":45000,"paidAtMonth":12},{"amount":1}],"ptoDays":15}""");
    }

    [Fact]
    public void flow_lists_and_flow_maps_read_like_their_block_forms()
    {
        Json("""
            yearPercents: [25, 25, 25, 25]
            level: {label: L5, rank: 5}
            signOn: [{amount: 40000, paidAtMonth: 0}, {amount: 25000, paidAtMonth: 12}]
            empty: []
            quoted: ["10", '20']
            """).ShouldBe("""{"yearPercents":[25,25,25,25],"level":{"label":"L5","rank":5},"signOn":[{"amount":40000,"paidAtMonth":0},{"amount":25000,"paidAtMonth":12}],"empty":[],"quoted":["10","20"]}""");
    }

    [Fact]
    public void an_alias_repeats_the_anchored_value()
    {
        Json("""
            equity:
              kind: rsu
              vesting: &quarterly
                cliffMonths: 12
                frequency: quarterly
                yearPercents: &even [25, 25, 25, 25]
            refresher:
              annualValue: 50000
              vesting: *quarterly
            percents: *even
            """).ShouldBe("""{"equity":{"kind":"rsu","vesting":{"cliffMonths":12,"frequency":"quarterly","yearPercents":[25,25,25,25]}},"refresher":{"annualValue":50000,"vesting":{"cliffMonths":12,"frequency":"quarterly","yearPercents":[25,25,25,25]}},"percents":[25,25,25,25]}""");
    }

    [Fact]
    public void a_merge_key_copies_the_anchored_fields_and_the_mapping_s_own_fields_win()
    {
        var node = Parse("""
            base: &schedule
              cliffMonths: 12
              frequency: quarterly
              yearPercents: [25, 25, 25, 25]
            equity:
              kind: rsu
              vesting:
                frequency: monthly
                <<: *schedule
            refresher:
              vesting:
                <<: [*schedule, {preset: ignored, cliffMonths: 99}]
            """)!;
        node["equity"]!["vesting"]!.ToJsonString().ShouldBe("""{"frequency":"monthly","cliffMonths":12,"yearPercents":[25,25,25,25]}""");
        node["refresher"]!["vesting"]!.ToJsonString().ShouldBe("""{"cliffMonths":12,"frequency":"quarterly","yearPercents":[25,25,25,25],"preset":"ignored"}""");
        node["base"]!["frequency"]!.GetValue<string>().ShouldBe("quarterly", "the anchored mapping itself is unchanged");
    }

    [Fact]
    public void literal_and_folded_block_scalars_are_multi_line_text()
    {
        var node = Parse("""
            notes: |
              Recruiter: "room on equity".
              Call back on Friday: 10:00.
            summary: >
              Strong team,
              long commute.

              Decide by Monday.
            kept: |-
              42
            """)!.AsObject();
        node["notes"]!.GetValue<string>().ShouldBe("Recruiter: \"room on equity\".\nCall back on Friday: 10:00.\n");
        node["summary"]!.GetValue<string>().ShouldBe("Strong team, long commute.\nDecide by Monday.\n");
        node["kept"]!.GetValueKind().ShouldBe(JsonValueKind.String);
        node["kept"]!.GetValue<string>().ShouldBe("42");
    }

    [Fact]
    public void comments_are_skipped_as_whole_lines_and_after_a_space_but_not_inside_quotes_or_words()
    {
        Json("""
            # a whole-line comment
            ---
            company: Contoso # trailing comment
              # an indented comment line does not count as indentation

            tag: "#1 pick" # quoted hash kept
            code: C#sharp
            rank: 5   # number then comment
            """).ShouldBe("""{"company":"Contoso","tag":"#1 pick","code":"C#sharp","rank":5}""");
    }

    [Fact]
    public void quoted_and_str_tagged_scalars_keep_what_would_otherwise_be_numbers_booleans_or_comments()
    {
        var node = Parse("""
            zip: "02139"
            flag: 'true'
            say: 'it''s "fine"'
            esc: "tab\there\nline \"q\" \u00e9 back\\slash"
            colon: "a: b"
            tagged: !!str 205000
            url: https://example.com/offer#terms
            """)!.AsObject();
        node["zip"]!.GetValueKind().ShouldBe(JsonValueKind.String);
        node["zip"]!.GetValue<string>().ShouldBe("02139");
        node["flag"]!.GetValue<string>().ShouldBe("true");
        node["say"]!.GetValue<string>().ShouldBe("it's \"fine\"");
        node["esc"]!.GetValue<string>().ShouldBe("tab\there\nline \"q\" é back\\slash");
        node["colon"]!.GetValue<string>().ShouldBe("a: b");
        node["tagged"]!.GetValue<string>().ShouldBe("205000");
        node["url"]!.GetValue<string>().ShouldBe("https://example.com/offer#terms");
    }

    [Fact]
    public void numbers_keep_their_decimal_digits_and_words_with_digits_stay_text()
    {
        var node = Parse("""
            a: 8.40
            b: +3
            c: .5
            d: 1,000
            e: 12k
            f: 1.2.3
            g: 2027-01-11
            """)!.AsObject();
        node["a"]!.GetValue<decimal>().ShouldBe(8.40m);
        node["a"]!.ToJsonString().ShouldBe("8.40");
        node["b"]!.GetValue<decimal>().ShouldBe(3m);
        node["c"]!.GetValue<decimal>().ShouldBe(0.5m);
        node["d"]!.GetValue<string>().ShouldBe("1,000");
        node["e"]!.GetValue<string>().ShouldBe("12k");
        node["f"]!.GetValue<string>().ShouldBe("1.2.3");
        node["g"]!.GetValue<string>().ShouldBe("2027-01-11");
    }

    [Fact]
    public void crlf_line_endings_a_byte_order_mark_and_an_empty_document_are_handled()
    {
        YamlToJson.Parse("\uFEFFa: 1\r\nb:\r\n  c: x\r\n").Root!.ToJsonString().ShouldBe("""{"a":1,"b":{"c":"x"}}""");
        YamlToJson.Parse("# only a comment\n\n").Root.ShouldBeNull();
        YamlToJson.Parse("").Root.ShouldBeNull();
        YamlToJson.Parse("---\n").Root.ShouldBeNull();
        YamlToJson.Parse("- 1\n- two\n").Root!.ToJsonString().ShouldBe("""[1,"two"]""");
    }

    [Fact]
    public void every_value_knows_its_line_aliases_included()
    {
        var tree = YamlToJson.Parse("a: 1\nb:\n  - &x two\n  - *x\n");
        var b = tree.Root!["b"]!.AsArray();
        tree.Lines[tree.Root["a"]!].ShouldBe(1);
        tree.Lines[b].ShouldBe(3);
        tree.Lines[b[0]!].ShouldBe(3);
        tree.Lines[b[1]!].ShouldBe(3);
    }

    [Fact]
    public void the_northwind_sample_parses()
    {
        var node = YamlToJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "offers", "northwind-offer.yaml"))).Root!;
        node["terms"]!["company"]!.GetValue<string>().ShouldBe("Northwind Traders");
        node["terms"]!["level"]!["rank"]!.GetValue<decimal>().ShouldBe(6m);
        node["terms"]!["equity"]!["vesting"]!.GetValue<string>().ShouldBe("10_20_30_40");
        node["terms"]!["signOn"]!.AsArray().Count.ShouldBe(2);
        node["terms"]!["signOn"]![1]!["clawbackMonths"]!.GetValue<decimal>().ShouldBe(12m);
        node["terms"]!["refresher"]!["vesting"]!["yearPercents"]!.ToJsonString().ShouldBe("[25,25,25,25]");
        node["terms"]!["location"]!.GetValue<string>().ShouldBe("Chicago, IL");
        node["terms"]!["startDate"]!.GetValue<string>().ShouldBe("2027-01-25");
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", 2, "duplicate key 'a' (first given on line 1)")]
    [InlineData("a: 1\nb:\n  c: 1\n  c: 2\n", 4, "duplicate key 'c' (first given on line 3)")]
    [InlineData("a: 1\nplain: Recruiter said: call me\n", 2, "found invalid mapping")]
    [InlineData("a: 1\n   b: 2\n", 2, "found invalid mapping")]
    [InlineData("percents: [25, 25\nnext: 1\n", 2, "left open")]
    [InlineData("a: 1\nb: \"open\n", 2, "quoted scalar")]
    [InlineData("a:\n\t- 1\n", 2, "tab")]
    [InlineData("a: *ref\n", 1, "the alias '*ref' names no anchor")]
    [InlineData("a: &x [1, *x]\n", 1, "the alias '*x' names no anchor")]
    [InlineData("a: !!int 5\n", 1, "the tag 'tag:yaml.org,2002:int' is not supported")]
    [InlineData("a: 1\n---\nb: 2\n", 2, "a second document")]
    [InlineData("? [a, b]\n: 1\n", 1, "a key must be a scalar")]
    [InlineData("a: &x 5\nb:\n  <<: *x\n", 3, "'<<' merges a mapping")]
    [InlineData("a: 1e99999\n", 1, "the number 1e99999 is out of range")]
    public void text_that_is_not_yaml_or_not_an_offer_tree_names_the_line(string yaml, int line, string message)
    {
        var error = Error(yaml);
        error.Start.Line.ShouldBe(line, error.Message);
        error.Message.ShouldContain(message);
        error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void aliases_that_multiply_beyond_100000_values_are_refused()
    {
        var yaml = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
            + string.Join("", Enumerable.Range(0, 6).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]\n"));
        Error(yaml).Message.ShouldContain("more than 100,000 values");
    }

    [Fact]
    public void a_syntax_error_names_the_file_and_the_line()
    {
        FileError("company: X\nterms:\n  role: [Y\n").ShouldStartWith("offer.yaml: line 4: ");
        FileError("company: X\nlevel:\n  label: L5\n   rank: 5\n").ShouldStartWith("offer.yaml: line 4: ");
    }

    [Fact]
    public void a_wrong_type_on_a_known_field_names_the_line_the_field_and_the_value()
    {
        FileError("""
            company: Contoso
            role: Engineer
            level:
              label: L5
              rank: 5
            currency: USD
            base_salary: abc
            """).ShouldBe("offer.yaml: line 7: baseSalary: 'abc' is not a number");
        FileError("""
            stage: written
            terms:
              company: Contoso
              signOn:
                - amount: 1000
                - amount: "2000"
            """).ShouldBe("offer.yaml: line 6: terms.signOn[1].amount: '2000' is not a number");
        FileError("""
            company: Contoso
            refresher:
              vesting: {yearPercents: [25, 25, lots, 25]}
            """).ShouldBe("offer.yaml: line 3: refresher.vesting.yearPercents[2]: 'lots' is not a number");
        FileError("company: Contoso\nlevel:\n  label: 5\n").ShouldBe("offer.yaml: line 3: level.label: 5 is not text");
        FileError("company: [a, b]\n").ShouldBe("offer.yaml: line 1: company: [\"a\",\"b\"] is not text");
    }

    [Fact]
    public void a_wrong_type_in_an_aliased_value_names_the_anchor_s_line()
    {
        FileError("""
            company: Contoso
            equity:
              vesting: &v
                cliffMonths: twelve
            refresher:
              vesting: *v
            """).ShouldBe("offer.yaml: line 4: equity.vesting.cliffMonths: 'twelve' is not a number");
    }

    [Fact]
    public void a_duplicate_key_names_the_key_and_both_lines()
    {
        FileError("company: Contoso\nbaseSalary: 1\nrole: Engineer\nbaseSalary: 2\n")
            .ShouldBe("offer.yaml: line 4: duplicate key 'baseSalary' (first given on line 2)");
    }

    [Fact]
    public void a_json_file_with_a_wrong_type_names_the_field_without_a_line()
    {
        Should.Throw<CliException>(() => OfferFile.Parse("""{"company": "X", "ptoDays": "twenty"}""", "offer.json", json: true))
            .Message.ShouldBe("offer.json: ptoDays: 'twenty' is not a number");
    }

    [Fact]
    public void vesting_may_still_be_a_preset_name_or_null()
    {
        var file = OfferFile.Parse("company: X\nequity:\n  kind: rsu\n  vesting: even_4y\nrefresher:\n", "offer.yaml", json: false);
        file.Terms.ToJsonString().ShouldBe("""{"company":"X","equity":{"kind":"rsu","vesting":"even_4y"},"refresher":null}""");
    }
}
