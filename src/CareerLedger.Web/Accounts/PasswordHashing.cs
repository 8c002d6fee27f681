using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CareerLedger.Web.Accounts;

/// <summary>Settings of <see cref="PasswordHashing"/> (configuration section <c>CareerLedger:PasswordHashing</c>).</summary>
public sealed class PasswordHashingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CareerLedger:PasswordHashing";

    /// <summary>How many passwords may be hashed or verified at once, 1-1024; default: the number of processors.</summary>
    public int MaxConcurrent { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a request waits for a free hashing slot before it is answered 429, 0-30 s; default 1 s.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Checks the ranges.</summary>
    /// <exception cref="InvalidOperationException">When a value is out of range (the app does not start).</exception>
    public void Validate()
    {
        if (MaxConcurrent is < 1 or > 1024)
        {
            throw new InvalidOperationException($"{Section}:MaxConcurrent must be 1-1024 (got {MaxConcurrent}).");
        }

        if (MaxWait < TimeSpan.Zero || MaxWait > TimeSpan.FromSeconds(30))
        {
            throw new InvalidOperationException($"{Section}:MaxWait must be 00:00:00-00:00:30 (got {MaxWait}).");
        }
    }
}

/// <summary>The outcome of <see cref="PasswordHashing.VerifyAsync"/>.</summary>
public enum PasswordCheck
{
    /// <summary>No hashing slot became free in time; nothing was checked (answer 429).</summary>
    Busy,

    /// <summary>Wrong password, or no such account.</summary>
    Failed,

    /// <summary>The password is right.</summary>
    Success,

    /// <summary>The password is right, and the stored hash should be replaced (older hash format, or made before normalisation).</summary>
    SuccessRehashNeeded,
}

/// <summary>
/// Password hashing and verification with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512,
/// 100,000 iterations in .NET 10; tens of milliseconds of CPU each), bounded and timing-safe:
/// <list type="bullet">
/// <item>At most <see cref="PasswordHashingOptions.MaxConcurrent"/> hashes run at once; a request that finds no free slot
/// within <see cref="PasswordHashingOptions.MaxWait"/> gets <see cref="PasswordCheck.Busy"/> (the endpoint answers 429), so
/// a flood of sign-ins cannot take every thread and core from the rest of the app.</item>
/// <item>Verifying for an e-mail that has no account runs the same work against a dummy hash made with the same
/// parameters, so the answer takes as long as for a wrong password and does not tell who is registered.</item>
/// <item>Passwords are hashed in their NFC form (<see cref="PasswordPolicy.Normalize"/>); verification also tries the raw
/// form, which is what hashes made before normalisation cover, and asks for a rehash when only that matched.</item>
/// </list>
/// </summary>
public sealed class PasswordHashing : IDisposable
{
    private readonly PasswordHasher<User> _hasher = new();
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _maxWait;
    private readonly string _dummyHash;

    /// <summary>Creates the hasher and its dummy hash (one hash of a random password, so this takes tens of milliseconds).</summary>
    public PasswordHashing(PasswordHashingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _slots = new SemaphoreSlim(options.MaxConcurrent, options.MaxConcurrent);
        _maxWait = options.MaxWait;
        _dummyHash = _hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    /// <summary>Hashes <paramref name="password"/> in its NFC form for storage; null when no hashing slot was free in time.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> is cancelled while waiting.</exception>
    public async Task<string?> TryHashAsync(string password, CancellationToken ct)
    {
        if (!await _slots.WaitAsync(_maxWait, ct).ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            return _hasher.HashPassword(null!, PasswordPolicy.Normalize(password));
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// Checks <paramref name="password"/> against <paramref name="storedHash"/>, or, when there is no account
    /// (<paramref name="storedHash"/> null), against the dummy hash with exactly the same work, and answers
    /// <see cref="PasswordCheck.Failed"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> is cancelled while waiting.</exception>
    public async Task<PasswordCheck> VerifyAsync(User? user, string? storedHash, string password, CancellationToken ct)
    {
        if (!await _slots.WaitAsync(_maxWait, ct).ConfigureAwait(false))
        {
            return PasswordCheck.Busy;
        }

        try
        {
            var hash = storedHash ?? _dummyHash;
            var normalized = PasswordPolicy.Normalize(password);
            var verdict = _hasher.VerifyHashedPassword(user!, hash, normalized);
            if (verdict == PasswordVerificationResult.Failed && !string.Equals(normalized, password, StringComparison.Ordinal)
                && _hasher.VerifyHashedPassword(user!, hash, password) != PasswordVerificationResult.Failed)
            {
                // A hash made before passwords were normalised: right, but store the normalised form's hash from now on.
                verdict = PasswordVerificationResult.SuccessRehashNeeded;
            }

            return storedHash is null ? PasswordCheck.Failed : verdict switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Success,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
                _ => PasswordCheck.Failed,
            };
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();
}
