using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Stories;

/// <summary>The sections of a story as the CLI edits them (keys: situation, task, context, action, result, learnings).</summary>
internal sealed class StoryDraft
{
    public static readonly string[] StarSections = ["situation", "task", "action", "result", "learnings"];
    public static readonly string[] CarlSections = ["context", "action", "result", "learnings"];
    public static readonly string[] AllSections = ["situation", "task", "context", "action", "result", "learnings"];

    public string? Headline { get; set; }

    public Dictionary<string, string?> Sections { get; } = new(StringComparer.Ordinal);

    public static StoryDraft From(StoryRevisionDto revision)
    {
        var draft = new StoryDraft { Headline = revision.Headline };
        var s = revision.Sections;
        draft.Sections["situation"] = s.Situation;
        draft.Sections["task"] = s.Task;
        draft.Sections["context"] = s.Context;
        draft.Sections["action"] = s.Action;
        draft.Sections["result"] = s.Result;
        draft.Sections["learnings"] = s.Learnings;
        return draft;
    }

    public string? this[string section] => Sections.TryGetValue(section, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    /// <summary>The request's <c>sections</c> object (empty sections omitted).</summary>
    public object ToBody() => new
    {
        situation = this["situation"],
        task = this["task"],
        context = this["context"],
        action = this["action"],
        result = this["result"],
        learnings = this["learnings"],
    };

    /// <summary>
    /// Moves the text to the sections of <paramref name="format"/> when the story changes format: STAR → CARL joins situation and
    /// task into an empty context; CARL → STAR moves the context into an empty situation.
    /// </summary>
    public void ConvertTo(string format)
    {
        if (format == "carl")
        {
            if (this["context"] is null)
            {
                var joined = string.Join(" ", new[] { this["situation"], this["task"] }.Where(t => t is not null));
                Sections["context"] = joined.Length == 0 ? null : joined;
            }

            Sections["situation"] = null;
            Sections["task"] = null;
        }
        else
        {
            if (this["situation"] is null)
            {
                Sections["situation"] = this["context"];
            }

            Sections["context"] = null;
        }
    }

    public static string[] SectionsOf(string format) => format == "carl" ? CarlSections : StarSections;
}

/// <summary>
/// Labelled story text, as <c>ledger stories show</c> prints it and <c>stories revise --file</c> reads it: an optional headline
/// (a first line without a label, or <c>Headline: …</c>), then <c>Situation: …</c>, <c>Task: …</c>, <c>Context: …</c>,
/// <c>Action: …</c>, <c>Result: …</c>, <c>Learnings: …</c> lines. Lines without a label continue the section above; blank lines
/// and lines starting with <c>#</c> before the first label are skipped; <c>**Action:**</c> (Markdown bold) works too.
/// </summary>
internal static class StoryText
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["headline"] = "headline",
        ["situation"] = "situation",
        ["task"] = "task",
        ["context"] = "context",
        ["action"] = "action",
        ["actions"] = "action",
        ["result"] = "result",
        ["results"] = "result",
        ["learning"] = "learnings",
        ["learnings"] = "learnings",
    };

    /// <summary>Reads labelled text into section → text (and "headline").</summary>
    /// <exception cref="CliException">No label at all (exit 1, naming <paramref name="name"/>).</exception>
    public static Dictionary<string, string> Parse(string text, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var lineNumber = 0;
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).TrimStart('\uFEFF').Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var clean = line.Replace("**", "", StringComparison.Ordinal).TrimStart('-', '*', ' ');
            var colon = clean.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && Labels.TryGetValue(clean[..colon].Trim(), out var section))
            {
                if (result.ContainsKey(section))
                {
                    throw CliException.Validation($"{name}: line {lineNumber}: a second '{clean[..colon].Trim()}:' (each section once)");
                }

                current = section;
                result[section] = clean[(colon + 1)..].Trim();
            }
            else if (current is not null)
            {
                result[current] = (result[current] + " " + line).Trim();
            }
            else if (!line.StartsWith('#'))
            {
                result["headline"] = result.TryGetValue("headline", out var h) ? h + " " + line : line;
                current = "headline";
            }
        }

        if (!result.Keys.Any(k => k != "headline"))
        {
            throw CliException.Validation($"{name} has no labelled section: write lines such as \"Situation: …\", \"Action: …\", \"Result: …\"");
        }

        return result;
    }
}
