using System.Text.Json;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Accomplishments;

/// <summary>
/// Unvalidated accomplishment input as a user or an import sends it (enums as snake_case strings).
/// <see cref="Validate"/> turns it into <see cref="AccomplishmentDetails"/> or reports every problem at once.
/// </summary>
/// <param name="Title">Required, 1-200 characters.</param>
/// <param name="OccurredOn">The day it happened; defaults to the user's today; must not be after it.</param>
/// <param name="Description">Optional, at most 4,000 characters.</param>
/// <param name="Project">Optional, at most 100 characters.</param>
/// <param name="Scope">individual | team | multi_team | org | company; default individual.</param>
/// <param name="Involvement">contributed | led | drove; default contributed.</param>
/// <param name="Impact">Optional metrics, at most 10.</param>
/// <param name="Competencies">Optional competency names (docs/domain.md), at most 8.</param>
/// <param name="Learnings">Optional, at most 2,000 characters.</param>
/// <param name="Links">Optional absolute http(s) URLs, at most 10.</param>
public sealed record AccomplishmentDraft(
    string? Title,
    DateOnly? OccurredOn = null,
    string? Description = null,
    string? Project = null,
    string? Scope = null,
    string? Involvement = null,
    IReadOnlyList<ImpactMetricDraft>? Impact = null,
    IReadOnlyList<string>? Competencies = null,
    string? Learnings = null,
    IReadOnlyList<string>? Links = null)
{
    /// <summary>Validates the draft against <paramref name="today"/> (the user's calendar day).</summary>
    /// <exception cref="DomainValidationException">Listing every invalid field by its JSON path.</exception>
    public AccomplishmentDetails Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        var title = Text.OneLine(Title);
        if (title is null)
        {
            errors.Add("title", "Title is required: one line saying what you did.");
        }
        else if (title.Length > 200)
        {
            errors.Add("title", $"Title is {title.Length} characters; keep it to 200 or fewer and put detail in the description.");
        }

        var occurredOn = OccurredOn ?? today;
        if (occurredOn > today)
        {
            errors.Add("occurredOn", $"Date {occurredOn:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} in your time zone); log wins once they have happened.");
        }
        else if (occurredOn.Year < 1970)
        {
            errors.Add("occurredOn", $"Date {occurredOn:yyyy-MM-dd} is before 1970.");
        }

        CheckLength(errors, "description", Description, 4000);
        CheckLength(errors, "project", Project, 100);
        CheckLength(errors, "learnings", Learnings, 2000);
        var scope = ParseEnum(errors, "scope", Scope, Accomplishments.Scope.Individual);
        var involvement = ParseEnum(errors, "involvement", Involvement, Accomplishments.Involvement.Contributed);

        var metrics = new List<ImpactMetric>();
        var impact = Impact ?? [];
        if (impact.Count > 10)
        {
            errors.Add("impact", $"{impact.Count} metrics given; keep the 10 that matter most.");
        }

        for (var i = 0; i < impact.Count; i++)
        {
            if (impact[i] is { } m && m.Validate($"impact[{i}]", errors) is { } metric)
            {
                metrics.Add(metric);
            }
            else if (impact[i] is null)
            {
                errors.Add($"impact[{i}]", "Metric is empty.");
            }
        }

        var competencies = CompetencyCatalog.ParseAll(Competencies, "competencies", errors);
        if (competencies.Count > 8)
        {
            errors.Add("competencies", "Tag at most 8 competencies: the ones the story really shows.");
        }

        var links = new List<string>();
        var rawLinks = Links ?? [];
        if (rawLinks.Count > 10)
        {
            errors.Add("links", "At most 10 links.");
        }

        for (var i = 0; i < rawLinks.Count; i++)
        {
            if (Uri.TryCreate(rawLinks[i]?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                links.Add(uri.AbsoluteUri);
            }
            else
            {
                errors.Add($"links[{i}]", $"'{rawLinks[i]}' is not an absolute http(s) URL.");
            }
        }

        errors.ThrowIfAny();
        return new AccomplishmentDetails(
            title!, occurredOn, Text.Clean(Description), Text.OneLine(Project), scope, involvement, metrics, competencies, Text.Clean(Learnings), links);
    }

    internal static void CheckLength(ValidationErrors errors, string field, string? value, int max) => Fields.CheckLength(errors, field, value, max);

    internal static TEnum ParseEnum<TEnum>(ValidationErrors errors, string field, string? value, TEnum fallback) where TEnum : struct, Enum =>
        Fields.ParseEnum(errors, field, value, fallback);
}

/// <summary>Unvalidated metric input.</summary>
/// <param name="Name">Required: what was measured.</param>
/// <param name="Before">Optional baseline.</param>
/// <param name="After">Required: the figure after.</param>
/// <param name="Unit">Optional unit, at most 20 characters.</param>
/// <param name="LowerIsBetter">Direction; when omitted it is inferred from the name and unit (latency, cost, errors… are lower-is-better).</param>
public sealed record ImpactMetricDraft(string? Name, decimal? Before, decimal? After, string? Unit = null, bool? LowerIsBetter = null)
{
    // Word stems; a word of the metric name matches a stem when it starts with it (so "pages" matches "page").
    private static readonly string[] HigherIsBetterStems =
    [
        "conversion", "uptime", "availab", "throughput", "coverage", "saved", "saving", "adopt", "revenue", "retention", "retained",
        "satisfaction", "nps", "approv", "authoriz", "success", "deploy", "frequency", "velocity", "value", "fixed", "resolved",
        "hit", "recovered", "onboarded", "migrated", "users", "customers", "merchants", "signups", "score",
    ];

    private static readonly string[] LowerIsBetterStems =
    [
        "latenc", "p50", "p90", "p95", "p99", "p999", "duration", "time", "mttr", "mttd", "cost", "spend", "bill", "error", "failure",
        "incident", "page", "paging", "alert", "toil", "defect", "bug", "churn", "outage", "downtime", "flak", "duplicate", "lag",
        "backlog", "memory", "cpu", "size", "manual", "ticket", "complaint", "timeout", "retr", "drop", "mismatch", "escalat", "wait",
    ];

    internal ImpactMetric? Validate(string path, ValidationErrors errors)
    {
        var name = Text.Clean(Name);
        var ok = true;
        if (name is null)
        {
            errors.Add($"{path}.name", "Metric name is required (e.g. \"p99 latency\").");
            ok = false;
        }
        else if (name.Length > 80)
        {
            errors.Add($"{path}.name", "Metric name is at most 80 characters.");
            ok = false;
        }

        if (After is null)
        {
            errors.Add($"{path}.after", $"Metric '{name}' has no value: give the figure after the change (and the one before, if known).");
            ok = false;
        }

        if (Before is { } b && Math.Abs(b) > Bounds.MaxMetricValue)
        {
            Bounds.Check(errors, $"{path}.before", b, Bounds.MaxMetricValue, "A metric figure");
            ok = false;
        }

        if (After is { } a && Math.Abs(a) > Bounds.MaxMetricValue)
        {
            Bounds.Check(errors, $"{path}.after", a, Bounds.MaxMetricValue, "A metric figure");
            ok = false;
        }

        var unit = Text.Clean(Unit);
        if (unit is { Length: > 20 })
        {
            errors.Add($"{path}.unit", "Unit is at most 20 characters.");
            ok = false;
        }

        return ok ? new ImpactMetric(name!, Before, After!.Value, unit, LowerIsBetter ?? InferLowerIsBetter(name!, unit)) : null;
    }

    /// <summary>
    /// Whether a metric is usually better when it goes down, judged from the words of its name: any higher-is-better word
    /// (conversion, uptime, throughput, coverage, saved, revenue, deploys…) wins; else any lower-is-better word (latency,
    /// p99, cost, errors, incidents, pages, toil…); else a time unit (ms, s, min) means lower is better. Otherwise higher.
    /// </summary>
    public static bool InferLowerIsBetter(string name, string? unit = null)
    {
        var words = System.Text.RegularExpressions.Regex.Split(name.ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 0).ToArray();
        if (words.Any(w => HigherIsBetterStems.Any(w.StartsWith)))
        {
            return false;
        }

        if (words.Any(w => LowerIsBetterStems.Any(w.StartsWith)))
        {
            return true;
        }

        return unit is "ms" or "s" or "sec" or "min";
    }
}
