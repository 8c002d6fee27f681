using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Tests.Common;

public sealed class DateRangeTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 10)]
    [InlineData(6, 30)]
    public void the_first_half_runs_from_1_january_to_30_june(int month, int day)
    {
        DateRange.HalfYearOf(D(2026, month, day)).ShouldBe(new DateRange(D(2026, 1, 1), D(2026, 6, 30)));
    }

    [Theory]
    [InlineData(7, 1)]
    [InlineData(10, 15)]
    [InlineData(12, 31)]
    public void the_second_half_runs_from_1_july_to_31_december(int month, int day)
    {
        DateRange.HalfYearOf(D(2026, month, day)).ShouldBe(new DateRange(D(2026, 7, 1), D(2026, 12, 31)));
    }

    [Fact]
    public void days_counts_both_ends_and_contains_is_inclusive()
    {
        var h1 = new DateRange(D(2026, 1, 1), D(2026, 6, 30));

        h1.Days.ShouldBe(181);
        new DateRange(D(2024, 1, 1), D(2024, 6, 30)).Days.ShouldBe(182); // leap year
        new DateRange(D(2026, 7, 1), D(2026, 12, 31)).Days.ShouldBe(184);
        new DateRange(D(2026, 3, 10), D(2026, 3, 10)).Days.ShouldBe(1);

        h1.Contains(D(2026, 1, 1)).ShouldBeTrue();
        h1.Contains(D(2026, 6, 30)).ShouldBeTrue();
        h1.Contains(D(2025, 12, 31)).ShouldBeFalse();
        h1.Contains(D(2026, 7, 1)).ShouldBeFalse();
    }

    [Fact]
    public void with_no_ends_the_range_is_the_half_year_containing_today()
    {
        DateRange.Resolve(null, null, D(2026, 3, 10)).ShouldBe(new DateRange(D(2026, 1, 1), D(2026, 6, 30)));
        DateRange.Resolve(null, null, D(2026, 9, 15)).ShouldBe(new DateRange(D(2026, 7, 1), D(2026, 12, 31)));
    }

    [Fact]
    public void with_only_from_the_range_ends_at_the_end_of_the_current_half()
    {
        DateRange.Resolve(D(2025, 11, 1), null, D(2026, 3, 10)).ShouldBe(new DateRange(D(2025, 11, 1), D(2026, 6, 30)));
        DateRange.Resolve(D(2026, 2, 1), null, D(2026, 3, 10)).ShouldBe(new DateRange(D(2026, 2, 1), D(2026, 6, 30)));
    }

    [Fact]
    public void with_only_a_from_after_the_current_half_the_range_is_that_single_day()
    {
        DateRange.Resolve(D(2026, 9, 1), null, D(2026, 3, 10)).ShouldBe(new DateRange(D(2026, 9, 1), D(2026, 9, 1)));
    }

    [Fact]
    public void with_only_to_inside_or_after_the_current_half_the_range_starts_at_the_half()
    {
        DateRange.Resolve(null, D(2026, 4, 30), D(2026, 3, 10)).ShouldBe(new DateRange(D(2026, 1, 1), D(2026, 4, 30)));
        DateRange.Resolve(null, D(2026, 9, 30), D(2026, 3, 10)).ShouldBe(new DateRange(D(2026, 1, 1), D(2026, 9, 30)));
    }

    [Fact]
    public void with_only_a_to_before_the_current_half_the_range_starts_at_the_half_containing_to()
    {
        DateRange.Resolve(null, D(2025, 11, 15), D(2026, 3, 10)).ShouldBe(new DateRange(D(2025, 7, 1), D(2025, 11, 15)));
        DateRange.Resolve(null, D(2025, 3, 1), D(2026, 3, 10)).ShouldBe(new DateRange(D(2025, 1, 1), D(2025, 3, 1)));
    }

    [Fact]
    public void with_both_ends_the_range_is_exactly_as_given()
    {
        DateRange.Resolve(D(2024, 2, 29), D(2025, 8, 31), D(2026, 3, 10)).ShouldBe(new DateRange(D(2024, 2, 29), D(2025, 8, 31)));
        DateRange.Resolve(D(2026, 3, 1), D(2026, 3, 1), D(2026, 3, 10)).Days.ShouldBe(1);
    }

    [Fact]
    public void from_after_to_is_a_validation_error_under_from()
    {
        var ex = Should.Throw<DomainValidationException>(() => DateRange.Resolve(D(2026, 3, 2), D(2026, 3, 1), D(2026, 3, 10)));

        ex.Errors.Keys.ShouldBe(["from"]);
        ex.Errors["from"].Single().ShouldBe("'from' (2026-03-02) is after 'to' (2026-03-01).");
    }
}
