using System.Globalization;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Brag;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Stories;

/// <summary>
/// Scores accomplishments as interview / promotion stories (pure). Score = 25·scope + 20·involvement + 25·impact
/// + 10·learnings + 10·breadth + 10·recency, each factor in 0..1, so the total is 0-100; impact weighs each metric by the
/// size of its change and by its reach (formula version 2). The factors and why they are weighted so are in
/// docs/scoring.md (source: the ranking signals in docs/domain.md).
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

    /// <summary>Breadth is full at this many competencies.</summary>
    public const int FullBreadthCompetencies = 4;

    /// <summary>Impact factor of a measured metric whose change is 0 or a regression: a measured result still counts (0-1).</summary>
    public const double MeasuredFloor = 0.2;

    /// <summary>Size of a single figure without a baseline (0-1): the same as a 1.41-fold improvement (√2, about −29 %).</summary>
    public const double UnbaselinedSize = 0.25;

    /// <summary>Share of each further metric's impact that is added to the best metric's (0-1).</summary>
    public const double FurtherMetricShare = 0.1;

    /// <summary>Improvement folds are capped here (about 10 doublings), so one freak ratio cannot dominate.</summary>
    public const double MaxFold = 1000;

    /// <summary>Money sizes are counted in decades above this many dollars: $10,000 is one decade, $100,000 two.</summary>
    public const double MoneyUnitDollars = 1000;

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
    /// The improvement of one metric as a fold in the good direction (2 = halved a lower-is-better figure or doubled a
    /// higher-is-better one; 1 = no change; below 1 = a regression; at most <see cref="MaxFold"/>), or null without a baseline.
    /// Rules (docs/scoring.md, "Size"): lower is better: before ÷ after; higher is better: after ÷ before. A higher-is-better
    /// plain "%" below 100 is measured on what is missing to 100 % (91.2 % → 93 % shrinks the gap 8.8 → 7.0, a fold of
    /// 1.257). The divisor is at least a resolution: for counts (unit "count", none, or a rate such as "pages/week") half an
    /// event, min(0.5, the other figure ÷ 2), the Haldane–Anscombe correction, so removing 1 event is a fold of 2 and removing
    /// 230 one of 460; for other units the other figure ÷ 1,000 (reaching zero earns the cap). Negative figures fall back to
    /// 1 + improvement % ÷ 100.
    /// </summary>
    public static double? Fold(ImpactMetric metric)
    {
        if (metric.Before is not { } b0)
        {
            return null;
        }

        double before = (double)b0, after = (double)metric.After;
        var lowerIsBetter = metric.LowerIsBetter;
        if (metric.Unit == "%" && !lowerIsBetter && before < 100)
        {
            (before, after, lowerIsBetter) = (100 - before, Math.Max(0, 100 - after), true);
        }

        if (before < 0 || after < 0)
        {
            return metric.ImprovementPercent is { } p ? Math.Clamp(1 + ((double)p / 100), 0, MaxFold) : null;
        }

        var (numerator, divisor) = lowerIsBetter ? (before, after) : (after, before);
        if (numerator == 0)
        {
            return divisor == 0 ? 1 : 0;
        }

        var resolution = IsCount(metric.Unit) ? Math.Min(0.5, numerator / 2) : numerator / MaxFold;
        return Math.Min(MaxFold, numerator / Math.Max(divisor, resolution));
    }

    /// <summary>Whether a unit counts events: "count", no unit, or a rate such as "pages/week" (it contains "/").</summary>
    public static bool IsCount(string? unit) => string.IsNullOrWhiteSpace(unit) || unit == "count" || unit.Contains('/', StringComparison.Ordinal);

    /// <summary>
    /// Size of one metric's change, 0-1 and never reaching 1: with x = log2(fold) doublings (0 for no change or a regression),
    /// size = x ÷ (x + 1), so 2× is 0.5, 4× 0.667, 10× 0.769, 100× 0.869. A single figure without a baseline has size
    /// <see cref="UnbaselinedSize"/>. Money (unit "$") also has an absolute size from the dollars changed (or the single
    /// figure, when higher is better and positive): d = log10(|Δ$| ÷ 1,000), size d ÷ (d + 1) ($10,000 0.5, $100,000 0.667,
    /// $1M 0.75); the larger of the two sizes counts. Source: docs/scoring.md, "Size".
    /// </summary>
    public static double SizeFactor(ImpactMetric metric)
    {
        var relative = Fold(metric) is { } fold ? Saturating(Math.Log2(Math.Max(1, fold))) : UnbaselinedSize;
        if (metric.Unit != "$")
        {
            return relative;
        }

        var good = metric.Before is { } before
            ? (metric.LowerIsBetter ? (double)before - (double)metric.After : (double)metric.After - (double)before)
            : (metric.LowerIsBetter ? 0 : (double)metric.After);
        var absolute = good > MoneyUnitDollars ? Saturating(Math.Log10(good / MoneyUnitDollars)) : 0;
        return Math.Max(relative, absolute);
    }

    /// <summary>
    /// What kind of reach a metric's name and unit show (docs/scoring.md, "Reach"): <see cref="MetricReach.Money"/> for unit
    /// "$" or cost/spend/revenue/margin/saving/price/billing words; <see cref="MetricReach.Customer"/> for customer, user,
    /// merchant, checkout, conversion, sign-up, churn, retention, support, order, cart, authorization or payout words;
    /// <see cref="MetricReach.Reliability"/> for incident, outage, availability, uptime, downtime, SLO, MTTR, error rate,
    /// failover and time-to-mitigate/restore/recover words; otherwise <see cref="MetricReach.Internal"/>. Words match at
    /// the start of a word, case-insensitively; money and customer words win over reliability ones.
    /// </summary>
    public static MetricReach ReachOf(ImpactMetric metric)
    {
        var words = " " + new string(metric.Name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()) + " ";
        bool Any(string[] keys) => keys.Any(k => words.Contains(" " + k, StringComparison.Ordinal));
        if (metric.Unit == "$" || Any(MoneyWords))
        {
            return MetricReach.Money;
        }

        return Any(CustomerWords) ? MetricReach.Customer : Any(ReliabilityWords) ? MetricReach.Reliability : MetricReach.Internal;
    }

    private static readonly string[] MoneyWords = ["cost", "spend", "revenue", "margin", "saving", "price", "billing", "dollar"];

    private static readonly string[] CustomerWords =
        ["customer", "user", "merchant", "checkout", "conversion", "sign up", "signup", "churn", "retention", "support", "order", "cart", "authorization", "payout"];

    private static readonly string[] ReliabilityWords =
        ["incident", "outage", "availability", "uptime", "downtime", "slo", "mttr", "error rate", "failover", "fail over", "time to mitigate", "time to restore", "time to recover"];

    /// <summary>
    /// Reach of one metric, 0.2-1: the scope factor s raised toward 1 by the kind of the metric:
    /// reach = s + (1 − s) × k, k = 0.5 for money or customer metrics, 0.25 for reliability, 0 for internal ones. So a team-scope
    /// (0.45) internal metric reaches 0.45, a team-scope checkout metric 0.725, anything company-wide 1.
    /// </summary>
    public static double ReachFactor(ImpactMetric metric, Scope scope)
    {
        var s = (double)ScopeFactor(scope);
        var k = ReachOf(metric) switch
        {
            MetricReach.Money or MetricReach.Customer => 0.5,
            MetricReach.Reliability => 0.25,
            _ => 0,
        };
        return s + ((1 - s) * k);
    }

    /// <summary>
    /// Impact of one metric, 0.2-1: <see cref="MeasuredFloor"/> + (1 − floor) × size × reach = 0.2 + 0.8 × size × reach.
    /// A measured result always counts 0.2; the rest grows with how big the change is and how far it reached.
    /// </summary>
    public static double MetricImpact(ImpactMetric metric, Scope scope) =>
        MeasuredFloor + ((1 - MeasuredFloor) * SizeFactor(metric) * ReachFactor(metric, scope));

    /// <summary>
    /// Impact factor of an accomplishment, 0-1 (formula version 2, docs/scoring.md, "Impact factor"): the best metric's
    /// <see cref="MetricImpact"/> plus a tenth of each further metric's, capped at 1, rounded to four decimals (halves away
    /// from zero) so the points can be checked by hand; 0 without metrics.
    /// </summary>
    public static decimal ImpactFactor(IReadOnlyList<ImpactMetric> metrics, Scope scope)
    {
        if (metrics.Count == 0)
        {
            return 0;
        }

        var impacts = metrics.Select(m => MetricImpact(m, scope)).OrderByDescending(v => v).ToList();
        return Math.Round((decimal)Math.Min(1, impacts[0] + (FurtherMetricShare * impacts.Skip(1).Sum())), 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>The metric contributing most to the impact factor (the first of equals), or null without metrics.</summary>
    public static ImpactMetric? MostTellingMetric(AccomplishmentDetails details) =>
        details.Impact.Select((m, i) => (m, i, v: MetricImpact(m, details.Scope)))
            .OrderByDescending(x => x.v).ThenBy(x => x.i).Select(x => x.m).FirstOrDefault();

    // x / (x + 1): 0 at 0, 0.5 at 1, rising toward 1 without reaching it.
    private static double Saturating(double x) => x <= 0 ? 0 : x / (x + 1);

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
        Round(ImpactWeight * ImpactFactor(d.Impact, d.Scope)),
        d.Learnings is null ? 0 : LearningsWeight,
        Round(BreadthWeight * Math.Min(d.Competencies.Count, FullBreadthCompetencies) / FullBreadthCompetencies),
        Round(RecencyWeight * RecencyFactor(d.OccurredOn, today)));

    /// <summary>Total of a breakdown, 0-100.</summary>
    public static decimal Total(ScoreBreakdown b) => b.Scope + b.Involvement + b.Impact + b.Learnings + b.Breadth + b.Recency;

    /// <summary>
    /// Ranks the non-retracted accomplishments and returns the top <paramref name="top"/> (1-50) with coverage, the prep
    /// checklist and, when <paramref name="growthAreas"/> are given, the growth gaps: competencies the user's own feedback or
    /// review names as growth areas that no top story shows, each with up to 3 non-top accomplishments that evidence it
    /// (docs/scoring.md, "Growth gaps"). Ties break by the more recent date, then title.
    /// </summary>
    /// <param name="accomplishments">The user's accomplishments (retracted ones are skipped).</param>
    /// <param name="today">The user's calendar day recency is measured from.</param>
    /// <param name="top">How many to return, 1-50.</param>
    /// <param name="asOf">The as-of instant (UTC) the inputs were read at, reported back; null for the current state.</param>
    /// <param name="growthAreas">Growth areas from the user's feedback and reviews; null or empty for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="top"/> is outside 1-50.</exception>
    public static StoryRanking Rank(
        IEnumerable<Accomplishment> accomplishments, DateOnly today, int top = 8, DateTimeOffset? asOf = null, IReadOnlyList<GrowthArea>? growthAreas = null)
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

        var rest = scored.Skip(top).Select(x => new GrowthCandidate(x.Item.Id, x.Item.Details.Title, x.Item.Details.OccurredOn, Total(x.Breakdown), x.Item.Details.Competencies)).ToList();
        var gaps = (growthAreas ?? [])
            .GroupBy(g => g.Competency)
            .Where(g => !ranked.Any(r => r.Competencies.Contains(g.Key)))
            .OrderBy(g => g.Key)
            .Select(g => GrowthGap(g.Key, g.OrderByDescending(a => a.On).Select(a => a.Source).Distinct(StringComparer.Ordinal).ToList(), rest, top))
            .ToList();

        return new StoryRanking(
            FormulaVersion,
            today,
            asOf,
            scored.Count,
            ranked,
            coverage,
            checklist,
            coverage.Where(c => c.TotalEvidence == 0).Select(c => c.Competency).ToList(),
            checklist.Where(c => c.TopStoryRanks.Count == 0).Select(c => c.Label).ToList(),
            gaps);
    }

    /// <summary>How many candidate entries a growth gap lists at most.</summary>
    public const int MaxGrowthCandidates = 3;

    private static GrowthGap GrowthGap(Competency competency, IReadOnlyList<string> sources, IReadOnlyList<GrowthCandidate> rest, int top)
    {
        var candidates = rest.Where(c => c.Competencies.Contains(competency)).Take(MaxGrowthCandidates).ToList();
        var label = CompetencyCatalog.LabelOf(competency).ToLowerInvariant();
        var who = sources.Count switch
        {
            1 => Capitalised(sources[0]),
            2 => $"{Capitalised(sources[0])} and {sources[1]}",
            3 => $"{Capitalised(sources[0])}, {sources[1]} and {sources[2]}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{Capitalised(sources[0])}, {sources[1]} and {sources.Count - 2} more"),
        };
        var verb = sources.Count == 1 ? "names" : "name";
        var sentence = string.Create(CultureInfo.InvariantCulture, $"{who} {verb} {label} as a growth area; none of your top {top} shows it. ")
            + (candidates.Count == 0
                ? "No logged entry shows it yet: log the next one, however small."
                : "Candidates to grow into such a story: " + string.Join("; ", candidates.Select(c => string.Create(CultureInfo.InvariantCulture, $"\u201c{c.Title}\u201d ({c.OccurredOn:yyyy-MM-dd})"))) + ".");
        return new GrowthGap(competency, sources, candidates, sentence);
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Reason(AccomplishmentDetails d, ScoreBreakdown b)
    {
        var strengths = new List<string>
        {
            $"{BragMarkdown.Describe(d.Scope)} scope",
            d.Involvement == Involvement.Contributed ? "you contributed" : $"you {BragMarkdown.Describe(d.Involvement)} it",
        };
        var bestMetric = MostTellingMetric(d);
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

/// <summary>What kind of reach an impact metric shows, from its name and unit (docs/scoring.md, "Reach").</summary>
public enum MetricReach
{
    /// <summary>Internal engineering figures: build times, flags, test runs, dashboards.</summary>
    Internal,
    /// <summary>Reliability of a critical path: incidents, outages, availability, error rate, time to mitigate.</summary>
    Reliability,
    /// <summary>Customers or users: checkout, conversion, merchants, support, orders.</summary>
    Customer,
    /// <summary>Money: unit "$", cost, spend, revenue, margin.</summary>
    Money,
}
