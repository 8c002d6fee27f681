using System.Globalization;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Brag;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Stories;

/// <summary>
/// Scores accomplishments as interview / promotion stories (pure). Score = 25·scope + 20·involvement + 25·impact
/// + 10·learnings + 10·breadth + 10·recency, each factor in 0..1, so the total is 0-100. The factors and why they are
/// weighted so are in docs/scoring.md (source: the ranking signals in docs/domain.md).
/// </summary>
public static class StoryRanker
{
    /// <summary>
    /// Version of the ranking formula (factors, weights and thresholds). Rankings are computed when read, so a ranking always
    /// uses the current version; it is reported with every ranking. Version 1 was the formula before impact was weighted by
    /// size and reach; the history is in docs/scoring.md.
    /// </summary>
    public const int FormulaVersion = 2;

    /// <summary>Factor weights in points; they sum to 100.</summary>
    public const decimal ScopeWeight = 25, InvolvementWeight = 20, ImpactWeight = 25, LearningsWeight = 10, BreadthWeight = 10, RecencyWeight = 10;

    /// <summary>Recency halves every this many days.</summary>
    public const double RecencyHalfLifeDays = 365;

    /// <summary>An improvement of this many percent (in the good direction) earns the full impact factor.</summary>
    public const decimal FullImpactImprovementPercent = 50;

    /// <summary>Breadth is full at this many competencies.</summary>
    public const int FullBreadthCompetencies = 4;

    /// <summary>Scope factor: individual 0.2, team 0.45, multi_team 0.7, org 0.9, company 1.0.</summary>
    public static decimal ScopeFactor(Scope scope) => scope switch
    {
        Scope.Individual => 0.2m,
        Scope.Team => 0.45m,
        Scope.MultiTeam => 0.7m,
        Scope.Org => 0.9m,
        _ => 1.0m,
    };

    /// <summary>Involvement factor: contributed 0.35, led 0.75, drove 1.0.</summary>
    public static decimal InvolvementFactor(Involvement involvement) => involvement switch
    {
        Involvement.Contributed => 0.35m,
        Involvement.Led => 0.75m,
        _ => 1.0m,
    };

    /// <summary>
    /// Impact factor of one metric: a figure without a baseline 0.6; with a baseline 0.4 + 0.6 × clamp(improvement % / 50, 0, 1)
    /// (so a regression still counts as measured, 0.4); from a zero baseline, 1.0 when it moved the good way, else 0.4. For an accomplishment: the best metric + 0.1 per extra metric, capped at 1; 0 without metrics.
    /// </summary>
    public static decimal ImpactFactor(IReadOnlyList<ImpactMetric> metrics)
    {
        if (metrics.Count == 0)
        {
            return 0;
        }

        var best = metrics.Max(m => (m.ImprovementPercent, m.Before) switch
        {
            ({ } p, _) => 0.4m + (0.6m * Math.Clamp(p / FullImpactImprovementPercent, 0m, 1m)),
            (null, 0m) => m.After == 0 || (m.After < 0) != m.LowerIsBetter ? 0.4m : 1.0m,
            _ => 0.6m,
        });
        return Math.Min(1m, best + (0.1m * (metrics.Count - 1)));
    }

    /// <summary>Recency factor: 0.5^(age in days / 365); 1 for today or a future date.</summary>
    public static decimal RecencyFactor(DateOnly occurredOn, DateOnly today)
    {
        var age = Math.Max(0, today.DayNumber - occurredOn.DayNumber);
        return (decimal)Math.Pow(0.5, age / RecencyHalfLifeDays);
    }

    /// <summary>Scores one accomplishment.</summary>
    public static ScoreBreakdown Score(AccomplishmentDetails d, DateOnly today) => new(
        Round(ScopeWeight * ScopeFactor(d.Scope)),
        Round(InvolvementWeight * InvolvementFactor(d.Involvement)),
        Round(ImpactWeight * ImpactFactor(d.Impact)),
        d.Learnings is null ? 0 : LearningsWeight,
        Round(BreadthWeight * Math.Min(d.Competencies.Count, FullBreadthCompetencies) / FullBreadthCompetencies),
        Round(RecencyWeight * RecencyFactor(d.OccurredOn, today)));

    /// <summary>Total of a breakdown, 0-100.</summary>
    public static decimal Total(ScoreBreakdown b) => b.Scope + b.Involvement + b.Impact + b.Learnings + b.Breadth + b.Recency;

    /// <summary>
    /// Ranks the non-retracted accomplishments and returns the top <paramref name="top"/> (1-50) with coverage.
    /// Ties break by the more recent date, then title.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="top"/> is outside 1-50.</exception>
    public static StoryRanking Rank(IEnumerable<Accomplishment> accomplishments, DateOnly today, int top = 8, DateTimeOffset? asOf = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, 50);
        var scored = accomplishments
            .Where(a => !a.Retracted)
            .Select(a => (Item: a, Breakdown: Score(a.Details, today)))
            .OrderByDescending(x => Total(x.Breakdown))
            .ThenByDescending(x => x.Item.Details.OccurredOn)
            .ThenBy(x => x.Item.Details.Title, StringComparer.Ordinal)
            .ToList();

        var ranked = scored.Take(top)
            .Select((x, i) => new RankedStory(
                i + 1, x.Item.Id, x.Item.Details.Title, x.Item.Details.OccurredOn, Total(x.Breakdown), x.Breakdown,
                Reason(x.Item.Details, x.Breakdown), x.Item.Details.Competencies))
            .ToList();

        var coverage = CompetencyCatalog.All
            .Select(c => new CoverageRow(
                c,
                ranked.Where(r => r.Competencies.Contains(c)).Select(r => r.Rank).ToList(),
                scored.Count(x => x.Item.Details.Competencies.Contains(c))))
            .ToList();

        var checklist = CompetencyCatalog.PrepChecklist
            .Select(item => new ChecklistRow(item.Label, item.Competency, ranked.Where(r => r.Competencies.Contains(item.Competency)).Select(r => r.Rank).ToList()))
            .ToList();

        return new StoryRanking(
            today,
            asOf,
            scored.Count,
            ranked,
            coverage,
            checklist,
            coverage.Where(c => c.TotalEvidence == 0).Select(c => c.Competency).ToList(),
            checklist.Where(c => c.TopStoryRanks.Count == 0).Select(c => c.Label).ToList());
    }

    private static string Reason(AccomplishmentDetails d, ScoreBreakdown b)
    {
        var strengths = new List<string>
        {
            $"{BragMarkdown.Describe(d.Scope)} scope",
            d.Involvement == Involvement.Contributed ? "you contributed" : $"you {BragMarkdown.Describe(d.Involvement)} it",
        };
        var bestMetric = d.Impact
            .OrderByDescending(m => m.ImprovementPercent ?? 0)
            .FirstOrDefault();
        if (bestMetric is not null)
        {
            strengths.Add(bestMetric.Describe());
        }

        if (d.Learnings is not null)
        {
            strengths.Add("has a learning");
        }

        if (d.Competencies.Count > 1)
        {
            strengths.Add(string.Create(CultureInfo.InvariantCulture, $"{d.Competencies.Count} competencies"));
        }

        var gaps = new List<string>();
        if (b.Impact == 0)
        {
            gaps.Add("add a measured result");
        }

        if (d.Learnings is null)
        {
            gaps.Add("add what you learned or the mechanism you left behind");
        }

        if (d.Involvement == Involvement.Contributed)
        {
            gaps.Add("say what you personally did");
        }

        var reason = string.Join("; ", strengths);
        return gaps.Count == 0 ? reason + "." : reason + ". To strengthen: " + string.Join(", ", gaps) + ".";
    }

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
