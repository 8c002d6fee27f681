namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Adds the security headers to every response as it starts (so also to error pages, 404s and 429s written further down
/// the pipeline):
/// <list type="bullet">
/// <item><c>X-Content-Type-Options: nosniff</c> and <c>Referrer-Policy: no-referrer</c> on everything.</item>
/// <item><c>Content-Security-Policy</c>: <see cref="HtmlPolicy"/> on the API's HTML documents (the brag document, comparison and
/// plan pages use an inline style sheet, inline SVG and nothing else), <see cref="SitePolicy"/> on the web site's pages,
/// <see cref="ExplorerPolicy"/> on the API explorer (<c>/scalar</c>) and <see cref="OtherPolicy"/> on every other response.</item>
/// <item><c>Cache-Control: no-store</c> on <c>/api/…</c> and <c>/calendar/…</c>: they carry tokens or personal data.</item>
/// </list>
/// Hangfire's dashboard (<c>/hangfire</c>) runs its own scripts and styles and is left with only the first two headers.
/// Rationale: docs/security.md.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The policy of HTML pages: no scripts, no fetches, no frames, no forms; inline styles and data: images only.</summary>
    public const string HtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// The policy of the site's pages: scripts, styles and images from the site itself only (no inline script or style, so an
    /// injected tag cannot run), forms post only to the site.
    /// </summary>
    public const string SitePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The policy of the API explorer (Scalar), whose page starts itself with an inline script and inline styles; it loads nothing from elsewhere.</summary>
    public const string ExplorerPolicy = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The API explorer's path.</summary>
    public const string ExplorerPath = "/scalar";

    /// <summary>The policy of every other response (JSON, Markdown, text, iCalendar): nothing may load, nothing may frame it.</summary>
    public const string OtherPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>The Hangfire dashboard's path, which keeps its own policy.</summary>
    public const string DashboardPath = "/hangfire";

    /// <summary>Registers the headers for the response, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        // Inside a branch such as Hangfire's (app.Map) the branch's prefix has moved from Path to PathBase.
        var path = context.Request.PathBase.Add(context.Request.Path);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (path.StartsWithSegments(DashboardPath, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        var api = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        headers.ContentSecurityPolicy = !html ? OtherPolicy
            : api ? HtmlPolicy
            : path.StartsWithSegments(ExplorerPath, StringComparison.OrdinalIgnoreCase) ? ExplorerPolicy
            : SitePolicy;
        if (api || path.StartsWithSegments("/calendar", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
        }
        else if (html)
        {
            headers.CacheControl = "no-store"; // the site's pages show personal data; a shared or back-button cache must not keep them
        }
    }
}
