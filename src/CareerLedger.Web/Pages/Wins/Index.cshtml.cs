using CareerLedger.Domain.Common;
using CareerLedger.Web.Accomplishments;
using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages.Wins;

/// <summary>
/// <c>GET /wins</c>: every win, newest first (by the day it happened), optionally between two days; the list is
/// <c>GET /api/accomplishments</c>'s (<see cref="AccomplishmentsApi.List"/>), so its filter and order are the API's.
/// </summary>
public sealed class IndexModel(Marten.IQuerySession session) : PageModel
{
    /// <summary>First day (yyyy-MM-dd, the day a win happened), as typed; empty for no lower bound.</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    /// <summary>Last day (yyyy-MM-dd), as typed; empty for no upper bound.</summary>
    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>The wins shown.</summary>
    public IReadOnlyList<AccomplishmentView> Wins { get; private set; } = [];

    /// <summary>Whether a from or to filter is applied.</summary>
    public bool Filtered => !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);

    /// <summary>The win just retracted (shown as a notice), if any.</summary>
    public string? RetractedTitle { get; private set; }

    /// <summary>Lists the wins; a date that cannot be read is shown next to its input (and nothing is listed).</summary>
    /// <param name="retracted">The id of a win retracted by the post that redirected here.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task OnGetAsync(Guid? retracted, CancellationToken ct)
    {
        try
        {
            Wins = (await AccomplishmentsApi.List(From, To, false, session, ct)).Value ?? [];
        }
        catch (DomainValidationException e)
        {
            ModelState.Add(e);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        if (retracted is { } id && await session.LoadAsync<Domain.Accomplishments.Accomplishment>(id, ct) is { Retracted: true } gone)
        {
            RetractedTitle = gone.Details.Title;
        }
    }
}
