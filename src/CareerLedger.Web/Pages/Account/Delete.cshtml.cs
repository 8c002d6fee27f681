using CareerLedger.Domain.Common;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages.Account;

/// <summary>
/// <c>/account/delete</c>: deletes the account and everything in it, as <c>DELETE /api/me</c> does (<see cref="AccountDeletion"/>),
/// once the user has typed the account's e-mail (so the right account is deleted on purpose) and its password (checked as sign-in
/// checks it). Then the cookie is removed and the browser goes to the sign-in page.
/// </summary>
public sealed class DeleteModel(CurrentUser me, AccountStore store, AccountDeletion deletion) : PageModel
{
    /// <summary>The account to delete.</summary>
    public User Account { get; private set; } = null!;

    /// <summary>The e-mail typed to confirm.</summary>
    [BindProperty] public string? Email { get; set; }

    /// <summary>The password typed (never shown again).</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>Asks for the confirmation.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await store.FindAsync(me.Id, ct) is not { } user)
        {
            return NotFound();
        }

        Account = user;
        return Page();
    }

    /// <summary>Deletes the account and signs out; or the form again, with what is wrong and nothing deleted.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await store.FindAsync(me.Id, ct) is not { } user)
        {
            return NotFound();
        }

        Account = user;
        var typed = Text.Clean(Email);
        if (typed is null || AccountStore.Normalize(typed) != AccountStore.Normalize(user.Email))
        {
            ModelState.AddModelError("email", $"Type your account's e-mail address, {user.Email}, to confirm that this is the account to delete.");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("password", "Password is required: deleting the account needs your password.");
        }

        if (ModelState.ErrorCount == 0)
        {
            var (confirmed, problem) = await deletion.ConfirmAsync(user.Id, Password!, HttpContext, ct);
            if (confirmed is not null)
            {
                await deletion.DeleteAsync(confirmed.Id, ct);
                await HttpContext.SignOutAsync(SiteRegistration.CookieScheme);
                return Redirect("/account/signin?deleted=1");
            }

            Response.StatusCode = problem?.StatusCode ?? StatusCodes.Status403Forbidden;
            if (problem?.StatusCode == StatusCodes.Status403Forbidden)
            {
                ModelState.AddModelError("password", "Wrong password. Nothing was deleted.");
            }
            else
            {
                ModelState.AddModelError(PageErrors.FormKey, $"{problem?.ProblemDetails.Title} {problem?.ProblemDetails.Detail}".Trim());
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        Password = null;
        return Page();
    }
}
