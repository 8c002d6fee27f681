using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Comparison;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Offers;
using CareerLedger.Web.Site;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages.Offers;

/// <summary>
/// <c>/offers</c>: the open offers with their answer deadlines (days left in the user's calendar), and the comparison exactly as
/// <c>GET /api/offers/compare</c> returns it (<see cref="OffersApi.Compare"/>): per-year totals, four-year totals, deltas,
/// guaranteed and at-risk pay, a stacked bar chart with its numbers in a table, crossovers and notes. <c>currency</c> and
/// <c>rates</c> in the query are the API's parameters, and its errors are shown next to them.
/// </summary>
public sealed class IndexModel(CurrentUser me, IQuerySession session, LedgerReader reader) : PageModel
{
    /// <summary>The user's today (their time zone), which deadlines count from.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>Open offers, newest received first.</summary>
    public IReadOnlyList<Offer> Active { get; private set; } = [];

    /// <summary>Accepted, declined, expired and withdrawn offers, newest received first.</summary>
    public IReadOnlyList<Offer> Closed { get; private set; } = [];

    /// <summary>The comparison of the open offers, or null when the currency or rates were refused (see the model state).</summary>
    public OfferComparison? Comparison { get; private set; }

    /// <summary>The comparison's chart layout.</summary>
    public ComparisonChart? Chart { get; private set; }

    /// <summary>The comparison currency as asked for (empty: the API's default, the currency most offers use).</summary>
    public string? Currency { get; private set; }

    /// <summary>Exchange rates as typed, "EUR:1.08,GBP:1.27" (units of the comparison currency per unit of each).</summary>
    public string? Rates { get; private set; }

    /// <summary>The offer just added (a confirmation above the page).</summary>
    public Offer? Added { get; private set; }

    /// <summary>Whether any open offer is in another currency than the comparison's.</summary>
    public bool Converted => Comparison is { } c && c.Offers.Any(o => o.OriginalCurrency != c.Currency);

    /// <summary>Loads the offers and compares the open ones.</summary>
    /// <param name="added">The offer recorded by the post that redirected here.</param>
    /// <param name="currency">Comparison currency (3 letters), optional.</param>
    /// <param name="rates">Exchange rates, optional.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task OnGetAsync(Guid? added, string? currency, string? rates, CancellationToken ct)
    {
        Today = me.Today;
        Currency = currency;
        Rates = rates;
        var all = (await OffersApi.List("all", me, session, ct)).Value ?? [];
        Active = all.Where(v => v.Offer.Status == OfferStatus.Open).Select(v => v.Offer).ToList();
        Closed = all.Where(v => v.Offer.Status != OfferStatus.Open).Select(v => v.Offer).ToList();
        Added = added is { } id ? all.FirstOrDefault(v => v.Offer.Id == id)?.Offer : null;
        try
        {
            Comparison = ApiResults.Value<OfferComparison>(await OffersApi.Compare(currency, rates, null, "json", null, me, reader, HttpContext, ct));
        }
        catch (DomainValidationException e)
        {
            // "rates.EUR" (no rate for an offer's currency) belongs to the rates box.
            ModelState.Add(e, key => key.StartsWith("rates", StringComparison.Ordinal) ? "rates" : key == "currency" ? "currency" : PageErrors.FormKey);
        }

        Chart = Comparison is { Offers.Count: > 0 } c ? ComparisonChart.Of(c) : null;
    }
}
