using System.Net.Mail;
using CareerLedger.Domain.Common;
using CareerLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerLedger.Web.Accounts;

/// <summary>Registration request.</summary>
/// <param name="Email">A valid e-mail address; unique (case-insensitive).</param>
/// <param name="Password">10-200 Unicode code points (NFC), not blank, no control characters, not the e-mail, not a common password (<see cref="PasswordPolicy"/>).</param>
/// <param name="DisplayName">Optional, shown on brag documents.</param>
/// <param name="TimeZone">IANA time zone (e.g. Europe/Berlin); default UTC. Decides what "today" is.</param>
public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName = null, string? TimeZone = null);

/// <summary>A personal access token request, authenticated with e-mail and password.</summary>
/// <param name="Email">The account's e-mail.</param>
/// <param name="Password">The account's password.</param>
/// <param name="Name">What to call the token (default "ledger CLI").</param>
/// <param name="ExpiresInDays">Optional lifetime in days (1-3650); none = no expiry.</param>
public sealed record TokenRequest(string? Email, string? Password, string? Name = null, int? ExpiresInDays = null);

/// <summary>The body of <c>DELETE /api/me</c>: the account's password, to confirm.</summary>
/// <param name="Password">The account's password; wrong → 403, nothing deleted.</param>
public sealed record DeleteAccountRequest(string? Password);

/// <summary>A newly created token: <paramref name="Token"/> is shown only in this response.</summary>
/// <param name="Id">Token id (for revoking).</param>
/// <param name="Name">Its name.</param>
/// <param name="Token">The secret; send it as <c>Authorization: Bearer …</c>.</param>
/// <param name="ExpiresAt">Expiry (UTC) or null.</param>
/// <param name="User">Who it belongs to.</param>
public sealed record CreatedToken(Guid Id, string Name, string Token, DateTimeOffset? ExpiresAt, User User);

/// <summary>Accounts and tokens: <c>/api/accounts</c>, <c>/api/tokens</c>, <c>/api/me</c>.</summary>
public static class AccountsApi
{
    /// <summary>Maps the account endpoints.</summary>
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api").WithTags("Accounts");
        accounts.MapPost("/accounts", Register).WithName("Register").WithSummary("Registers a user (no token needed).").AllowAnonymous()
            .RequireRateLimiting(SecurityRateLimits.SignUpPolicy);
        accounts.MapPost("/tokens", CreateToken).WithName("CreateToken").WithSummary("Creates a personal access token from e-mail and password; the secret is shown once.").AllowAnonymous()
            .RequireRateLimiting(SecurityRateLimits.TokensPolicy);
        accounts.MapGet("/tokens", ListTokens).WithName("ListTokens").WithSummary("Lists your live tokens (never their secrets).").RequireAuthorization();
        accounts.MapDelete("/tokens/{id:guid}", RevokeToken).WithName("RevokeToken").WithSummary("Revokes one of your tokens.").RequireAuthorization();
        accounts.MapGet("/me", Me).WithName("Me").WithSummary("Who the token belongs to.").RequireAuthorization();
        accounts.MapDelete("/me", DeleteMe).WithName("DeleteAccount")
            .WithSummary("Deletes your account and everything in it (every entry, document, token and reminder job), after checking your password. Cannot be undone.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization();
        return app;
    }

    internal static async Task<Results<Created<User>, ProblemHttpResult>> Register(
        RegisterRequest request, AccountStore store, PasswordHashing hashing, Reminders.ReminderScheduler scheduler, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var email = Text.Clean(request.Email);
        if (email is null || email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            errors.Add("email", "A valid e-mail address is required.");
        }

        if (PasswordPolicy.Check(request.Password, email) is { } refused)
        {
            errors.Add("password", refused);
        }

        var zone = Text.Clean(request.TimeZone) ?? "UTC";
        if (TimeZones.Find(zone) is null)
        {
            errors.Add("timeZone", $"Unknown time zone '{zone}'; use an IANA id such as Europe/Berlin or America/New_York.");
        }

        if (Text.Clean(request.DisplayName) is { Length: > 100 })
        {
            errors.Add("displayName", "At most 100 characters.");
        }

        errors.ThrowIfAny();
        if (await hashing.TryHashAsync(request.Password!, ct) is not { } hash)
        {
            return Busy(http);
        }

        var user = await store.CreateUserAsync(email!, hash, Text.Clean(request.DisplayName), zone, clock.GetUtcNow(), ct);
        if (user is not null)
        {
            await scheduler.SyncUserAsync(user.Id, ct); // the default reminders start with the account
        }

        return user is null
            ? TypedResults.Problem(
                title: "That e-mail is already registered.",
                detail: "Sign in with `ledger login` (or POST /api/tokens) instead.",
                statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Created("/api/me", user);
    }

    internal static async Task<Results<Created<CreatedToken>, ProblemHttpResult>> CreateToken(
        TokenRequest request, AccountStore store, PasswordHashing hashing, AccountAttemptLimiter attempts, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (Text.Clean(request.Email) is null)
        {
            errors.Add("email", "E-mail is required.");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "Password is required.");
        }

        var name = CheckTokenOptions(errors, request.Name, request.ExpiresInDays);
        errors.ThrowIfAny();
        var (user, problem) = await SignInAsync(request.Email!, request.Password!, store, hashing, attempts, http, ct);
        if (user is null)
        {
            return problem!;
        }

        var now = clock.GetUtcNow();
        var (info, secret) = await store.CreateTokenAsync(user.Id, name, now, request.ExpiresInDays is { } d ? now.AddDays(d) : null, ct);
        return TypedResults.Created("/api/tokens", new CreatedToken(info.Id, info.Name, secret, info.ExpiresAt, user));
    }

    /// <summary>The default name of a token.</summary>
    public const string DefaultTokenName = "ledger CLI";

    /// <summary>Largest <c>expiresInDays</c> of a token (ten years).</summary>
    public const int MaxTokenDays = 3650;

    /// <summary>
    /// Checks a new token's name and lifetime, as <c>POST /api/tokens</c> and the site's tokens page do (errors under
    /// <c>name</c> and <c>expiresInDays</c>), and answers the name to store (<see cref="DefaultTokenName"/> when none).
    /// </summary>
    internal static string CheckTokenOptions(ValidationErrors errors, string? name, int? expiresInDays)
    {
        if (expiresInDays is < 1 or > MaxTokenDays)
        {
            errors.Add("expiresInDays", TokenDaysMessage);
        }

        var cleaned = Text.Clean(name) ?? DefaultTokenName;
        if (cleaned.Length > 100)
        {
            errors.Add("name", "At most 100 characters.");
        }

        return cleaned;
    }

    /// <summary>The message of a token lifetime out of range (or, on the site, not a whole number).</summary>
    internal const string TokenDaysMessage = "Use 1 to 3650 days, or leave it out for a token that does not expire.";

    /// <summary>
    /// Checks an e-mail and password, as <c>POST /api/tokens</c> and the site's sign-in page do: at most
    /// <see cref="AccountAttemptLimiter.Limit"/> attempts per account (then 429 with Retry-After), an unknown e-mail costs as much
    /// time as a wrong password, a hash made with older settings is renewed.
    /// </summary>
    /// <returns>The user, or the problem to answer with (401 wrong e-mail or password, 429 too many attempts or busy).</returns>
    internal static async Task<(User? User, ProblemHttpResult? Problem)> SignInAsync(
        string email, string password, AccountStore store, PasswordHashing hashing, AccountAttemptLimiter attempts, HttpContext http, CancellationToken ct)
    {
        if (!attempts.TryAcquire(AccountStore.Normalize(email), out var retryAfter))
        {
            return (null, SecurityProblems.TooManyRequests(
                http, $"Too many sign-in attempts for this account (at most {attempts.Limit.Describe()}).", retryAfter));
        }

        // An unknown e-mail is verified against a dummy hash: the answer takes as long as for a wrong password.
        var found = await store.FindByEmailAsync(email, ct);
        var verdict = await hashing.VerifyAsync(found?.User, found?.PasswordHash, password, ct);
        if (verdict == PasswordCheck.Busy)
        {
            return (null, Busy(http));
        }

        if (found is not { User: var user } || verdict == PasswordCheck.Failed)
        {
            return (null, TypedResults.Problem(title: "Wrong e-mail or password.", statusCode: StatusCodes.Status401Unauthorized));
        }

        if (verdict == PasswordCheck.SuccessRehashNeeded && await hashing.TryHashAsync(password, ct) is { } rehashed)
        {
            await store.UpdatePasswordHashAsync(user.Id, rehashed, ct); // when the server is busy, the next sign-in does it
        }

        return (user, null);
    }

    /// <summary>429 when no password-hashing slot became free in time (<see cref="PasswordHashingOptions"/>).</summary>
    private static ProblemHttpResult Busy(HttpContext http) => SecurityProblems.TooManyRequests(
        http, "The server is busy checking other passwords.", TimeSpan.FromSeconds(1), title: "The server is busy.");

    internal static async Task<Ok<IReadOnlyList<AccessTokenInfo>>> ListTokens(CurrentUser me, AccountStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListTokensAsync(me.Id, ct));

    internal static async Task<Results<NoContent, NotFound>> RevokeToken(Guid id, CurrentUser me, AccountStore store, CancellationToken ct) =>
        await store.RevokeTokenAsync(me.Id, id, me.Now, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>
    /// <c>DELETE /api/me</c>: checks the password (<see cref="AccountDeletion.ConfirmAsync"/>), then deletes the account and all its
    /// data (<see cref="AccountDeletion.DeleteAsync"/>). 204; 400 without a password; 403 wrong password; 429 too many attempts.
    /// </summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteMe(
        [Microsoft.AspNetCore.Mvc.FromBody] DeleteAccountRequest request, CurrentUser me, AccountDeletion deletion, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "Password is required: deleting the account needs your password.");
        }

        errors.ThrowIfAny();
        var (user, problem) = await deletion.ConfirmAsync(me.Id, request.Password!, http, ct);
        if (user is null)
        {
            return problem!;
        }

        await deletion.DeleteAsync(user.Id, ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<User>, NotFound>> Me(CurrentUser me, AccountStore store, CancellationToken ct) =>
        await store.FindAsync(me.Id, ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();
}
