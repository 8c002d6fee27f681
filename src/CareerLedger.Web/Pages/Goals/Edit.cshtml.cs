using CareerLedger.Domain.Goals;
using CareerLedger.Web.Goals;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace CareerLedger.Web.Pages.Goals;

/// <summary>
/// <c>/goals/new?kind=promotion|job_search</c>: set a goal; <c>/goals/{id}/edit</c>: change an active one. The post runs the same
/// validation (<see cref="GoalDraft.Validate"/>) and the same handlers (<see cref="OpenGoal"/>, <see cref="ReviseGoal"/>) as
/// <c>POST /api/goals</c> and <c>PUT /api/goals/{id}</c>; a change carries the version it was read at (the API's If-Match), so an
/// edit made in another tab meanwhile is a conflict, never overwritten. A second active goal of a kind is refused as the API refuses it.
/// </summary>
public sealed class EditModel(CurrentUser me, IMessageBus bus, Marten.IQuerySession session) : PageModel
{
    /// <summary>The form as shown: empty, the goal's content, or as typed when it was refused.</summary>
    public GoalForm Form { get; private set; } = new();

    /// <summary>The goal being changed (null when setting a new one).</summary>
    public GoalView? Goal { get; private set; }

    /// <summary>The version the form was read at (changing a goal only).</summary>
    public long? Version { get; private set; }

    /// <summary>An empty form of the kind asked for, or the goal's content.</summary>
    /// <param name="id">The goal to change (route), or null for a new one.</param>
    /// <param name="kind">promotion (default) or job_search, for a new goal.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnGetAsync(Guid? id, string? kind, CancellationToken ct)
    {
        if (id is { } goalId)
        {
            if (ApiResults.Value<GoalView>(await GoalsApi.Get(goalId, me, session, HttpContext, ct)) is not { } goal)
            {
                return NotFound();
            }

            Goal = goal;
            Version = goal.Version;
            Form = GoalForm.From(goal);
            return Page();
        }

        Form = new GoalForm { Kind = kind == "job_search" ? "job_search" : "promotion" };
        return Page();
    }

    /// <summary>Sets or changes the goal and goes back to <c>/goals</c>, or shows the same form with field errors and nothing lost.</summary>
    /// <param name="id">The goal to change (route), or null for a new one.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Form = GoalForm.From(Request.Form);
        Version = long.TryParse(Request.Form["version"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
        if (id is { } goalId)
        {
            if (ApiResults.Value<GoalView>(await GoalsApi.Get(goalId, me, session, HttpContext, ct)) is not { } goal)
            {
                return NotFound();
            }

            Goal = goal;
            Form.Kind = goal.Kind == GoalKind.JobSearch ? "job_search" : "promotion";
        }

        Goal? saved = null;
        var ok = await ModelState.TryAsync(async () =>
        {
            var details = Form.Validate();
            if (id is { } existing)
            {
                saved = await bus.InvokeForUserAsync<Goal?>(me, new ReviseGoal(existing, details, ExpectedVersion.Exactly(Version ?? 0)), ct);
            }
            else
            {
                saved = (await bus.InvokeForUserAsync<Started<Goal>>(me, new OpenGoal(details), ct)).Document;
            }
        }, Form.FormKey);
        if (!ok || saved is null)
        {
            Response.StatusCode = ok ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return Redirect($"/goals?saved={saved.Id}");
    }
}
