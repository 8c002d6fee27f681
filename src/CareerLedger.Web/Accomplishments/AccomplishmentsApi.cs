using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Common;
using Marten;
using CareerLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace CareerLedger.Web.Accomplishments;

/// <summary>Accomplishments: <c>/api/accomplishments</c>.</summary>
public static class AccomplishmentsApi
{
    /// <summary>Maps the accomplishment endpoints (all require a token).</summary>
    public static IEndpointRouteBuilder MapAccomplishmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accomplishments").WithTags("Accomplishments").RequireAuthorization();
        group.MapPost("/", Log).WithName("LogAccomplishment")
            .WithSummary("Logs a win. Send Idempotency-Key to make retries safe (a reused key with a different body is a 422).")
            .Produces<AccomplishmentView>(StatusCodes.Status201Created).Produces<AccomplishmentView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", List).WithName("ListAccomplishments")
            .WithSummary("Your accomplishments, newest first; optional from/to (yyyy-MM-dd) on the date they happened.");
        group.MapGet("/{id:guid}", Get).WithName("GetAccomplishment").WithSummary("One accomplishment, with its version as ETag.");
        group.MapGet("/{id:guid}/history", History).WithName("AccomplishmentHistory").WithSummary("Every event of the accomplishment, oldest first.");
        group.MapPut("/{id:guid}", Revise).WithName("ReviseAccomplishment")
            .WithSummary("Replaces the content. Requires If-Match with the ETag you read; 409 when it is stale.");
        group.MapDelete("/{id:guid}", Retract).WithName("RetractAccomplishment")
            .WithSummary("Retracts (hides) it; history is kept. Optional If-Match.");
        return app;
    }

    internal static async Task<IResult> Log(
        AccomplishmentDraft draft, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        var details = draft.Validate(me.Today);
        var (doc, created, same) = await bus.InvokeForUserAsync<Started<Accomplishment>>(me, new LogAccomplishment(details, IdempotencyKeys.FromHeader(idempotencyKey)), ct);
        if (!same)
        {
            return IdempotencyKeys.Reused();
        }

        Etags.Set(http, doc.Version);
        var view = AccomplishmentView.From(doc);
        return created ? TypedResults.Created($"/api/accomplishments/{doc.Id}", view) : TypedResults.Ok(view);
    }

    internal static async Task<Ok<IReadOnlyList<AccomplishmentView>>> List(
        string? from, string? to, bool? includeRetracted, IQuerySession session, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var f = QueryParsing.Date(from, "from", errors);
        var t = QueryParsing.Date(to, "to", errors);
        errors.ThrowIfAny();
        var docs = await session.Query<Accomplishment>().ToListAsync(ct);
        IReadOnlyList<AccomplishmentView> views = docs
            .Where(d => includeRetracted == true || !d.Retracted)
            .Where(d => (f is null || d.Details.OccurredOn >= f) && (t is null || d.Details.OccurredOn <= t))
            .OrderByDescending(d => d.Details.OccurredOn).ThenByDescending(d => d.LoggedAt)
            .Select(a => AccomplishmentView.From(a))
            .ToList();
        return TypedResults.Ok(views);
    }

    internal static async Task<Results<Ok<AccomplishmentView>, NotFound>> Get(
        Guid id, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var doc = await session.LoadAsync<Accomplishment>(id, ct);
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.Ok(AccomplishmentView.From(doc));
    }

    internal static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, NotFound>> History(
        Guid id, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0 || events[0].Data is not AccomplishmentEvent)
        {
            return TypedResults.NotFound();
        }

        IReadOnlyList<HistoryEntry> history = HistoryEntry.From(events);
        return TypedResults.Ok(history);
    }

    internal static async Task<IResult> Revise(
        Guid id, ReviseAccomplishmentRequest request, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: true) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        var details = request.Draft.Validate(me.Today);
        var doc = await bus.InvokeForUserAsync<Accomplishment?>(me, new ReviseAccomplishment(id, details, request.Reason, expected), ct);
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.Ok(AccomplishmentView.From(doc));
    }

    internal static async Task<IResult> Retract(
        Guid id, string? reason, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: false) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        var doc = await bus.InvokeForUserAsync<Accomplishment?>(me, new RetractAccomplishment(id, reason, expected), ct);
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.NoContent();
    }
}
