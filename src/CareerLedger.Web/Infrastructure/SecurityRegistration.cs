namespace CareerLedger.Web.Infrastructure;

/// <summary>Wiring of the security measures (docs/security.md).</summary>
public static class SecurityRegistration
{
    /// <summary>Adds <see cref="SecurityHeaders"/>; call first in the pipeline, so that every answer gets the headers.</summary>
    public static WebApplication UseLedgerSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }
}
