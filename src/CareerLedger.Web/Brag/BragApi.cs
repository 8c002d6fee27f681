using CareerLedger.Domain.Brag;
using CareerLedger.Domain.Common;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Infrastructure;
using Markdig;

namespace CareerLedger.Web.Brag;

/// <summary>The brag document: <c>GET /api/brag</c>.</summary>
public static class BragApi
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

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
        var kind = ResponseFormat(format, http.Request.Headers.Accept.ToString(), errors);
        errors.ThrowIfAny();
        var today = at is { } instant ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, me.TimeZone).DateTime) : me.Today;
        var range = DateRange.Resolve(f, t, today);
        var (accomplishments, feedback) = await reader.LoadAsync(me.TenantId, at, ct);
        var doc = BragDocumentBuilder.Build(accomplishments, feedback, range, at);
        if (kind == "json")
        {
            return TypedResults.Ok(doc);
        }

        var user = await accounts.FindAsync(me.Id, ct);
        var title = user?.DisplayName is { } name ? $"{name}: brag document" : "Brag document";
        var markdown = BragMarkdown.Render(doc, title);
        return kind == "md"
            ? TypedResults.Text(markdown, "text/markdown; charset=utf-8")
            : TypedResults.Text(HtmlPage.Wrap(title, Markdown.ToHtml(markdown, Pipeline)), "text/html; charset=utf-8");
    }

    internal static string ResponseFormat(string? format, string accept, ValidationErrors errors)
    {
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "":
                return accept.Contains("text/markdown", StringComparison.OrdinalIgnoreCase) ? "md"
                    : accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) ? "html"
                    : "json";
            case "json":
                return "json";
            case "md" or "markdown":
                return "md";
            case "html":
                return "html";
            default:
                errors.Add("format", $"Unknown format '{format}'; use json, md or html.");
                return "json";
        }
    }
}

/// <summary>A minimal, printable HTML page around rendered Markdown.</summary>
public static class HtmlPage
{
    /// <summary>Wraps <paramref name="body"/> (trusted HTML produced from escaped Markdown) in a page titled <paramref name="title"/>.</summary>
    public static string Wrap(string title, string body) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{System.Net.WebUtility.HtmlEncode(title)}}</title>
        <style>
          body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
          h1 { font-size: 1.6rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
          h2 { font-size: 1.3rem; margin-top: 2rem; color: #0b5394; }
          h3 { font-size: 1.05rem; margin-bottom: .3rem; }
          li { margin: .2rem 0; }
          em { color: #57606a; }
          table { border-collapse: collapse; margin: 1rem 0; }
          th, td { padding: .3rem .7rem; border-bottom: 1px solid #d0d7de; }
          td { font-variant-numeric: tabular-nums; }
          blockquote { margin: 0; padding: 0 1rem; border-left: 3px solid #d0d7de; color: #424a53; }
          svg { max-width: 100%; height: auto; }
          @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
        </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>
        """;
}
