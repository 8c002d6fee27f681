using System.Security.Claims;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Scalar.AspNetCore;

namespace CareerLedger.Web.Site;

/// <summary>
/// The web site: Razor Pages rendered on the server under <c>Pages/</c> (one folder per feature), signed in with an
/// authentication cookie, every form protected by an antiforgery token. The pages call the same Wolverine handlers and read
/// the same projections as the HTTP API (docs/web.md). The API itself accepts only personal access tokens, never the cookie,
/// so a page's cookie cannot be used to call it cross-site.
/// </summary>
public static class SiteRegistration
{
    /// <summary>The cookie authentication scheme of the site.</summary>
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The authorization policy of every page except the sign-in, sign-up and home pages: a valid site cookie.</summary>
    public const string SitePolicy = "site";

    /// <summary>How long a sign-in lasts without activity (sliding): 14 days.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(14);

    /// <summary>Registers Razor Pages, the cookie scheme and the <see cref="SitePolicy"/> policy.</summary>
    public static IServiceCollection AddLedgerSite(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", SitePolicy);
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Account/SignUp");
        });
        services.AddAuthentication().AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "careerledger";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/signin";
            o.ExpireTimeSpan = CookieLifetime;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddAuthorizationBuilder().AddPolicy(SitePolicy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "careerledger-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = null;
        });
        return services;
    }

    /// <summary>Serves <c>wwwroot</c>, the pages and the API explorer (Scalar at <c>/scalar</c>, reading <c>/openapi/v1.json</c>).</summary>
    public static WebApplication MapLedgerSite(this WebApplication app)
    {
        // The static-file middleware rather than MapStaticAssets: the latter adds a catch-all fallback endpoint when run from the
        // build output, which would answer a wrong HTTP method on an API route with 404 instead of 405.
        app.UseStaticFiles();
        app.MapRazorPages();
        app.MapScalarApiReference("/scalar", o => o
            .WithTitle("CareerLedger API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes("Bearer")).AllowAnonymous();
        return app;
    }

    /// <summary>The claims of a signed-in user, the same claim types the access-token scheme issues (so <see cref="CurrentUser"/> reads both).</summary>
    public static ClaimsPrincipal Principal(User user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Name, user.DisplayName ?? user.Email),
            new Claim(CurrentUser.TimeZoneClaim, user.TimeZone),
        ],
        CookieScheme));

    /// <summary>Signs <paramref name="user"/> in: issues the site cookie.</summary>
    public static Task SignInAsync(HttpContext http, User user) =>
        http.SignInAsync(CookieScheme, Principal(user), new AuthenticationProperties { IsPersistent = true });

    /// <summary>
    /// Checks a cookie against the account on every request: a deleted account signs out, and a changed name or time zone is
    /// picked up at once (the cookie is renewed with the new claims).
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
        var user = Guid.TryParse(id, out var userId) ? await accounts.FindAsync(userId, context.HttpContext.RequestAborted) : null;
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }

        var principal = Principal(user);
        if (principal.FindFirstValue(CurrentUser.TimeZoneClaim) != context.Principal!.FindFirstValue(CurrentUser.TimeZoneClaim)
            || principal.FindFirstValue(ClaimTypes.Name) != context.Principal!.FindFirstValue(ClaimTypes.Name))
        {
            context.ReplacePrincipal(principal);
            context.ShouldRenew = true;
        }
    }
}
