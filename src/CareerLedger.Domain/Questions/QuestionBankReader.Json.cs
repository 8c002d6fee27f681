using System.Globalization;
using System.Text.Json;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Questions;

// JSON reading: typed properties with shape checks, unknown-field checks, snake_case names, values described for messages.
internal static partial class QuestionBankReader
{
    /// <summary>Reads a string array with a size range; blank or non-string items become null entries (and a problem).</summary>
    private static List<string?> ReadStringArray(JsonElement element, string field, string where, List<string> problems, int min, int max)
    {
        var result = new List<string?>();
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{where}: {field}: missing; give {min} to {max}.");
            return result;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{where}: {field}: expected a list, got {Describe(value)}.");
            return result;
        }

        var count = value.GetArrayLength();
        if (count < min || count > max)
        {
            problems.Add($"{where}: {field}: give {min} to {max} (got {count}).");
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? Text.Clean(item.GetString()) : null;
            if (text is null)
            {
                problems.Add($"{where}: {field}[{i}]: expected non-empty text, got {Describe(item)}.");
            }

            result.Add(text);
            i++;
        }

        return result;
    }

    private static string? ReadString(JsonElement element, string field, string where, List<string> problems, bool required)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add($"{where}: {field}: missing.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{where}: {field}: expected text, got {Describe(value)}.");
            return null;
        }

        var text = Text.Clean(value.GetString());
        if (text is null)
        {
            problems.Add($"{where}: {field}: empty.");
        }

        return text;
    }

    private static TEnum? ReadEnum<TEnum>(JsonElement element, string field, string where, List<string> problems, bool required)
        where TEnum : struct, Enum
    {
        if (ReadString(element, field, where, problems, required) is not { } name)
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Name(candidate) == name)
            {
                return candidate;
            }
        }

        problems.Add($"{where}: {field}: unknown {field} '{name}'. Use one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(e => Name(e)))}.");
        return null;
    }

    /// <summary>Reports unknown and repeated property names (a typo such as <c>folowUps</c> would otherwise be silently ignored).</summary>
    private static void CheckProperties(JsonElement element, string[] known, string where, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                problems.Add($"{where}: {property.Name}: listed twice.");
            }
            else if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add($"{where}: {property.Name}: unknown field. Known: {string.Join(", ", known)}.");
            }
        }
    }

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{value.GetString()}'",
        JsonValueKind.Number => string.Create(CultureInfo.InvariantCulture, $"the number {value.GetRawText()}"),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };
}
