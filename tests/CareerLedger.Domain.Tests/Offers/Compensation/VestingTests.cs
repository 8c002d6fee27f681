using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Compensation;

namespace CareerLedger.Domain.Tests.Offers.Compensation;

public sealed class VestingTests
{
    [Fact]
    public void even_four_year_schedule_vests_a_quarter_each_year()
    {
        // 25 % a year; the cliff at month 12 only gathers year 1's four quarterly events (months 3, 6, 9, 12) into month 12.
        Vesting.VestedFractionByYear(VestingSchedule.Even4Year, 4).ShouldBe([0.25m, 0.25m, 0.25m, 0.25m]);
    }

    [Fact]
    public void years_past_the_schedule_are_zero_and_zero_years_is_empty()
    {
        Vesting.VestedFractionByYear(VestingSchedule.Even4Year, 6).ShouldBe([0.25m, 0.25m, 0.25m, 0.25m, 0m, 0m]);
        Vesting.VestedFractionByYear(VestingSchedule.Even4Year, 0).ShouldBeEmpty();
    }

    [Fact]
    public void one_year_cliff_leaving_early_keeps_nothing_before_month_12()
    {
        // Even 4 years, quarterly, 12-month cliff. Cumulative by month:
        //   months 0-11: 0 (the events at months 3, 6, 9 wait for the cliff)
        //   month 12: 4 events × 25/4 % = 25 %           → 0.25
        //   months 13-14: no event yet (quarterly)         → 0.25
        //   month 15: + 25/4 % = 31.25 %                   → 0.3125
        //   month 48: 100 %                                → 1
        // On a 400,000 grant: leave after 11 months → 0; after 12 → 100,000; after 15 → 125,000.
        var byMonth = Vesting.VestedFractionByMonth(VestingSchedule.Even4Year, 48);

        byMonth.Count.ShouldBe(49);
        byMonth.Take(12).ShouldAllBe(f => f == 0m);
        byMonth[12].ShouldBe(0.25m);
        byMonth[14].ShouldBe(0.25m);
        byMonth[15].ShouldBe(0.3125m);
        byMonth[48].ShouldBe(1m);
        (400_000m * byMonth[11]).ShouldBe(0m);
        (400_000m * byMonth[12]).ShouldBe(100_000m);
        (400_000m * byMonth[15]).ShouldBe(125_000m);
    }

    [Fact]
    public void monthly_and_quarterly_with_the_same_cliff_agree_per_year_but_not_per_month()
    {
        var monthly = new VestingSchedule(12, VestingFrequency.Monthly, [25, 25, 25, 25]);
        var quarterly = VestingSchedule.Even4Year;

        // Per year both give 25 %.
        Vesting.VestedFractionByYear(monthly, 4).ShouldBe(Vesting.VestedFractionByYear(quarterly, 4));

        // Per month: after the cliff monthly vests 25/12 % every month, quarterly 25/4 % every third month.
        //   month 13: monthly 25 + 25/12 = 325/12 % → 325/1200; quarterly still 25 %
        //   month 15: both 25 + 3 × 25/12 = 25 + 25/4 = 31.25 %
        var m = Vesting.VestedFractionByMonth(monthly, 15);
        var q = Vesting.VestedFractionByMonth(quarterly, 15);
        m[11].ShouldBe(0m);
        q[11].ShouldBe(0m);
        m[12].ShouldBe(0.25m);
        q[12].ShouldBe(0.25m);
        m[13].ShouldBe(325m / 1200m);
        q[13].ShouldBe(0.25m);
        m[15].ShouldBe(0.3125m);
        q[15].ShouldBe(0.3125m);
    }

    [Fact]
    public void a_six_month_cliff_releases_monthly_vests_at_month_6_but_an_annual_schedule_waits_for_month_12()
    {
        // Monthly, 25 %/year: events of 25/12 % at months 1..6 all land on month 6 → 6 × 25/12 = 12.5 %.
        // Annual, 25 %/year: the first event is month 12; nothing is before the cliff, so month 6 vests nothing.
        var monthly = new VestingSchedule(6, VestingFrequency.Monthly, [25, 25, 25, 25]);
        var annual = new VestingSchedule(6, VestingFrequency.Annual, [25, 25, 25, 25]);

        var m = Vesting.VestedFractionByMonth(monthly, 12);
        m[5].ShouldBe(0m);
        m[6].ShouldBe(0.125m);
        m[7].ShouldBe(175m / 1200m); // 7 × 25/12 %
        var a = Vesting.VestedFractionByMonth(annual, 12);
        a[6].ShouldBe(0m);
        a[11].ShouldBe(0m);
        a[12].ShouldBe(0.25m);
    }

    [Fact]
    public void an_eighteen_month_cliff_moves_all_of_year_1_into_year_2()
    {
        // Monthly, 25 %/year, cliff 18: the 18 events at months 1..18 (12 of year 1, 6 of year 2) vest at month 18;
        // year 2 also gets months 19..24 → year 1: 0, year 2: 24 × 25/12 % = 50 %, then 25 %, 25 %.
        var s = new VestingSchedule(18, VestingFrequency.Monthly, [25, 25, 25, 25]);

        Vesting.VestedFractionByYear(s, 4).ShouldBe([0m, 0.5m, 0.25m, 0.25m]);
        Vesting.VestedFractionByMonth(s, 18)[17].ShouldBe(0m);
        Vesting.VestedFractionByMonth(s, 18)[18].ShouldBe(0.375m);
    }

    [Fact]
    public void back_loaded_5_15_40_40_semi_annual_vests_5_percent_in_year_1()
    {
        // Semi-annual events: year 1 at months 6 and 12 (2.5 % each, both moved to the 12-month cliff);
        // year 2 at 18 and 24 (7.5 % each); years 3 and 4: 20 % every six months.
        var s = VestingSchedule.BackLoaded5_15_40_40;

        Vesting.VestedFractionByYear(s, 4).ShouldBe([0.05m, 0.15m, 0.40m, 0.40m]);
        var byMonth = Vesting.VestedFractionByMonth(s, 30);
        byMonth[12].ShouldBe(0.05m);
        byMonth[17].ShouldBe(0.05m);
        byMonth[18].ShouldBe(0.125m);
        byMonth[24].ShouldBe(0.20m);
        byMonth[30].ShouldBe(0.40m);
    }

    [Fact]
    public void back_loaded_10_20_30_40_quarterly()
    {
        // Quarterly: year 2 vests 20/4 = 5 % at months 15, 18, 21, 24; so month 15 = 10 + 5 = 15 %.
        var s = VestingSchedule.BackLoaded10_20_30_40;

        Vesting.VestedFractionByYear(s, 4).ShouldBe([0.10m, 0.20m, 0.30m, 0.40m]);
        Vesting.VestedFractionByMonth(s, 15)[15].ShouldBe(0.15m);
    }

    [Fact]
    public void no_cliff_vests_from_the_first_period()
    {
        // Quarterly, no cliff: 25/4 = 6.25 % at month 3.
        var s = new VestingSchedule(0, VestingFrequency.Quarterly, [25, 25, 25, 25]);

        var byMonth = Vesting.VestedFractionByMonth(s, 3);
        byMonth[2].ShouldBe(0m);
        byMonth[3].ShouldBe(0.0625m);
        Vesting.VestedFractionByYear(s, 1).ShouldBe([0.25m]);
    }

    [Fact]
    public void a_cliff_beyond_the_whole_schedule_vests_everything_at_the_cliff()
    {
        // One year of 100 %, monthly, cliff 30: all 12 events wait for month 30, which is in year 3.
        var s = new VestingSchedule(30, VestingFrequency.Monthly, [100]);

        Vesting.VestedFractionByYear(s, 4).ShouldBe([0m, 0m, 1m, 0m]);
        Vesting.VestedFractionByMonth(s, 31)[29].ShouldBe(0m);
        Vesting.VestedFractionByMonth(s, 31)[30].ShouldBe(1m);
    }

    [Theory]
    [InlineData(VestingFrequency.Monthly, 12)]
    [InlineData(VestingFrequency.Quarterly, 4)]
    [InlineData(VestingFrequency.SemiAnnual, 2)]
    [InlineData(VestingFrequency.Annual, 1)]
    public void periods_per_year(VestingFrequency frequency, int periods) => Vesting.PeriodsPerYear(frequency).ShouldBe(periods);

    [Fact]
    public void negative_counts_are_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Vesting.VestedFractionByYear(VestingSchedule.Even4Year, -1));
        Should.Throw<ArgumentOutOfRangeException>(() => Vesting.VestedFractionByMonth(VestingSchedule.Even4Year, -1));
    }
}
