using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;

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

    [GeneratedRegex("^q-(?<number>[0-9]{3})-[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

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

    private static string? ReadId(
        JsonElement element, string at, Dictionary<string, string> idsSeen, Dictionary<string, string> numbersSeen, List<string> problems)
    {
        var raw = ReadString(element, "id", at, problems, required: true);
        if (raw is null)
        {
            return null;
        }

        var match = IdPattern().Match(raw);
        if (!match.Success)
        {
            problems.Add($"{at}: id: '{raw}' is not of the form q-NNN-slug (three digits, then lowercase words joined by '-').");
            return null;
        }

        if (idsSeen.TryGetValue(raw, out var first))
        {
            problems.Add($"{raw}: id: duplicate id ({at} repeats {first}).");
            return raw;
        }

        idsSeen[raw] = at;
        var number = match.Groups["number"].Value;
        if (numbersSeen.TryGetValue(number, out var other))
        {
            problems.Add($"{raw}: id: number {number} is already used by {other}.");
        }
        else
        {
            numbersSeen[number] = raw;
        }

        return raw;
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

    private static IReadOnlyList<Competency> ReadCompetencies(JsonElement element, string where, List<string> problems)
    {
        var names = ReadStringArray(element, "competencies", where, problems, MinCompetencies, MaxCompetencies);
        var result = new List<Competency>();
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] is not { } name)
            {
                continue;
            }

            if (!CompetencyCatalog.TryParse(name, out var c) || CompetencyCatalog.NameOf(c) != name)
            {
                problems.Add($"{where}: competencies[{i}]: unknown competency '{name}'. Use one of: {string.Join(", ", CompetencyCatalog.All.Select(CompetencyCatalog.NameOf))}.");
            }
            else if (result.Contains(c))
            {
                problems.Add($"{where}: competencies[{i}]: '{name}' is listed twice.");
            }
            else
            {
                result.Add(c);
            }
        }

        return result.AsReadOnly();
    }

    private static (IReadOnlyList<CompanyLens> Lenses, IReadOnlyList<AmazonPrinciple> Principles) ReadLenses(
        JsonElement element, string where, List<string> problems)
    {
        var principles = new List<AmazonPrinciple>();
        var lenses = new HashSet<CompanyLens>();
        if (!element.TryGetProperty("lenses", out var obj) || obj.ValueKind == JsonValueKind.Null)
        {
            return ([], []);
        }

        if (obj.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where}: lenses: expected an object such as {{ \"amazon\": [\"ownership\"], \"google\": true }}, got {Describe(obj)}.");
            return ([], []);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var field = $"lenses.{property.Name}";
            if (!seen.Add(property.Name))
            {
                problems.Add($"{where}: {field}: listed twice.");
                continue;
            }

            if (!LensCatalog.TryParse(property.Name, out CompanyLens lens) || LensCatalog.NameOf(lens) != property.Name)
            {
                problems.Add($"{where}: {field}: unknown lens '{property.Name}'. Use one of: {string.Join(", ", LensCatalog.Lenses.Select(LensCatalog.NameOf))}.");
                continue;
            }

            if (lens == CompanyLens.Amazon)
            {
                ReadPrinciples(property.Value, where, field, principles, problems);
                if (principles.Count > 0)
                {
                    lenses.Add(lens);
                }
            }
            else if (property.Value.ValueKind is JsonValueKind.True)
            {
                lenses.Add(lens);
            }
            else if (property.Value.ValueKind is not JsonValueKind.False)
            {
                problems.Add($"{where}: {field}: expected true or false, got {Describe(property.Value)}.");
            }
        }

        return (LensCatalog.Lenses.Where(lenses.Contains).ToList().AsReadOnly(), principles.AsReadOnly());
    }

    private static void ReadPrinciples(JsonElement value, string where, string field, List<AmazonPrinciple> principles, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{where}: {field}: expected a list of Leadership Principles, got {Describe(value)}.");
            return;
        }

        if (value.GetArrayLength() > MaxAmazonPrinciples)
        {
            problems.Add($"{where}: {field}: at most {MaxAmazonPrinciples} principles (got {value.GetArrayLength()}); keep the strongest.");
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (name is null || !LensCatalog.TryParse(name, out AmazonPrinciple p) || LensCatalog.NameOf(p) != name)
            {
                problems.Add($"{where}: {field}[{i}]: unknown Amazon Leadership Principle {(name is null ? Describe(item) : $"'{name}'")}. Use one of: {string.Join(", ", LensCatalog.AmazonPrinciples.Select(LensCatalog.NameOf))}.");
            }
            else if (principles.Contains(p))
            {
                problems.Add($"{where}: {field}[{i}]: '{name}' is listed twice.");
            }
            else
            {
                principles.Add(p);
            }

            i++;
        }
    }

    private static IReadOnlyList<string> ReadFollowUps(JsonElement element, string where, List<string> problems)
    {
        var items = ReadStringArray(element, "followUps", where, problems, MinFollowUps, MaxFollowUps);
        var result = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (CheckSentence(items[i], where, $"followUps[{i}]", problems) is not { } text)
            {
                continue;
            }

            if (result.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{where}: followUps[{i}]: repeats an earlier follow-up.");
            }
            else
            {
                result.Add(text);
            }
        }

        return result.AsReadOnly();
    }

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

    private static string? ReadSentence(JsonElement element, string field, string where, List<string> problems) =>
        ReadString(element, field, where, problems, required: true) is { } text ? CheckSentence(text, where, field, problems) : null;

    /// <summary>Folds white space, then checks the length and that it ends like a sentence ('?' or '.').</summary>
    private static string? CheckSentence(string? value, string where, string field, List<string> problems)
    {
        if (Text.OneLine(value) is not { } text)
        {
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            problems.Add($"{where}: {field}: at most {MaxTextLength} characters (got {text.Length}).");
            return null;
        }

        if (!text.EndsWith('?') && !text.EndsWith('.'))
        {
            problems.Add($"{where}: {field}: should end with '?' or '.'.");
            return null;
        }

        return text;
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
