using CareerLedger.Domain.Goals;
using CareerLedger.Web.Infrastructure;
using JasperFx.Events;
using Marten;
using Wolverine.Marten;

namespace CareerLedger.Web.Goals;

/// <summary>Opens a goal. Answered with <see cref="Started{TDoc}"/> of <see cref="Goal"/>.</summary>
/// <param name="Details">The validated goal.</param>
public sealed record OpenGoal(GoalDetails Details);

/// <summary>Revises an active goal. Answered with the updated goal, or null when the user has none with that id (likewise below).</summary>
/// <param name="GoalId">The stream id.</param>
/// <param name="Details">The full content after the change.</param>
/// <param name="Expected">The version the caller edited (If-Match, required).</param>
public sealed record ReviseGoal(Guid GoalId, GoalDetails Details, ExpectedVersion Expected);

/// <summary>Marks a goal reached.</summary>
/// <param name="GoalId">The stream id.</param>
/// <param name="On">The day (user's calendar).</param>
/// <param name="Note">What happened (optional).</param>
/// <param name="Expected">If-Match, or any.</param>
public sealed record ReachGoal(Guid GoalId, DateOnly On, string? Note, ExpectedVersion Expected);

/// <summary>Drops a goal.</summary>
/// <param name="GoalId">The stream id.</param>
/// <param name="On">The day (user's calendar).</param>
/// <param name="Reason">Why (optional).</param>
/// <param name="Expected">If-Match, or any.</param>
public sealed record DropGoal(Guid GoalId, DateOnly On, string? Reason, ExpectedVersion Expected);

/// <summary>Wolverine handlers of the goal commands.</summary>
public static class GoalHandler
{
    /// <summary>Starts the goal stream; refused while another goal of the same kind is active.</summary>
    /// <exception cref="CareerLedger.Domain.Common.DomainRuleException">When a goal of that kind is active (a 409).</exception>
    public static async Task<Started<Goal>> Handle(OpenGoal command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Few per user. The new goal's stream id derives from its kind and ordinal ("the 3rd promotion goal"), so two opens racing
        // past the active-goal check start the same stream: one commits, the other is retried once and then refused by the decider.
        var existing = await session.Query<Goal>().ToListAsync(ct);
        var ordinal = existing.Count(g => g.Details.Kind == command.Details.Kind) + 1;
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{command.Details.Kind}:{ordinal}");
        return await StreamCreation.StartAsync<Goal>(session, "goal", key, clock,
            (id, state) => state is null ? GoalDecider.Open(id, command.Details, existing) : GoalDecider.Open(id, command.Details, [.. existing, state]), ct);
    }

    /// <summary>Revises at the expected version.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(ReviseGoal command, [WriteAggregate(Required = false)] IEventStream<Goal> stream) =>
        StreamCommands.Decide(stream, command.Expected, g => GoalDecider.Revise(g, command.Details));

    /// <summary>Marks reached at the expected version.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(ReachGoal command, [WriteAggregate(Required = false)] IEventStream<Goal> stream) =>
        StreamCommands.Decide(stream, command.Expected, g => GoalDecider.Reach(g, command.On, command.Note));

    /// <summary>Drops at the expected version.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(DropGoal command, [WriteAggregate(Required = false)] IEventStream<Goal> stream) =>
        StreamCommands.Decide(stream, command.Expected, g => GoalDecider.Drop(g, command.On, command.Reason));
}
