using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages.Account;

/// <summary>Sign out: a POST (with the antiforgery token) removes the site cookie; a GET only asks.</summary>
public sealed class SignOutModel : PageModel
{
    /// <summary>Removes the cookie and goes to the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(SiteRegistration.CookieScheme);
        return Redirect("/account/signin?signedOut=1");
    }
}
