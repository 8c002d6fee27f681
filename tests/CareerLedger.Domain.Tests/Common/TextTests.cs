using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Tests.Common;

public sealed class TextTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(" \t\n ", null)]
    [InlineData("  a b  ", "a b")]
    public void clean_trims_and_turns_blank_into_null(string? input, string? expected)
    {
        Text.Clean(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1234567", "1,234,567")]
    [InlineData("1234.5", "1,234.5")]
    [InlineData("2.50", "2.5")]
    [InlineData("2.00", "2")]
    [InlineData("0.125", "0.13")]
    [InlineData("0.124", "0.12")]
    [InlineData("-0.125", "\u22120.13")]
    [InlineData("-1500", "\u22121,500")]
    public void number_uses_thousands_separators_and_at_most_two_decimals_without_trailing_zeros(string input, string expected)
    {
        Text.Number(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Fact]
    public void signed_prefixes_a_plus_or_a_typographic_minus()
    {
        Text.Signed(12).ShouldBe("+12");
        Text.Signed(0).ShouldBe("+0");
        Text.Signed(-1234.5m).ShouldBe("\u22121,234.5");
        Text.Signed(-1234.5m).ShouldNotContain("-");
    }
}
