using CareerLedger.Domain.Common;
using Markdig;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// One way to answer a "document" endpoint (brag document, offer comparison, negotiation plan) in JSON, Markdown or HTML:
/// <c>format=json|md|html</c>, else the Accept header, else JSON. HTML is rendered from the Markdown (raw HTML in user text is
/// disabled) inside a printable page.
/// </summary>
public static class DocumentResponses
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    /// <summary>Resolves the response format: "json", "md" or "html".</summary>
    /// <remarks>An unknown <paramref name="format"/> adds an error under <c>format</c> and returns "json".</remarks>
    public static string Format(string? format, string accept, ValidationErrors errors)
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

    /// <summary>Answers with <paramref name="data"/> as JSON, or the Markdown from <paramref name="markdown"/> as Markdown or HTML.</summary>
    /// <param name="kind">"json", "md" or "html" (from <see cref="Format"/>).</param>
    /// <param name="data">The JSON form.</param>
    /// <param name="title">The HTML page title.</param>
    /// <param name="markdown">Renders the Markdown form (only called when needed).</param>
    /// <param name="htmlBefore">Trusted HTML placed before the rendered Markdown (for example a chart).</param>
    public static IResult Respond<T>(string kind, T data, string title, Func<string> markdown, string? htmlBefore = null) => kind switch
    {
        "json" => TypedResults.Ok(data),
        "md" => TypedResults.Text(markdown(), "text/markdown; charset=utf-8"),
        _ => TypedResults.Text(HtmlPage.Wrap(title, (htmlBefore ?? "") + Markdown.ToHtml(markdown(), Pipeline)), "text/html; charset=utf-8"),
    };

    /// <summary>
    /// The HTML body the "html" format places inside its page, without the page around it: for embedding a document in a page
    /// of the site (whose style sheet and Content-Security-Policy apply instead of the page's inline style).
    /// </summary>
    public static string BodyHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
