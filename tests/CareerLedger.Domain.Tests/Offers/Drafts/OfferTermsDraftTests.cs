using System.Text.Json;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Compensation;
using CareerLedger.Domain.Offers.Drafts;

namespace CareerLedger.Domain.Tests.Offers.Drafts;

public sealed class OfferTermsDraftTests
{
    private static readonly DateOnly OfferDate = new(2026, 11, 10);

    private static OfferTermsDraft Valid(
        EquityGrantDraft? equity = null,
        RefresherGrantDraft? refresher = null,
        IReadOnlyList<SignOnPaymentDraft?>? signOn = null) =>
        new("Acme", "Senior Engineer", new OfferLevelDraft("L5", 5), Currency: "USD", BaseSalary: 200_000m, Equity: equity, Refresher: refresher, SignOn: signOn);

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(OfferTermsDraft draft) =>
        Should.Throw<DomainValidationException>(() => draft.Validate(OfferDate)).Errors;

    private static EquityGrantDraft Rsu(VestingDraft? vesting) => new("rsu", GrantValue: 100_000m, Vesting: vesting);

    [Fact]
    public void a_minimal_draft_gets_defaults_and_no_optional_parts()
    {
        var t = Valid().Validate(OfferDate);

        t.Company.ShouldBe("Acme");
        t.Role.ShouldBe("Senior Engineer");
        t.Level.ShouldBe(new OfferLevel("L5", 5));
        t.Currency.ShouldBe("USD");
        t.BaseSalary.ShouldBe(200_000m);
        t.BonusTargetPercent.ShouldBe(0m);
        t.SignOn.ShouldBeEmpty();
        t.Equity.ShouldBeNull();
        t.Refresher.ShouldBeNull();
        t.RetirementMatchPercent.ShouldBeNull();
        t.PtoDays.ShouldBeNull();
        t.Remote.ShouldBeNull();
        t.Stage.ShouldBeNull();
        t.StartDate.ShouldBeNull();
        t.Deadline.ShouldBeNull();
        t.Notes.ShouldBeNull();
    }

    [Fact]
    public void a_full_draft_is_trimmed_upper_cased_and_parsed()
    {
        var draft = new OfferTermsDraft(
            "  Lumen   Labs ",
            " Staff Engineer ",
            new OfferLevelDraft(" Staff ", 6),
            Location: " Remote (US) ",
            Currency: " eur ",
            BaseSalary: 185_000m,
            BonusTargetPercent: 10m,
            SignOn: [new SignOnPaymentDraft(20_000m), new SignOnPaymentDraft(10_000m, 12, 12)],
            Equity: new EquityGrantDraft(
                "Options", Shares: 60_000m, StrikePrice: 2.10m, FairMarketValue: 2.10m, PreferredPrice: 8.40m, FullyDilutedShares: 48_000_000m,
                OptionType: "ISO", ExerciseWindowDays: 90, LiquidationPreference: 120_000_000m,
                Vesting: new VestingDraft(CliffMonths: 12, Frequency: "Semi-Annual", YearPercents: [10, 20, 30, 40])),
            Refresher: new RefresherGrantDraft(30_000m, VestingDraft.Named(" EVEN_4Y ")),
            RetirementMatchPercent: 4m,
            PtoDays: 25,
            Remote: "remote",
            Stage: "Series B",
            StartDate: new DateOnly(2027, 1, 18),
            Deadline: OfferDate,
            Notes: "  verbal only  ");

        var t = draft.Validate(OfferDate);

        t.Company.ShouldBe("Lumen Labs");
        t.Role.ShouldBe("Staff Engineer");
        t.Level.ShouldBe(new OfferLevel("Staff", 6));
        t.Location.ShouldBe("Remote (US)");
        t.Currency.ShouldBe("EUR");
        t.SignOn.ShouldBe([new SignOnPayment(20_000m, 0, 0), new SignOnPayment(10_000m, 12, 12)]);
        var e = t.Equity.ShouldNotBeNull();
        e.Kind.ShouldBe(EquityKind.Options);
        e.OptionType.ShouldBe(OptionType.Iso);
        e.Shares.ShouldBe(60_000m);
        e.FullyDilutedShares.ShouldBe(48_000_000m);
        e.LiquidationPreference.ShouldBe(120_000_000m);
        e.ExerciseWindowDays.ShouldBe(90);
        e.Vesting.CliffMonths.ShouldBe(12);
        e.Vesting.Frequency.ShouldBe(VestingFrequency.SemiAnnual);
        e.Vesting.YearPercents.ShouldBe([10m, 20m, 30m, 40m]);
        t.Refresher.ShouldNotBeNull().Vesting.ShouldBeSameAs(VestingSchedule.Even4Year);
        t.Remote.ShouldBe(RemotePolicy.Remote);
        t.Stage.ShouldBe(CompanyStage.SeriesB);
        t.Deadline.ShouldBe(OfferDate);
        t.Notes.ShouldBe("verbal only");
    }

    [Theory]
    [InlineData("even_4y", 12, VestingFrequency.Quarterly, new[] { 25, 25, 25, 25 })]
    [InlineData("5_15_40_40", 12, VestingFrequency.SemiAnnual, new[] { 5, 15, 40, 40 })]
    [InlineData("10_20_30_40", 12, VestingFrequency.Quarterly, new[] { 10, 20, 30, 40 })]
    public void vesting_presets(string name, int cliff, VestingFrequency frequency, int[] percents)
    {
        var v = Valid(Rsu(VestingDraft.Named(name))).Validate(OfferDate).Equity!.Vesting;

        v.CliffMonths.ShouldBe(cliff);
        v.Frequency.ShouldBe(frequency);
        v.YearPercents.ShouldBe(percents.Select(p => (decimal)p).ToArray());
    }

    [Fact]
    public void rsu_drops_options_only_fields()
    {
        var e = Valid(new EquityGrantDraft("rsu", Shares: 2_000m, SharePrice: 225m, StrikePrice: 1m, OptionType: "nso", Vesting: VestingDraft.Named("even_4y")))
            .Validate(OfferDate).Equity!;

        e.Shares.ShouldBe(2_000m);
        e.SharePrice.ShouldBe(225m);
        e.StrikePrice.ShouldBeNull();
        e.OptionType.ShouldBeNull();
    }

    [Fact]
    public void every_error_is_reported_at_once()
    {
        // The bad inputs together: vesting not summing to 100, a negative amount, a bonus over 100 %, a deadline before the offer.
        var draft = Valid(Rsu(new VestingDraft(CliffMonths: 12, Frequency: "quarterly", YearPercents: [25, 25, 25]))) with
        {
            BaseSalary = -1m,
            BonusTargetPercent = 120m,
            Deadline = OfferDate.AddDays(-1),
        };

        var errors = ErrorsOf(draft);

        errors.Keys.Order().ShouldBe(["baseSalary", "bonusTargetPercent", "deadline", "equity.vesting.yearPercents"]);
        errors["equity.vesting.yearPercents"].Single().ShouldContain("sum to 75");
        errors["bonusTargetPercent"].Single().ShouldContain("0 to 100");
        errors["deadline"].Single().ShouldContain("2026-11-09");
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("   ", "required")]
    public void company_and_role_are_required(string? value, string message)
    {
        var errors = ErrorsOf(Valid() with { Company = value, Role = value });

        errors.Keys.Order().ShouldBe(["company", "role"]);
        errors["company"].Single().ShouldContain(message);
    }

    [Fact]
    public void company_and_role_are_at_most_100_characters()
    {
        (Valid() with { Company = new string('c', 100), Role = new string('r', 100) }).Validate(OfferDate).Company.Length.ShouldBe(100);

        var errors = ErrorsOf(Valid() with { Company = new string('c', 101), Role = new string('r', 101), Location = new string('l', 101), Notes = new string('n', 4001) });

        errors.Keys.Order().ShouldBe(["company", "location", "notes", "role"]);
        errors["company"].Single().ShouldContain("101");
    }

    [Fact]
    public void level_is_required_with_a_label_and_a_rank_1_to_10()
    {
        ErrorsOf(Valid() with { Level = null }).Keys.ShouldBe(["level"]);
        ErrorsOf(Valid() with { Level = new OfferLevelDraft(" ", null) }).Keys.Order().ShouldBe(["level.label", "level.rank"]);
        ErrorsOf(Valid() with { Level = new OfferLevelDraft("L9", 11) })["level.rank"].Single().ShouldContain("1-10");
        ErrorsOf(Valid() with { Level = new OfferLevelDraft("L0", 0) }).Keys.ShouldBe(["level.rank"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("US")]
    [InlineData("USDT")]
    [InlineData("U$D")]
    [InlineData("€")]
    public void currency_must_be_a_3_letter_code(string? currency) =>
        ErrorsOf(Valid() with { Currency = currency }).Keys.ShouldBe(["currency"]);

    [Theory]
    [InlineData(null, "required")]
    [InlineData("0", "more than 0")]
    [InlineData("-5000", "more than 0")]
    public void base_salary_must_be_given_and_positive(string? value, string message)
    {
        var errors = ErrorsOf(Valid() with { BaseSalary = value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) });

        errors.Keys.ShouldBe(["baseSalary"]);
        errors["baseSalary"].Single().ShouldContain(message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100.01")]
    [InlineData("150")]
    public void bonus_target_is_a_percent_0_to_100(string value) =>
        ErrorsOf(Valid() with { BonusTargetPercent = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) }).Keys.ShouldBe(["bonusTargetPercent"]);

    [Fact]
    public void bonus_of_exactly_0_or_100_is_fine()
    {
        (Valid() with { BonusTargetPercent = 0m }).Validate(OfferDate).BonusTargetPercent.ShouldBe(0m);
        (Valid() with { BonusTargetPercent = 100m }).Validate(OfferDate).BonusTargetPercent.ShouldBe(100m);
    }

    [Fact]
    public void sign_on_amounts_and_months_are_checked_per_payment()
    {
        var errors = ErrorsOf(Valid(signOn: [
            new SignOnPaymentDraft(null),
            new SignOnPaymentDraft(-10m),
            new SignOnPaymentDraft(5_000m, PaidAtMonth: 61, ClawbackMonths: -1),
            null,
        ]));

        errors.Keys.Order().ShouldBe(["signOn[0].amount", "signOn[1].amount", "signOn[2].clawbackMonths", "signOn[2].paidAtMonth", "signOn[3]"]);
        errors["signOn[1].amount"].Single().ShouldContain("more than 0");
    }

    [Fact]
    public void at_most_4_sign_on_payments()
    {
        var five = Enumerable.Range(0, 5).Select(i => (SignOnPaymentDraft?)new SignOnPaymentDraft(1_000m, i)).ToList();

        ErrorsOf(Valid(signOn: five)).Keys.ShouldBe(["signOn"]);
    }

    [Fact]
    public void rsus_need_a_grant_value_or_shares_and_a_share_price()
    {
        var vesting = VestingDraft.Named("even_4y");
        ErrorsOf(Valid(new EquityGrantDraft("rsu", Vesting: vesting))).Keys.ShouldBe(["equity.grantValue"]);
        ErrorsOf(Valid(new EquityGrantDraft("rsu", Shares: 100m, Vesting: vesting))).Keys.ShouldBe(["equity.sharePrice"]);
        ErrorsOf(Valid(new EquityGrantDraft("rsu", SharePrice: 100m, Vesting: vesting))).Keys.ShouldBe(["equity.shares"]);
        ErrorsOf(Valid(new EquityGrantDraft("rsu", GrantValue: -100m, Vesting: vesting))).Keys.ShouldBe(["equity.grantValue"]);
    }

    [Fact]
    public void equity_kind_is_required_and_must_be_known()
    {
        var vesting = VestingDraft.Named("even_4y");
        ErrorsOf(Valid(new EquityGrantDraft(null, GrantValue: 1m, Vesting: vesting))).Keys.ShouldBe(["equity.kind"]);
        var errors = ErrorsOf(Valid(new EquityGrantDraft("phantom", GrantValue: 1m, Vesting: vesting)));
        errors.Keys.ShouldBe(["equity.kind"]);
        errors["equity.kind"].Single().ShouldContain("rsu, options");
    }

    [Fact]
    public void options_need_shares_a_strike_and_a_409a()
    {
        var errors = ErrorsOf(Valid(new EquityGrantDraft("options", Vesting: VestingDraft.Named("even_4y"))));

        errors.Keys.Order().ShouldBe(["equity.fairMarketValue", "equity.shares", "equity.strikePrice"]);
    }

    [Fact]
    public void options_amounts_cannot_be_negative_and_the_share_count_must_cover_the_grant()
    {
        var errors = ErrorsOf(Valid(new EquityGrantDraft(
            "options", Shares: 50_000m, StrikePrice: -1m, FairMarketValue: -2m, PreferredPrice: -3m, FullyDilutedShares: 40_000m,
            ExerciseWindowDays: 0, LiquidationPreference: -1m, OptionType: "rsa", Vesting: VestingDraft.Named("even_4y"))));

        errors.Keys.Order().ShouldBe([
            "equity.exerciseWindowDays", "equity.fairMarketValue", "equity.fullyDilutedShares", "equity.liquidationPreference", "equity.optionType",
            "equity.preferredPrice", "equity.strikePrice",
        ]);
        errors["equity.strikePrice"].Single().ShouldContain("negative");
        errors["equity.fullyDilutedShares"].Single().ShouldContain("fewer than the options granted");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3650, true)]
    [InlineData(3651, false)]
    public void exercise_window_is_1_to_3650_days(int days, bool ok)
    {
        var draft = Valid(new EquityGrantDraft("options", Shares: 1m, StrikePrice: 0m, FairMarketValue: 0m, ExerciseWindowDays: days, Vesting: VestingDraft.Named("even_4y")));

        if (ok)
        {
            draft.Validate(OfferDate).Equity!.ExerciseWindowDays.ShouldBe(days);
        }
        else
        {
            ErrorsOf(draft).Keys.ShouldBe(["equity.exerciseWindowDays"]);
        }
    }

    [Fact]
    public void vesting_is_required()
    {
        ErrorsOf(Valid(Rsu(null))).Keys.ShouldBe(["equity.vesting"]);
        ErrorsOf(Valid(refresher: new RefresherGrantDraft(10_000m))).Keys.ShouldBe(["refresher.vesting"]);
    }

    [Fact]
    public void an_unknown_preset_or_a_preset_with_custom_fields_is_an_error_on_vesting()
    {
        ErrorsOf(Valid(Rsu(VestingDraft.Named("6_year_cliff"))))["equity.vesting"].Single().ShouldContain("even_4y, 5_15_40_40, 10_20_30_40");
        ErrorsOf(Valid(Rsu(new VestingDraft("even_4y", CliffMonths: 6))))["equity.vesting"].Single().ShouldContain("not both");
    }

    [Theory]
    [InlineData(new[] { 25.0, 25.0, 25.0 }, "sum to 75")]
    [InlineData(new[] { 50.0, 50.0, 10.0 }, "sum to 110")]
    [InlineData(new[] { 33.33, 33.33, 33.33 }, "sum to 99.99")]
    public void vesting_percents_must_sum_to_exactly_100(double[] percents, string message)
    {
        var errors = ErrorsOf(Valid(Rsu(new VestingDraft(CliffMonths: 12, Frequency: "quarterly", YearPercents: percents.Select(p => (decimal)p).ToList()))));

        errors.Keys.ShouldBe(["equity.vesting.yearPercents"]);
        errors["equity.vesting.yearPercents"].Single().ShouldContain(message);
    }

    [Fact]
    public void uneven_percents_summing_to_100_are_fine()
    {
        var v = Valid(Rsu(new VestingDraft(Frequency: "annual", YearPercents: [33.33m, 33.33m, 33.34m]))).Validate(OfferDate).Equity!.Vesting;

        v.CliffMonths.ShouldBe(0);
        v.YearPercents.ShouldBe([33.33m, 33.33m, 33.34m]);
    }

    [Fact]
    public void a_negative_year_percent_is_an_error_on_that_year()
    {
        // -10 + 60 + 50 = 100: the sum is right but a year cannot claw shares back.
        var errors = ErrorsOf(Valid(Rsu(new VestingDraft(Frequency: "annual", YearPercents: [-10m, 60m, 50m]))));

        errors.Keys.ShouldBe(["equity.vesting.yearPercents[0]"]);
    }

    [Fact]
    public void vesting_has_1_to_10_years_a_cliff_of_0_to_48_months_and_a_known_frequency()
    {
        ErrorsOf(Valid(Rsu(new VestingDraft(Frequency: "annual", YearPercents: [])))).Keys.ShouldBe(["equity.vesting.yearPercents"]);
        ErrorsOf(Valid(Rsu(new VestingDraft(Frequency: "annual", YearPercents: Enumerable.Repeat(100m / 11m, 11).ToList()))))
            .Keys.ShouldBe(["equity.vesting.yearPercents"]);
        ErrorsOf(Valid(Rsu(new VestingDraft(CliffMonths: 49, Frequency: "annual", YearPercents: [100m])))).Keys.ShouldBe(["equity.vesting.cliffMonths"]);
        ErrorsOf(Valid(Rsu(new VestingDraft(CliffMonths: -1, Frequency: "annual", YearPercents: [100m])))).Keys.ShouldBe(["equity.vesting.cliffMonths"]);
        ErrorsOf(Valid(Rsu(new VestingDraft(Frequency: "weekly", YearPercents: [100m])))).Keys.ShouldBe(["equity.vesting.frequency"]);
        ErrorsOf(Valid(Rsu(new VestingDraft(YearPercents: [100m])))).Keys.ShouldBe(["equity.vesting.frequency"]);
    }

    [Fact]
    public void refresher_value_must_be_positive_and_its_vesting_is_checked_under_refresher()
    {
        var errors = ErrorsOf(Valid(refresher: new RefresherGrantDraft(0m, new VestingDraft(Frequency: "quarterly", YearPercents: [50m, 40m]))));

        errors.Keys.Order().ShouldBe(["refresher.annualValue", "refresher.vesting.yearPercents"]);
        errors["refresher.vesting.yearPercents"].Single().ShouldContain("sum to 90");
    }

    [Fact]
    public void deadline_and_start_date_must_not_be_before_the_offer_date()
    {
        var errors = ErrorsOf(Valid() with { Deadline = new DateOnly(2026, 11, 9), StartDate = new DateOnly(2026, 10, 1) });

        errors.Keys.Order().ShouldBe(["deadline", "startDate"]);
        errors["deadline"].Single().ShouldBe("Deadline 2026-11-09 is before the offer date 2026-11-10.");

        // The offer date itself is fine for both.
        (Valid() with { Deadline = OfferDate, StartDate = OfferDate }).Validate(OfferDate).Deadline.ShouldBe(OfferDate);
    }

    [Fact]
    public void pto_days_and_retirement_match_are_0_to_100()
    {
        ErrorsOf(Valid() with { PtoDays = 101, RetirementMatchPercent = 100.5m }).Keys.Order().ShouldBe(["ptoDays", "retirementMatchPercent"]);
        ErrorsOf(Valid() with { PtoDays = -1, RetirementMatchPercent = -1m }).Keys.Order().ShouldBe(["ptoDays", "retirementMatchPercent"]);
        (Valid() with { PtoDays = 0, RetirementMatchPercent = 100m }).Validate(OfferDate).PtoDays.ShouldBe(0);
    }

    [Fact]
    public void unknown_remote_policy_and_stage_list_the_snake_case_names()
    {
        var errors = ErrorsOf(Valid() with { Remote = "sometimes", Stage = "series_z" });

        errors.Keys.Order().ShouldBe(["remote", "stage"]);
        errors["stage"].Single().ShouldContain("late_private, series_c_plus, series_b, series_a, seed");
    }

    [Fact]
    public void vesting_reads_from_json_as_a_preset_string_or_a_custom_object()
    {
        const string json = """
            {
              "company": "Contoso", "role": "SWE", "level": { "label": "L5", "rank": 5 }, "currency": "usd", "baseSalary": 205000,
              "equity": { "kind": "rsu", "grantValue": 320000, "vesting": "5_15_40_40" },
              "refresher": { "annualValue": 60000, "vesting": { "CliffMonths": 0, "frequency": "quarterly", "yearPercents": [25, 25, 25, 25] } }
            }
            """;
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var draft = JsonSerializer.Deserialize<OfferTermsDraft>(json, web)!;
        var t = draft.Validate(OfferDate);

        draft.Equity!.Vesting.ShouldBe(VestingDraft.Named("5_15_40_40"));
        t.Equity!.Vesting.ShouldBeSameAs(VestingSchedule.BackLoaded5_15_40_40);
        t.Refresher!.Vesting.CliffMonths.ShouldBe(0);
        t.Refresher.Vesting.YearPercents.ShouldBe([25m, 25m, 25m, 25m]);

        // And back: a preset is written as a string, a custom schedule as an object.
        JsonSerializer.Serialize(draft.Equity.Vesting, web).ShouldBe("\"5_15_40_40\"");
        JsonSerializer.Serialize(draft.Refresher!.Vesting, web).ShouldBe("""{"cliffMonths":0,"frequency":"quarterly","yearPercents":[25,25,25,25]}""");
    }

    [Theory]
    [InlineData("12")]
    [InlineData("""{ "cliffMonths": "twelve" }""")]
    [InlineData("""{ "yearPercents": 100 }""")]
    public void malformed_vesting_json_is_a_json_error(string vesting) =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<EquityGrantDraft>($$"""{ "kind": "rsu", "vesting": {{vesting}} }""", JsonSerializerOptions.Web));

    [Fact]
    public void a_validated_draft_feeds_the_calculator()
    {
        // 2,000 RSUs × 225 = 450,000 on 5/15/40/40 → 22,500; 67,500; 180,000; 180,000.
        // Sign-on 60,000 at month 0 and 45,000 at month 12. Base 195,000, no bonus.
        // Year 1: 195,000 + 60,000 + 22,500 = 277,500. Year 2: 195,000 + 45,000 + 67,500 = 307,500.
        // Years 3-4: 195,000 + 180,000 = 375,000. Four years: 277,500 + 307,500 + 750,000 = 1,335,000; average 333,750.
        var terms = new OfferTermsDraft(
            "Riverbend", "SDE II", new OfferLevelDraft("SDE II", 5), Currency: "USD", BaseSalary: 195_000m,
            SignOn: [new SignOnPaymentDraft(60_000m, 0, 12), new SignOnPaymentDraft(45_000m, 12, 12)],
            Equity: new EquityGrantDraft("rsu", Shares: 2_000m, SharePrice: 225m, Vesting: VestingDraft.Named("5_15_40_40"))).Validate(OfferDate);

        var b = CompensationCalculator.Compute(terms, new ExchangeRates("USD", new Dictionary<string, decimal>()));

        b.Years.Select(y => y.Total).ShouldBe([277_500m, 307_500m, 375_000m, 375_000m]);
        b.FourYearTotal.ShouldBe(1_335_000m);
        b.AverageAnnual.ShouldBe(333_750m);
    }
}
