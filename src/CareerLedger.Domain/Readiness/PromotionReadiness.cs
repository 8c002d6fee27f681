using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Reviews;

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

/// <summary>Promotion readiness for a target level: per dimension, the accomplishments and reviews that evidence it, and the gaps.</summary>
/// <param name="Level">The target level.</param>
/// <param name="Dimensions">One row per dimension.</param>
/// <param name="Ready">Dimensions without a gap, out of 5 (see <see cref="PromotionReadinessCalculator"/> for the rule).</param>
/// <param name="Summary">One or two sentences; the newest review's promotion outcome, when it has one, is the second.</param>
/// <param name="Reviews">The user's non-retracted performance reviews, newest period first, with their rating and promotion outcome.</param>
public sealed record ReadinessReport(TargetLevel Level, IReadOnlyList<DimensionEvidence> Dimensions, int Ready, string Summary, IReadOnlyList<ReviewOutcome> Reviews);

/// <summary>Evidence for one level dimension.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Expectation">What the target level expects (in words).</param>
/// <param name="Evidence">Accomplishments that meet it, strongest first (at most 5).</param>
/// <param name="Gap">What to go and do or log when evidence is short or a review asks for growth here; null when covered.</param>
/// <param name="ReviewEvidence">Reviews naming a strength on this dimension, newest first (at most 3).</param>
/// <param name="GrowthAsks">Reviews asking for growth on this dimension that no later review names as a strength, newest first.</param>
public sealed record DimensionEvidence(
    LevelDimension Dimension, string Expectation, IReadOnlyList<EvidenceItem> Evidence, string? Gap,
    IReadOnlyList<ReviewCitation> ReviewEvidence, IReadOnlyList<ReviewCitation> GrowthAsks);

/// <summary>A performance review cited on a dimension, as a strength or as a growth area.</summary>
/// <param name="ReviewId">The review.</param>
/// <param name="Review">How the product names it: "your 2026 H1 review (Dana Smith)".</param>
/// <param name="PeriodEnd">The last day it covers.</param>
/// <param name="Competencies">The competencies it names that map to this dimension.</param>
/// <param name="Why">One sentence, e.g. "your 2026 H1 review (Dana Smith) names mentorship as a strength".</param>
public sealed record ReviewCitation(Guid ReviewId, string Review, DateOnly PeriodEnd, IReadOnlyList<Competency> Competencies, string Why);

/// <summary>What one review said about rating and promotion.</summary>
/// <param name="ReviewId">The review.</param>
/// <param name="Review">How the product names it: "your 2026 H1 review (Dana Smith)".</param>
/// <param name="PeriodStart">First day it covers.</param>
/// <param name="PeriodEnd">Last day it covers.</param>
/// <param name="Rating">The rating as given, with the score when there is one ("Exceeds expectations (4 of 5)"), or null.</param>
/// <param name="Promotion">The promotion outcome.</param>
/// <param name="NewLevel">The level or title the outcome is about, or null.</param>
/// <param name="Outcome">The outcome in words ("nominated for promotion for Staff Engineer"), or null when the review has none.</param>
public sealed record ReviewOutcome(
    Guid ReviewId, string Review, DateOnly PeriodStart, DateOnly PeriodEnd, string? Rating, PromotionOutcome Promotion, string? NewLevel, string? Outcome);

/// <summary>An accomplishment cited as evidence.</summary>
/// <param name="AccomplishmentId">The accomplishment.</param>
/// <param name="Title">Its title.</param>
/// <param name="OccurredOn">Its date.</param>
/// <param name="Why">Why it counts for this dimension.</param>
public sealed record EvidenceItem(Guid AccomplishmentId, string Title, DateOnly OccurredOn, string Why);

/// <summary>
/// Judges accomplishments and performance reviews against a target level's expectations (pure). Rules, per dimension, with the
/// minimum scope the level needs (senior: team, staff: multi_team, principal: org):
/// scope — scope at or above the minimum; ambiguity — tagged ambiguity or decision_making at or above the minimum scope;
/// impact — a measured improvement (or a result figure) at or above the minimum scope; influence — tagged leadership,
/// mentorship, collaboration or conflict_resolution, led or drove, at or above the minimum scope; communication — tagged
/// communication at or above the minimum scope. A review's strengths count on the dimension their competencies map to
/// (<see cref="DimensionOf"/>), one piece of evidence per review; its growth areas stay open on that dimension until a later
/// review names the same competency as a strength. A dimension is ready with <see cref="EvidenceNeeded"/> pieces of
/// evidence, at least one of them an accomplishment, and no open growth area. Source: docs/domain.md, "Levels" and
/// "Performance reviews"; docs/projections.md, "Promotion readiness".
/// </summary>
public static class PromotionReadinessCalculator
{
    /// <summary>Pieces of evidence that make a dimension ready.</summary>
    public const int EvidenceNeeded = 2;

    /// <summary>Most reviews cited as evidence on one dimension.</summary>
    public const int MaxReviewEvidence = 3;

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

    /// <summary>
    /// The level dimension a competency named in a review speaks to, or null for competencies no dimension is judged on
    /// (perseverance, growth mindset, reliability, performance and cost, technical debt, learning new technology, rapport):
    /// ownership → scope; ambiguity, decision_making → ambiguity; customer_impact, delivery → impact; leadership, mentorship,
    /// collaboration, conflict_resolution → influence; communication → communication.
    /// </summary>
    public static LevelDimension? DimensionOf(Competency competency) => competency switch
    {
        Competency.Ownership => LevelDimension.Scope,
        Competency.Ambiguity or Competency.DecisionMaking => LevelDimension.Ambiguity,
        Competency.CustomerImpact or Competency.Delivery => LevelDimension.Impact,
        Competency.Leadership or Competency.Mentorship or Competency.Collaboration or Competency.ConflictResolution => LevelDimension.Influence,
        Competency.Communication => LevelDimension.Communication,
        _ => null,
    };

    /// <summary>Builds the report from the user's accomplishments alone (retracted ones are left out).</summary>
    public static ReadinessReport Assess(IEnumerable<Accomplishment> accomplishments, TargetLevel level) => Assess(accomplishments, [], level);

    /// <summary>Builds the report from the user's accomplishments and performance reviews (retracted ones of either are left out).</summary>
    public static ReadinessReport Assess(IEnumerable<Accomplishment> accomplishments, IEnumerable<PerformanceReview> reviews, TargetLevel level)
    {
        var min = MinimumScope(level);
        var items = accomplishments.Where(a => !a.Retracted && a.Details.Scope >= min)
            .OrderByDescending(a => a.Details.Scope).ThenByDescending(a => a.Details.Involvement).ThenByDescending(a => a.Details.OccurredOn)
            .ToList();
        var newestFirst = reviews.Where(r => !r.Retracted)
            .OrderByDescending(r => r.Details.PeriodEnd).ThenByDescending(r => r.RecordedAt).ThenBy(r => r.Id)
            .ToList();
        var rows = new List<DimensionEvidence>
        {
            Row(LevelDimension.Scope, level, items, newestFirst, _ => true, a => $"{Brag.BragMarkdown.Describe(a.Details.Scope)} scope"),
            Row(LevelDimension.Ambiguity, level, items, newestFirst,
                a => a.Details.Competencies.Contains(Competency.Ambiguity) || a.Details.Competencies.Contains(Competency.DecisionMaking),
                _ => "worked through an unclear problem"),
            Row(LevelDimension.Impact, level, items, newestFirst,
                a => a.Details.Impact.Any(m => m.ImprovementPercent is > 0 || m.Before is null),
                a => a.Details.Impact.First(m => m.ImprovementPercent is > 0 || m.Before is null).Describe()),
            Row(LevelDimension.Influence, level, items, newestFirst,
                a => a.Details.Involvement != Involvement.Contributed && a.Details.Competencies.Any(c => c is Competency.Leadership or Competency.Mentorship or Competency.Collaboration or Competency.ConflictResolution),
                a => $"{Brag.BragMarkdown.Describe(a.Details.Involvement)} it; influenced others"),
            Row(LevelDimension.Communication, level, items, newestFirst,
                a => a.Details.Competencies.Contains(Competency.Communication),
                _ => "communication beyond the team"),
        };
        var ready = rows.Count(r => r.Gap is null);
        var label = level.ToString().ToLowerInvariant();
        var outcomes = newestFirst.Select(r => new ReviewOutcome(
                r.Id, PerformanceReview.Describe(r.Details), r.Details.PeriodStart, r.Details.PeriodEnd, PerformanceReview.DescribeRating(r.Details),
                r.Details.Promotion, r.Details.NewLevel, PerformanceReview.DescribePromotion(r.Details)))
            .ToList();
        var summary = ready == rows.Count
            ? $"Every dimension has evidence at {label} scope; turn the strongest items into stories."
            : $"{ready} of 5 dimensions have enough evidence at {label} scope; close the gaps below before the packet goes in.";
        if (outcomes.FirstOrDefault(o => o.Outcome is not null) is { } latest)
        {
            summary += $" {Capitalise(latest.Review)}: {latest.Outcome}.";
        }

        return new ReadinessReport(level, rows, ready, summary, outcomes);
    }

    private static DimensionEvidence Row(
        LevelDimension dimension, TargetLevel level, List<Accomplishment> items, List<PerformanceReview> newestFirst,
        Func<Accomplishment, bool> counts, Func<Accomplishment, string> why)
    {
        var evidence = items.Where(counts).Take(5)
            .Select(a => new EvidenceItem(a.Id, a.Details.Title, a.Details.OccurredOn, why(a)))
            .ToList();
        var strengths = newestFirst
            .Select(r => (Review: r, On: r.Details.Strengths.Where(c => DimensionOf(c) == dimension).ToList()))
            .Where(x => x.On.Count > 0)
            .Take(MaxReviewEvidence)
            .Select(x => Cite(x.Review, x.On, "as a strength"))
            .ToList();
        var asks = new List<ReviewCitation>();
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var r = newestFirst[i];
            // Still open: no later review (earlier in this newest-first list, with a later period end) names it as a strength.
            var open = r.Details.GrowthAreas
                .Where(c => DimensionOf(c) == dimension)
                .Where(c => !newestFirst.Take(i).Any(later => later.Details.PeriodEnd > r.Details.PeriodEnd && later.Details.Strengths.Contains(c)))
                .ToList();
            if (open.Count > 0)
            {
                asks.Add(Cite(r, open, "as a growth area"));
            }
        }

        string? gap = null;
        if (evidence.Count == 0 || evidence.Count + strengths.Count < EvidenceNeeded)
        {
            gap = Gap(dimension, level, Math.Max(EvidenceNeeded - evidence.Count - strengths.Count, 1));
        }

        if (asks.Count > 0)
        {
            var ask = asks[0];
            var text = $"{Capitalise(ask.Review)} asks for growth in {Names(ask.Competencies)}: log wins at {Brag.BragMarkdown.Describe(MinimumScope(level))} scope that show it.";
            gap = gap is null ? text : $"{gap} {text}";
        }

        return new DimensionEvidence(dimension, Expectation(dimension, level), evidence, gap, strengths, asks);
    }

    private static ReviewCitation Cite(PerformanceReview r, IReadOnlyList<Competency> on, string how)
    {
        var review = PerformanceReview.Describe(r.Details);
        return new ReviewCitation(r.Id, review, r.Details.PeriodEnd, on, $"{review} names {Names(on)} {how}");
    }

    /// <summary>"mentorship", "mentorship and leadership", "ambiguity, decision making and ownership".</summary>
    private static string Names(IReadOnlyList<Competency> competencies)
    {
        var names = competencies.Select(c => CompetencyCatalog.NameOf(c).Replace('_', ' ')).ToList();
        return names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

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

    private static string Gap(LevelDimension dimension, TargetLevel level, int need)
    {
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
