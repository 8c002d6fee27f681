using CareerLedger.Domain.Goals;
using CareerLedger.Web.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine;

namespace CareerLedger.Web.Goals;

/// <summary>A goal as the API shows it.</summary>
/// <param name="Id">Stream id.</param>
/// <param name="Version">Stream version (the ETag).</param>
/// <param name="Kind">promotion | job_search.</param>
/// <param name="Title">One line.</param>
/// <param name="TargetLevel">Level aimed at.</param>
/// <param name="TargetDate">When it should be reached.</param>
/// <param name="TargetCompanies">Job search: companies aimed at.</param>
/// <param name="Interviews">Job search: interview dates, sorted.</param>
/// <param name="Status">active | reached | dropped.</param>
/// <param name="OpenedAt">When it was opened (UTC).</param>
/// <param name="ClosedOn">When it was reached or dropped.</param>
/// <param name="ClosingNote">The note or reason given when it closed.</param>
/// <param name="NextInterview">The next interview on or after today (user's calendar), if any.</param>
public sealed record GoalView(
    Guid Id, long Version, GoalKind Kind, string Title, string? TargetLevel, DateOnly? TargetDate, IReadOnlyList<string> TargetCompanies,
    IReadOnlyList<InterviewDate> Interviews, GoalStatus Status, DateTimeOffset OpenedAt, DateOnly? ClosedOn, string? ClosingNote, InterviewDate? NextInterview)
{
    /// <summary>Maps a stored document for the user's <paramref name="today"/>.</summary>
    public static GoalView Of(Goal g, DateOnly today) => new(
        g.Id, g.Version, g.Details.Kind, g.Details.Title, g.Details.TargetLevel, g.Details.TargetDate, g.Details.TargetCompanies, g.Details.Interviews,
        g.Status, g.OpenedAt, g.ClosedOn, g.ClosingNote, g.Status == GoalStatus.Active ? g.Details.NextInterview(today) : null);
}

/// <summary>Closing a goal: optional day (default today) and note.</summary>
/// <param name="On">The day it was reached or dropped; defaults to today; not in the future.</param>
/// <param name="Note">What happened, or why it was dropped (optional, at most 2,000 characters).</param>
public sealed record CloseGoalRequest(DateOnly? On = null, string? Note = null);

/// <summary>Goals: <c>/api/goals</c> (promotion targets and job searches).</summary>
public static class GoalsApi
{
    /// <summary>Maps the goal endpoints (all require a token).</summary>
    public static IEndpointRouteBuilder MapGoalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/goals").WithTags("Goals").RequireAuthorization();
        group.MapPost("/", Open).WithName("OpenGoal").WithSummary("Opens a promotion or job-search goal; at most one of each kind is active (else 409).")
            .Produces<GoalView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).WithName("ListGoals").WithSummary("Your goals, active first; status=active|all (default all).");
        group.MapGet("/{id:guid}", Get).WithName("GetGoal").WithSummary("One goal; ETag = version.");
        group.MapPut("/{id:guid}", Revise).WithName("ReviseGoal").WithSummary("Replaces an active goal's content (new interview dates, a later target date…). If-Match required.");
        group.MapPost("/{id:guid}/reach", (Guid id, CloseGoalRequest? r, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct) => Close(id, true, r, me, bus, http, ct))
            .WithName("ReachGoal").WithSummary("Marks the goal reached. Optional If-Match.");
        group.MapPost("/{id:guid}/drop", (Guid id, CloseGoalRequest? r, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct) => Close(id, false, r, me, bus, http, ct))
            .WithName("DropGoal").WithSummary("Drops the goal. Optional If-Match.");
        return app;
    }

    internal static async Task<IResult> Open(GoalDraft draft, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        var details = draft.Validate();
        var started = await bus.InvokeForUserAsync<Started<Goal>>(me, new OpenGoal(details), ct);
        Etags.Set(http, started.Document.Version);
        return TypedResults.Created($"/api/goals/{started.Document.Id}", GoalView.Of(started.Document, me.Today));
    }

    internal static async Task<Ok<IReadOnlyList<GoalView>>> List(string? status, CurrentUser me, IQuerySession session, CancellationToken ct)
    {
        var errors = new CareerLedger.Domain.Common.ValidationErrors();
        if (status is not (null or "all" or "active"))
        {
            errors.Add("status", $"'{status}' is not a goal filter: use active or all.");
        }

        errors.ThrowIfAny();
        IReadOnlyList<GoalView> views = (await session.Query<Goal>().ToListAsync(ct))
            .Where(g => status != "active" || g.Status == GoalStatus.Active)
            .OrderBy(g => g.Status).ThenByDescending(g => g.OpenedAt)
            .Select(g => GoalView.Of(g, me.Today)).ToList();
        return TypedResults.Ok(views);
    }

    internal static async Task<Results<Ok<GoalView>, NotFound>> Get(Guid id, CurrentUser me, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadAsync<Goal>(id, ct) is not { } goal)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, goal.Version);
        return TypedResults.Ok(GoalView.Of(goal, me.Today));
    }

    internal static async Task<IResult> Revise(Guid id, GoalDraft draft, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: true) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        var details = draft.Validate();
        return Answer(await bus.InvokeForUserAsync<Goal?>(me, new ReviseGoal(id, details, expected), ct), me, http);
    }

    private static async Task<IResult> Close(Guid id, bool reached, CloseGoalRequest? request, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: false) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        var errors = new CareerLedger.Domain.Common.ValidationErrors();
        var on = request?.On ?? me.Today;
        if (on > me.Today)
        {
            errors.Add("on", $"Date {on:yyyy-MM-dd} is in the future (today is {me.Today:yyyy-MM-dd} in your time zone).");
        }

        CareerLedger.Domain.Common.Fields.CheckLength(errors, "note", request?.Note, 2000);
        errors.ThrowIfAny();
        object command = reached ? new ReachGoal(id, on, request?.Note, expected) : new DropGoal(id, on, request?.Note, expected);
        return Answer(await bus.InvokeForUserAsync<Goal?>(me, command, ct), me, http);
    }

    private static IResult Answer(Goal? goal, CurrentUser me, HttpContext http)
    {
        if (goal is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, goal.Version);
        return TypedResults.Ok(GoalView.Of(goal, me.Today));
    }
}
