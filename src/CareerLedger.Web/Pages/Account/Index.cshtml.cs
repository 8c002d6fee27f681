using CareerLedger.Web.Accounts;
using CareerLedger.Web.Export;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace CareerLedger.Web.Pages.Account;

/// <summary>
/// <c>/account</c>: who you are (the same <see cref="User"/> as <c>GET /api/me</c>), links to the access tokens and to deleting the
/// account, and the export: <c>/account?handler=export</c> streams the same JSON-lines file as <c>GET /api/export</c>, written by
/// the same code (<see cref="ExportApi.Export"/>).
/// </summary>
public sealed class IndexModel(CurrentUser me, AccountStore store, NpgsqlDataSource db, LedgerDatabaseOptions database, TimeProvider clock) : PageModel
{
    /// <summary>The signed-in account.</summary>
    public User Account { get; private set; } = null!;

    /// <summary>The user's time zone (for showing times).</summary>
    public TimeZoneInfo Zone => me.TimeZone;

    /// <summary>Shows the account.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ApiResults.Value<User>(await AccountsApi.Me(me, store, ct)) is not { } user)
        {
            return NotFound();
        }

        Account = user;
        return Page();
    }

    /// <summary>Downloads every event of the account as JSON lines, streamed (the body of <c>GET /api/export</c>).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await ExportApi.Export(HttpContext, me, db, database, clock, ct);
        return new EmptyResult();
    }

    /// <summary>An instant as the user's local date and time, e.g. 2026-11-21 13:00.</summary>
    public string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
