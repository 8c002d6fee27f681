using System.Security.Cryptography;
using System.Text;
using CareerLedger.Web.Infrastructure;
using Weasel.Postgresql.Tables;
using Npgsql;

namespace CareerLedger.Web.Accounts;

/// <summary>A registered user.</summary>
/// <param name="Id">User id; also the tenant id of everything they own.</param>
/// <param name="Email">E-mail as entered.</param>
/// <param name="DisplayName">Optional name shown on documents.</param>
/// <param name="TimeZone">IANA time zone id, e.g. Europe/Berlin.</param>
/// <param name="CreatedAt">Registration time (UTC).</param>
public sealed record User(Guid Id, string Email, string? DisplayName, string TimeZone, DateTimeOffset CreatedAt);

/// <summary>A personal access token's public record (the secret itself is only shown once, at creation).</summary>
/// <param name="Id">Token id.</param>
/// <param name="Name">What the user called it (e.g. "laptop CLI").</param>
/// <param name="Prefix">The first characters of the token, to recognise it.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="LastUsedAt">Last successful use (UTC), updated at most once a minute.</param>
/// <param name="ExpiresAt">Expiry (UTC), or null for no expiry.</param>
public sealed record AccessTokenInfo(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt);

/// <summary>Users and personal access tokens in PostgreSQL. Tokens are stored as SHA-256 hashes (they are 256-bit random, so a fast hash is safe).</summary>
public sealed class AccountStore(NpgsqlDataSource db, LedgerDatabaseOptions options)
{
    /// <summary>
    /// The account tables (users, access_tokens) in <paramref name="schema"/>, created and kept up to date by Marten's schema
    /// migration (Weasel) with the event store's own tables. They are not tenant documents: sign-in looks them up before a tenant is known.
    /// The tables, columns, keys and unique indexes carry the names the hand-written store's migration gave them (PostgreSQL's
    /// defaults <c>users_pkey</c>, <c>users_email_normalized_key</c>, …), so Weasel finds a database written by that version
    /// already current and takes its accounts over unchanged (docs/event-store.md, "Upgrading from the old store").
    /// </summary>
    public static IReadOnlyList<Table> Tables(string schema)
    {
        var users = new Table($"{schema}.users") { PrimaryKeyName = "users_pkey" };
        users.AddColumn<Guid>("id").AsPrimaryKey();
        users.AddColumn("email", "text").NotNull();
        users.AddColumn("email_normalized", "text").NotNull();
        users.AddColumn("password_hash", "text").NotNull();
        users.AddColumn("display_name", "text").AllowNulls();
        users.AddColumn("time_zone", "text").NotNull();
        users.AddColumn("created_at", "timestamptz").NotNull();
        users.Indexes.Add(new IndexDefinition("users_email_normalized_key") { IsUnique = true }.AgainstColumns("email_normalized"));

        var tokens = new Table($"{schema}.access_tokens") { PrimaryKeyName = "access_tokens_pkey" };
        tokens.AddColumn<Guid>("id").AsPrimaryKey();
        tokens.AddColumn<Guid>("user_id").NotNull();
#pragma warning disable CS0618 // ForeignKey.OnDelete still takes Weasel.Postgresql.CascadeAction in this Weasel version.
        tokens.ForeignKeys.Add(new ForeignKey("access_tokens_user_id_fkey")
        {
            LinkedTable = users.Identifier,
            ColumnNames = ["user_id"],
            LinkedNames = ["id"],
            OnDelete = Weasel.Postgresql.CascadeAction.Cascade,
        });
#pragma warning restore CS0618
        tokens.AddColumn("name", "text").NotNull();
        tokens.AddColumn("prefix", "text").NotNull();
        tokens.AddColumn("token_hash", "bytea").NotNull();
        tokens.AddColumn("created_at", "timestamptz").NotNull();
        tokens.AddColumn("last_used_at", "timestamptz").AllowNulls();
        tokens.AddColumn("expires_at", "timestamptz").AllowNulls();
        tokens.AddColumn("revoked_at", "timestamptz").AllowNulls();
        tokens.Indexes.Add(new IndexDefinition("access_tokens_token_hash_key") { IsUnique = true }.AgainstColumns("token_hash"));
        tokens.Indexes.Add(new IndexDefinition("access_tokens_user").AgainstColumns("user_id"));
        return [users, tokens];
    }

    private string S => "\"" + options.Schema + "\"";

    /// <summary>Normalises an e-mail for uniqueness (trimmed, lower-case).</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Creates a user; returns null when the e-mail is taken.</summary>
    public async Task<User?> CreateUserAsync(string email, string passwordHash, string? displayName, string timeZone, DateTimeOffset now, CancellationToken ct)
    {
        var user = new User(Guid.CreateVersion7(), email.Trim(), displayName, timeZone, now);
        await using var cmd = db.CreateCommand($"""
            insert into {S}.users(id, email, email_normalized, password_hash, display_name, time_zone, created_at)
            values ($1, $2, $3, $4, $5, $6, $7) on conflict (email_normalized) do nothing
            """);
        cmd.Parameters.AddWithValue(user.Id);
        cmd.Parameters.AddWithValue(user.Email);
        cmd.Parameters.AddWithValue(Normalize(email));
        cmd.Parameters.AddWithValue(passwordHash);
        cmd.Parameters.AddWithValue((object?)displayName ?? DBNull.Value);
        cmd.Parameters.AddWithValue(timeZone);
        cmd.Parameters.AddWithValue(now);
        return await cmd.ExecuteNonQueryAsync(ct) == 1 ? user : null;
    }

    /// <summary>Finds a user and their password hash by e-mail.</summary>
    public async Task<(User User, string PasswordHash)?> FindByEmailAsync(string email, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"select id, email, display_name, time_zone, created_at, password_hash from {S}.users where email_normalized = $1");
        cmd.Parameters.AddWithValue(Normalize(email));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (ReadUser(r), r.GetString(5)) : null;
    }

    /// <summary>Finds a user by id.</summary>
    public async Task<User?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select id, email, display_name, time_zone, created_at from {S}.users where id = $1");
        cmd.Parameters.AddWithValue(id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadUser(r) : null;
    }

    /// <summary>Every user, oldest first (for the reminder jobs' hourly reconciliation; never exposed over HTTP).</summary>
    public async Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select id, email, display_name, time_zone, created_at from {S}.users order by created_at");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var users = new List<User>();
        while (await r.ReadAsync(ct))
        {
            users.Add(ReadUser(r));
        }

        return users;
    }

    /// <summary>Replaces a user's password hash (used when the hasher asks for a rehash).</summary>
    public async Task UpdatePasswordHashAsync(Guid userId, string hash, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"update {S}.users set password_hash = $2 where id = $1");
        cmd.Parameters.AddWithValue(userId);
        cmd.Parameters.AddWithValue(hash);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Creates a token and returns its info with the secret (shown to the user once; only its hash is stored).</summary>
    public async Task<(AccessTokenInfo Info, string Secret)> CreateTokenAsync(Guid userId, string name, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var secret = "clp_" + Base62(RandomNumberGenerator.GetBytes(32));
        var info = new AccessTokenInfo(Guid.CreateVersion7(), name, secret[..10], now, null, expiresAt);
        await using var cmd = db.CreateCommand($"""
            insert into {S}.access_tokens(id, user_id, name, prefix, token_hash, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7)
            """);
        cmd.Parameters.AddWithValue(info.Id);
        cmd.Parameters.AddWithValue(userId);
        cmd.Parameters.AddWithValue(name);
        cmd.Parameters.AddWithValue(info.Prefix);
        cmd.Parameters.AddWithValue(Hash(secret));
        cmd.Parameters.AddWithValue(now);
        cmd.Parameters.AddWithValue((object?)expiresAt ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
        return (info, secret);
    }

    /// <summary>Resolves a presented token to its user, or null when unknown, revoked or expired. Touches last_used_at at most once a minute.</summary>
    public async Task<User?> AuthenticateAsync(string secret, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            with hit as (
                select t.id, t.user_id from {S}.access_tokens t
                 where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > $2)),
            touch as (
                update {S}.access_tokens t set last_used_at = $2
                  from hit where t.id = hit.id and (t.last_used_at is null or t.last_used_at < $2 - interval '1 minute'))
            select u.id, u.email, u.display_name, u.time_zone, u.created_at from {S}.users u join hit on hit.user_id = u.id
            """);
        cmd.Parameters.AddWithValue(Hash(secret));
        cmd.Parameters.AddWithValue(now);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadUser(r) : null;
    }

    /// <summary>The user's live tokens, newest first.</summary>
    public async Task<IReadOnlyList<AccessTokenInfo>> ListTokensAsync(Guid userId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select id, name, prefix, created_at, last_used_at, expires_at from {S}.access_tokens
             where user_id = $1 and revoked_at is null order by created_at desc
            """);
        cmd.Parameters.AddWithValue(userId);
        var list = new List<AccessTokenInfo>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new AccessTokenInfo(
                r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5)));
        }

        return list;
    }

    /// <summary>Revokes one of the user's tokens; false when the user has no such live token.</summary>
    public async Task<bool> RevokeTokenAsync(Guid userId, Guid tokenId, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"update {S}.access_tokens set revoked_at = $3 where id = $2 and user_id = $1 and revoked_at is null");
        cmd.Parameters.AddWithValue(userId);
        cmd.Parameters.AddWithValue(tokenId);
        cmd.Parameters.AddWithValue(now);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Deletes the account row and every token of the user (revoked ones too) in one statement; from then on the user's tokens
    /// authenticate nobody and a site cookie naming the user is rejected. Answers whether the account existed. Only
    /// <see cref="AccountDeletion"/> calls it: the account's data is deleted there as well.
    /// </summary>
    public async Task<bool> DeleteUserAsync(Guid userId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            with tokens as (delete from {S}.access_tokens where user_id = $1)
            delete from {S}.users where id = $1
            """);
        cmd.Parameters.AddWithValue(userId);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private static User ReadUser(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4));

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base62(byte[] bytes)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true);
        var sb = new StringBuilder();
        while (value > 0)
        {
            sb.Insert(0, alphabet[(int)(value % 62)]);
            value /= 62;
        }

        return sb.ToString().PadLeft(43, '0');
    }
}
