using CareerLedger.Cli.Accomplishments;

namespace CareerLedger.Cli.Tests;

public sealed class ImpactParserTests
{
    [Fact]
    public void before_and_after_with_glued_units_share_the_unit()
    {
        ImpactParser.Parse("p99 latency:420ms->210ms").ShouldBe(new ImpactInput("p99 latency", 420m, 210m, "ms", null));
    }

    [Fact]
    public void spaced_units_and_spaces_around_the_arrow_are_accepted()
    {
        ImpactParser.Parse("p99 latency: 420 ms -> 210 ms").ShouldBe(new ImpactInput("p99 latency", 420m, 210m, "ms", null));
    }

    [Fact]
    public void a_single_figure_has_no_baseline()
    {
        ImpactParser.Parse("hours saved:120h").ShouldBe(new ImpactInput("hours saved", null, 120m, "h", null));
    }

    [Fact]
    public void a_dollar_prefix_means_the_dollar_unit_and_k_multiplies_by_a_thousand()
    {
        ImpactParser.Parse("cloud cost:$148k->$74k").ShouldBe(new ImpactInput("cloud cost", 148_000m, 74_000m, "$", null));
    }

    [Fact]
    public void capital_m_right_after_a_number_multiplies_by_a_million()
    {
        ImpactParser.Parse("revenue protected:$1.2M").ShouldBe(new ImpactInput("revenue protected", null, 1_200_000m, "$", null));
        ImpactParser.Parse("requests served:1.2M requests").ShouldBe(new ImpactInput("requests served", null, 1_200_000m, "requests", null));
    }

    [Fact]
    public void a_letter_glued_to_k_or_m_is_part_of_the_unit_not_a_multiplier()
    {
        ImpactParser.Parse("bundle size:5MB->3MB").ShouldBe(new ImpactInput("bundle size", 5m, 3m, "MB", null));
        ImpactParser.Parse("page weight:120 kB").ShouldBe(new ImpactInput("page weight", null, 120m, "kB", null));
    }

    [Fact]
    public void percentages_and_decimals_parse()
    {
        ImpactParser.Parse("availability:99.5%->99.95%").ShouldBe(new ImpactInput("availability", 99.5m, 99.95m, "%", null));
    }

    [Fact]
    public void a_unit_of_several_words_with_a_slash_is_kept_whole()
    {
        ImpactParser.Parse("deploy frequency:3 deploys/week->12 deploys/week").ShouldBe(new ImpactInput("deploy frequency", 3m, 12m, "deploys/week", null));
    }

    [Fact]
    public void a_unit_on_one_side_only_applies_to_both()
    {
        ImpactParser.Parse("throughput:1,800->3,100 req/s").ShouldBe(new ImpactInput("throughput", 1800m, 3100m, "req/s", null));
    }

    [Theory]
    [InlineData("error rate:2.1%->0.4%:lower", true)]
    [InlineData("conversion:3%->4%:higher", false)]
    [InlineData("conversion:3%->4% : HIGHER", false)]
    public void a_trailing_direction_sets_lower_is_better(string text, bool lowerIsBetter)
    {
        ImpactParser.Parse(text).LowerIsBetter.ShouldBe(lowerIsBetter);
    }

    [Fact]
    public void the_metric_name_may_contain_colons_and_spaces()
    {
        ImpactParser.Parse("SLO: checkout success:99%").ShouldBe(new ImpactInput("SLO: checkout success", null, 99m, "%", null));
    }

    [Fact]
    public void the_unicode_arrow_and_negative_numbers_are_accepted()
    {
        ImpactParser.Parse("margin:-5%→3%").ShouldBe(new ImpactInput("margin", -5m, 3m, "%", null));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("latency 420ms", "no ':'")]
    [InlineData(":420ms", "name before ':' is empty")]
    [InlineData("  :420ms->210ms", "name before ':' is empty")]
    [InlineData("latency:", "has no value")]
    [InlineData("latency::lower", "has no value")]
    [InlineData("latency:->210ms", "before '->' is missing")]
    [InlineData("latency:420ms->", "after '->' is missing")]
    [InlineData("latency:420ms->2s", "units differ ('ms' before, 's' after)")]
    [InlineData("latency:fast->slow", "'fast' (before) is not a number")]
    [InlineData("latency:420ms->fast", "'fast' (after) is not a number")]
    [InlineData("cost:$5 usd", "both '$' and the unit 'usd'")]
    [InlineData("x:1->2->3", "more than one '->'")]
    [InlineData("version:1.2.3", "is not a number")]
    public void malformed_values_are_rejected_with_a_message_naming_the_value(string text, string expected)
    {
        var ex = Should.Throw<FormatException>(() => ImpactParser.Parse(text));
        ex.Message.ShouldStartWith($"--impact '{text}': ");
        ex.Message.ShouldContain(expected);
    }
}
