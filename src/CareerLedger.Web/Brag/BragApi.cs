using CareerLedger.Domain.Brag;
using CareerLedger.Domain.Common;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Infrastructure;

namespace CareerLedger.Web.Brag;

/// <summary>The brag document: <c>GET /api/brag</c>.</summary>
public static class BragApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapBragApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/brag", Get).WithTags("Brag document").WithName("BragDocument")
            .WithSummary("Your brag document. from/to default to the current half-year in your time zone; asOf (date or timestamp) shows it as recorded then; format=json|md|html (or Accept).")
            .Produces<BragDocument>(contentType: "application/json")
            .Produces<string>(contentType: "text/markdown")
            .Produces<string>(contentType: "text/html")
            .RequireAuthorization();
        return app;
    }

    internal static async Task<IResult> Get(
        string? from, string? to, string? asOf, string? format, CurrentUser me, LedgerReader reader, AccountStore accounts, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var f = QueryParsing.Date(from, "from", errors);
        var t = QueryParsing.Date(to, "to", errors);
        var at = QueryParsing.AsOf(asOf, me.TimeZone, errors);
        var kind = DocumentResponses.Format(format, http.Request.Headers.Accept.ToString(), errors);
        errors.ThrowIfAny();
        var today = at is { } instant ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, me.TimeZone).DateTime) : me.Today;
        var range = DateRange.Resolve(f, t, today);
        var (accomplishments, feedback, reviews) = await reader.LoadWithReviewsAsync(at, ct);
        var doc = BragDocumentBuilder.Build(accomplishments, feedback, reviews, range, at);
        var user = kind == "json" ? null : await accounts.FindAsync(me.Id, ct);
        var title = user?.DisplayName is { } name ? $"{name}: brag document" : "Brag document";
        return DocumentResponses.Respond(kind, doc, title, () => BragMarkdown.Render(doc, title));
    }
}
