using System.Globalization;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Compensation;
using CareerLedger.Domain.Offers.Negotiation;
using CareerLedger.Web.Infrastructure;

namespace CareerLedger.Web.Offers;

/// <summary>The negotiation plan: <c>GET /api/offers/{id}/plan</c>.</summary>
public static class PlanApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapNegotiationPlanApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/offers/{id:guid}/plan", Plan).WithTags("Offers").WithName("NegotiationPlan")
            .WithSummary("A negotiation plan for one offer against your other open offers and your current job (currentTotal, currentLevelRank, minimumAnnual in the comparison currency): leverage, asks by negotiability, targets, walk-away floor, deadline advice, questions, scripts, and how far your last counter got. format=json|md|html.")
            .RequireAuthorization();
        return app;
    }

    internal static async Task<IResult> Plan(
        Guid id, string? currency, string? rates, string? currentTotal, string? currentLevelRank, string? minimumAnnual, string? format,
        CurrentUser me, LedgerReader reader, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var current = Amount(currentTotal, "currentTotal", errors);
        var rank = Amount(currentLevelRank, "currentLevelRank", errors);
        if (rank is < 1 or > 10 || (rank is { } r && r != Math.Truncate(r)))
        {
            errors.Add("currentLevelRank", "Use a whole level rank from 1 to 10.");
        }

        var minimum = Amount(minimumAnnual, "minimumAnnual", errors);
        var kind = DocumentResponses.Format(format, http.Request.Headers.Accept.ToString(), errors);
        errors.ThrowIfAny();

        var offers = await reader.LoadOffersAsync(null, ct);
        var target = offers.FirstOrDefault(o => o.Id == id);
        if (target is null)
        {
            return TypedResults.NotFound();
        }

        var exchange = RatesParsing.Parse(currency, rates, offers.Where(o => o.Status == OfferStatus.Open));
        OfferSnapshot Snapshot(Offer o, OfferTerms terms) => new(o.Id, terms, CompensationCalculator.ComputeOrNote(terms, exchange));
        var subject = Snapshot(target, target.Terms with { Deadline = target.Deadline });
        if (!subject.Comp.Computed)
        {
            return TooLarge(subject.Comp.Note!);
        }

        // An offer whose stored figures cannot be computed is left out of the competition rather than failing the plan.
        var competitors = offers.Where(o => o.Id != id && o.Status == OfferStatus.Open).Select(o => Snapshot(o, o.Terms)).Where(s => s.Comp.Computed).ToList();
        NegotiationPlan plan;
        try
        {
            plan = NegotiationPlanner.Plan(new NegotiationInput(
                subject,
                competitors,
                current is { } c ? new CurrentJob(c, null, rank is { } lr ? (int)lr : null) : null,
                me.Today,
                PreviousAsks(target, exchange, Snapshot),
                minimum));
        }
        catch (OverflowException)
        {
            return TooLarge($"The figures stored on {target.Terms.Company}'s offer or its counter-offers are too large to compute a plan with: revise them within the limits in docs/api.md.");
        }

        return DocumentResponses.Respond(kind, plan, $"Negotiation plan: {target.Terms.Company}", () => NegotiationPlanMarkdown.Render(plan));
    }

    /// <summary>
    /// The asks of the latest counter-offer, as planner asks: "from" is the value in the terms that stood when the counter was
    /// sent, "target" the amount asked (money converted to the comparison currency), so the plan can say how far each got.
    /// </summary>
    private static IReadOnlyList<Ask>? PreviousAsks(Offer offer, ExchangeRates exchange, Func<Offer, OfferTerms, OfferSnapshot> snapshot)
    {
        if (offer.Counters.Count == 0)
        {
            return null;
        }

        var counter = offer.Counters[^1];
        var before = offer.Revisions.LastOrDefault(r => r.On <= counter.SentOn) ?? offer.Revisions[0];
        var then = snapshot(offer, before.Terms);
        if (!then.Comp.Computed)
        {
            return null;
        }

        var rate = offer.Terms.Currency == exchange.BaseCurrency ? 1m
            : exchange.Rates.FirstOrDefault(kv => string.Equals(kv.Key, offer.Terms.Currency, StringComparison.OrdinalIgnoreCase)).Value;
        var asks = new List<Ask>();
        foreach (var a in counter.Asks.Where(a => a.Amount is not null))
        {
            if (NegotiationPlanner.ValueOf(a.Component, then) is not { } from)
            {
                continue;
            }

            var isMoney = a.Component is AskComponent.Base or AskComponent.SignOn or AskComponent.Equity;
            var target = isMoney ? a.Amount!.Value * (rate == 0 ? 1 : rate) : a.Amount!.Value;
            asks.Add(new Ask(a.Component, from, target, 0, a.Text ?? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(a.Component.ToString()), $"asked on {counter.SentOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));
        }

        return asks;
    }

    private static IResult TooLarge(string detail) => TypedResults.Problem(
        title: "This offer's figures are too large to plan with.", detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);

    private static decimal? Amount(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= Bounds.MaxAmount)
        {
            return d;
        }

        errors.Add(field, $"'{value}' is not a number from 0 to {Text.Number(Bounds.MaxAmount)}.");
        return null;
    }
}
