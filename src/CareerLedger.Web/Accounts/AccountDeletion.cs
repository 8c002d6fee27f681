using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Reminders;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace CareerLedger.Web.Accounts;

/// <summary>
/// Deleting an account, in one place for the site's <c>/account/delete</c> page and <c>DELETE /api/me</c> (docs/security.md,
/// "Deleting an account"): the password is checked as sign-in checks it, then every stream, event and document of the user's
/// tenant is deleted (Marten's <c>DeleteAllTenantDataAsync</c>, which knows every table of the store, and the tenant's dead
/// letters), then the account row and
/// every token, then the user's Hangfire jobs, and the tenant's data once more for anything a request already under way wrote
/// in between. The hourly reminder reconciliation deletes the data of any tenant left without an account
/// (<see cref="PurgeOrphanedTenantsAsync"/>), should a deletion stop half-way or a last write come in after it.
/// </summary>
public sealed class AccountDeletion(
    AccountStore accounts, PasswordHashing hashing, AccountAttemptLimiter attempts, IDocumentStore store, ReminderScheduler scheduler,
    NpgsqlDataSource db, LedgerDatabaseOptions database, ILogger<AccountDeletion> log)
{
    /// <summary>
    /// Checks <paramref name="password"/> against the account of <paramref name="userId"/> the way sign-in does
    /// (<see cref="AccountsApi.SignInAsync"/>: the same per-account attempt limit, a stale hash renewed), so a stolen token or an
    /// unattended browser cannot delete the account without the password.
    /// </summary>
    /// <returns>The account, or the problem to answer with: 403 wrong password, 404 no such account, 429 too many attempts or busy.</returns>
    public async Task<(User? User, ProblemHttpResult? Problem)> ConfirmAsync(Guid userId, string password, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (await accounts.FindAsync(userId, ct) is not { } user)
        {
            return (null, TypedResults.Problem(title: "The account no longer exists.", statusCode: StatusCodes.Status404NotFound));
        }

        var (signedIn, problem) = await AccountsApi.SignInAsync(user.Email, password, accounts, hashing, attempts, http, ct);
        if (signedIn?.Id == userId)
        {
            return (user, null);
        }

        return problem is { StatusCode: not StatusCodes.Status401Unauthorized }
            ? (null, problem)
            : (null, TypedResults.Problem(title: "Wrong password.", detail: "The account was not deleted.", statusCode: StatusCodes.Status403Forbidden));
    }

    /// <summary>
    /// Deletes the account of <paramref name="userId"/> and everything it owns: every stream, event and document of its tenant,
    /// the account row, its tokens, and its reminder jobs. Running it again, or for an account that is gone, deletes whatever is
    /// left and answers false.
    /// </summary>
    /// <returns>Whether the account row existed.</returns>
    public async Task<bool> DeleteAsync(Guid userId, CancellationToken ct)
    {
        var tenant = userId.ToString();
        IReadOnlyList<string> offerJobs;
        await using (var session = store.QuerySession(tenant))
        {
            // The ids of the offer deadline jobs live in the tenant's documents: read them before those are deleted.
            offerJobs = (await session.Query<OfferReminderJobs>().ToListAsync(ct)).SelectMany(j => j.JobIds).ToList();
        }

        // Data first: should this fail, the account is still there and the user can try again.
        await DeleteTenantDataAsync(tenant, ct);
        var existed = await accounts.DeleteUserAsync(userId, ct);
        scheduler.RemoveUser(userId, offerJobs);

        // A request that was authenticated before the account row went (another tab, a reminder job) may have written since.
        await DeleteTenantDataAsync(tenant, ct);
        log.LogInformation("Account {User} deleted with all its data", userId);
        return existed;
    }

    /// <summary>
    /// Every row of the tenant in Marten's tables: its events, streams and documents in every tenanted table
    /// (<c>DeleteAllTenantDataAsync</c>: one batch, one implicit transaction, plus its per-tenant bookkeeping such as projection
    /// floors), and the dead letters the projection daemon recorded for the tenant's events during a rebuild (a store-wide table
    /// that names the tenant in each row, so Marten's tenant deletion leaves it alone).
    /// </summary>
    private async Task DeleteTenantDataAsync(string tenant, CancellationToken ct)
    {
        await store.Advanced.DeleteAllTenantDataAsync(tenant, ct);
        await using var global = store.LightweightSession();
        global.DeleteWhere<DeadLetterEvent>(d => d.TenantId == tenant);
        await global.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Deletes the data of every tenant whose account no longer exists (a deletion that stopped half-way, or a write that came in
    /// after it), with its jobs. Tenants are user ids, and an account row is always written before its first stream, so a tenant
    /// with streams and no account is one whose account was deleted.
    /// </summary>
    /// <returns>The tenants whose data was deleted.</returns>
    public async Task<IReadOnlyList<Guid>> PurgeOrphanedTenantsAsync(CancellationToken ct)
    {
        var s = "\"" + database.Schema + "\"";
        var orphans = new List<Guid>();
        await using (var cmd = db.CreateCommand($"""
            select distinct t.tenant_id from {s}.mt_streams t
             where not exists (select 1 from {s}.users u where u.id::text = t.tenant_id)
            """))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (Guid.TryParse(r.GetString(0), out var id) && id.ToString() == r.GetString(0))
                {
                    orphans.Add(id);
                }
            }
        }

        foreach (var id in orphans)
        {
            log.LogWarning("Deleting the data of tenant {User}, whose account no longer exists", id);
            await DeleteAsync(id, ct);
        }

        return orphans;
    }
}
