using System.Text.Json.Nodes;

namespace CareerLedger.Domain.Tests.Questions;

/// <summary>Builds small question bank documents for parser and draw tests.</summary>
internal static class QuestionJson
{
    public static JsonObject Question(int number, string slug = "sample") => new()
    {
        ["id"] = $"q-{number:000}-{slug}",
        ["text"] = $"Tell me about sample situation number {number}.",
        ["competencies"] = new JsonArray("ownership", "delivery"),
        ["difficulty"] = "medium",
        ["level"] = "senior",
        ["lenses"] = new JsonObject { ["amazon"] = new JsonArray("ownership"), ["google"] = true, ["stripe"] = false },
        ["followUps"] = new JsonArray("Which steps were yours?", "What would you change?"),
    };

    public static string Bank(params JsonObject[] questions) =>
        new JsonObject { ["version"] = 1, ["questions"] = new JsonArray([.. questions]) }.ToJsonString();

    public static string Bank(int count) => Bank([.. Enumerable.Range(1, count).Select(i => Question(i))]);

    public static JsonObject With(this JsonObject question, string field, JsonNode? value)
    {
        question[field] = value;
        return question;
    }

    public static JsonObject Without(this JsonObject question, string field)
    {
        question.Remove(field);
        return question;
    }
}
