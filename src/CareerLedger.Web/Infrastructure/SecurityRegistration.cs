using CareerLedger.Web.Accounts;

namespace CareerLedger.Web.Infrastructure;

/// <summary>Wiring of the security measures (docs/security.md): bounded password hashing, security headers.</summary>
public static class SecurityRegistration
{
    /// <summary>Registers <see cref="PasswordHashingOptions"/> (<c>CareerLedger:PasswordHashing</c>) and <see cref="PasswordHashing"/>.</summary>
    /// <exception cref="InvalidOperationException">When a configured value is out of range.</exception>
    public static IServiceCollection AddLedgerSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var hashing = configuration.GetSection(PasswordHashingOptions.Section).Get<PasswordHashingOptions>() ?? new PasswordHashingOptions();
        hashing.Validate();

        services.AddSingleton(hashing);
        services.AddSingleton<PasswordHashing>();
        return services;
    }

    /// <summary>Adds <see cref="SecurityHeaders"/>; call first in the pipeline, so that every answer gets the headers.</summary>
    public static WebApplication UseLedgerSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }
}
