using CareerLedger.Web.Accomplishments;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Site;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages;

/// <summary><c>GET /</c>: the dashboard when signed in, otherwise what CareerLedger is with sign-up and sign-in links.</summary>
public sealed class IndexModel(IServiceProvider services) : PageModel
{
    /// <summary>Whether a user is signed in (the site cookie).</summary>
    public bool SignedIn { get; private set; }

    /// <summary>Monday of the current week in the user's time zone (ISO weeks).</summary>
    public DateOnly WeekStart { get; private set; }

    /// <summary>Wins that happened this week (Monday to today, user's time zone), newest first.</summary>
    public IReadOnlyList<AccomplishmentView> ThisWeek { get; private set; } = [];

    /// <summary>Loads the dashboard for the signed-in user.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        // The home page allows anonymous visitors, so the cookie is read here rather than by the authorization policy.
        var auth = await HttpContext.AuthenticateAsync(SiteRegistration.CookieScheme);
        if (!auth.Succeeded)
        {
            return;
        }

        HttpContext.User = auth.Principal!;
        SignedIn = true;
        var me = services.GetRequiredService<CurrentUser>();
        var today = me.Today;
        WeekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var session = services.GetRequiredService<IQuerySession>();
        var list = await AccomplishmentsApi.List(WeekStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, false, session, ct);
        ThisWeek = list.Value ?? [];
    }
}
