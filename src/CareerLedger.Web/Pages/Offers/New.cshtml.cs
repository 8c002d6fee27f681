using CareerLedger.Domain.Offers;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Offers;
using CareerLedger.Web.Reminders;
using CareerLedger.Web.Site;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace CareerLedger.Web.Pages.Offers;

/// <summary>
/// <c>/offers/new</c>: record an offer. The post runs the same validation as <c>POST /api/offers</c>
/// (<see cref="OfferRequestValidation.Validate(ReceiveOfferRequest, DateOnly)"/>) and the same handler (<see cref="ReceiveOffer"/>),
/// then brings the offer's deadline reminders in line as the API does. The form's request id is the idempotency key, so a
/// double-submitted form records one offer.
/// </summary>
public sealed class NewModel(CurrentUser me, IMessageBus bus, IQuerySession session, ReminderScheduler reminders) : PageModel
{
    /// <summary>The form as shown: empty (received today in the user's time zone) or as typed when it was refused.</summary>
    public OfferForm Form { get; private set; } = new();

    /// <summary>An empty form, received today; the currency is the one most of the user's offers use, if any.</summary>
    /// <param name="ct">Cancellation.</param>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var offers = (await OffersApi.List("all", me, session, ct)).Value ?? [];
        Form = new OfferForm
        {
            RequestId = Guid.NewGuid().ToString("N"),
            ReceivedOn = me.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Currency = offers.GroupBy(o => o.Offer.Terms.Currency).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault(),
        };
    }

    /// <summary>Records the offer and goes to the comparison, or shows the same form with field errors and nothing lost.</summary>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = OfferForm.From(Request.Form);
        Started<Offer>? started = null;
        var key = Form.RequestId is { } id ? "web:" + id : null;
        var ok = await ModelState.TryAsync(async () =>
        {
            var (stage, receivedOn, terms) = Form.ValidateNew(me.Today);
            started = await bus.InvokeForUserAsync<Started<Offer>>(me, new ReceiveOffer(stage, receivedOn, terms, IdempotencyKeys.FromHeader(key), me.Today), ct);
        }, Form.FormKey);
        if (!ok || started is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (!started.SameRequest)
        {
            ModelState.AddModelError(PageErrors.FormKey, "This form was already used to add a different offer. Nothing new was added; open Add an offer again to add another.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (started.Created)
        {
            await reminders.SyncOfferAsync(me, started.Document, ct);
        }

        return Redirect($"/offers?added={started.Document.Id}");
    }
}
