using CareerLedger.Domain.Common;

namespace CareerLedger.Web.Infrastructure;

/// <summary>The <c>Idempotency-Key</c> request header on creates: a retry with the same key returns the first result.</summary>
public static class IdempotencyKeys
{
    /// <summary>The longest key accepted, in characters.</summary>
    public const int MaxLength = 200;

    /// <summary>The client key for a header value (prefixed so it never collides with import keys), or null when absent.</summary>
    /// <exception cref="DomainValidationException">When the key is longer than <see cref="MaxLength"/> or breaks <see cref="TextRules"/>.</exception>
    public static string? FromHeader(string? header)
    {
        var key = Text.Clean(header);
        var errors = new ValidationErrors();
        if (key is { Length: > MaxLength })
        {
            errors.Add("Idempotency-Key", $"At most {MaxLength} characters.");
        }
        else
        {
            TextRules.Check(errors, "Idempotency-Key", key);
        }

        errors.ThrowIfAny();

        return key is null ? null : "idem:" + key;
    }

    /// <summary>The 422 problem for a key reused with different content (the IETF Idempotency-Key draft's answer).</summary>
    public static IResult Reused() => TypedResults.Problem(
        title: "This Idempotency-Key was already used for different content.",
        detail: "Use a new key for a new item; a retry must send exactly the same body.",
        statusCode: StatusCodes.Status422UnprocessableEntity);
}
