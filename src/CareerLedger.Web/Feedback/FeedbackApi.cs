using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
using Marten;
using CareerLedger.Web.Accomplishments;
using CareerLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace CareerLedger.Web.Feedback;

/// <summary>Feedback: <c>/api/feedback</c>.</summary>
public static class FeedbackApi
{
    /// <summary>Maps the feedback endpoints (all require a token).</summary>
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/feedback").WithTags("Feedback").RequireAuthorization();
        group.MapPost("/", Receive).WithName("RecordFeedback").WithSummary("Records feedback you received. Send Idempotency-Key to make retries safe (a reused key with a different body is a 422).")
            .Produces<FeedbackView>(StatusCodes.Status201Created).Produces<FeedbackView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", List).WithName("ListFeedback").WithSummary("Your feedback, newest first; optional from/to (yyyy-MM-dd) and includeRetracted.");
        group.MapGet("/{id:guid}", Get).WithName("GetFeedback").WithSummary("One feedback item.");
        group.MapDelete("/{id:guid}", Retract).WithName("RetractFeedback").WithSummary("Retracts (hides) feedback; history is kept. Optional If-Match.");
        return app;
    }

    internal static async Task<IResult> Receive(
        FeedbackDraft draft, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        var details = draft.Validate(me.Today);
        var (doc, created, same) = await bus.InvokeForUserAsync<Started<FeedbackItem>>(me, new ReceiveFeedback(details, IdempotencyKeys.FromHeader(idempotencyKey)), ct);
        if (!same)
        {
            return IdempotencyKeys.Reused();
        }

        Etags.Set(http, doc.Version);
        var view = FeedbackView.Of(doc);
        return created ? TypedResults.Created($"/api/feedback/{doc.Id}", view) : TypedResults.Ok(view);
    }

    internal static async Task<Ok<IReadOnlyList<FeedbackView>>> List(string? from, string? to, bool? includeRetracted, CurrentUser me, IQuerySession session, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var f = QueryParsing.Date(from, "from", errors);
        var t = QueryParsing.Date(to, "to", errors);
        errors.ThrowIfAny();
        IReadOnlyList<FeedbackView> views = (await session.Query<FeedbackItem>().ToListAsync(ct))
            .Where(d => includeRetracted == true || !d.Retracted)
            .Where(d => (f is null || d.Details.ReceivedOn >= f) && (t is null || d.Details.ReceivedOn <= t))
            .OrderByDescending(d => d.Details.ReceivedOn)
            .Select(FeedbackView.Of)
            .ToList();
        return TypedResults.Ok(views);
    }

    internal static async Task<Results<Ok<FeedbackView>, NotFound>> Get(Guid id, CurrentUser me, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var doc = await session.LoadAsync<FeedbackItem>(id, ct);
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.Ok(FeedbackView.Of(doc));
    }

    internal static async Task<IResult> Retract(Guid id, string? reason, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: false) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        var doc = await bus.InvokeForUserAsync<FeedbackItem?>(me, new RetractFeedback(id, reason, expected), ct);
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.NoContent();
    }
}
