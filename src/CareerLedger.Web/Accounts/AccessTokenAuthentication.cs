using System.Security.Claims;
using System.Text.Encodings.Web;
using CareerLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CareerLedger.Web.Accounts;

/// <summary>Authenticates <c>Authorization: Bearer clp_…</c> personal access tokens against <see cref="AccountStore"/>.</summary>
public sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountStore accounts, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "Bearer";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith("clp_", StringComparison.Ordinal) || secret.Length > 100)
        {
            return AuthenticateResult.Fail("Not a CareerLedger access token.");
        }

        var user = await accounts.AuthenticateAsync(secret, clock.GetUtcNow(), Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Email, user.Email),
                new Claim(CurrentUser.TimeZoneClaim, user.TimeZone),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            title: "Sign in required.",
            detail: "Send a personal access token as 'Authorization: Bearer clp_…' (create one with POST /api/tokens or `ledger login`).",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }
}
