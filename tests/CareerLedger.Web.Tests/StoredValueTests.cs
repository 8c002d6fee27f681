using System.Net;
using System.Net.Http.Json;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Offers;
using CareerLedger.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CareerLedger.Web.Tests;

/// <summary>
/// A read never fails on a stored event: values that the API now refuses (from before the bounds existed, or from an
/// import) are appended straight to the store, and every read that uses them still answers 200, marking what it could
/// not compute.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoredValueTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private const decimal Huge = 79_000_000_000_000_000_000_000_000_000m; // about decimal.MaxValue

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "offers", name));

    private async Task<(UserClient User, Guid Good, Guid Bad)> OffersWithOnePoisonedAsync(Func<OfferTerms, OfferTerms> poison)
    {
        var user = await app.CreateUserAsync("America/Los_Angeles");
        var ids = new List<Guid>();
        foreach (var sample in new[] { "contoso-public-even.json", "riverbend-backloaded.json" })
        {
            using var content = new StringContent(Sample(sample), System.Text.Encoding.UTF8, "application/json");
            var response = await user.Http.PostAsync("/api/offers", content);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            ids.Add((await response.ReadAsync()).GetProperty("offer").GetProperty("id").GetGuid());
        }

        var store = app.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(user.UserId.ToString()))
        {
            var offer = await session.LoadAsync<Offer>(ids[1]);
            session.Events.Append(ids[1], new OfferRevised(ids[1], new DateOnly(2026, 11, 20), poison(offer!.Terms), "stored before the bounds", offer.Stage));
            await session.SaveChangesAsync();
        }

        return (user, ids[0], ids[1]);
    }

    public static TheoryData<string> Poisons => ["base", "sign_on", "rsu_shares_times_price", "refresher"];

    private static OfferTerms Poison(string kind, OfferTerms terms) => kind switch
    {
        "base" => terms with { BaseSalary = Huge },
        "sign_on" => terms with { SignOn = [new SignOnPayment(Huge, 0, 12)] },
        "rsu_shares_times_price" => terms with
        {
            Equity = new EquityGrant(EquityKind.Rsu, null, 1e20m, 1e20m, null, null, null, null, null, null, null, VestingSchedule.Even4Year),
        },
        "refresher" => terms with { Refresher = new RefresherGrant(Huge, VestingSchedule.Even4Year) },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Poisons))]
    public async Task an_offer_whose_math_overflows_is_shown_with_a_note_and_the_others_still_compare(string kind)
    {
        var (user, good, bad) = await OffersWithOnePoisonedAsync(t => Poison(kind, t));

        foreach (var url in new[]
                 {
                     "/api/offers", "/api/offers?status=all", $"/api/offers/{bad}", $"/api/offers/{bad}/timeline", $"/api/offers/{bad}/compensation",
                     $"/api/offers/{good}/plan", "/api/offers/compare", "/api/offers/compare?currency=USD",
                     "/api/offers/compare?asOf=2026-11-21", "/api/offers/compare?format=md", "/api/offers/compare?format=html",
                 })
        {
            var response = await user.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
        }

        var comparison = await user.Http.GetJsonAsync("/api/offers/compare");
        var offers = comparison.GetProperty("offers").EnumerateArray().ToList();
        offers.Select(o => o.GetProperty("offerId").GetGuid()).ShouldBe([good], "the offer that cannot be computed is left out, not the whole comparison");
        offers[0].GetProperty("compensation").GetProperty("fourYearTotal").GetDecimal().ShouldBeGreaterThan(0m);
        comparison.GetProperty("bestOfferId").GetGuid().ShouldBe(good);
        var excluded = comparison.GetProperty("excluded").EnumerateArray().Single();
        excluded.GetProperty("offerId").GetGuid().ShouldBe(bad);
        excluded.GetProperty("reason").GetString()!.ShouldContain("too large");
        comparison.GetProperty("notes")[0].GetString()!.ShouldContain("Riverbend");
        (await user.Http.GetStringAsync("/api/offers/compare?format=md")).ShouldContain("too large");

        var compensation = await user.Http.GetJsonAsync($"/api/offers/{bad}/compensation");
        compensation.GetProperty("note").GetString()!.ShouldContain("too large");
        compensation.GetProperty("years").GetArrayLength().ShouldBe(0);

        var plan = await user.Http.GetAsync($"/api/offers/{bad}/plan");
        plan.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        plan.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await plan.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("too large");
    }

    public static TheoryData<decimal?, decimal> PoisonedMetrics => new()
    {
        { null, Huge },
        { null, -Huge },
        { 1m, Huge },
        { -Huge, Huge },
        { 0.0000000001m, Huge },
    };

    [Theory]
    [MemberData(nameof(PoisonedMetrics))]
    public async Task an_accomplishment_with_an_extreme_stored_metric_is_listed_ranked_and_bragged_about(decimal? before, decimal after)
    {
        var user = await app.CreateUserAsync();
        (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Ordinary win", impact: [new { name = "p99", before = 400, after = 200, unit = "ms" }])))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = Guid.CreateVersion7();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(user.UserId.ToString()))
        {
            var details = new AccomplishmentDetails(
                "Stored before the bounds", new DateOnly(2026, 10, 2), null, "Payments API", Scope.Company, Involvement.Drove,
                [new ImpactMetric("requests", before, after, "%", false), new ImpactMetric("cost", before, after, null, true)],
                [Competency.PerformanceCost], null, []);
            session.Events.StartStream<Accomplishment>(id, new AccomplishmentLogged(id, details));
            await session.SaveChangesAsync();
        }

        foreach (var url in new[]
                 {
                     "/api/accomplishments", $"/api/accomplishments/{id}", $"/api/accomplishments/{id}/history", "/api/brag", "/api/brag?format=md",
                     "/api/brag?format=html", "/api/brag?asOf=2026-11-21", "/api/stories/ranking", "/api/stories/intro", "/api/readiness?level=L5",
                 })
        {
            var response = await user.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
        }

        var ranking = await user.Http.GetJsonAsync("/api/stories/ranking");
        ranking.GetProperty("considered").GetInt32().ShouldBe(2);
        ranking.GetProperty("top").GetArrayLength().ShouldBe(2);
        var draft = await user.Http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { id }, format = "star" });
        draft.StatusCode.ShouldBe(HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
    }
}
