using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Readiness;

/// <summary>Target levels (docs/domain.md, "Levels"). Stored snake_case; parsed from "L5"/"senior", "L6"/"staff", "L7"/"principal".</summary>
public enum TargetLevel
{
    /// <summary>Senior (L5).</summary>
    Senior,
    /// <summary>Staff (L6).</summary>
    Staff,
    /// <summary>Principal (L7).</summary>
    Principal,
}

/// <summary>The five dimensions levels differ on. Stored snake_case.</summary>
public enum LevelDimension
{
    /// <summary>How far the work reaches.</summary>
    Scope,
    /// <summary>How defined the problem was when it reached you.</summary>
    Ambiguity,
    /// <summary>What the work changed.</summary>
    Impact,
    /// <summary>How many people your work shapes.</summary>
    Influence,
    /// <summary>How and to whom you communicate.</summary>
    Communication,
}

/// <summary>Promotion readiness for a target level: per dimension, the accomplishments that evidence it, and the gaps.</summary>
/// <param name="Level">The target level.</param>
/// <param name="Dimensions">One row per dimension.</param>
/// <param name="Ready">Dimensions with at least <see cref="PromotionReadinessCalculator.EvidenceNeeded"/> pieces of evidence, out of 5.</param>
/// <param name="Summary">One sentence.</param>
public sealed record ReadinessReport(TargetLevel Level, IReadOnlyList<DimensionEvidence> Dimensions, int Ready, string Summary);

/// <summary>Evidence for one level dimension.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Expectation">What the target level expects (in words).</param>
/// <param name="Evidence">Accomplishments that meet it, strongest first (at most 5).</param>
/// <param name="Gap">What to go and do or log when evidence is short; null when covered.</param>
public sealed record DimensionEvidence(LevelDimension Dimension, string Expectation, IReadOnlyList<EvidenceItem> Evidence, string? Gap);

/// <summary>An accomplishment cited as evidence.</summary>
/// <param name="AccomplishmentId">The accomplishment.</param>
/// <param name="Title">Its title.</param>
/// <param name="OccurredOn">Its date.</param>
/// <param name="Why">Why it counts for this dimension.</param>
public sealed record EvidenceItem(Guid AccomplishmentId, string Title, DateOnly OccurredOn, string Why);

/// <summary>
/// Judges accomplishments against a target level's expectations (pure). Rules, per dimension, with the minimum scope the
/// level needs (senior: team, staff: multi_team, principal: org):
/// scope — scope at or above the minimum; ambiguity — tagged ambiguity or decision_making at or above the minimum scope;
/// impact — a measured improvement (or a result figure) at or above the minimum scope; influence — tagged leadership,
/// mentorship, collaboration or conflict_resolution, led or drove, at or above the minimum scope; communication — tagged
/// communication at or above the minimum scope. Two pieces of evidence make a dimension ready. Source: docs/domain.md, "Levels".
/// </summary>
public static class PromotionReadinessCalculator
{
    /// <summary>Pieces of evidence that make a dimension ready.</summary>
    public const int EvidenceNeeded = 2;

    /// <summary>Parses "L5", "senior", "L6", "staff", "L7", "principal" (case-insensitive).</summary>
    public static TargetLevel? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "l5" or "senior" or "5" => TargetLevel.Senior,
        "l6" or "staff" or "6" => TargetLevel.Staff,
        "l7" or "principal" or "7" => TargetLevel.Principal,
        _ => null,
    };

    /// <summary>The smallest scope that counts at <paramref name="level"/>.</summary>
    public static Scope MinimumScope(TargetLevel level) => level switch
    {
        TargetLevel.Senior => Scope.Team,
        TargetLevel.Staff => Scope.MultiTeam,
        _ => Scope.Org,
    };

    /// <summary>Builds the report from the user's (non-retracted) accomplishments.</summary>
    public static ReadinessReport Assess(IEnumerable<Accomplishment> accomplishments, TargetLevel level)
    {
        var min = MinimumScope(level);
        var items = accomplishments.Where(a => !a.Retracted && a.Details.Scope >= min)
            .OrderByDescending(a => a.Details.Scope).ThenByDescending(a => a.Details.Involvement).ThenByDescending(a => a.Details.OccurredOn)
            .ToList();
        var rows = new List<DimensionEvidence>
        {
            Row(LevelDimension.Scope, level, items, _ => true, a => $"{Brag.BragMarkdown.Describe(a.Details.Scope)} scope"),
            Row(LevelDimension.Ambiguity, level, items,
                a => a.Details.Competencies.Contains(Competency.Ambiguity) || a.Details.Competencies.Contains(Competency.DecisionMaking),
                _ => "worked through an unclear problem"),
            Row(LevelDimension.Impact, level, items,
                a => a.Details.Impact.Any(m => m.ImprovementPercent is > 0 || m.Before is null),
                a => a.Details.Impact.First(m => m.ImprovementPercent is > 0 || m.Before is null).Describe()),
            Row(LevelDimension.Influence, level, items,
                a => a.Details.Involvement != Involvement.Contributed && a.Details.Competencies.Any(c => c is Competency.Leadership or Competency.Mentorship or Competency.Collaboration or Competency.ConflictResolution),
                a => $"{Brag.BragMarkdown.Describe(a.Details.Involvement)} it; influenced others"),
            Row(LevelDimension.Communication, level, items,
                a => a.Details.Competencies.Contains(Competency.Communication),
                _ => "communication beyond the team"),
        };
        var ready = rows.Count(r => r.Gap is null);
        var label = level.ToString().ToLowerInvariant();
        return new ReadinessReport(level, rows, ready,
            ready == rows.Count
                ? $"Every dimension has evidence at {label} scope; turn the strongest items into stories."
                : $"{ready} of 5 dimensions have enough evidence at {label} scope; close the gaps below before the packet goes in.");
    }

    private static DimensionEvidence Row(
        LevelDimension dimension, TargetLevel level, List<Accomplishment> items, Func<Accomplishment, bool> counts, Func<Accomplishment, string> why)
    {
        var evidence = items.Where(counts).Take(5)
            .Select(a => new EvidenceItem(a.Id, a.Details.Title, a.Details.OccurredOn, why(a)))
            .ToList();
        return new DimensionEvidence(dimension, Expectation(dimension, level), evidence, evidence.Count >= EvidenceNeeded ? null : Gap(dimension, level, evidence.Count));
    }

    /// <summary>What <paramref name="level"/> expects on <paramref name="dimension"/> (docs/domain.md levels table, in our words).</summary>
    public static string Expectation(LevelDimension dimension, TargetLevel level) => (dimension, level) switch
    {
        (LevelDimension.Scope, TargetLevel.Senior) => "Owns work across one team and one or two systems.",
        (LevelDimension.Scope, TargetLevel.Staff) => "Owns work that spans several teams and cross-cutting systems.",
        (LevelDimension.Scope, _) => "Owns work at the scale of the organisation, over years.",
        (LevelDimension.Ambiguity, TargetLevel.Senior) => "Takes a defined problem and solves it well.",
        (LevelDimension.Ambiguity, TargetLevel.Staff) => "Takes a vague problem area and turns it into a plan.",
        (LevelDimension.Ambiguity, _) => "Finds the problems worth solving before anyone asks.",
        (LevelDimension.Impact, TargetLevel.Senior) => "Ships features that move a metric.",
        (LevelDimension.Impact, TargetLevel.Staff) => "Ships systems other teams build on.",
        (LevelDimension.Impact, _) => "Sets technical strategy that others execute.",
        (LevelDimension.Influence, TargetLevel.Senior) => "Mentors one or two engineers.",
        (LevelDimension.Influence, TargetLevel.Staff) => "Shapes the work of ten to twenty engineers.",
        (LevelDimension.Influence, _) => "Sets standards followed by fifty or more.",
        (LevelDimension.Communication, TargetLevel.Senior) => "Clear in stand-ups and code review.",
        (LevelDimension.Communication, TargetLevel.Staff) => "Writes design docs and aligns teams.",
        _ => "Gives talks, writes strategy, and briefs executives.",
    };

    private static string Gap(LevelDimension dimension, TargetLevel level, int have)
    {
        var need = EvidenceNeeded - have;
        var scope = Brag.BragMarkdown.Describe(MinimumScope(level));
        return dimension switch
        {
            LevelDimension.Scope => $"Log {need} more win(s) with {scope} scope or wider, or take on work of that reach.",
            LevelDimension.Ambiguity => $"Log {need} more win(s) at {scope} scope where the problem was unclear when you got it (tag ambiguity or decision_making).",
            LevelDimension.Impact => $"Add measured results (a baseline and an after) to {need} more win(s) at {scope} scope.",
            LevelDimension.Influence => $"Log {need} more win(s) at {scope} scope where you led others without authority (tag leadership, mentorship or collaboration).",
            _ => $"Log {need} more win(s) at {scope} scope where your writing or presenting moved a decision (tag communication).",
        };
    }
}
