using System.Globalization;
using CareerLedger.Domain.Brag;
using CareerLedger.Domain.Common;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Brag;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages.Brag;

/// <summary>
/// <c>GET /brag</c>: the brag document for a period (a preset or from/to) as of a day, rendered on the page from the same
/// Markdown <c>GET /api/brag</c> answers; <c>?handler=markdown</c> and <c>?handler=html</c> download exactly what the API answers
/// with <c>format=md</c> and <c>format=html</c>, as attachments. Everything is in the query string, so a document's URL can be
/// bookmarked and shared with oneself. One read of the ledger per request (<see cref="BragApi.BuildAsync"/>).
/// </summary>
public sealed partial class IndexModel(CurrentUser me, LedgerReader reader, AccountStore accounts) : PageModel
{
    /// <summary>The period presets offered, in the picker's order: value and label.</summary>
    public static IReadOnlyList<(string Value, string Label)> Presets { get; } =
    [
        ("this-half", "This half-year"), ("last-half", "Last half-year"), ("this-year", "This year"), ("last-year", "Last year"),
        ("last-12-months", "Last 12 months"), ("custom", "Custom dates"),
    ];

    /// <summary>The period preset (see <see cref="Presets"/>); none means "custom" when from or to is given, else "this-half".</summary>
    [BindProperty(SupportsGet = true, Name = "period")]
    public string? Period { get; set; }

    /// <summary>Custom period: first day (yyyy-MM-dd), as typed.</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    /// <summary>Custom period: last day (yyyy-MM-dd), as typed.</summary>
    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>Show the ledger as recorded at the end of this day (yyyy-MM-dd, user's time zone); empty for now.</summary>
    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOf { get; set; }

    /// <summary>The preset in force after defaults (one of <see cref="Presets"/>).</summary>
    public string Chosen { get; private set; } = "this-half";

    /// <summary>The document, or null when the query was refused (errors in model state).</summary>
    public BragDocument? Document { get; private set; }

    /// <summary>The document's HTML body: the API's HTML format without its page (the site's style sheet applies).</summary>
    public string BodyHtml { get; private set; } = "";

    /// <summary>The query string of this document (period, dates, as-of), for the download links.</summary>
    public string Query { get; private set; } = "";

    /// <summary>Renders the document on the page.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await BuildAsync(ct) is not { } built)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Document = built.Document;
        BodyHtml = Demote(DocumentResponses.BodyHtml(BragMarkdown.Render(built.Document, built.Title)));
        return Page();
    }

    /// <summary>The Markdown download: what <c>GET /api/brag?format=md</c> answers, as a <c>.md</c> attachment.</summary>
    public Task<IActionResult> OnGetMarkdownAsync(CancellationToken ct) => DownloadAsync("md", ct);

    /// <summary>The HTML download: what <c>GET /api/brag?format=html</c> answers (a printable page), as a <c>.html</c> attachment.</summary>
    public Task<IActionResult> OnGetHtmlAsync(CancellationToken ct) => DownloadAsync("html", ct);

    /// <summary>The file name of a download, e.g. <c>brag-document-2026-01-01-to-2026-06-30.md</c> (with <c>-as-of-…</c> when set).</summary>
    public static string FileName(BragDocument doc, string extension)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var inv = CultureInfo.InvariantCulture;
        var asOf = doc.AsOf is { } at ? $"-as-of-{at.UtcDateTime.ToString("yyyy-MM-dd", inv)}" : "";
        return $"brag-document-{doc.From.ToString("yyyy-MM-dd", inv)}-to-{doc.To.ToString("yyyy-MM-dd", inv)}{asOf}.{extension}";
    }

    private async Task<IActionResult> DownloadAsync(string kind, CancellationToken ct)
    {
        if (await BuildAsync(ct) is not { } built)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var answer = (ContentHttpResult)ApiResults.Unwrap(BragApi.Respond(kind, built.Document, built.Title));
        var bytes = System.Text.Encoding.UTF8.GetBytes(answer.ResponseContent ?? "");
        return File(bytes, answer.ContentType ?? "text/plain; charset=utf-8", FileName(built.Document, kind == "md" ? "md" : "html"));
    }

    private async Task<(BragDocument Document, string Title)?> BuildAsync(CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        Chosen = Presets.Any(p => p.Value == Period) ? Period! : string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To) ? "this-half" : "custom";
        var errors = new ValidationErrors();
        var at = QueryParsing.AsOf(AsOf, me.TimeZone, errors);
        var day = at is { } instant ? Domain.Reminders.ZonedTime.Today(instant, me.TimeZone) : me.Today;
        if (Chosen != "custom")
        {
            var (f, t) = Range(Chosen, day);
            From = f.ToString("yyyy-MM-dd", inv);
            To = t.ToString("yyyy-MM-dd", inv);
        }

        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["period"] = Chosen, ["from"] = From, ["to"] = To, ["asOf"] = string.IsNullOrWhiteSpace(AsOf) ? null : AsOf,
        }.Where(kv => kv.Value is not null)).ToUriComponent();
        (BragDocument, string)? built = null;
        await ModelState.TryAsync(async () => built = await BragApi.BuildAsync(From, To, AsOf, "md", me, reader, accounts, HttpContext, ct));
        if (built is { } b && Chosen == "custom")
        {
            // Show the range the API resolved (one end may have been left empty).
            From = b.Item1.From.ToString("yyyy-MM-dd", inv);
            To = b.Item1.To.ToString("yyyy-MM-dd", inv);
        }

        return built;
    }

    /// <summary>
    /// Moves every heading of the rendered document one level down (h1 → h2 …), so that the page's own h1 heads the page and the
    /// headings stay in order. The HTML comes from Markdown with raw HTML disabled, so every tag in it is Markdig's own.
    /// </summary>
    public static string Demote(string html) =>
        HeadingTag().Replace(html ?? "", m => $"<{m.Groups[1].Value}h{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 1}");

    [System.Text.RegularExpressions.GeneratedRegex("<(/?)h([1-5])(?=[\\s>])")]
    private static partial System.Text.RegularExpressions.Regex HeadingTag();

    /// <summary>The first and last day of a preset period around <paramref name="day"/> (today, or the as-of day).</summary>
    public static (DateOnly From, DateOnly To) Range(string preset, DateOnly day)
    {
        var half = DateRange.HalfYearOf(day);
        return preset switch
        {
            "last-half" => DateRange.HalfYearOf(half.From.AddDays(-1)) is var h ? (h.From, h.To) : default,
            "this-year" => (new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31)),
            "last-year" => (new DateOnly(day.Year - 1, 1, 1), new DateOnly(day.Year - 1, 12, 31)),
            "last-12-months" => (day.AddYears(-1).AddDays(1), day),
            _ => (half.From, half.To),
        };
    }
}
