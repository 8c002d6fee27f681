using System.Text.Json;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Competencies;

/// <summary>Names, labels and the story prep checklist for <see cref="Competency"/> (docs/domain.md).</summary>
public static class CompetencyCatalog
{
    private static readonly Dictionary<Competency, string> Labels = new()
    {
        [Competency.Ownership] = "Ownership",
        [Competency.Ambiguity] = "Handling ambiguity",
        [Competency.Perseverance] = "Perseverance",
        [Competency.ConflictResolution] = "Conflict resolution",
        [Competency.GrowthMindset] = "Growth mindset",
        [Competency.Communication] = "Communication",
        [Competency.Leadership] = "Leadership and influence",
        [Competency.Mentorship] = "Mentorship",
        [Competency.Delivery] = "Delivery",
        [Competency.DecisionMaking] = "Decision-making",
        [Competency.CustomerImpact] = "Customer and business impact",
        [Competency.Reliability] = "Reliability",
        [Competency.PerformanceCost] = "Performance and cost",
        [Competency.TechnicalDebt] = "Technical debt",
        [Competency.LearningNewTech] = "Learning new technology",
        [Competency.Collaboration] = "Cross-team collaboration",
        [Competency.Rapport] = "Rapport",
    };

    private static readonly Dictionary<string, Competency> ByName =
        Enum.GetValues<Competency>().ToDictionary(NameOf, c => c, StringComparer.Ordinal);

    /// <summary>Every competency, in catalogue order.</summary>
    public static IReadOnlyList<Competency> All { get; } = Enum.GetValues<Competency>();

    /// <summary>
    /// The interview prep checklist: a story bank should cover at least these, and include a failure story
    /// (a <see cref="Competency.GrowthMindset"/> story). Source: docs/domain.md, "Prep checklist".
    /// </summary>
    public static IReadOnlyList<ChecklistItem> PrepChecklist { get; } =
    [
        new("Reliability", Competency.Reliability),
        new("Performance", Competency.PerformanceCost),
        new("Ownership", Competency.Ownership),
        new("Leadership", Competency.Leadership),
        new("Conflict", Competency.ConflictResolution),
        new("Ambiguity", Competency.Ambiguity),
        new("Failure / mistake", Competency.GrowthMindset),
    ];

    /// <summary>The stored snake_case name, e.g. <c>conflict_resolution</c>.</summary>
    public static string NameOf(Competency competency) => JsonNamingPolicy.SnakeCaseLower.ConvertName(competency.ToString());

    /// <summary>A human label, e.g. "Conflict resolution".</summary>
    public static string LabelOf(Competency competency) => Labels[competency];

    /// <summary>Parses a snake_case name (case-insensitive, '-' or ' ' accepted for '_').</summary>
    public static bool TryParse(string? name, out Competency competency)
    {
        var key = (name ?? "").Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        return ByName.TryGetValue(key, out competency);
    }

    /// <summary>Parses a list of names, reporting each unknown one under <c>field[i]</c>. Duplicates are dropped.</summary>
    public static IReadOnlyList<Competency> ParseAll(IEnumerable<string>? names, string field, ValidationErrors errors)
    {
        var result = new List<Competency>();
        var i = 0;
        foreach (var name in names ?? [])
        {
            if (TryParse(name, out var c))
            {
                if (!result.Contains(c))
                {
                    result.Add(c);
                }
            }
            else
            {
                errors.Add($"{field}[{i}]", $"Unknown competency '{name}'. Known: {string.Join(", ", All.Select(NameOf))}.");
            }

            i++;
        }

        return result;
    }
}

/// <summary>One line of the story prep checklist.</summary>
/// <param name="Label">What the story is about, e.g. "Conflict".</param>
/// <param name="Competency">The competency that evidences it.</param>
public sealed record ChecklistItem(string Label, Competency Competency);
