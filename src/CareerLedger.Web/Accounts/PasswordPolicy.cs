using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CareerLedger.Web.Accounts;

/// <summary>
/// The rules a new password must meet, after NIST SP 800-63B (section 5.1.1.2, "Memorized Secret Verifiers"): a minimum length
/// and a generous maximum counted in Unicode code points of the NFC-normalised text, every printable character allowed
/// (spaces and emoji too), no composition rules, and a check against a list of commonly used passwords. On top of that it
/// refuses blank passwords, control characters and the account's own e-mail address. Rationale: docs/security.md.
/// </summary>
public static class PasswordPolicy
{
    /// <summary>The fewest code points a password may have (NIST SP 800-63B asks for at least 8).</summary>
    public const int MinLength = 10;

    /// <summary>The most code points a password may have (NIST SP 800-63B asks to allow at least 64).</summary>
    public const int MaxLength = 200;

    /// <summary>The embedded list of common passwords (one lower-case password a line; <c>#</c> starts a comment).</summary>
    public const string CommonPasswordsResource = "CareerLedger.Web.Accounts.common-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommonPasswords);

    /// <summary>The common passwords shipped with the app, lower-case and NFC-normalised.</summary>
    public static FrozenSet<string> CommonPasswords => Common.Value;

    /// <summary>
    /// The form a password is hashed and compared in: Unicode NFC, so that "é" typed as one code point or as "e" plus a
    /// combining accent is the same password (NIST SP 800-63B 5.1.1.2). Text that cannot be normalised (an unpaired
    /// surrogate) is returned unchanged.
    /// </summary>
    public static string Normalize(string password)
    {
        try
        {
            return password.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return password;
        }
    }

    /// <summary>
    /// Why <paramref name="password"/> may not be used by the account <paramref name="email"/>, as a sentence for the
    /// <c>password</c> field error, or null when it is acceptable. Only the first rule broken is reported.
    /// </summary>
    /// <param name="password">The password as sent.</param>
    /// <param name="email">The account's e-mail address (as typed), or null when it is not known.</param>
    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return $"Choose a password of at least {MinLength} characters.";
        }

        var length = 0;
        var blank = true;
        foreach (var status in Runes(password))
        {
            if (status is not { } rune)
            {
                return "The password is not valid Unicode text (it has an unpaired surrogate).";
            }

            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control)
            {
                return "A password cannot contain control characters (such as NUL, tab or a line break).";
            }

            // Invisible format characters (zero-width space, word joiner, BOM) are as blank as spaces.
            blank &= Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;
        }

        if (blank)
        {
            return "A password cannot be only spaces or other blank characters.";
        }

        var normalized = Normalize(password);
        foreach (var _ in normalized.EnumerateRunes())
        {
            length++;
        }

        if (length < MinLength)
        {
            return $"Use a password of at least {MinLength} characters (this one has {length}; each letter, space or emoji counts once).";
        }

        if (length > MaxLength)
        {
            return $"Passwords are at most {MaxLength} characters (this one has {length}).";
        }

        if (email is not null && string.Equals(normalized.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "A password cannot be your e-mail address.";
        }

        if (CommonPasswords.Contains(normalized.ToLowerInvariant()))
        {
            return "This is one of the most commonly used passwords, which attackers try first; choose another (a few unrelated words make a strong one that is easy to remember).";
        }

        return null;
    }

    /// <summary>The code points of <paramref name="text"/>, with null for an unpaired surrogate.</summary>
    private static IEnumerable<Rune?> Runes(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != OperationStatus.Done)
            {
                yield return null;
                yield break;
            }

            yield return rune;
            i += used;
        }
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream(CommonPasswordsResource)
            ?? throw new InvalidOperationException($"The embedded resource {CommonPasswordsResource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(Normalize(line).ToLowerInvariant());
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
