using System.Security.Cryptography;

namespace CareerLedger.Postgres.Provisioning.Internal;

internal static class Secrets
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>A random password of 32 letters and digits (about 185 bits), safe in connection strings and shells.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString(Alphabet, 32);

    /// <summary>Random lowercase hex, for directory and file names.</summary>
    public static string NewId(int length = 12) => RandomNumberGenerator.GetHexString(length, lowercase: true);

    /// <summary>A short stable hash of a text (lowercase hex), e.g. to name things after a data directory.</summary>
    public static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..10];
}
