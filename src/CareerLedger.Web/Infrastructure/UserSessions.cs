using Marten;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Marten sessions for the signed-in user: every <see cref="IQuerySession"/> and <see cref="IDocumentSession"/> injected into an
/// endpoint is a lightweight session whose tenant is the user's id, so a query can only ever see that user's streams and documents.
/// Handlers get theirs from Wolverine, for the tenant the endpoint invoked them for (<see cref="Messaging.InvokeForUserAsync{T}(Wolverine.IMessageBus, CurrentUser, object, CancellationToken)"/>).
/// </summary>
public static class UserSessions
{
    /// <summary>Registers the scoped user sessions (resolving one outside an authenticated request throws <see cref="InvalidOperationException"/>).</summary>
    public static IServiceCollection AddUserSessions(this IServiceCollection services)
    {
        services.AddScoped<IQuerySession>(sp => sp.GetRequiredService<IDocumentStore>().QuerySession(sp.GetRequiredService<CurrentUser>().TenantId));
        services.AddScoped<IDocumentSession>(sp => sp.GetRequiredService<IDocumentStore>().LightweightSession(sp.GetRequiredService<CurrentUser>().TenantId));
        return services;
    }
}
