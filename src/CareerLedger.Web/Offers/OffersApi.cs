using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Comparison;
using CareerLedger.Domain.Offers.Compensation;
using Marten;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Reminders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace CareerLedger.Web.Offers;

/// <summary>An offer as the API returns it: the offer document plus its version (also the ETag).</summary>
/// <param name="Version">Stream version.</param>
/// <param name="Offer">The offer.</param>
public sealed record OfferView(long Version, Offer Offer);

/// <summary>Offers: <c>/api/offers</c> (record, revise, counter, deadline, close, compare, timeline).</summary>
public static class OffersApi
{
    /// <summary>Maps the offer endpoints (all require a token).</summary>
    public static IEndpointRouteBuilder MapOffersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/offers").WithTags("Offers").RequireAuthorization();
        group.MapPost("/", Receive).WithName("RecordOffer")
            .WithSummary("Records an offer you received. Send Idempotency-Key to make retries safe.")
            .Produces<OfferView>(StatusCodes.Status201Created).Produces<OfferView>().ProducesValidationProblem();
        group.MapGet("/", List).WithName("ListOffers").WithSummary("Your offers; status=open (default) or all.");
        group.MapGet("/compare", Compare).WithName("CompareOffers")
            .WithSummary("Open offers side by side, year by year, in one currency (currency=USD, rates=EUR:1.08,GBP:1.27); format=json|md|html (html has a chart); asOf shows the comparison as recorded then.");
        group.MapGet("/{id:guid}", Get).WithName("GetOffer").WithSummary("One offer with every revision of its terms; ETag = version.");
        group.MapGet("/{id:guid}/compensation", Compensation).WithName("OfferCompensation")
            .WithSummary("One offer's year-by-year compensation in a currency (default the offer's own; rates=EUR:1.08 when converting).");
        group.MapGet("/{id:guid}/timeline", Timeline).WithName("OfferTimeline").WithSummary("How each number moved, and when.");
        group.MapPut("/{id:guid}/terms", Revise).WithName("ReviseOffer")
            .WithSummary("New terms (after a counter or a recruiter update). Requires If-Match; a stale version is a 409 and nothing is overwritten.");
        group.MapPost("/{id:guid}/counter", Counter).WithName("CounterOffer").WithSummary("Records the counter-offer you sent. Optional If-Match.");
        group.MapPut("/{id:guid}/deadline", Deadline).WithName("SetOfferDeadline").WithSummary("Sets or extends the answer deadline. Optional If-Match.");
        group.MapPost("/{id:guid}/accept", (Guid id, CloseOfferRequest? r, CurrentUser me, IMessageBus c, HttpContext h, CancellationToken ct) => Close(id, OfferStatus.Accepted, r, me, c, h, ct))
            .WithName("AcceptOffer").WithSummary("Marks the offer accepted.");
        group.MapPost("/{id:guid}/decline", (Guid id, CloseOfferRequest? r, CurrentUser me, IMessageBus c, HttpContext h, CancellationToken ct) => Close(id, OfferStatus.Declined, r, me, c, h, ct))
            .WithName("DeclineOffer").WithSummary("Marks the offer declined (optional reason).");
        group.MapPost("/{id:guid}/expire", (Guid id, CloseOfferRequest? r, CurrentUser me, IMessageBus c, HttpContext h, CancellationToken ct) => Close(id, OfferStatus.Expired, r, me, c, h, ct))
            .WithName("ExpireOffer").WithSummary("Marks the offer as lapsed at its deadline.");
        group.MapPost("/{id:guid}/withdraw", (Guid id, CloseOfferRequest? r, CurrentUser me, IMessageBus c, HttpContext h, CancellationToken ct) => Close(id, OfferStatus.Withdrawn, r, me, c, h, ct))
            .WithName("WithdrawOffer").WithSummary("Marks the offer withdrawn by the company.");
        return app;
    }

    internal static async Task<IResult> Receive(
        ReceiveOfferRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        var (stage, receivedOn, terms) = request.Validate(me.Today);
        var (doc, created, same) = await bus.InvokeForUserAsync<Started<Offer>>(
            me, new ReceiveOffer(stage, receivedOn, terms, IdempotencyKeys.FromHeader(idempotencyKey), me.Today), ct);
        if (!same)
        {
            return IdempotencyKeys.Reused();
        }

        if (created)
        {
            await http.RequestServices.GetRequiredService<ReminderScheduler>().SyncOfferAsync(me, doc, ct);
        }

        Etags.Set(http, doc.Version);
        var view = new OfferView(doc.Version, doc);
        return created ? TypedResults.Created($"/api/offers/{doc.Id}", view) : TypedResults.Ok(view);
    }

    internal static async Task<Ok<IReadOnlyList<OfferView>>> List(string? status, CurrentUser me, IQuerySession session, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var all = status?.Trim().ToLowerInvariant() switch
        {
            null or "" or "open" => false,
            "all" => true,
            _ => Invalid(errors, "status", "Use status=open or status=all."),
        };
        errors.ThrowIfAny();
        IReadOnlyList<OfferView> views = (await session.Query<Offer>().ToListAsync(ct))
            .Where(d => all || d.Status == OfferStatus.Open)
            .OrderByDescending(d => d.ReceivedOn)
            .Select(d => new OfferView(d.Version, d))
            .ToList();
        return TypedResults.Ok(views);
    }

    internal static async Task<Results<Ok<OfferView>, NotFound>> Get(Guid id, CurrentUser me, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var doc = await session.LoadAsync<Offer>(id, ct);
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.Ok(new OfferView(doc.Version, doc));
    }

    internal static async Task<Results<Ok<CompensationBreakdown>, NotFound>> Compensation(
        Guid id, string? currency, string? rates, CurrentUser me, IQuerySession session, CancellationToken ct)
    {
        var doc = await session.LoadAsync<Offer>(id, ct);
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        var exchange = RatesParsing.Parse(currency ?? doc.Terms.Currency, rates, [doc]);
        return TypedResults.Ok(CompensationCalculator.ComputeOrNote(doc.Terms, exchange));
    }

    internal static async Task<Results<Ok<OfferTimeline>, NotFound>> Timeline(Guid id, CurrentUser me, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0 || events[0].Data is not OfferEvent)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(OfferTimeline.Build(events.Select(e => ((OfferEvent)e.Data, e.Timestamp)).ToList()));
    }

    internal static async Task<IResult> Revise(
        Guid id, ReviseOfferRequest request, CurrentUser me, IMessageBus bus, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: true) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        var current = await session.LoadAsync<Offer>(id, ct);
        if (current is null)
        {
            return TypedResults.NotFound();
        }

        var (stage, revisedOn, terms) = request.Validate(current.ReceivedOn, me.Today);
        return await AnswerAsync(http, me, bus.InvokeForUserAsync<Offer?>(
            me, new ReviseOffer(id, revisedOn, terms, request.Reason, stage, me.Today, expected), ct));
    }

    internal static async Task<IResult> Counter(Guid id, CounterOfferRequest request, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: false) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        var asks = request.ValidateAsks();
        return await AnswerAsync(http, me, bus.InvokeForUserAsync<Offer?>(
            me, new CounterOffer(id, request.SentOn ?? me.Today, asks, request.Note, me.Today, expected), ct));
    }

    internal static async Task<IResult> Deadline(Guid id, DeadlineRequest request, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: false) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        if (request.Deadline is not { } deadline)
        {
            var errors = new ValidationErrors();
            errors.Add("deadline", "The deadline (yyyy-MM-dd) is required.");
            errors.ThrowIfAny();
            return TypedResults.BadRequest();
        }

        return await AnswerAsync(http, me, bus.InvokeForUserAsync<Offer?>(me, new SetOfferDeadline(id, deadline, expected), ct));
    }

    internal static async Task<IResult> Close(
        Guid id, OfferStatus outcome, CloseOfferRequest? request, CurrentUser me, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        if (Etags.Expected(http.Request, required: false) is not { } expected)
        {
            return Etags.PreconditionRequired();
        }

        return await AnswerAsync(http, me, bus.InvokeForUserAsync<Offer?>(
            me, new CloseOffer(id, outcome, request?.On ?? me.Today, request?.Reason, me.Today, expected), ct));
    }

    internal static async Task<IResult> Compare(
        string? currency, string? rates, string? asOf, string? format, string? include, CurrentUser me, LedgerReader reader, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var at = QueryParsing.AsOf(asOf, me.TimeZone, errors);
        var kind = DocumentResponses.Format(format, http.Request.Headers.Accept.ToString(), errors);
        var all = include?.Trim().ToLowerInvariant() switch
        {
            null or "" or "open" => false,
            "all" => true,
            _ => Invalid(errors, "include", "Use include=open (default) or include=all."),
        };
        errors.ThrowIfAny();

        var offers = (await reader.LoadOffersAsync(at, ct)).Where(o => all || o.Status == OfferStatus.Open).ToList();
        var exchange = RatesParsing.Parse(currency, rates, offers);
        var computed = offers.Select(o => (o, CompensationCalculator.ComputeOrNote(o.Terms, exchange))).ToList();
        var comparison = OfferComparisonBuilder.Build(computed, exchange.BaseCurrency, at);
        return DocumentResponses.Respond(kind, comparison, "Offer comparison", () => OfferComparisonMarkdown.Render(comparison), kind == "html" ? OfferComparisonChart.Svg(comparison) : null);
    }

    /// <summary>Answers an offer command and brings the offer's deadline reminder jobs in line (a moved deadline, a closed offer).</summary>
    private static async Task<IResult> AnswerAsync(HttpContext http, CurrentUser me, Task<Offer?> command)
    {
        var doc = await command;
        if (doc is not null)
        {
            await http.RequestServices.GetRequiredService<ReminderScheduler>().SyncOfferAsync(me, doc, http.RequestAborted);
        }

        return Answer(http, doc);
    }

    private static IResult Answer(HttpContext http, Offer? doc)
    {
        if (doc is null)
        {
            return TypedResults.NotFound();
        }

        Etags.Set(http, doc.Version);
        return TypedResults.Ok(new OfferView(doc.Version, doc));
    }

    private static bool Invalid(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return false;
    }
}
