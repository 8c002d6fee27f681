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
        var kind = DocumentResponses.Format(format, http.Request.Headers.Accept.ToString(), new ValidationErrors());
        var (doc, title) = await BuildAsync(from, to, asOf, format, me, reader, kind == "json" ? null : accounts, http, ct);
        return Respond(kind, doc, title);
    }

    /// <summary>The endpoint's answer for a built document: JSON, or its Markdown, or that Markdown as a printable HTML page.</summary>
    /// <param name="kind">"json", "md" or "html".</param>
    /// <param name="doc">The document.</param>
    /// <param name="title">Its title.</param>
    internal static IResult Respond(string kind, BragDocument doc, string title) =>
        DocumentResponses.Respond(kind, doc, title, () => BragMarkdown.Render(doc, title));

    /// <summary>
    /// The document and its title for a query (the endpoint's and the site's brag page's one read): from/to resolved as
    /// <see cref="DateRange.Resolve"/> does, in the user's time zone (as of <paramref name="asOf"/>'s day when given).
    /// </summary>
    /// <param name="from">First day (yyyy-MM-dd) or null.</param>
    /// <param name="to">Last day (yyyy-MM-dd) or null.</param>
    /// <param name="asOf">A date (the end of that day in the user's zone) or a timestamp, or null for now.</param>
    /// <param name="format">The requested format, validated only (json, md, html or null).</param>
    /// <param name="me">The user.</param>
    /// <param name="reader">The user's ledger.</param>
    /// <param name="accounts">Reads the display name for the title; null for the plain title.</param>
    /// <param name="http">The request (its Accept header).</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="DomainValidationException">A date, asOf or format that cannot be read, or from after to.</exception>
    internal static async Task<(BragDocument Document, string Title)> BuildAsync(
        string? from, string? to, string? asOf, string? format, CurrentUser me, LedgerReader reader, AccountStore? accounts, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var f = QueryParsing.Date(from, "from", errors);
        var t = QueryParsing.Date(to, "to", errors);
        var at = QueryParsing.AsOf(asOf, me.TimeZone, errors);
        DocumentResponses.Format(format, http.Request.Headers.Accept.ToString(), errors);
        errors.ThrowIfAny();
        var today = at is { } instant ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, me.TimeZone).DateTime) : me.Today;
        var range = DateRange.Resolve(f, t, today);
        var (accomplishments, feedback, reviews) = await reader.LoadWithReviewsAsync(at, ct);
        var doc = BragDocumentBuilder.Build(accomplishments, feedback, reviews, range, at);
        var user = accounts is null ? null : await accounts.FindAsync(me.Id, ct);
        var title = user?.DisplayName is { } name ? $"{name}: brag document" : "Brag document";
        return (doc, title);
    }
}
