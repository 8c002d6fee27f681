using System.Globalization;
using CareerLedger.Domain.Common;
using Marten;

namespace CareerLedger.Web.Infrastructure;

/// <summary>ETag / If-Match ↔ stream version (a stream's version is its event count).</summary>
public static class Etags
{
    /// <summary>The strong ETag for a stream version: <c>"3"</c>.</summary>
    public static string For(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Writes the ETag header.</summary>
    public static void Set(HttpContext http, long version) => http.Response.Headers.ETag = For(version);

    /// <summary>
    /// The expected version from If-Match: a quoted (or bare) version number; <c>*</c> or no header means
    /// <see cref="ExpectedVersion.Any"/> only when <paramref name="required"/> is false.
    /// </summary>
    /// <returns>The expected version, or null when the header is required but missing (answer 428).</returns>
    /// <exception cref="DomainValidationException">When the header is present but is not a version ETag (400 naming If-Match).</exception>
    public static ExpectedVersion? Expected(HttpRequest request, bool required)
    {
        var raw = request.Headers.IfMatch.ToString().Trim();
        if (raw.Length == 0 || raw == "*")
        {
            return required ? null : ExpectedVersion.Any;
        }

        var value = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
        if (long.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            return ExpectedVersion.Exactly(v);
        }

        var errors = new ValidationErrors();
        errors.Add("If-Match", $"'{raw}' is not an ETag this API issued; send the ETag header you read, such as \"3\".");
        errors.ThrowIfAny();
        return null;
    }

    /// <summary>The 428 problem returned when If-Match is required but absent.</summary>
    public static IResult PreconditionRequired() => TypedResults.Problem(
        title: "If-Match is required.",
        detail: "Send the ETag you read (If-Match: \"<version>\") so a stale edit cannot overwrite a newer one.",
        statusCode: StatusCodes.Status428PreconditionRequired);
}
