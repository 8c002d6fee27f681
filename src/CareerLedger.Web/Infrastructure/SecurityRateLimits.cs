using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CareerLedger.Web.Infrastructure;

/// <summary>One fixed-window limit: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class FixedWindowLimit
{
    /// <summary>Requests allowed in one window, 1-1,000,000.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window's length, 1 s to 1 day (configuration: <c>hh:mm:ss</c>).</summary>
    public TimeSpan Window { get; set; }

    /// <summary>The rate limiter's options for this limit: no queueing, a request beyond the limit is refused at once.</summary>
    public FixedWindowRateLimiterOptions ToLimiterOptions() =>
        new() { PermitLimit = PermitLimit, Window = Window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>"10 every 15 minutes".</summary>
    public string Describe() => $"{PermitLimit} every {SecurityProblems.Duration(Window)}";

    internal void Validate(string name)
    {
        if (PermitLimit is < 1 or > 1_000_000)
        {
            throw new InvalidOperationException($"{RateLimitOptions.Section}:{name}:PermitLimit must be 1-1000000 (got {PermitLimit}).");
        }

        if (Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException($"{RateLimitOptions.Section}:{name}:Window must be 00:00:01-1.00:00:00 (got {Window}).");
        }
    }
}

/// <summary>The sign-up and sign-in rate limits (configuration section <c>CareerLedger:RateLimits</c>; defaults in docs/security.md).</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CareerLedger:RateLimits";

    /// <summary><c>POST /api/accounts</c> per client address; default 10 every 15 minutes.</summary>
    public FixedWindowLimit SignUpPerIp { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };

    /// <summary><c>POST /api/tokens</c> per client address; default 30 every 5 minutes.</summary>
    public FixedWindowLimit TokensPerIp { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(5) };

    /// <summary><c>POST /api/tokens</c> per account (the request's e-mail, trimmed and lower-cased); default 10 every 15 minutes.</summary>
    public FixedWindowLimit TokensPerAccount { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Checks every limit.</summary>
    /// <exception cref="InvalidOperationException">When a value is out of range (the app does not start).</exception>
    public void Validate()
    {
        SignUpPerIp.Validate(nameof(SignUpPerIp));
        TokensPerIp.Validate(nameof(TokensPerIp));
        TokensPerAccount.Validate(nameof(TokensPerAccount));
    }
}

/// <summary>
/// The rate limits of the anonymous account endpoints, on ASP.NET Core's rate limiter (System.Threading.RateLimiting):
/// the per-address policies <see cref="SignUpPolicy"/> and <see cref="TokensPolicy"/> run in the rate-limiting middleware;
/// the per-account limit of token creation needs the e-mail from the parsed body, so the endpoint asks
/// <see cref="AccountAttemptLimiter"/> once it has it.
/// </summary>
public static class SecurityRateLimits
{
    /// <summary>The policy of <c>POST /api/accounts</c>: <see cref="RateLimitOptions.SignUpPerIp"/>.</summary>
    public const string SignUpPolicy = "sign-up";

    /// <summary>The policy of <c>POST /api/tokens</c>: <see cref="RateLimitOptions.TokensPerIp"/>.</summary>
    public const string TokensPolicy = "tokens";

    /// <summary>Registers the rate limiter with both policies and its 429 answer.</summary>
    public static IServiceCollection AddLedgerRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignUpPolicy, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => limits.SignUpPerIp.ToLimiterOptions()));
            o.AddPolicy(TokensPolicy, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => limits.TokensPerIp.ToLimiterOptions()));
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var signUp = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SignUpPolicy;
                var detail = signUp
                    ? $"Too many sign-ups from your network address (at most {limits.SignUpPerIp.Describe()})."
                    : $"Too many sign-in attempts from your network address (at most {limits.TokensPerIp.Describe()}).";
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityRateLimits))
                    .LogWarning("Refused {Method} {Path}: the per-address rate limit is used up", http.Request.Method, http.Request.Path);
                await SecurityProblems.TooManyRequests(http, detail, retryAfter).ExecuteAsync(http);
            };
        });
        return services;
    }

    /// <summary>
    /// The client's address as the partition key: IPv4 as is, IPv6 by its /64 network (one host usually has a whole /64),
    /// "unknown" without a connection address (in-memory test servers). Behind a reverse proxy every request has the proxy's
    /// address unless forwarded headers are applied before this middleware (docs/security.md).
    /// </summary>
    public static string ClientKey(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}

/// <summary>
/// The per-account limit of token creation (<see cref="RateLimitOptions.TokensPerAccount"/>): a partitioned fixed-window
/// limiter keyed by the normalised e-mail, whether or not an account has it (so a refusal tells nothing about who is
/// registered). A singleton; partitions of idle accounts are dropped by the limiter itself.
/// </summary>
public sealed class AccountAttemptLimiter(RateLimitOptions limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        email => RateLimitPartition.GetFixedWindowLimiter(email, _ => limits.TokensPerAccount.ToLimiterOptions()));

    /// <summary>The limit, for messages.</summary>
    public FixedWindowLimit Limit => limits.TokensPerAccount;

    /// <summary>Takes one attempt for <paramref name="normalizedEmail"/>; false (with how long to wait) when its budget is used up.</summary>
    public bool TryAcquire(string normalizedEmail, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(normalizedEmail);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
