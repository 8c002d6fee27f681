using CareerLedger.Domain.Common;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages.Account;

/// <summary>
/// Sign in with e-mail and password: the same check as <c>POST /api/tokens</c> (<see cref="AccountsApi.SignInAsync"/>), so the
/// same per-account attempt limit applies (docs/security.md); then the site cookie is issued.
/// </summary>
public sealed class SignInModel(AccountStore store, PasswordHashing hashing, AccountAttemptLimiter attempts) : PageModel
{
    /// <summary>The e-mail typed.</summary>
    [BindProperty] public string? Email { get; set; }

    /// <summary>The password typed (never shown again).</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>Where to go after signing in: a local path only.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Shows the form (a signed-in user goes on at once).</summary>
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Target) : Page();

    /// <summary>Signs in, or shows why not (wrong e-mail or password, too many attempts) with the e-mail kept.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Text.Clean(Email) is null)
        {
            ModelState.AddModelError("email", "E-mail is required.");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("password", "Password is required.");
        }

        if (ModelState.ErrorCount == 0)
        {
            var (user, problem) = await AccountsApi.SignInAsync(Email!, Password!, store, hashing, attempts, HttpContext, ct);
            if (user is not null)
            {
                await SiteRegistration.SignInAsync(HttpContext, user);
                return LocalRedirect(Target);
            }

            Response.StatusCode = problem?.StatusCode ?? StatusCodes.Status401Unauthorized;
            ModelState.AddModelError(PageErrors.FormKey, $"{problem?.ProblemDetails.Title} {problem?.ProblemDetails.Detail}".Trim());
        }

        Password = null;
        return Page();
    }

    private string Target => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";
}
