using System.Globalization;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Drafts;

// Validation helpers shared by the offer draft records (sign-on, equity, refresher, vesting): text, currency, enums, signs.
public sealed partial record OfferTermsDraft
{
    /// <summary>A required one-line text of at most <paramref name="max"/> characters, or null after adding an error.</summary>
    internal static string? RequiredLine(ValidationErrors errors, string field, string? value, int max, string requiredMessage)
    {
        var text = Text.OneLine(value);
        if (text is null)
        {
            errors.Add(field, requiredMessage);
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(field, $"At most {max} characters (got {text.Length}).");
            return null;
        }

        return text;
    }

    /// <summary>A required ISO 4217-shaped code (3 ASCII letters), upper-cased, or null after adding an error.</summary>
    internal static string? ValidateCurrency(ValidationErrors errors, string field, string? value)
    {
        var code = Text.Clean(value)?.ToUpperInvariant();
        if (code is null)
        {
            errors.Add(field, "Currency is required: a 3-letter ISO 4217 code such as USD, EUR or GBP.");
            return null;
        }

        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            errors.Add(field, $"'{value}' is not a currency code: use 3 letters such as USD, EUR or GBP.");
            return null;
        }

        return code;
    }

    /// <summary>An optional snake_case enum: null when blank, else parsed by <see cref="AccomplishmentDraft.ParseEnum{TEnum}"/>.</summary>
    internal static TEnum? ParseOptional<TEnum>(ValidationErrors errors, string field, string? value) where TEnum : struct, Enum =>
        Text.Clean(value) is null ? null : AccomplishmentDraft.ParseEnum(errors, field, value, default(TEnum));

    /// <summary>A required snake_case enum, or null after adding an error (missing or unknown name).</summary>
    internal static TEnum? ParseRequired<TEnum>(ValidationErrors errors, string field, string? value, string requiredMessage) where TEnum : struct, Enum
    {
        if (Text.Clean(value) is null)
        {
            errors.Add(field, requiredMessage);
            return null;
        }

        var probe = new ValidationErrors();
        var parsed = AccomplishmentDraft.ParseEnum(probe, field, value, default(TEnum));
        if (!probe.Any)
        {
            return parsed;
        }

        AccomplishmentDraft.ParseEnum(errors, field, value, default(TEnum)); // adds the "Unknown …, use one of …" message
        return null;
    }

    /// <summary>Adds an error when <paramref name="value"/> is given and negative.</summary>
    internal static void NotNegative(ValidationErrors errors, string field, decimal? value, string what)
    {
        if (value is < 0m)
        {
            errors.Add(field, $"{what} cannot be negative (got {Show(value.Value)}).");
        }
    }

    /// <summary>Adds an error when <paramref name="value"/> is given and not more than 0.</summary>
    internal static void Positive(ValidationErrors errors, string field, decimal? value, string what)
    {
        if (value is <= 0m)
        {
            errors.Add(field, $"{what} must be more than 0 (got {Show(value.Value)}).");
        }
    }

    /// <summary>A number for an error message, invariant culture.</summary>
    internal static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
