using System.Text.Json;
using System.Text.RegularExpressions;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Questions;

// The question's fields and their rules: id form and uniqueness, known competencies, lenses and principles, sentence text, follow-ups.
internal static partial class QuestionBankReader
{
    [GeneratedRegex("^q-(?<number>[0-9]{3})-[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

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
}
