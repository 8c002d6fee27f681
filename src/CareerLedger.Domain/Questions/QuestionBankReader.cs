using System.Text.Json;

namespace CareerLedger.Domain.Questions;

/// <summary>
/// Reads and validates question bank JSON. Collects every problem (unknown names, duplicates, missing or malformed fields, counts
/// out of range) before throwing one <see cref="QuestionBankException"/>. Names must be written exactly in their stored snake_case
/// form so the data file stays uniform.
/// </summary>
internal static partial class QuestionBankReader
{
    internal const int FormatVersion = 1;
    internal const int MaxTextLength = 300;
    internal const int MinCompetencies = 1, MaxCompetencies = 3;
    internal const int MinFollowUps = 2, MaxFollowUps = 4;
    internal const int MaxAmazonPrinciples = 4;

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 };

    private static readonly string[] RootFields = ["version", "questions"];
    private static readonly string[] QuestionFields = ["id", "text", "competencies", "difficulty", "level", "kind", "lenses", "followUps"];

    public static IReadOnlyList<Question> Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new QuestionBankException([$"(file): not valid JSON: {e.Message}"]);
        }

        var problems = new List<string>();
        var questions = new List<Question>();
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new QuestionBankException([$"(file): expected an object {{ \"version\": {FormatVersion}, \"questions\": [...] }}, got {Describe(root)}."]);
            }

            CheckProperties(root, RootFields, "(file)", problems);
            if (root.TryGetProperty("version", out var version)
                && !(version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var v) && v == FormatVersion))
            {
                problems.Add($"(file): version: expected {FormatVersion}, got {version.GetRawText()}.");
            }

            if (!root.TryGetProperty("questions", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                problems.Add("(file): questions: missing, or not an array.");
            }
            else if (array.GetArrayLength() == 0)
            {
                problems.Add("(file): questions: the bank is empty.");
            }
            else
            {
                ReadAll(array, questions, problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new QuestionBankException(problems);
        }

        return questions;
    }

    private static void ReadAll(JsonElement array, List<Question> questions, List<string> problems)
    {
        var idsSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        var numbersSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        var textsSeen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var at = $"questions[{index}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{at}: expected an object, got {Describe(element)}.");
                index++;
                continue;
            }

            var id = ReadId(element, at, idsSeen, numbersSeen, problems);
            var where = id ?? at;
            if (ReadQuestion(element, id, where, problems) is { } question)
            {
                if (textsSeen.TryGetValue(question.Text, out var first))
                {
                    problems.Add($"{where}: text: same text as {first}.");
                }
                else
                {
                    textsSeen[question.Text] = where;
                    questions.Add(question);
                }
            }

            index++;
        }
    }

    private static Question? ReadQuestion(JsonElement element, string? id, string where, List<string> problems)
    {
        var before = problems.Count;
        CheckProperties(element, QuestionFields, where, problems);
        var text = ReadSentence(element, "text", where, problems);
        var competencies = ReadCompetencies(element, where, problems);
        var difficulty = ReadEnum<Difficulty>(element, "difficulty", where, problems, required: true);
        var level = ReadEnum<ProbedLevel>(element, "level", where, problems, required: true);
        var kind = ReadEnum<InterviewQuestionKind>(element, "kind", where, problems, required: false) ?? InterviewQuestionKind.Behavioral;
        var (lenses, principles) = ReadLenses(element, where, problems);
        if (principles.Count == 0 && kind is InterviewQuestionKind.Behavioral or InterviewQuestionKind.Failure)
        {
            problems.Add($"{where}: lenses.amazon: a {Name(kind)} question must map to at least one Amazon Leadership Principle.");
        }

        var followUps = ReadFollowUps(element, where, problems);
        if (problems.Count > before || id is null || text is null || difficulty is null || level is null)
        {
            return null;
        }

        return new Question(id, text, competencies, difficulty.Value, level.Value, lenses, principles, followUps, kind);
    }
}
