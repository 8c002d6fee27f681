using System.Globalization;
using CareerLedger.Domain.Common;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages.Account;

/// <summary>
/// <c>/account/tokens</c>: the user's live personal access tokens (<c>GET /api/tokens</c>), a form creating one (the same name and
/// lifetime rules as <c>POST /api/tokens</c>, <see cref="AccountsApi.CheckTokenOptions"/>, and the same store method; the signed-in
/// cookie stands in for the e-mail and password), and a revoke button per token (<c>DELETE /api/tokens/{id}</c>). The new secret
/// is shown in the answer to the post that created it and never again: it is not stored, and the page is sent with
/// <c>Cache-Control: no-store</c>.
/// </summary>
public sealed class TokensModel(CurrentUser me, AccountStore store) : PageModel
{
    /// <summary>The live tokens, newest first.</summary>
    public IReadOnlyList<AccessTokenInfo> Tokens { get; private set; } = [];

    /// <summary>The name typed for a new token.</summary>
    [BindProperty] public string? Name { get; set; }

    /// <summary>The lifetime typed, in days (empty: no expiry).</summary>
    [BindProperty] public string? ExpiresInDays { get; set; }

    /// <summary>The token just created, with its secret: shown once, in the answer to the post that created it.</summary>
    public (AccessTokenInfo Info, string Secret)? Created { get; private set; }

    /// <summary>Whether a token was just revoked (after the redirect).</summary>
    public bool Revoked { get; private set; }

    /// <summary>The site's address, for the CLI instructions.</summary>
    public string Server => $"{Request.Scheme}://{Request.Host}";

    /// <summary>Lists the tokens.</summary>
    /// <param name="revoked">Set by the redirect after a revoke: the page confirms it.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task OnGetAsync(bool revoked, CancellationToken ct)
    {
        Revoked = revoked;
        await LoadAsync(ct);
    }

    /// <summary>Creates a token and shows its secret once; or the form again with the API's field errors.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var errors = new ValidationErrors();
        int? days = null;
        if (!string.IsNullOrWhiteSpace(ExpiresInDays))
        {
            if (int.TryParse(ExpiresInDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            {
                days = d;
            }
            else
            {
                errors.Add("expiresInDays", AccountsApi.TokenDaysMessage);
            }
        }

        string? name = null;
        var ok = await ModelState.TryAsync(() =>
        {
            name = AccountsApi.CheckTokenOptions(errors, Name, days);
            errors.ThrowIfAny();
            return Task.CompletedTask;
        });
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }

        var now = me.Now;
        Created = await store.CreateTokenAsync(me.Id, name!, now, days is { } n ? now.AddDays(n) : null, ct);
        Name = null;
        ExpiresInDays = null;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Revokes one of the user's tokens (another user's id, or one already revoked, is a 404).</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (ApiResults.Unwrap(await AccountsApi.RevokeToken(id, me, store, ct)) is not NoContent)
        {
            return NotFound();
        }

        return Redirect("/account/tokens?revoked=true");
    }

    /// <summary>An instant as the user's local date and time, or <paramref name="none"/>.</summary>
    public string Local(DateTimeOffset? at, string none) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, me.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : none;

    private async Task LoadAsync(CancellationToken ct) =>
        Tokens = ApiResults.Value<IReadOnlyList<AccessTokenInfo>>(await AccountsApi.ListTokens(me, store, ct)) ?? [];
}
