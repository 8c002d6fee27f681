using System.Globalization;
using CareerLedger.Domain.Common;
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
/// <c>/offers/{id}</c>: one offer, its deadline (days left in the user's calendar), what it pays per year
/// (<see cref="OffersApi.Compensation"/>, in the offer's currency), the timeline of its revisions (<see cref="OffersApi.Timeline"/>),
/// the form to revise its terms and the form to record how it ended. A revision posts the version it was read at: when the
/// offer changed since, nothing is saved and the typed terms are shown again with the conflict (the
/// <see cref="ReviseOffer"/> handler's If-Match check, as <c>PUT /api/offers/{id}/terms</c>).
/// </summary>
public sealed class DetailModel(CurrentUser me, IMessageBus bus, IQuerySession session, ReminderScheduler reminders) : PageModel
{
    /// <summary>The closing outcomes the page offers, with their labels.</summary>
    public static IReadOnlyList<(string Value, string Label)> Outcomes { get; } =
    [
        ("declined", "I declined it"),
        ("accepted", "I accepted it"),
        ("withdrawn", "The company withdrew it"),
        ("expired", "It expired at its deadline"),
    ];

    /// <summary>The offer as stored now.</summary>
    public Offer Offer { get; private set; } = null!;

    /// <summary>The version the revise form was read at (the offer's version when shown; the posted one after a refused post).</summary>
    public long Version { get; private set; }

    /// <summary>The timeline of the offer's events, oldest first.</summary>
    public OfferTimeline? Timeline { get; private set; }

    /// <summary>Year-by-year pay of the current terms in the offer's own currency, or null when it cannot be computed.</summary>
    public CompensationBreakdown? Compensation { get; private set; }

    /// <summary>The revise form: the current terms, or as typed when refused.</summary>
    public OfferForm Form { get; private set; } = new();

    /// <summary>The user's today (their time zone).</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The user's time zone, for the times events were recorded.</summary>
    public TimeZoneInfo TimeZone => me.TimeZone;

    /// <summary>What the last post did, shown as a status line ("revised", "unchanged", "closed").</summary>
    public string? Done { get; private set; }

    /// <summary>Why the closing form was refused, or null.</summary>
    public string? CloseError { get; private set; }

    /// <summary>The closing form as typed: outcome, date (yyyy-MM-dd), reason.</summary>
    public (string Outcome, string? On, string? Reason) Closing { get; private set; } = ("declined", null, null);

    /// <summary>Shows the offer; 404 when the user has no such offer.</summary>
    /// <param name="id">The offer id.</param>
    /// <param name="done">What the post that redirected here did.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Done = done;
        Form = OfferForm.From(Offer, Today);
        Closing = ("declined", OfferDisplay.Iso(Today), null);
        return Page();
    }

    /// <summary>Revises the terms at the version the form was read at, or shows the form again with every typed value.</summary>
    /// <param name="id">The offer id.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnPostReviseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Form = OfferForm.From(Request.Form);
        Closing = ("declined", OfferDisplay.Iso(Today), null);
        var posted = PostedVersion();
        if (posted is null)
        {
            ModelState.AddModelError(PageErrors.FormKey, "The form lost the version it was read at; reload the page and apply your change again.");
            return Refused(StatusCodes.Status400BadRequest);
        }

        Version = posted.Value;
        Offer? saved = null;
        var conflict = false;
        var ok = await ModelState.TryAsync(async () =>
        {
            var (stage, revisedOn, terms) = Form.ValidateRevision(Offer.ReceivedOn, Today);
            try
            {
                saved = await bus.InvokeForUserAsync<Offer?>(me, new ReviseOffer(id, revisedOn, terms, Form.Reason, stage, Today, ExpectedVersion.Exactly(posted.Value)), ct);
            }
            catch (VersionConflictException)
            {
                conflict = true;
                throw new DomainRuleException(
                    $"Nothing was saved: this offer was changed after you opened it (you edited version {posted.Value.ToString(CultureInfo.InvariantCulture)}, it is now at version {Offer.Version.ToString(CultureInfo.InvariantCulture)}). "
                    + "The timeline and the figures above show the latest terms; your typed terms are kept below. Open the offer again to start from the latest terms.");
            }
        }, Form.FormKey);
        if (!ok || saved is null)
        {
            return saved is null && ok ? NotFound() : Refused(conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);
        }

        await reminders.SyncOfferAsync(me, saved, ct);
        return Redirect($"/offers/{id}?done={(saved.Version == posted.Value ? "unchanged" : "revised")}");
    }

    /// <summary>Records how the offer ended (accepted, declined, withdrawn, expired) at the version it was read at.</summary>
    /// <param name="id">The offer id.</param>
    /// <param name="outcome">accepted | declined | withdrawn | expired.</param>
    /// <param name="on">The day it happened, yyyy-MM-dd (default today).</param>
    /// <param name="reason">Why (kept for declined and withdrawn).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnPostCloseAsync(Guid id, string? outcome, string? on, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Form = OfferForm.From(Offer, Today);
        Closing = (outcome ?? "declined", on, reason);
        var status = outcome switch
        {
            "accepted" => OfferStatus.Accepted,
            "declined" => OfferStatus.Declined,
            "withdrawn" => OfferStatus.Withdrawn,
            "expired" => OfferStatus.Expired,
            _ => (OfferStatus?)null,
        };
        DateOnly? day = string.IsNullOrWhiteSpace(on) ? Today
            : DateOnly.TryParseExact(on.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var posted = PostedVersion();
        if (status is null || day is null || posted is null)
        {
            CloseError = status is null ? "Choose what happened to the offer." : day is null ? $"'{on}' is not a date; use yyyy-MM-dd." : "The form lost the version it was read at; reload the page.";
            return Refused(StatusCodes.Status422UnprocessableEntity);
        }

        Offer? saved = null;
        var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        var ok = await state.TryAsync(async () =>
            saved = await bus.InvokeForUserAsync<Offer?>(me, new CloseOffer(id, status.Value, day.Value, reason, Today, ExpectedVersion.Exactly(posted.Value)), ct));
        if (!ok || saved is null)
        {
            if (ok)
            {
                return NotFound();
            }

            CloseError = string.Join(" ", state.SelectMany(kv => kv.Value!.Errors).Select(e => e.ErrorMessage));
            return Refused(StatusCodes.Status409Conflict);
        }

        await reminders.SyncOfferAsync(me, saved, ct);
        return Redirect($"/offers/{id}?done=closed");
    }

    private IActionResult Refused(int status)
    {
        Response.StatusCode = status;
        return Page();
    }

    private long? PostedVersion() =>
        long.TryParse(Request.Form["version"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Today = me.Today;
        var view = ApiResults.Value<OfferView>(await OffersApi.Get(id, me, session, HttpContext, ct));
        if (view is null)
        {
            return false;
        }

        Response.Headers.Remove("ETag"); // the API's read sets it; a page is not a cacheable representation of the offer
        Offer = view.Offer;
        Version = view.Version;
        Timeline = ApiResults.Value<OfferTimeline>(await OffersApi.Timeline(id, me, session, ct));
        var breakdown = ApiResults.Value<CompensationBreakdown>(await OffersApi.Compensation(id, null, null, me, session, ct));
        Compensation = breakdown is { Computed: true } ? breakdown : null;
        return true;
    }
}
