using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests;

/// <summary>
/// Three realistic offers from samples/offers (a public company with even vesting, a back-loaded one with a two-year
/// sign-on, a Series B startup with options), compared with figures worked out by hand. Test clock: 2026-11-21.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OffersApiTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "offers", name));

    private static async Task<Guid> AddAsync(UserClient user, string sample)
    {
        using var content = new StringContent(Sample(sample), System.Text.Encoding.UTF8, "application/json");
        var response = await user.Http.PostAsync("/api/offers", content);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync()).GetProperty("offer").GetProperty("id").GetGuid();
    }

    private async Task<(UserClient User, Guid Contoso, Guid Riverbend, Guid Lumen)> ThreeOffersAsync()
    {
        var user = await app.CreateUserAsync("America/Los_Angeles");
        return (user, await AddAsync(user, "contoso-public-even.json"), await AddAsync(user, "riverbend-backloaded.json"), await AddAsync(user, "lumen-series-b-options.json"));
    }

    private static decimal[] Totals(JsonElement offer) =>
        offer.GetProperty("compensation").GetProperty("years").EnumerateArray().Select(y => y.GetProperty("total").GetDecimal()).ToArray();

    [Fact]
    public async Task three_offers_compare_year_by_year_as_worked_out_by_hand()
    {
        var (user, contoso, riverbend, lumen) = await ThreeOffersAsync();
        var comparison = await user.Http.GetJsonAsync("/api/offers/compare?currency=USD");
        var offers = comparison.GetProperty("offers").EnumerateArray().ToList();
        offers.Select(o => o.GetProperty("company").GetString()).ShouldBe(["Contoso", "Riverbend", "Lumen Labs"]);
        comparison.GetProperty("bestOfferId").GetGuid().ShouldBe(contoso);

        // Contoso: base 205,000 + bonus 15 % = 30,750; sign-on 30,000 in year 1; RSU 320,000 even → 80,000 a year;
        // refreshers of 60,000 from year 2, each 15,000 a year: 0, 15,000, 30,000, 45,000, 60,000.
        // Y1 205,000 + 30,750 + 30,000 + 80,000 = 345,750; Y2 = 330,750; Y3 = 345,750; Y4 = 360,750; Y5 = 295,750.
        Totals(offers[0]).ShouldBe([345_750m, 330_750m, 345_750m, 360_750m, 295_750m]);
        offers[0].GetProperty("compensation").GetProperty("fourYearTotal").GetDecimal().ShouldBe(1_383_000m);

        // Riverbend: base 195,000, no bonus; sign-on 60,000 (month 0) and 45,000 (month 12);
        // 2,000 RSUs × 225 = 450,000 vesting 5/15/40/40 → 22,500, 67,500, 180,000, 180,000.
        // Y1 277,500; Y2 307,500; Y3 375,000; Y4 375,000; four years 1,335,000 (48,000 behind Contoso).
        Totals(offers[1]).ShouldBe([277_500m, 307_500m, 375_000m, 375_000m]);
        offers[1].GetProperty("fourYearDeltaVsBest").GetDecimal().ShouldBe(-48_000m);

        // Lumen Labs: base 185,000; 60,000 ISOs × (8.40 preferred − 2.10 strike) = 378,000 → 94,500 a year after the cliff.
        // Each year 279,500; four years 1,118,000.
        Totals(offers[2]).ShouldBe([279_500m, 279_500m, 279_500m, 279_500m]);
        var options = offers[2].GetProperty("compensation").GetProperty("options");
        // 60,000 / 48,000,000 = 0.125 % of the company; exercising costs 60,000 × 2.10 = 126,000; at the 409A (2.10) the spread is 0.
        options.GetProperty("ownershipPercent").GetDecimal().ShouldBe(0.125m);
        options.GetProperty("exerciseCost").GetDecimal().ShouldBe(126_000m);
        options.GetProperty("valueAt409A").GetDecimal().ShouldBe(0m);
        options.GetProperty("valueAtPreferred").GetDecimal().ShouldBe(378_000m);

        // Riverbend starts 2,000 behind Lumen in year 1 but is ahead on cumulative pay after year 2 (585,000 vs 559,000).
        var crossovers = comparison.GetProperty("crossovers").EnumerateArray().ToList();
        crossovers.ShouldContain(x => x.GetProperty("leader").GetString() == "Riverbend" && x.GetProperty("trailer").GetString() == "Lumen Labs" && x.GetProperty("year").GetInt32() == 2);
        crossovers.ShouldNotContain(x => x.GetProperty("leader").GetString() == "Riverbend" && x.GetProperty("trailer").GetString() == "Contoso");
        _ = riverbend;
        _ = lumen;
    }

    [Fact]
    public async Task one_offers_compensation_is_served_on_its_own()
    {
        var (user, contoso, _, _) = await ThreeOffersAsync();
        var comp = await user.Http.GetJsonAsync($"/api/offers/{contoso}/compensation");
        comp.GetProperty("currency").GetString().ShouldBe("USD");
        comp.GetProperty("fourYearTotal").GetDecimal().ShouldBe(1_383_000m);
        (await user.Http.GetAsync($"/api/offers/{contoso}/compensation?currency=EUR")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // 1 USD = 0.9 EUR: the first year of 345,750 USD is 311,175 EUR.
        var euros = await user.Http.GetJsonAsync($"/api/offers/{contoso}/compensation?currency=EUR&rates=USD:0.9");
        euros.GetProperty("years")[0].GetProperty("total").GetDecimal().ShouldBe(311_175m);
    }

    [Fact]
    public async Task the_comparison_renders_as_markdown_and_as_html_with_a_chart()
    {
        var (user, _, _, _) = await ThreeOffersAsync();
        var md = await user.Http.GetStringAsync("/api/offers/compare?format=md");
        md.ShouldContain("| Year 1 | 345,750 | 277,500 | 279,500 |");
        md.ShouldContain("Crossovers");
        var html = await user.Http.GetStringAsync("/api/offers/compare?format=html");
        html.ShouldContain("<svg");
        html.ShouldContain("Riverbend, year 3, Equity: 180,000 USD");
    }

    [Fact]
    public async Task revising_after_a_counter_keeps_the_old_terms_and_shows_the_timeline()
    {
        var (user, _, riverbend, _) = await ThreeOffersAsync();
        var counter = await user.Http.PostAsJsonAsync($"/api/offers/{riverbend}/counter", new
        {
            sentOn = "2026-11-18",
            asks = new object[] { new { component = "sign_on", amount = 40000, text = "close the first-year gap to Contoso" }, new { component = "equity", amount = 520000 } },
            note = "Cited the Contoso offer.",
        });
        counter.StatusCode.ShouldBe(HttpStatusCode.OK);
        var version = (await counter.ReadAsync()).GetProperty("version").GetInt64();

        var revised = JsonDocument.Parse(Sample("riverbend-backloaded.json")).RootElement.GetProperty("terms").GetRawText()
            .Replace("\"amount\": 60000", "\"amount\": 90000", StringComparison.Ordinal)
            .Replace("\"shares\": 2000", "\"shares\": 2300", StringComparison.Ordinal);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/offers/{riverbend}/terms")
        {
            Content = new StringContent($$"""{"revisedOn":"2026-11-20","reason":"after counter","terms":{{revised}}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        (await user.Http.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/offers/{riverbend}/terms")
        {
            Content = new StringContent($$"""{"revisedOn":"2026-11-20","terms":{{revised}}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        (await user.Http.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var offer = (await user.Http.GetJsonAsync($"/api/offers/{riverbend}")).GetProperty("offer");
        offer.GetProperty("revisions").GetArrayLength().ShouldBe(2);
        offer.GetProperty("revisions")[0].GetProperty("terms").GetProperty("signOn")[0].GetProperty("amount").GetDecimal().ShouldBe(60000m);
        var timeline = await user.Http.GetJsonAsync($"/api/offers/{riverbend}/timeline");
        var kinds = timeline.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.ShouldBe(["received", "counter", "revised"]);
        var changes = timeline.GetProperty("entries")[2].GetProperty("summary").GetString()!;
        changes.ShouldContain("sign-on 105,000 USD → 135,000 USD");
        changes.ShouldContain("equity RSU 450,000 USD → RSU 517,500 USD");
    }

    [Fact]
    public async Task bad_offer_input_names_each_field_and_writes_nothing()
    {
        var user = await app.CreateUserAsync();
        var response = await user.Http.PostAsJsonAsync("/api/offers", new
        {
            receivedOn = "2026-11-10",
            terms = new
            {
                company = "Acme",
                role = "Engineer",
                level = new { label = "L5", rank = 5 },
                currency = "USD",
                baseSalary = -1,
                bonusTargetPercent = 120,
                deadline = "2026-11-01",
                equity = new { kind = "rsu", grantValue = 100000, vesting = new { cliffMonths = 12, frequency = "quarterly", yearPercents = new[] { 25, 25, 25 } } },
            },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadAsync()).GetProperty("errors");
        foreach (var field in new[] { "terms.baseSalary", "terms.bonusTargetPercent", "terms.deadline", "terms.equity.vesting.yearPercents" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        (await user.Http.GetJsonAsync("/api/offers?status=all")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task an_unknown_currency_without_a_rate_is_a_400_naming_the_rate()
    {
        var user = await app.CreateUserAsync();
        var euro = Sample("contoso-public-even.json").Replace("\"currency\": \"USD\"", "\"currency\": \"EUR\"", StringComparison.Ordinal);
        using (var content = new StringContent(euro, System.Text.Encoding.UTF8, "application/json"))
        {
            (await user.Http.PostAsync("/api/offers", content)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await AddAsync(user, "riverbend-backloaded.json");
        var response = await user.Http.GetAsync("/api/offers/compare?currency=USD");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync()).GetProperty("errors").TryGetProperty("rates.EUR", out _).ShouldBeTrue();

        // With a rate of 1.10 USD per EUR, Contoso's year 1 of 345,750 EUR is 380,325 USD.
        var converted = await user.Http.GetJsonAsync("/api/offers/compare?currency=USD&rates=EUR:1.10");
        var contoso = converted.GetProperty("offers").EnumerateArray().Single(o => o.GetProperty("company").GetString() == "Contoso");
        Totals(contoso)[0].ShouldBe(380_325m);
    }

    [Fact]
    public async Task closed_offers_leave_the_comparison_and_cannot_be_revised()
    {
        var (user, contoso, _, lumen) = await ThreeOffersAsync();
        (await user.Http.PostAsJsonAsync($"/api/offers/{lumen}/decline", new { reason = "options too risky" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var comparison = await user.Http.GetJsonAsync("/api/offers/compare");
        comparison.GetProperty("offers").GetArrayLength().ShouldBe(2);
        (await user.Http.PostAsJsonAsync($"/api/offers/{lumen}/counter", new { asks = new[] { new { component = "equity" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await user.Http.PostAsJsonAsync($"/api/offers/{contoso}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.Http.GetJsonAsync("/api/offers")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task the_comparison_as_of_a_past_instant_ignores_later_offers()
    {
        var user = await app.CreateUserAsync();
        await AddAsync(user, "contoso-public-even.json");
        var between = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        try
        {
            await AddAsync(user, "riverbend-backloaded.json");
            (await user.Http.GetJsonAsync("/api/offers/compare")).GetProperty("offers").GetArrayLength().ShouldBe(2);
            var then = await user.Http.GetJsonAsync($"/api/offers/compare?asOf={Uri.EscapeDataString(between.ToString("O"))}");
            then.GetProperty("offers").GetArrayLength().ShouldBe(1);
        }
        finally
        {
            app.Clock.Set(LedgerAppFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task another_users_offer_is_a_404()
    {
        var (_, contoso, _, _) = await ThreeOffersAsync();
        var other = await app.CreateUserAsync();
        (await other.Http.GetAsync($"/api/offers/{contoso}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.GetAsync($"/api/offers/{contoso}/timeline")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.PostAsJsonAsync($"/api/offers/{contoso}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.GetJsonAsync("/api/offers/compare")).GetProperty("offers").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task the_negotiation_plan_orders_asks_by_negotiability_and_tracks_the_last_counter()
    {
        var (user, _, riverbend, _) = await ThreeOffersAsync();
        var plan = await user.Http.GetJsonAsync($"/api/offers/{riverbend}/plan?currentTotal=250000");
        plan.GetProperty("company").GetString().ShouldBe("Riverbend");
        plan.GetProperty("leverage").GetProperty("bestByFourYear").GetProperty("company").GetString().ShouldBe("Contoso");
        // Contoso's four years (1,383,000) minus Riverbend's (1,335,000).
        plan.GetProperty("leverage").GetProperty("fourYearGap").GetDecimal().ShouldBe(48_000m);
        var components = plan.GetProperty("asks").EnumerateArray().Select(a => a.GetProperty("component").GetString()).ToList();
        components.ShouldNotBeEmpty();
        var firstBase = components.IndexOf("base");
        var firstMoneyHigh = components.FindIndex(c => c is "sign_on" or "equity");
        firstMoneyHigh.ShouldBeGreaterThanOrEqualTo(0);
        if (firstBase >= 0)
        {
            firstMoneyHigh.ShouldBeLessThan(firstBase, "sign-on and equity come before base");
        }

        plan.GetProperty("walkAwayFloor").GetProperty("perYear").GetDecimal().ShouldBe(250_000m);
        plan.GetProperty("deadline").GetProperty("daysLeft").GetInt32().ShouldBe(5, "deadline 2026-11-26, today 2026-11-21");
        plan.GetProperty("scripts").GetProperty("email").GetString()!.ShouldContain("Contoso");

        var counter = await user.Http.PostAsJsonAsync($"/api/offers/{riverbend}/counter", new
        {
            sentOn = "2026-11-18",
            asks = new object[] { new { component = "sign_on", amount = 145000 }, new { component = "base", amount = 205000 } },
        });
        var version = (await counter.ReadAsync()).GetProperty("version").GetInt64();
        var revised = JsonDocument.Parse(Sample("riverbend-backloaded.json")).RootElement.GetProperty("terms").GetRawText()
            .Replace("\"amount\": 60000", "\"amount\": 80000", StringComparison.Ordinal);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/offers/{riverbend}/terms")
        {
            Content = new StringContent($$"""{"revisedOn":"2026-11-20","reason":"after counter","terms":{{revised}}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        (await user.Http.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await user.Http.GetJsonAsync($"/api/offers/{riverbend}/plan?currentTotal=250000");
        var progress = after.GetProperty("progress").EnumerateArray().ToList();
        // Sign-on: 105,000 before, 145,000 asked, 125,000 now → (125,000 − 105,000) / (145,000 − 105,000) = 50 %.
        var signOn = progress.Single(p => p.GetProperty("ask").GetProperty("component").GetString() == "sign_on");
        signOn.GetProperty("status").GetString().ShouldBe("partly_met");
        signOn.GetProperty("percentClosed").GetDecimal().ShouldBe(50m);
        progress.Single(p => p.GetProperty("ask").GetProperty("component").GetString() == "base").GetProperty("status").GetString().ShouldBe("not_moved");

        var md = await user.Http.GetStringAsync($"/api/offers/{riverbend}/plan?currentTotal=250000&format=md");
        md.ShouldContain("# Negotiation plan: Riverbend");
        md.ShouldContain("How far your last counter got");
    }
}
