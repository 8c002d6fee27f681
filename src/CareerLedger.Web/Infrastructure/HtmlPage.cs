namespace CareerLedger.Web.Infrastructure;

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
