using CareerLedger.Web.Accounts;
using CareerLedger.Web.Reminders;
using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages.Account;

/// <summary>Sign up: the same registration as <c>POST /api/accounts</c> (same checks and messages), then signed in with the site cookie.</summary>
public sealed class SignUpModel(AccountStore store, PasswordHashing hashing, ReminderScheduler scheduler, TimeProvider clock) : PageModel
{
    /// <summary>The IANA time zone ids offered (the system's, sorted), UTC first.</summary>
    public static IReadOnlyList<string> TimeZoneIds { get; } = ["UTC", .. TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId && z.Id.Contains('/', StringComparison.Ordinal)).Select(z => z.Id).Order(StringComparer.Ordinal)];

    /// <summary>The e-mail typed.</summary>
    [BindProperty] public string? Email { get; set; }

    /// <summary>The name typed.</summary>
    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>The password typed (never shown again).</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>The time zone chosen.</summary>
    [BindProperty] public string? TimeZone { get; set; } = "UTC";

    /// <summary>Shows the form (a signed-in user goes to the dashboard).</summary>
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/") : Page();

    /// <summary>Registers the account and signs in; field errors otherwise, with everything but the password kept.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        IResult? result = null;
        if (await ModelState.TryAsync(async () => result = await AccountsApi.Register(
                new RegisterRequest(Email, Password, DisplayName, TimeZone), store, hashing, scheduler, clock, HttpContext, ct)))
        {
            if (ApiResults.Value<User>(result!) is { } user)
            {
                await SiteRegistration.SignInAsync(HttpContext, user);
                return Redirect("/?welcome=1");
            }

            var problem = ApiResults.Problem(result!);
            ModelState.AddModelError(problem?.Status == StatusCodes.Status409Conflict ? "email" : PageErrors.FormKey,
                problem?.Status == StatusCodes.Status409Conflict ? "That e-mail is already registered; sign in instead." : $"{problem?.Title} {problem?.Detail}".Trim());
        }

        Password = null;
        return Page();
    }
}
