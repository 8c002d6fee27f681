using System.Diagnostics;
using Marten;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Marten sessions for the signed-in user: every <see cref="IQuerySession"/> and <see cref="IDocumentSession"/> injected into an
/// endpoint is a lightweight session whose tenant is the user's id, so a query can only ever see that user's streams and documents.
/// Appends carry the request's trace id as correlation id and the user's id as "last modified by".
/// </summary>
public sealed class UserSessions(IDocumentStore store, CurrentUser me) : ISessionFactory
{
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Outside an authenticated request.</exception>
    public IQuerySession QuerySession() => store.QuerySession(me.TenantId);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Outside an authenticated request.</exception>
    public IDocumentSession OpenSession() => ForTenant(store, me.TenantId);

    /// <summary>A lightweight session for <paramref name="tenantId"/> (a user id) stamped with the current trace id.</summary>
    public static IDocumentSession ForTenant(IDocumentStore store, string tenantId)
    {
        var session = store.LightweightSession(tenantId);
        session.CorrelationId = Activity.Current?.TraceId.ToString();
        session.LastModifiedBy = tenantId;
        return session;
    }
}
