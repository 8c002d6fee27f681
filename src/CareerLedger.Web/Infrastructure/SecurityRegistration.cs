using CareerLedger.Web.Accounts;

namespace CareerLedger.Web.Infrastructure;

/// <summary>Wiring of the security measures (docs/security.md): rate limits, bounded password hashing, security headers.</summary>
public static class SecurityRegistration
{
    /// <summary>
    /// Registers <see cref="RateLimitOptions"/> (<c>CareerLedger:RateLimits</c>), <see cref="PasswordHashingOptions"/>
    /// (<c>CareerLedger:PasswordHashing</c>), the rate limiter with its policies, <see cref="AccountAttemptLimiter"/> and
    /// <see cref="PasswordHashing"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">When a configured limit is out of range.</exception>
    public static IServiceCollection AddLedgerSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        limits.Validate();
        var hashing = configuration.GetSection(PasswordHashingOptions.Section).Get<PasswordHashingOptions>() ?? new PasswordHashingOptions();
        hashing.Validate();

        services.AddSingleton(limits);
        services.AddSingleton(hashing);
        services.AddSingleton<AccountAttemptLimiter>();
        services.AddSingleton<PasswordHashing>();
        services.AddLedgerRateLimits(limits);
        return services;
    }

    /// <summary>Adds <see cref="SecurityHeaders"/> and the rate limiter; call first in the pipeline, so that every answer gets the headers.</summary>
    public static WebApplication UseLedgerSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseRateLimiter();
        return app;
    }
}
