using System.Net;
using CareerLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Site;

/// <summary>
/// What an unexpected error answers once <see cref="ProblemMapping"/> has not: on a page of the site, a plain HTML page saying
/// nothing saved is lost (503 when PostgreSQL is unreachable, else 500); anywhere else, a 500 problem details document.
/// </summary>
public static class SiteErrors
{
    /// <summary>Whether the request was routed to a Razor page.</summary>
    public static bool IsPage(HttpContext http) => http?.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    /// <summary>The exception handler's last step.</summary>
    public static async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var error = http.Features.Get<IExceptionHandlerPathFeature>();
        var outage = error?.Error is { } e && DatabaseOutage.Recognise(e) is not null;
        http.Response.StatusCode = outage ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (error is not null && IsPage(http))
        {
            var text = outage
                ? "The database is not answering right now, so this page could not be shown and nothing was saved. Try again in a minute."
                : "This page could not be shown because of an error on our side. Anything you saved before is kept; try again in a moment.";
            http.Response.ContentType = "text/html; charset=utf-8";
            if (outage)
            {
                http.Response.Headers.RetryAfter = "30";
            }

            await http.Response.WriteAsync(HtmlPage.Wrap("Something went wrong", $"<h1>Something went wrong</h1><p>{WebUtility.HtmlEncode(text)}</p><p><a href=\"/\">Back to the dashboard</a></p>"));
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode, Title = "An error occurred while processing your request." },
            Exception = error?.Error,
        });
    }
}
