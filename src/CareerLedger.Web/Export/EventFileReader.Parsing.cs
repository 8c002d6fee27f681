using CareerLedger.Web.Infrastructure;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CareerLedger.Web.Export;

/// <summary>Deserialising event data and describing what is wrong with a line, for <see cref="EventFileReader"/>.</summary>
public sealed partial class EventFileReader
{
    private bool TryDeserialize(string raw, Type clr, string typeName, List<string> problems, out object evt)
    {
        var text = _renames.Count == 0 ? raw : Uuid().Replace(raw, m => Guid.TryParse(m.ValueSpan, out var id) && _renames.TryGetValue(id, out var to) ? to.ToString() : m.Value);
        try
        {
            evt = JsonSerializer.Deserialize(text, clr, ExportFormat.StrictJson) ?? throw new JsonException("null");
            return true;
        }
        catch (JsonException ex)
        {
            problems.Add(DataProblem(ex, typeName));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            problems.Add($"data: not a valid '{typeName}' event ({ex.Message}).");
        }

        evt = new object();
        return false;
    }

    private static string DataProblem(JsonException ex, string typeName)
    {
        var path = ProblemMapping.FieldOf(ex.Path);
        var at = path == "body" ? "data" : "data." + path;
        var message = ex.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"{at}: unknown field for a '{typeName}' event.";
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = message[(message.IndexOf("including: ", StringComparison.Ordinal) is var i and >= 0 ? i + 11 : 0)..].TrimEnd('.');
            return $"{at}: a '{typeName}' event needs {names}.";
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("doesn't allow", StringComparison.Ordinal))
        {
            return $"{at}: must not be null in a '{typeName}' event.";
        }

        return $"{at}: the value has the wrong type or format for a '{typeName}' event (dates are yyyy-MM-dd, enums snake_case names, numbers plain JSON numbers).";
    }

    private static string? OptionalString(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add($"{name}: a string or null.");
        return null;
    }

    private void Fail(string field, string message) => Fail(field, [message]);

    private void Fail(string field, IReadOnlyList<string> messages)
    {
        foreach (var m in messages)
        {
            _errors.Add(field, m);
        }

        _linesWithErrors++;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "…");
}
