using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Negotiation;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Offers;
using CareerLedger.Web.Site;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages.Offers;

/// <summary>
/// <c>/offers/plan</c>: the negotiation plan <c>GET /api/offers/{id}/plan</c> builds (<see cref="PlanApi.Plan"/>) for one offer
/// against the user's other open offers: leverage, the asks in the order to make them, targets, the walk-away floor, deadline
/// advice, questions, an e-mail and a phone script, and how far the last counter got; with what is negotiable and how much.
/// The query's <c>offer</c>, <c>currency</c>, <c>rates</c>, <c>currentTotal</c>, <c>currentLevelRank</c> and
/// <c>minimumAnnual</c> are the API's parameters (money per year in the comparison currency), and its errors are shown next to
/// them. The page prints without the form and the navigation.
/// </summary>
public sealed class PlanModel(CurrentUser me, IQuerySession session, LedgerReader reader) : PageModel
{
    /// <summary>The user's offers the plan can be made for: open ones first, then closed, newest received first.</summary>
    public IReadOnlyList<Offer> Offers { get; private set; } = [];

    /// <summary>The offer planned for, or null when the user has none.</summary>
    public Offer? Target { get; private set; }

    /// <summary>The plan, or null when a parameter was refused or the offer's figures cannot be planned with.</summary>
    public NegotiationPlan? Plan { get; private set; }

    /// <summary>The API's problem detail when the plan could not be made (an offer whose figures are too large), else null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The query as typed: currency, rates, current total per year, current level rank, minimum per year.</summary>
    public (string? Currency, string? Rates, string? CurrentTotal, string? CurrentLevelRank, string? MinimumAnnual) Query { get; private set; }

    /// <summary>Builds the plan for <paramref name="offer"/> (default: the first open offer).</summary>
    /// <param name="offer">The offer id.</param>
    /// <param name="currency">Comparison currency, optional.</param>
    /// <param name="rates">Exchange rates ("EUR:1.08"), optional.</param>
    /// <param name="currentTotal">The current job's total pay per year, comparison currency, optional.</param>
    /// <param name="currentLevelRank">The current level rank 1-10, optional.</param>
    /// <param name="minimumAnnual">The least the user would accept per year, optional.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task OnGetAsync(Guid? offer, string? currency, string? rates, string? currentTotal, string? currentLevelRank, string? minimumAnnual, CancellationToken ct)
    {
        Query = (currency, rates, currentTotal, currentLevelRank, minimumAnnual);
        var all = (await OffersApi.List("all", me, session, ct)).Value ?? [];
        Offers = all.OrderBy(v => v.Offer.Status == OfferStatus.Open ? 0 : 1).Select(v => v.Offer).ToList();
        Target = offer is { } id ? Offers.FirstOrDefault(o => o.Id == id) : Offers.FirstOrDefault(o => o.Status == OfferStatus.Open);
        if (Target is null)
        {
            if (offer is not null)
            {
                ModelState.AddModelError("offer", "There is no such offer among yours; choose one from the list.");
            }

            return;
        }

        try
        {
            var result = await PlanApi.Plan(Target.Id, currency, rates, currentTotal, currentLevelRank, minimumAnnual, "json", me, reader, HttpContext, ct);
            Plan = ApiResults.Value<NegotiationPlan>(result);
            Problem = ApiResults.Problem(result)?.Detail;
        }
        catch (DomainValidationException e)
        {
            // "rates.EUR" (no rate for an offer's currency) belongs to the rates box.
            ModelState.Add(e, key => key.StartsWith("rates", StringComparison.Ordinal) ? "rates" : key);
        }
    }
}
