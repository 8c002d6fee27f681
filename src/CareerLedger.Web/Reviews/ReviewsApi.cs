using CareerLedger.Domain.Common;
using CareerLedger.Domain.Reviews;
using CareerLedger.Web.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace CareerLedger.Web.Reviews;

/// <summary>Performance reviews: <c>/api/reviews</c> (docs/api.md, "Performance reviews").</summary>
public static class ReviewsApi
{
    /// <summary>Maps the review endpoints (all require a token).</summary>
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reviews").WithTags("Performance reviews").RequireAuthorization();
        group.MapPost("/", Record).WithName("RecordReview")
            .WithSummary("Records a performance review. Send Idempotency-Key to make retries safe (a reused key with a different body is a 422).")
            .Produces<ReviewView>(StatusCodes.Status201Created).Produces<ReviewView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", List).WithName("ListReviews")
            .WithSummary("Your performance reviews, newest period first; optional from/to (yyyy-MM-dd) on the period end, and includeRetracted.");
        group.MapGet("/{id:guid}", Get).WithName("GetReview").WithSummary("One performance review, with its version as ETag.");
        group.MapPut("/{id:guid}", Revise).WithName("ReviseReview")
            .WithSummary("Replaces the review's content. Requires If-Match with the ETag you read; 409 when it is stale or the review was retracted.")
            .Produces<ReviewView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", Retract).WithName("RetractReview").WithSummary("Retracts (hides) a review; history is kept. Optional If-Match.");
        return app;
    }

    internal static async Task<IResult> Record(
        ReviewDraft draft, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        var details = draft.Validate(me.Today);
        var (doc, created, same) = await bus.InvokeForUserAsync<Started<PerformanceReview>>(me, new RecordReview(details, IdempotencyKeys.FromHeader(idempotencyKey)), ct);
        if (!same)
        {
            return IdempotencyKeys.Reused();
        }

        Etags.Set(http, doc.Version);
        var view = ReviewView.Of(doc);
        return created ? TypedResults.Created($"/api/reviews/{doc.Id}", view) : TypedResults.Ok(view);
    }

    internal static async Task<Ok<IReadOnlyList<ReviewView>>> List(string? from, string? to, bool? includeRetracted, CurrentUser me, IQuerySession session, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var f = QueryParsing.Date(from, "from", errors);
        var t = QueryParsing.Date(to, "to", errors);
        errors.ThrowIfAny();
        IReadOnlyList<ReviewView> views = (await session.Query<PerformanceReview>().ToListAsync(ct))
            .Where(d => includeRetracted == true || !d.Retracted)
            .Where(d => (f is null || d.Details.PeriodEnd >= f) && (t is null || d.Details.PeriodEnd <= t))
            .OrderByDescending(d => d.Details.PeriodEnd).ThenByDescending(d => d.RecordedAt).ThenBy(d => d.Id)
            .Select(ReviewView.Of)
            .ToList();
        return TypedResults.Ok(views);
    }

    internal static async Task<Results<Ok<ReviewView>, NotFound>> Get(Guid id, CurrentUser me, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var doc = await session.LoadAsync<PerformanceReview>(id, ct);
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.Ok(ReviewView.Of(doc));
    }

    internal static async Task<IResult> Revise(Guid id, ReviewDraft draft, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: true) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        var details = draft.Validate(me.Today);
        var doc = await bus.InvokeForUserAsync<PerformanceReview?>(me, new ReviseReview(id, details, expected), ct);
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.Ok(ReviewView.Of(doc));
    }

    internal static async Task<IResult> Retract(Guid id, string? reason, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: false) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        var doc = await bus.InvokeForUserAsync<PerformanceReview?>(me, new RetractReview(id, reason, expected), ct);
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.NoContent();
    }
}
