using System.Security.Cryptography;
using System.Text;

namespace CareerLedger.Web.Infrastructure;

/// <summary>Deterministic stream ids for idempotent creates (Idempotency-Key headers and import items).</summary>
public static class StableIds
{
    /// <summary>
    /// A name-based UUID (version 8 layout, SHA-256 of the tenant, the kind and the key): the same caller key always maps to the
    /// same stream, and different tenants never collide.
    /// </summary>
    public static Guid For(string tenantId, string kind, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"careerledger:{tenantId}:{kind}:{key}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
