using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerLedger.Web.Infrastructure;

/// <summary>The 429 answers of the security measures: RFC 7807 problem details with a <c>Retry-After</c> header.</summary>
public static class SecurityProblems
{
    /// <summary>
    /// Sets <c>Retry-After</c> (whole seconds, at least 1) on the response and returns the 429 problem: title "Too many
    /// attempts.", <paramref name="detail"/> plus when to try again, and <c>retryAfterSeconds</c>.
    /// </summary>
    public static ProblemHttpResult TooManyRequests(HttpContext http, string detail, TimeSpan retryAfter, string title = "Too many attempts.")
    {
        ArgumentNullException.ThrowIfNull(http);
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: title,
            detail: $"{detail} Try again in {Duration(TimeSpan.FromSeconds(seconds))}.",
            statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    /// <summary>"1 second", "45 seconds", "5 minutes", "1 hour", "90 minutes".</summary>
    public static string Duration(TimeSpan span)
    {
        static string Unit(long n, string unit) => n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";
        var seconds = (long)Math.Ceiling(span.TotalSeconds);
        return seconds < 120 || seconds % 60 != 0 ? Unit(seconds, "second")
            : seconds % 3600 == 0 ? Unit(seconds / 3600, "hour")
            : Unit(seconds / 60, "minute");
    }
}
