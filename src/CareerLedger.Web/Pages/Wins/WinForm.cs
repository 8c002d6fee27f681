using System.Globalization;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace CareerLedger.Web.Pages.Wins;

/// <summary>
/// The win form's fields as typed, under the API's field names (<c>title</c>, <c>occurredOn</c>, <c>impact[0].after</c>…), so
/// that the API's validation messages land next to the right input and a failed post shows everything as it was typed.
/// </summary>
public sealed class WinForm
{
    /// <summary>Metric rows offered on the form.</summary>
    public const int MetricRows = 3;

    /// <summary>
    /// A random id made when the empty form is shown and posted back with it: the idempotency key of the log command, so a form
    /// sent twice (a double click, a resend after a network error) logs one win. Null on the revise form.
    /// </summary>
    public string? RequestId { get; set; }

    /// <summary>Title as typed.</summary>
    public string? Title { get; set; }

    /// <summary>Date as typed (yyyy-MM-dd from the date input).</summary>
    public string? OccurredOn { get; set; }

    /// <summary>individual | team | multi_team | org | company.</summary>
    public string Scope { get; set; } = "individual";

    /// <summary>contributed | led | drove.</summary>
    public string Involvement { get; set; } = "contributed";

    /// <summary>Project as typed.</summary>
    public string? Project { get; set; }

    /// <summary>Description as typed.</summary>
    public string? Description { get; set; }

    /// <summary>Learnings as typed.</summary>
    public string? Learnings { get; set; }

    /// <summary>Links as typed: one absolute http(s) URL per line.</summary>
    public string? Links { get; set; }

    /// <summary>Why it changed (revise form only; kept in the win's history).</summary>
    public string? Reason { get; set; }

    /// <summary>The links, one per non-empty line.</summary>
    public IReadOnlyList<string> LinkList => (Links ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Competency names ticked (snake_case).</summary>
    public IReadOnlyList<string> Competencies { get; set; } = [];

    /// <summary>Metric rows as typed: name, before, after, unit (always <see cref="MetricRows"/> or more).</summary>
    public IReadOnlyList<MetricRow> Impact { get; set; } = Enumerable.Range(0, MetricRows).Select(_ => new MetricRow()).ToList();

    /// <summary>Reads the posted form.</summary>
    public static WinForm From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? F(string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;
        var rows = Enumerable.Range(0, MetricRows)
            .Select(i => new MetricRow
            {
                Name = F($"impact[{i}].name"), Before = F($"impact[{i}].before"), After = F($"impact[{i}].after"), Unit = F($"impact[{i}].unit"),
                LowerIsBetter = F($"impact[{i}].lowerIsBetter") switch { "true" => true, "false" => false, _ => null },
            })
            .ToList();
        return new WinForm
        {
            RequestId = F("requestId") is { Length: > 0 and <= 64 } id ? id : null,
            Title = F("title"),
            OccurredOn = F("occurredOn"),
            Scope = F("scope") ?? "individual",
            Involvement = F("involvement") ?? "contributed",
            Project = F("project"),
            Description = F("description"),
            Learnings = F("learnings"),
            Links = F("links"),
            Reason = F("reason"),
            Competencies = form["competencies"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList(),
            Impact = rows,
        };
    }

    /// <summary>The form of an existing win (for revising it).</summary>
    public static WinForm From(Accomplishments.AccomplishmentView win)
    {
        ArgumentNullException.ThrowIfNull(win);
        var rows = win.Impact.Select(m => new MetricRow
        {
            Name = m.Name,
            Before = m.Before?.ToString(CultureInfo.InvariantCulture),
            After = m.After.ToString(CultureInfo.InvariantCulture),
            Unit = m.Unit,
            LowerIsBetter = m.LowerIsBetter,
        }).ToList();
        while (rows.Count < MetricRows)
        {
            rows.Add(new MetricRow());
        }

        return new WinForm
        {
            Title = win.Title,
            OccurredOn = win.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Scope = Snake(win.Scope.ToString()),
            Involvement = Snake(win.Involvement.ToString()),
            Project = win.Project,
            Description = win.Description,
            Learnings = win.Learnings,
            Links = win.Links.Count == 0 ? null : string.Join('\n', win.Links),
            Competencies = win.Competencies.Select(Domain.Competencies.CompetencyCatalog.NameOf).ToList(),
            Impact = rows,
        };
    }

    /// <summary>
    /// The draft the API would receive; figures that are not numbers (and a date that is not a date) are left out of it and
    /// kept as errors for <see cref="Validate"/>.
    /// </summary>
    public AccomplishmentDraft ToDraft()
    {
        var errors = new ValidationErrors();
        DateOnly? occurredOn = null;
        if (!string.IsNullOrWhiteSpace(OccurredOn))
        {
            if (DateOnly.TryParseExact(OccurredOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                occurredOn = d;
            }
            else
            {
                errors.Add("occurredOn", $"'{OccurredOn}' is not a date; use yyyy-MM-dd.");
            }
        }

        var metrics = new List<ImpactMetricDraft>();
        _rowOfMetric.Clear();
        for (var i = 0; i < Impact.Count; i++)
        {
            var row = Impact[i];
            if (row.IsEmpty)
            {
                continue;
            }

            _rowOfMetric.Add(i);
            var before = Number(errors, $"impact[{metrics.Count}].before", row.Before); // keys as the API's; FormKey maps them to rows
            var after = Number(errors, $"impact[{metrics.Count}].after", row.After);
            metrics.Add(new ImpactMetricDraft(row.Name, before, after, string.IsNullOrWhiteSpace(row.Unit) ? null : row.Unit, row.LowerIsBetter));
        }

        var links = LinkList;
        var draft = new AccomplishmentDraft(Title, occurredOn, Description, Project, Scope, Involvement, metrics, Competencies, Learnings, links.Count == 0 ? null : links);
        _formErrors = errors;
        return draft;
    }

    /// <summary>
    /// Validates the form as the API validates its body (<see cref="AccomplishmentDraft.Validate"/>), adding the form's own
    /// errors (figures or a date that cannot be read), so that every problem is reported at once.
    /// </summary>
    /// <param name="today">The user's calendar day.</param>
    /// <exception cref="DomainValidationException">Every invalid field, keyed as the API keys them (see <see cref="FormKey"/>).</exception>
    public AccomplishmentDetails Validate(DateOnly today)
    {
        var draft = ToDraft();
        return Site.PageErrors.ValidateWith(_formErrors!, () => draft.Validate(today));
    }

    private ValidationErrors? _formErrors;

    /// <summary>
    /// The form key of an API error key: <c>impact[k]…</c> names the k-th metric sent, which is the row it came from once empty
    /// rows are skipped; <c>links[k]</c> is the links box; every other key is the same.
    /// </summary>
    public string FormKey(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        if (apiKey.StartsWith("links[", StringComparison.Ordinal))
        {
            return "links";
        }

        if (!apiKey.StartsWith("impact[", StringComparison.Ordinal))
        {
            return apiKey;
        }

        var close = apiKey.IndexOf(']', StringComparison.Ordinal);
        return close > 7 && int.TryParse(apiKey.AsSpan(7, close - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k < _rowOfMetric.Count
            ? $"impact[{_rowOfMetric[k]}]{apiKey[(close + 1)..]}"
            : apiKey;
    }

    private readonly List<int> _rowOfMetric = [];

    private static string Snake(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static decimal? Number(ValidationErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace('\u2212', '-');
        if (decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, $"'{text}' is not a number; write the figure alone (420, 99.5, -3) and put the unit in the unit box.");
        return null;
    }
}

/// <summary>One metric row as typed.</summary>
public sealed class MetricRow
{
    /// <summary>What was measured.</summary>
    public string? Name { get; set; }

    /// <summary>The baseline, as typed.</summary>
    public string? Before { get; set; }

    /// <summary>The figure after, as typed.</summary>
    public string? After { get; set; }

    /// <summary>The unit (ms, %, $…).</summary>
    public string? Unit { get; set; }

    /// <summary>
    /// The direction stored with the metric, carried unchanged by the revise form (a hidden field), so a revision keeps a direction
    /// set through the API; null on new rows, where the API infers it from the metric's name.
    /// </summary>
    public bool? LowerIsBetter { get; set; }

    /// <summary>True when nothing was typed in the row.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Before) && string.IsNullOrWhiteSpace(After) && string.IsNullOrWhiteSpace(Unit);
}
