using System.Text.Json;
using System.Text.Json.Serialization;
using CareerLedger.Domain.Common;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Reads every JSON string of a request body through <see cref="TextRules"/>, so a NUL, a control or bidirectional
/// formatting character, an unpaired surrogate or an over-long string anywhere in any body is a 400 naming the field
/// (its JSON path) and never reaches PostgreSQL. Writing is unchanged.
/// </summary>
public sealed class TextJsonConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    /// <exception cref="TextRuleException">When the string breaks a rule of <see cref="TextRules"/>.</exception>
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(); // System.Text.Json adds the path: "wrong type" for this field
        }

        return Checked(ref reader);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <inheritdoc />
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Checked(ref Utf8JsonReader reader)
    {
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new TextRuleException("Text is not valid Unicode (an unpaired surrogate escape such as \\ud800).");
        }

        return TextRules.Problem(value) is { } problem ? throw new TextRuleException(problem) : value;
    }
}

/// <summary>A JSON string that breaks <see cref="TextRules"/>; its message is the field error shown to the user.</summary>
/// <param name="message">The rule broken, as a sentence.</param>
public sealed class TextRuleException(string message) : JsonException(message);

/// <summary>
/// Reads every <c>yyyy-MM-dd</c> date of a request body and refuses days outside <see cref="QueryParsing.MinDate"/> to
/// <see cref="QueryParsing.MaxDate"/> with a 400 naming the field, so no far date reaches the time-zone and reminder
/// arithmetic (docs/api.md, "Limits"). Writing is unchanged.
/// </summary>
public sealed class DateJsonConverter : JsonConverter<DateOnly>
{
    /// <inheritdoc />
    /// <exception cref="TextRuleException">When the value is not a <c>yyyy-MM-dd</c> date in the accepted range.</exception>
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        var text = reader.GetString();
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            throw new TextRuleException($"'{text}' is not a date: use yyyy-MM-dd, e.g. 2026-03-31.");
        }

        return QueryParsing.InRange(day) ? day : throw new TextRuleException(QueryParsing.OutOfRange(day));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
