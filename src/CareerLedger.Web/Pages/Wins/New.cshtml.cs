using CareerLedger.Domain.Common;
using CareerLedger.Web.Accomplishments;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace CareerLedger.Web.Pages.Wins;

/// <summary>
/// <c>/wins/new</c>: log a win. The post runs the same validation (<see cref="Domain.Accomplishments.AccomplishmentDraft.Validate"/>)
/// and the same handler (<see cref="LogAccomplishment"/>) as <c>POST /api/accomplishments</c>; the form's request id is the idempotency
/// key, so a double-submitted form logs the win once.
/// </summary>
public sealed class NewModel(CurrentUser me, IMessageBus bus, Marten.IQuerySession session) : PageModel
{
    /// <summary>The form as shown: empty (dated today) or as typed when it was refused.</summary>
    public WinForm Form { get; private set; } = new();

    /// <summary>The win just logged (shown above a fresh form).</summary>
    public AccomplishmentView? Logged { get; private set; }

    /// <summary>An empty form dated today in the user's time zone.</summary>
    /// <param name="logged">The win logged by the post that redirected here, shown as a confirmation.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task OnGetAsync(Guid? logged, CancellationToken ct)
    {
        Form = new WinForm
        {
            RequestId = Guid.NewGuid().ToString("N"),
            OccurredOn = me.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (logged is { } id)
        {
            Logged = ApiResults.Value<AccomplishmentView>(await AccomplishmentsApi.Get(id, session, HttpContext, ct));
        }
    }

    /// <summary>Logs the win and shows a fresh form, or the same form with field errors and nothing lost.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = WinForm.From(Request.Form);
        Started<Domain.Accomplishments.Accomplishment>? started = null;
        var key = Form.RequestId is { } id ? "web:" + id : null;
        var ok = await ModelState.TryAsync(async () =>
        {
            var details = Form.Validate(me.Today);
            started = await bus.InvokeForUserAsync<Started<Domain.Accomplishments.Accomplishment>>(me, new LogAccomplishment(details, IdempotencyKeys.FromHeader(key)), ct);
        }, Form.FormKey);
        if (!ok || started is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (!started.SameRequest)
        {
            // The same form (its request id) was already sent with other content: nothing new is logged.
            ModelState.AddModelError(PageErrors.FormKey, "This form was already used to log a different win. Nothing new was logged; open Log a win again to log another.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Redirect($"/wins/new?logged={started.Document.Id}");
    }
}
