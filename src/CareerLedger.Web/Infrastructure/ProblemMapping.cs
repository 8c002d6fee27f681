using CareerLedger.Web.Site;
using System.Text.Json;
using CareerLedger.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Turns exceptions into RFC 7807 problem details: validation → 400 with field errors, malformed JSON → 400 naming the
/// field, concurrency conflicts and rule violations → 409, PostgreSQL unreachable → 503 with <c>Retry-After</c>
/// (<see cref="DatabaseOutage"/>). Anything else is a 500 without internals.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // A page of the site answers with an HTML error page instead (SiteErrors), never with JSON.
        if (SiteErrors.IsPage(http))
        {
            logger.LogError(exception, "Unhandled error on page {Method} {Path}", http.Request.Method, http.Request.Path);
            return false;
        }

        // PostgreSQL unreachable (however it is wrapped): 503 with Retry-After, and for writes whether anything was saved.
        if (DatabaseOutage.Recognise(exception) is { } outage)
        {
            return await DatabaseOutage.WriteProblemAsync(problems, http, exception, outage, logger);
        }

        ProblemDetails? problem = exception switch
        {
            DomainValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(kv => kv.Key, kv => kv.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has invalid fields.",
            },
            BadHttpRequestException { InnerException: JsonException json } => new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [FieldOf(json.Path)] = [JsonMessage(json)],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body is not valid JSON for this endpoint.",
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = $"Bodies are at most {ServiceRegistration.MaxBodyBytes / 1024 / 1024} MiB ({ServiceRegistration.MaxImportBodyBytes / 1024 / 1024} MiB for imports); nothing was saved. Split an import into several files.",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Bad request.",
                Detail = bad.Message,
            },
            VersionConflictException c => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The resource was changed by someone else.",
                Detail = $"You edited version {c.Expected} but it is now at version {c.Actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}. Reload it, re-apply your change and send the new ETag in If-Match.",
            },
            JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The resource was changed by someone else.",
                Detail = "Another change to it was saved first, so yours was not. Reload it, re-apply your change and send the new ETag in If-Match.",
            },
            _ when IsWriteRace(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The resource was changed by someone else.",
                Detail = "Another change to the same item was being saved at the same moment, so yours was not saved. Send it again.",
            },
            DomainRuleException r => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Not allowed in the current state.",
                Detail = r.Message,
            },
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            return false;
        }

        http.Response.StatusCode = problem.Status ?? 400;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A deadlock or serialization failure anywhere in the chain: PostgreSQL rolled this write back in favour of a concurrent one.</summary>
    private static bool IsWriteRace(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected or Npgsql.PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Converts a System.Text.Json path such as <c>$.impact[0].after</c> to <c>impact[0].after</c>.</summary>
    public static string FieldOf(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string JsonMessage(JsonException json)
    {
        var field = FieldOf(json.Path);
        if (json is TextRuleException)
        {
            return json.Message;
        }

        if (json.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            return $"The body is nested more than {ServiceRegistration.MaxJsonDepth} levels deep.";
        }

        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"Unknown field '{field}': check its spelling against the API documentation (docs/api.md).";
        }

        return field == "body"
            ? "The body is not valid JSON."
            : $"The value of '{field}' has the wrong type or format (dates are yyyy-MM-dd, numbers are plain JSON numbers).";
    }
}
