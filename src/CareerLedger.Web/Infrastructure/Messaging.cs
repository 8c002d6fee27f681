using JasperFx.CodeGeneration;
using Marten.Exceptions;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Wolverine as the app's command bus. Every write is a Wolverine handler (one static <c>…Handler</c> class per feature,
/// next to its endpoints); the minimal-API endpoints validate the request, then invoke the handler in-process with
/// <see cref="InvokeForUserAsync{T}(IMessageBus, CurrentUser, object, CancellationToken)"/>. Wolverine opens the Marten session of the user's tenant, runs the handler and commits
/// its changes in one transaction (Marten integration with auto-applied transactions). See docs/architecture.md ("Commands").
/// </summary>
public static class Messaging
{
    /// <summary>Registers Wolverine: mediator only (no queues, no outbox agents), auto transactions, the create-race retry.</summary>
    public static WebApplicationBuilder AddLedgerHandlers(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Messaging).Assembly;

            // Commands are invoked in-process and answered in the same request; nothing is queued or sent elsewhere yet, so the
            // durability agents (inbox/outbox polling, node assignment) would only cost start-up time and database load.
            opts.Durability.Mode = DurabilityMode.MediatorOnly;
            opts.Policies.AutoApplyTransactions();
            opts.EnableRelayOfUserName = true;

            // Two requests with one Idempotency-Key race to start the same stream: the loser's commit is refused; running its
            // handler once more finds the winner's stream and answers with it (StreamCreation).
            opts.OnException<ExistingStreamIdCollisionException>().RetryOnce();

            // Another write to the same stream committed between this handler's read and its commit (for example a reminder's
            // delivery job and the user marking it read). Running the handler again reads the new version and decides again:
            // a command with an If-Match version then fails as a stale version (409), and one without applies on top.
            opts.OnException<JasperFx.ConcurrencyException>().Or<JasperFx.Events.EventStreamUnexpectedMaxEventIdException>().RetryTimes(2);

            // The handler code is pre-generated into Internal/Generated (`codegen write`) and checked in, so start-up never runs
            // the compiler (docs/architecture.md has the measurements behind this choice).
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
        });

        // Wolverine logs every failed invocation as an error under the command's type name, with the command (the user's text)
        // in the message. A refused command (409, 400) is a normal answer, and anything unexpected is logged once by
        // ProblemMapping as a 500, so those categories are kept to critical.
        foreach (var command in CommandTypes())
        {
            builder.Logging.AddFilter(command.FullName, LogLevel.Critical);
        }

        return builder;
    }

    /// <summary>The command types: the first parameter of every <c>Handle</c> method of the app's static <c>…Handler</c> classes.</summary>
    public static IReadOnlyList<Type> CommandTypes() => typeof(Messaging).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Handler", StringComparison.Ordinal) && t.Namespace?.StartsWith("CareerLedger.", StringComparison.Ordinal) == true)
        .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        .Where(m => m.Name == "Handle")
        .Select(m => m.GetParameters()[0].ParameterType)
        .Distinct()
        .ToList();

    /// <summary>
    /// Invokes the handler of <paramref name="command"/> for the signed-in user: the Marten session it gets is scoped to the user's
    /// tenant, and the user's id is recorded as the events' "last modified by".
    /// </summary>
    /// <typeparam name="T">The handler's answer (for example <see cref="Started{TDoc}"/> or the updated document; null for "no such stream").</typeparam>
    /// <exception cref="VersionConflictException">From the handler, when an If-Match is stale.</exception>
    /// <exception cref="JasperFx.ConcurrencyException">When another write to the stream committed first (a 409).</exception>
    public static Task<T> InvokeForUserAsync<T>(this IMessageBus bus, CurrentUser me, object command, CancellationToken ct) =>
        bus.InvokeForUserAsync<T>(me.TenantId, command, ct);

    /// <summary>
    /// Invokes the handler of <paramref name="command"/> for the user whose tenant id is <paramref name="tenantId"/> (the user id as
    /// text): what <see cref="InvokeForUserAsync{T}(IMessageBus, CurrentUser, object, CancellationToken)"/> does for a request,
    /// for work outside one (the reminder jobs).
    /// </summary>
    public static Task<T> InvokeForUserAsync<T>(this IMessageBus bus, string tenantId, object command, CancellationToken ct)
    {
        if (bus is MessageBus scoped)
        {
            scoped.UserName = tenantId; // relayed to the session as LastModifiedBy (EnableRelayOfUserName)
        }

        return bus.InvokeForTenantAsync<T>(tenantId, command, ct);
    }
}
