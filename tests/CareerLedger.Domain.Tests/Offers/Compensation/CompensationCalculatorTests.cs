using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Compensation;
using static CareerLedger.Domain.Tests.Offers.Compensation.OfferMake;

namespace CareerLedger.Domain.Tests.Offers.Compensation;

/// <summary>Worked examples: every expected number is computed by hand in the comment above it.</summary>
public sealed class CompensationCalculatorTests
{
    private static YearBreakdown Year(int year, decimal @base, decimal bonus, decimal signOn, decimal equity, decimal refreshers) =>
        new(year, @base, bonus, signOn, equity, refreshers, @base + bonus + signOn + equity + refreshers, @base + signOn, bonus + equity + refreshers);

    [Fact]
    public void even_four_year_rsu_with_a_one_year_cliff()
    {
        // Base 200,000, bonus 15 % → 200,000 × 15 / 100 = 30,000 a year.
        // RSU grant 400,000 on 25/25/25/25 (cliff 12, quarterly) → 400,000 × 0.25 = 100,000 a year.
        // Each year: 200,000 + 30,000 + 100,000 = 330,000 (guaranteed 200,000; at risk 30,000 + 100,000 = 130,000).
        // Four years: 4 × 330,000 = 1,320,000; average 1,320,000 / 4 = 330,000; first year 330,000.
        var b = CompensationCalculator.Compute(Terms(200_000m, 15m, equity: Rsu(400_000m)), Usd);

        b.Currency.ShouldBe("USD");
        b.Years.ShouldBe([
            Year(1, 200_000m, 30_000m, 0m, 100_000m, 0m),
            Year(2, 200_000m, 30_000m, 0m, 100_000m, 0m),
            Year(3, 200_000m, 30_000m, 0m, 100_000m, 0m),
            Year(4, 200_000m, 30_000m, 0m, 100_000m, 0m),
        ]);
        b.Years[0].Total.ShouldBe(330_000m);
        b.Years[0].Guaranteed.ShouldBe(200_000m);
        b.Years[0].AtRisk.ShouldBe(130_000m);
        b.FourYearTotal.ShouldBe(1_320_000m);
        b.AverageAnnual.ShouldBe(330_000m);
        b.FirstYearTotal.ShouldBe(330_000m);
        b.Options.ShouldBeNull();
    }

    [Fact]
    public void rsus_given_as_shares_times_price()
    {
        // 1,000 RSUs × 180 = 180,000 → 180,000 / 4 = 45,000 a year; base 150,000 → 195,000 a year.
        var grant = new EquityGrant(EquityKind.Rsu, null, 1_000m, 180m, null, null, null, null, null, null, null, VestingSchedule.Even4Year);

        var b = CompensationCalculator.Compute(Terms(150_000m, equity: grant), Usd);

        b.Years.Select(y => y.Equity).ShouldBe([45_000m, 45_000m, 45_000m, 45_000m]);
        b.FirstYearTotal.ShouldBe(195_000m);
    }

    [Fact]
    public void back_loaded_5_15_40_40_makes_year_1_much_lower_than_an_even_grant_of_the_same_size()
    {
        // Grant 400,000, base 200,000, no bonus.
        // Back-loaded: 5 % = 20,000; 15 % = 60,000; 40 % = 160,000; 40 % = 160,000.
        //   Totals: 220,000; 260,000; 360,000; 360,000 → four years 1,200,000, average 300,000.
        // Even: 100,000 a year → 300,000 every year → four years 1,200,000.
        // Same four-year total, but year 1 is 220,000 instead of 300,000 (80,000 less).
        var backLoaded = CompensationCalculator.Compute(Terms(equity: Rsu(400_000m, VestingSchedule.BackLoaded5_15_40_40)), Usd);
        var even = CompensationCalculator.Compute(Terms(equity: Rsu(400_000m, VestingSchedule.Even4Year)), Usd);

        backLoaded.Years.Select(y => y.Equity).ShouldBe([20_000m, 60_000m, 160_000m, 160_000m]);
        backLoaded.Years.Select(y => y.Total).ShouldBe([220_000m, 260_000m, 360_000m, 360_000m]);
        backLoaded.FourYearTotal.ShouldBe(1_200_000m);
        backLoaded.AverageAnnual.ShouldBe(300_000m);
        even.FourYearTotal.ShouldBe(1_200_000m);
        even.FirstYearTotal.ShouldBe(300_000m);
        (even.FirstYearTotal - backLoaded.FirstYearTotal).ShouldBe(80_000m);
    }

    [Fact]
    public void back_loaded_10_20_30_40()
    {
        // Grant 200,000: 10 % = 20,000; 20 % = 40,000; 30 % = 60,000; 40 % = 80,000.
        // Base 180,000, bonus 10 % = 18,000 → totals 218,000; 238,000; 258,000; 278,000.
        // Four years: 218 + 238 + 258 + 278 = 992 thousand → 992,000; average 248,000.
        var b = CompensationCalculator.Compute(Terms(180_000m, 10m, equity: Rsu(200_000m, VestingSchedule.BackLoaded10_20_30_40)), Usd);

        b.Years.Select(y => y.Equity).ShouldBe([20_000m, 40_000m, 60_000m, 80_000m]);
        b.Years.Select(y => y.Total).ShouldBe([218_000m, 238_000m, 258_000m, 278_000m]);
        b.FourYearTotal.ShouldBe(992_000m);
        b.AverageAnnual.ShouldBe(248_000m);
    }

    [Fact]
    public void two_year_sign_on_lands_in_year_1_and_year_2()
    {
        // Base 180,000; sign-on 50,000 at month 0 (year 1: months 0-11) and 30,000 at month 12 (year 2: months 12-23),
        // each with a 12-month clawback.
        // Totals: 230,000; 210,000; 180,000; 180,000 → four years 800,000; average 200,000.
        // Guaranteed = base + sign-on: year 1 230,000, year 2 210,000.
        var terms = Terms(180_000m, signOn: [new SignOnPayment(50_000m, 0, 12), new SignOnPayment(30_000m, 12, 12)]);

        var b = CompensationCalculator.Compute(terms, Usd);

        b.Years.Select(y => y.SignOn).ShouldBe([50_000m, 30_000m, 0m, 0m]);
        b.Years.Select(y => y.Total).ShouldBe([230_000m, 210_000m, 180_000m, 180_000m]);
        b.Years.Select(y => y.Guaranteed).ShouldBe([230_000m, 210_000m, 180_000m, 180_000m]);
        b.Years.Select(y => y.AtRisk).ShouldAllBe(a => a == 0m);
        b.FourYearTotal.ShouldBe(800_000m);
        b.AverageAnnual.ShouldBe(200_000m);
    }

    [Fact]
    public void two_year_sign_on_clawback_depends_on_when_you_leave()
    {
        // 50,000 paid at month 0, repayable until month 12 (0 ≤ m < 0 + 12);
        // 30,000 paid at month 12, repayable until month 24 (12 ≤ m < 24).
        //   leave at 6  → 50,000 (second not paid yet)
        //   leave at 11 → 50,000
        //   leave at 12 → first window over; second just paid → 30,000
        //   leave at 23 → 30,000
        //   leave at 24 → 0
        var terms = Terms(180_000m, signOn: [new SignOnPayment(50_000m, 0, 12), new SignOnPayment(30_000m, 12, 12)]);

        CompensationCalculator.SignOnRepayableIfLeavingAt(terms, 6).ShouldBe(50_000m);
        CompensationCalculator.SignOnRepayableIfLeavingAt(terms, 11).ShouldBe(50_000m);
        CompensationCalculator.SignOnRepayableIfLeavingAt(terms, 12).ShouldBe(30_000m);
        CompensationCalculator.SignOnRepayableIfLeavingAt(terms, 23).ShouldBe(30_000m);
        CompensationCalculator.SignOnRepayableIfLeavingAt(terms, 24).ShouldBe(0m);
    }

    [Fact]
    public void sign_on_at_month_11_is_year_1_and_at_month_23_is_year_2_and_after_the_last_year_is_left_out()
    {
        // 11 / 12 = 0 → year 1; 23 / 12 = 1 → year 2; 48 / 12 = 4 → year 5, not in a 4-year breakdown.
        var terms = Terms(100_000m, signOn: [new SignOnPayment(1_000m, 11, 0), new SignOnPayment(2_000m, 23, 0), new SignOnPayment(4_000m, 48, 0)]);

        CompensationCalculator.Compute(terms, Usd).Years.Select(y => y.SignOn).ShouldBe([1_000m, 2_000m, 0m, 0m]);
        CompensationCalculator.Compute(terms, Usd, 5).Years.Select(y => y.SignOn).ShouldBe([1_000m, 2_000m, 0m, 0m, 4_000m]);
    }

    [Fact]
    public void series_b_option_grant_with_a_preference_overhang()
    {
        // 20,000 ISOs, strike 2.00, 409A 2.00, preferred 8.00, 40,000,000 fully diluted, 100,000,000 preference, even 4 years.
        // Ownership: 20,000 / 40,000,000 × 100 = 0.05 %.
        // At preferred: 20,000 × (8 − 2) = 120,000. At 409A: 20,000 × (2 − 2) = 0. Exercise: 20,000 × 2 = 40,000.
        // Last valuation: 8 × 40,000,000 = 320,000,000.
        //   0×:  exit 0;             price max(0, 0 − 100M) / 40M = 0;          value 0
        //   1×:  exit 320,000,000;   price (320M − 100M) / 40M = 5.50;          value 20,000 × (5.50 − 2) = 70,000
        //   3×:  exit 960,000,000;   price (960M − 100M) / 40M = 21.50;         value 20,000 × 19.50 = 390,000
        //   10×: exit 3,200,000,000; price (3,200M − 100M) / 40M = 77.50;       value 20,000 × 75.50 = 1,510,000
        // Yearly equity at preferred: 120,000 × 0.25 = 30,000; base 150,000 → 180,000 a year.
        var terms = Terms(150_000m, equity: Options(20_000m, 2.00m, 2.00m, 8.00m, 40_000_000m, 100_000_000m));

        var b = CompensationCalculator.Compute(terms, Usd);

        b.Years.Select(y => y.Equity).ShouldBe([30_000m, 30_000m, 30_000m, 30_000m]);
        b.FirstYearTotal.ShouldBe(180_000m);
        var o = b.Options.ShouldNotBeNull();
        o.OwnershipPercent.ShouldBe(0.05m);
        o.ValueAtPreferred.ShouldBe(120_000m);
        o.ValueAt409A.ShouldBe(0m);
        o.ExerciseCost.ShouldBe(40_000m);
        o.Scenarios.ShouldBe([
            new ExitScenario(0m, 0m, 0m, 0m),
            new ExitScenario(1m, 320_000_000m, 5.50m, 70_000m),
            new ExitScenario(3m, 960_000_000m, 21.50m, 390_000m),
            new ExitScenario(10m, 3_200_000_000m, 77.50m, 1_510_000m),
        ]);
    }

    [Fact]
    public void a_preference_close_to_the_last_valuation_wipes_out_common_at_1x()
    {
        // Same grant, preference 300,000,000. 1×: (320M − 300M) / 40M = 0.50 < strike 2 → value 0.
        // 3×: (960M − 300M) / 40M = 16.50 → 20,000 × 14.50 = 290,000.
        var o = CompensationCalculator.Compute(Terms(equity: Options(20_000m, 2m, 2m, 8m, 40_000_000m, 300_000_000m)), Usd).Options!;

        o.Scenarios[1].ShouldBe(new ExitScenario(1m, 320_000_000m, 0.50m, 0m));
        o.Scenarios[2].ShouldBe(new ExitScenario(3m, 960_000_000m, 16.50m, 290_000m));
    }

    [Fact]
    public void options_without_a_preferred_price_are_valued_at_the_409a_and_without_share_count_have_no_ownership_or_scenarios()
    {
        // 10,000 options, strike 1.00, 409A 1.60, no preferred, no fully diluted count.
        // Spread 1.60 − 1.00 = 0.60 → value 6,000 → 1,500 a year. Exercise 10,000 × 1 = 10,000.
        var o = Options(10_000m, 1.00m, 1.60m, null, null, null);

        var b = CompensationCalculator.Compute(Terms(equity: o), Usd);

        b.Years.Select(y => y.Equity).ShouldBe([1_500m, 1_500m, 1_500m, 1_500m]);
        b.Options.ShouldBe(new OptionsValuation(null, 6_000m, 6_000m, 10_000m, []), new OptionsValuationComparer());
    }

    [Fact]
    public void underwater_options_are_worth_zero_not_negative()
    {
        // Strike 5 above preferred 4: max(0, 4 − 5) = 0.
        var b = CompensationCalculator.Compute(Terms(equity: Options(1_000m, 5m, 3m, 4m, 1_000_000m, 0m)), Usd);

        b.Years.Select(y => y.Equity).ShouldAllBe(e => e == 0m);
        b.Options!.ValueAtPreferred.ShouldBe(0m);
        b.Options.ValueAt409A.ShouldBe(0m);
        b.Options.ExerciseCost.ShouldBe(5_000m);
    }

    [Fact]
    public void refresher_stream_adds_a_fifth_year()
    {
        // Base 200,000; bonus 10 % = 20,000; initial RSU 400,000 even (100,000 in years 1-4, 0 in year 5).
        // Refresher 100,000 a year from year 2, each vesting 25 % a year, quarterly, no cliff, counted from its own grant:
        //   grant at year 2 vests 25,000 in years 2, 3, 4, 5; grant at 3 in 3, 4, 5; grant at 4 in 4, 5; grant at 5 in 5.
        //   refreshers: year 1 0; year 2 25,000; year 3 50,000; year 4 75,000; year 5 100,000.
        // Totals: 320,000; 345,000; 370,000; 395,000; year 5: 200,000 + 20,000 + 0 + 100,000 = 320,000.
        // Four-year total: 320 + 345 + 370 + 395 = 1,430 thousand; average 1,430,000 / 4 = 357,500.
        var refresher = new RefresherGrant(100_000m, new VestingSchedule(0, VestingFrequency.Quarterly, [25, 25, 25, 25]));
        var terms = Terms(200_000m, 10m, equity: Rsu(400_000m), refresher: refresher);

        var b = CompensationCalculator.Compute(terms, Usd);

        b.Years.Count.ShouldBe(5);
        b.Years.ShouldBe([
            Year(1, 200_000m, 20_000m, 0m, 100_000m, 0m),
            Year(2, 200_000m, 20_000m, 0m, 100_000m, 25_000m),
            Year(3, 200_000m, 20_000m, 0m, 100_000m, 50_000m),
            Year(4, 200_000m, 20_000m, 0m, 100_000m, 75_000m),
            Year(5, 200_000m, 20_000m, 0m, 0m, 100_000m),
        ]);
        b.Years.Select(y => y.Total).ShouldBe([320_000m, 345_000m, 370_000m, 395_000m, 320_000m]);
        b.FourYearTotal.ShouldBe(1_430_000m);
        b.AverageAnnual.ShouldBe(357_500m);
    }

    [Fact]
    public void refreshers_with_a_one_year_cliff_vest_their_first_quarter_at_the_end_of_their_grant_year()
    {
        // Refresher 40,000 a year on even_4y; each grant's 12-month cliff counts from its own grant.
        // The year-2 grant is made at employment month 12; its cliff (its month 12) is employment month 24, which is in
        // year 2's months (12, 24] → 40,000 × 0.25 = 10,000 in year 2. Each later grant adds 10,000 a year from its own year:
        // year 2 10,000; year 3 20,000; year 4 30,000; year 5 40,000.
        var terms = Terms(equity: Rsu(100_000m), refresher: new RefresherGrant(40_000m, VestingSchedule.Even4Year));

        CompensationCalculator.Compute(terms, Usd).Years.Select(y => y.Refreshers).ShouldBe([0m, 10_000m, 20_000m, 30_000m, 40_000m]);
    }

    [Fact]
    public void an_offer_in_euros_is_converted_with_the_users_rate()
    {
        // Offer in EUR; compare in USD at 1.08 USD per EUR.
        // Base 100,000 × 1.08 = 108,000. Bonus 10 % = 10,000 × 1.08 = 10,800.
        // Sign-on 10,000 at month 0 × 1.08 = 10,800 (year 1). RSU 60,000 even → 15,000 × 1.08 = 16,200 a year.
        // Year 1: 108,000 + 10,800 + 10,800 + 16,200 = 145,800; years 2-4: 108,000 + 10,800 + 16,200 = 135,000.
        // Four years: 145,800 + 3 × 135,000 = 550,800; average 550,800 / 4 = 137,700.
        var terms = Terms(100_000m, 10m, signOn: [new SignOnPayment(10_000m, 0, 0)], equity: Rsu(60_000m), currency: "EUR");
        var rates = new ExchangeRates("USD", new Dictionary<string, decimal> { ["EUR"] = 1.08m, ["GBP"] = 1.27m });

        var b = CompensationCalculator.Compute(terms, rates);

        b.Currency.ShouldBe("USD");
        b.Years[0].ShouldBe(Year(1, 108_000m, 10_800m, 10_800m, 16_200m, 0m));
        b.Years.Skip(1).Select(y => y.Total).ShouldBe([135_000m, 135_000m, 135_000m]);
        b.FirstYearTotal.ShouldBe(145_800m);
        b.FourYearTotal.ShouldBe(550_800m);
        b.AverageAnnual.ShouldBe(137_700m);
    }

    [Fact]
    public void converted_amounts_round_to_cents_half_away_from_zero_per_component()
    {
        // SEK offer compared in GBP at 0.075: base 600,003 × 0.075 = 45,000.225 → 45,000.23 (away from zero; to-even would give .22).
        // Bonus 10 %: 60,000.3 × 0.075 = 4,500.0225 → 4,500.02. Total from the rounded parts: 49,500.25.
        var terms = Terms(600_003m, 10m, currency: "SEK");
        var rates = new ExchangeRates("GBP", new Dictionary<string, decimal> { ["SEK"] = 0.075m });

        var y1 = CompensationCalculator.Compute(terms, rates).Years[0];

        y1.Base.ShouldBe(45_000.23m);
        y1.Bonus.ShouldBe(4_500.02m);
        y1.Total.ShouldBe(49_500.25m);
    }

    [Fact]
    public void options_values_are_converted_too_but_ownership_is_not()
    {
        // GBP offer in USD at 1.25: 1,000 options, strike 1, 409A 1, preferred 3, 1,000,000 shares, no preference.
        // Ownership 1,000 / 1,000,000 × 100 = 0.1 %. At preferred 1,000 × 2 = 2,000 GBP → 2,500 USD. Exercise 1,000 GBP → 1,250 USD.
        // 1×: exit 3 × 1,000,000 = 3,000,000 GBP → 3,750,000 USD; price 3 GBP → 3.75 USD; value 2,000 GBP → 2,500 USD.
        var terms = Terms(equity: Options(1_000m, 1m, 1m, 3m, 1_000_000m, null), currency: "GBP");
        var rates = new ExchangeRates("usd", new Dictionary<string, decimal> { ["gbp"] = 1.25m });

        var b = CompensationCalculator.Compute(terms, rates);

        b.Currency.ShouldBe("USD");
        b.Options!.OwnershipPercent.ShouldBe(0.1m);
        b.Options.ValueAtPreferred.ShouldBe(2_500m);
        b.Options.ExerciseCost.ShouldBe(1_250m);
        b.Options.Scenarios[1].ShouldBe(new ExitScenario(1m, 3_750_000m, 3.75m, 2_500m));
    }

    [Fact]
    public void a_missing_rate_is_a_validation_error_naming_the_currency()
    {
        var terms = Terms(100_000m, currency: "EUR");
        var rates = new ExchangeRates("USD", new Dictionary<string, decimal> { ["GBP"] = 1.27m });

        var e = Should.Throw<DomainValidationException>(() => CompensationCalculator.Compute(terms, rates));

        e.Errors.Keys.ShouldBe(["rates.EUR"]);
        e.Errors["rates.EUR"].Single().ShouldContain("No exchange rate for EUR");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.1")]
    public void a_rate_that_is_not_positive_is_a_validation_error(string rate)
    {
        var rates = new ExchangeRates("USD", new Dictionary<string, decimal> { ["EUR"] = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture) });

        var e = Should.Throw<DomainValidationException>(() => CompensationCalculator.Compute(Terms(currency: "EUR"), rates));

        e.Errors.Keys.ShouldBe(["rates.EUR"]);
    }

    [Fact]
    public void the_comparison_currency_needs_no_rate()
    {
        var rates = new ExchangeRates("EUR", new Dictionary<string, decimal>());

        CompensationCalculator.Compute(Terms(90_000m, currency: "EUR"), rates).FirstYearTotal.ShouldBe(90_000m);
    }

    [Fact]
    public void explicit_years_extend_or_shorten_the_breakdown()
    {
        // 6 years of an even 4-year grant of 400,000: 100,000 in years 1-4, 0 in 5-6.
        var six = CompensationCalculator.Compute(Terms(equity: Rsu(400_000m)), Usd, 6);
        six.Years.Select(y => y.Equity).ShouldBe([100_000m, 100_000m, 100_000m, 100_000m, 0m, 0m]);
        six.FourYearTotal.ShouldBe(1_200_000m);

        // 2 years: the "four-year" total sums the 2 years there are (2 × 300,000) and the average divides by 2.
        var two = CompensationCalculator.Compute(Terms(equity: Rsu(400_000m)), Usd, 2);
        two.Years.Count.ShouldBe(2);
        two.FourYearTotal.ShouldBe(600_000m);
        two.AverageAnnual.ShouldBe(300_000m);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void years_outside_1_to_10_are_rejected(int years) =>
        Should.Throw<ArgumentOutOfRangeException>(() => CompensationCalculator.Compute(Terms(), Usd, years));

    [Fact]
    public void average_is_rounded_to_cents()
    {
        // Base 100,000.01 a year → four years 400,000.04 → average 100,000.01.
        // Sign-on 0.03 in year 1 → four years 400,000.07 → 100,000.0175 → 100,000.02.
        var b = CompensationCalculator.Compute(Terms(100_000.01m, signOn: [new SignOnPayment(0.03m, 0, 0)]), Usd);

        b.FourYearTotal.ShouldBe(400_000.07m);
        b.AverageAnnual.ShouldBe(100_000.02m);
    }

    private sealed class OptionsValuationComparer : IEqualityComparer<OptionsValuation?>
    {
        public bool Equals(OptionsValuation? x, OptionsValuation? y) =>
            x is not null && y is not null
            && x.OwnershipPercent == y.OwnershipPercent && x.ValueAtPreferred == y.ValueAtPreferred && x.ValueAt409A == y.ValueAt409A
            && x.ExerciseCost == y.ExerciseCost && x.Scenarios.SequenceEqual(y.Scenarios);

        public int GetHashCode(OptionsValuation? obj) => 0;
    }
}
