using System.Security.Cryptography;
using System.Text;

namespace CareerLedger.Web.Reminders;

/// <summary>Random secrets of the reminder channels and their hashes.</summary>
public static class Secrets
{
    /// <summary>A webhook signing key: <c>whsec_</c> + 32 random bytes, base64url (43 characters).</summary>
    public static string NewWebhookSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// A calendar feed token for the URL: <c>clcal_</c>, the user id (32 hex digits, so the feed knows whose settings to check)
    /// and 32 random bytes (64 hex digits). Only its SHA-256 is stored.
    /// </summary>
    public static string NewCalendarToken(Guid userId) => $"clcal_{userId:N}{RandomNumberGenerator.GetHexString(64, lowercase: true)}";

    /// <summary>The user id a calendar token names, or null when it is not a calendar token.</summary>
    public static Guid? CalendarTokenUser(string token) =>
        token.Length == 6 + 32 + 64 && token.StartsWith("clcal_", StringComparison.Ordinal) && Guid.TryParseExact(token.AsSpan(6, 32), "N", out var id) ? id : null;

    /// <summary>SHA-256 of the UTF-8 text, lowercase hex (what is stored instead of a token).</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The webhook signature: HMAC-SHA256 with the signing secret over <c>"{timestamp}.{body}"</c>, lowercase hex. Receivers
    /// recompute it from the <c>X-CareerLedger-Timestamp</c> header and the raw body and compare in constant time.
    /// </summary>
    /// <param name="secret">The channel's signing secret (the whole <c>whsec_…</c> string is the key).</param>
    /// <param name="timestamp">Unix seconds, as sent in the timestamp header.</param>
    /// <param name="body">The raw request body.</param>
    public static string Sign(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{timestamp}.{body}"))));
}
