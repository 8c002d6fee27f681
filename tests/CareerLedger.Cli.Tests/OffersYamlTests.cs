using System.Text.Json;
using System.Text.Json.Nodes;
using CareerLedger.Cli.Offers;

namespace CareerLedger.Cli.Tests;

/// <summary>The YAML subset offer files use (<see cref="YamlSubset"/>).</summary>
public sealed class OffersYamlTests
{
    private static JsonNode? Parse(string yaml) => YamlSubset.Parse(yaml.ReplaceLineEndings("\n"));

    private static string Json(string yaml) => Parse(yaml)?.ToJsonString() ?? "null";

    private static YamlSubsetException Error(string yaml) => Should.Throw<YamlSubsetException>(() => Parse(yaml));

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
    public void nested_blocks_are_indented_by_two_spaces_and_end_at_a_shallower_line()
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
    public void lists_of_objects_line_up_their_keys_two_columns_past_the_dash()
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
    public void quoted_strings_keep_what_would_otherwise_be_numbers_booleans_or_comments()
    {
        var node = Parse("""
            zip: "02139"
            flag: 'true'
            say: 'it''s "fine"'
            esc: "tab\there\nline \"q\" \u00e9 back\\slash"
            colon: "a: b"
            plain: Recruiter said: call me
            url: https://example.com/offer#terms
            """)!.AsObject();
        node["zip"]!.GetValueKind().ShouldBe(JsonValueKind.String);
        node["zip"]!.GetValue<string>().ShouldBe("02139");
        node["flag"]!.GetValue<string>().ShouldBe("true");
        node["say"]!.GetValue<string>().ShouldBe("it's \"fine\"");
        node["esc"]!.GetValue<string>().ShouldBe("tab\there\nline \"q\" é back\\slash");
        node["colon"]!.GetValue<string>().ShouldBe("a: b");
        node["plain"]!.GetValue<string>().ShouldBe("Recruiter said: call me");
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
        YamlSubset.Parse("\uFEFFa: 1\r\nb:\r\n  c: x\r\n")!.ToJsonString().ShouldBe("""{"a":1,"b":{"c":"x"}}""");
        YamlSubset.Parse("# only a comment\n\n").ShouldBeNull();
        YamlSubset.Parse("").ShouldBeNull();
        YamlSubset.Parse("- 1\n- two\n")!.ToJsonString().ShouldBe("""[1,"two"]""");
    }

    [Fact]
    public void the_northwind_sample_parses()
    {
        var node = YamlSubset.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "offers", "northwind-offer.yaml")))!;
        node["terms"]!["company"]!.GetValue<string>().ShouldBe("Northwind Traders");
        node["terms"]!["level"]!["rank"]!.GetValue<decimal>().ShouldBe(6m);
        node["terms"]!["equity"]!["vesting"]!.GetValue<string>().ShouldBe("10_20_30_40");
        node["terms"]!["signOn"]!.AsArray().Count.ShouldBe(2);
        node["terms"]!["refresher"]!["vesting"]!["yearPercents"]!.ToJsonString().ShouldBe("[25,25,25,25]");
        node["terms"]!["location"]!.GetValue<string>().ShouldBe("Chicago, IL");
    }

    [Theory]
    [InlineData("a: 1\n   b: 2\n", 2, "unexpected indentation")]
    [InlineData("a:\n    b: 2\n", 2, "exactly two spaces")]
    [InlineData("a: 1\na: 2\n", 2, "duplicate key 'a' (first given on line 1)")]
    [InlineData("a:\n  b: 1\n  - 2\n", 3, "list item where a 'key: value' line was expected")]
    [InlineData("a: 1\njust words\n", 2, "expected 'key: value' or '- item'")]
    [InlineData("a: 1\nb:2\n", 2, "a space after the colon")]
    [InlineData("percents: [25, 25]\n", 1, "flow collections")]
    [InlineData("terms: {a: 1}\n", 1, "flow collections")]
    [InlineData("notes: |\n  text\n", 1, "block text")]
    [InlineData("a: \"open\n", 1, "not closed")]
    [InlineData("a: \"x\" trailing\n", 1, "unexpected text after the closing quote")]
    [InlineData("a: \"\\q\"\n", 1, "unknown escape")]
    [InlineData("a:\n\t- 1\n", 2, "tabs")]
    [InlineData("a: *ref\n", 1, "anchors, aliases and tags")]
    [InlineData("- - 1\n", 1, "a list directly inside a list item")]
    [InlineData("a: 1\n---\nb: 2\n", 2, "only one document")]
    [InlineData("  a: 1\n", 1, "must not be indented")]
    [InlineData("a: 1\n  - 2\n", 2, "already given on that line")]
    public void lines_outside_the_subset_are_one_line_errors_with_the_line_number(string yaml, int line, string message)
    {
        var error = Error(yaml);
        error.Line.ShouldBe(line);
        error.Message.ShouldStartWith($"line {line}: ");
        error.Message.ShouldContain(message);
        error.Message.ShouldNotContain("\n");
    }
}
