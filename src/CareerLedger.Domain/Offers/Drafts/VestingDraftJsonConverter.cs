using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareerLedger.Domain.Offers.Drafts;

/// <summary>
/// Reads and writes a <see cref="VestingDraft"/> in either JSON form: a preset name string (<c>"vesting": "even_4y"</c>) or a
/// custom object (<c>"vesting": {"cliffMonths": 12, "frequency": "monthly", "yearPercents": [25, 25, 25, 25]}</c>; property
/// names matched case-insensitively, unknown properties ignored, an object may also carry <c>preset</c>). Values are not
/// validated here: <see cref="OfferTermsDraft.Validate"/> does that and names the field.
/// </summary>
public sealed class VestingDraftJsonConverter : JsonConverter<VestingDraft>
{
    /// <summary>Reads a string or an object.</summary>
    /// <exception cref="JsonException">When the value is neither a string nor an object, or a property has the wrong JSON type.</exception>
    public override VestingDraft? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return VestingDraft.Named(reader.GetString()!);
            case JsonTokenType.StartObject:
                break;
            default:
                throw new JsonException(
                    $"vesting must be a preset name ({VestingDraft.PresetNames}) or an object {{cliffMonths, frequency, yearPercents}}.");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        string? preset = null;
        int? cliff = null;
        string? frequency = null;
        List<decimal>? percents = null;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (property.Name.ToUpperInvariant())
            {
                case "PRESET":
                    preset = value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType("preset", "a string");
                    break;
                case "CLIFFMONTHS":
                    cliff = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var c) ? c : throw WrongType("cliffMonths", "a whole number of months");
                    break;
                case "FREQUENCY":
                    frequency = value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType("frequency", "a string");
                    break;
                case "YEARPERCENTS":
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        throw WrongType("yearPercents", "an array of numbers");
                    }

                    percents = [];
                    foreach (var item in value.EnumerateArray())
                    {
                        percents.Add(item.ValueKind == JsonValueKind.Number && item.TryGetDecimal(out var p) ? p : throw WrongType("yearPercents", "an array of numbers"));
                    }

                    break;
            }
        }

        return new VestingDraft(preset, cliff, frequency, percents);
    }

    /// <summary>Writes a bare preset as a string, anything else as an object with camelCase names.</summary>
    public override void Write(Utf8JsonWriter writer, VestingDraft value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Preset is not null && value.CliffMonths is null && value.Frequency is null && value.YearPercents is null)
        {
            writer.WriteStringValue(value.Preset);
            return;
        }

        writer.WriteStartObject();
        if (value.Preset is not null)
        {
            writer.WriteString("preset", value.Preset);
        }

        if (value.CliffMonths is { } cliff)
        {
            writer.WriteNumber("cliffMonths", cliff);
        }

        if (value.Frequency is not null)
        {
            writer.WriteString("frequency", value.Frequency);
        }

        if (value.YearPercents is not null)
        {
            writer.WriteStartArray("yearPercents");
            foreach (var p in value.YearPercents)
            {
                writer.WriteNumberValue(p);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static JsonException WrongType(string field, string expected) => new($"vesting.{field} must be {expected}.");
}
