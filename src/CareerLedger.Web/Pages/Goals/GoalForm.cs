using System.Globalization;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Goals;
using CareerLedger.Web.Goals;

namespace CareerLedger.Web.Pages.Goals;

/// <summary>
/// The goal form's fields as typed, under the API's field names (<c>kind</c>, <c>title</c>, <c>targetLevel</c>, <c>targetDate</c>,
/// <c>targetCompanies</c>, <c>interviews[0].on</c>…), so that <see cref="GoalDraft.Validate"/>'s messages land next to their inputs
/// and a refused post shows everything as it was typed. Target companies are one per line; interviews are rows (day, company,
/// stage), and empty rows are left out.
/// </summary>
public sealed class GoalForm
{
    /// <summary>Interview rows offered on a new goal (an existing goal gets one more than it has).</summary>
    public const int MinimumInterviewRows = 3;

    /// <summary>promotion | job_search.</summary>
    public string Kind { get; set; } = "promotion";

    /// <summary>Title as typed.</summary>
    public string? Title { get; set; }

    /// <summary>Target level as typed (staff, L6…).</summary>
    public string? TargetLevel { get; set; }

    /// <summary>Target date as typed (yyyy-MM-dd from the date input).</summary>
    public string? TargetDate { get; set; }

    /// <summary>Target companies, one per line, as typed.</summary>
    public string? TargetCompanies { get; set; }

    /// <summary>Interview rows as typed.</summary>
    public IReadOnlyList<InterviewRow> Interviews { get; set; } = Enumerable.Range(0, MinimumInterviewRows).Select(_ => new InterviewRow()).ToList();

    /// <summary>Reads the posted form.</summary>
    public static GoalForm From(Microsoft.AspNetCore.Http.IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? F(string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;
        var count = int.TryParse(F("interviewRows"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, MinimumInterviewRows, 60) : MinimumInterviewRows;
        return new GoalForm
        {
            Kind = F("kind") ?? "",
            Title = F("title"),
            TargetLevel = F("targetLevel"),
            TargetDate = F("targetDate"),
            TargetCompanies = F("targetCompanies"),
            Interviews = Enumerable.Range(0, count)
                .Select(i => new InterviewRow { On = F($"interviews[{i}].on"), Company = F($"interviews[{i}].company"), Stage = F($"interviews[{i}].stage") })
                .ToList(),
        };
    }

    /// <summary>The form of an existing goal.</summary>
    public static GoalForm From(GoalView goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var rows = goal.Interviews.Select(i => new InterviewRow { On = i.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Company = i.Company, Stage = i.Stage }).ToList();
        do
        {
            rows.Add(new InterviewRow());
        }
        while (rows.Count < MinimumInterviewRows);

        return new GoalForm
        {
            Kind = goal.Kind == GoalKind.JobSearch ? "job_search" : "promotion",
            Title = goal.Title,
            TargetLevel = goal.TargetLevel,
            TargetDate = goal.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TargetCompanies = string.Join('\n', goal.TargetCompanies),
            Interviews = rows,
        };
    }

    /// <summary>
    /// Validates the form as the API validates its body (<see cref="GoalDraft.Validate"/>), adding the form's own errors (a day that
    /// cannot be read), so that every problem is reported at once.
    /// </summary>
    /// <exception cref="DomainValidationException">Every invalid field, keyed as the API keys them (see <see cref="FormKey"/>).</exception>
    public GoalDetails Validate()
    {
        var own = new ValidationErrors();
        var targetDate = Day(own, "targetDate", TargetDate);
        var companies = (TargetCompanies ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        _rowOfInterview.Clear();
        var interviews = new List<InterviewDraft>();
        for (var i = 0; i < Interviews.Count; i++)
        {
            var row = Interviews[i];
            if (row.IsEmpty)
            {
                continue;
            }

            _rowOfInterview.Add(i);
            interviews.Add(new InterviewDraft(Day(own, $"interviews[{interviews.Count}].on", row.On), row.Company, string.IsNullOrWhiteSpace(row.Stage) ? null : row.Stage));
        }

        var draft = new GoalDraft(Kind, Title, string.IsNullOrWhiteSpace(TargetLevel) ? null : TargetLevel, targetDate,
            companies.Count == 0 ? null : companies, interviews.Count == 0 ? null : interviews);
        try
        {
            var details = draft.Validate();
            own.ThrowIfAny();
            return details;
        }
        catch (DomainValidationException api) when (own.Any)
        {
            var mine = Errors(own);
            var merged = new ValidationErrors();
            foreach (var (key, messages) in mine.Concat(api.Errors.Where(e => !mine.ContainsKey(e.Key))))
            {
                foreach (var m in messages)
                {
                    merged.Add(key, m);
                }
            }

            merged.ThrowIfAny();
            throw;
        }
    }

    /// <summary>
    /// The form key of an API error key: <c>interviews[k]…</c> names the k-th interview sent, which is the row it came from once empty
    /// rows are skipped; <c>targetCompanies[i]</c> is the one text box of companies; every other key is the same.
    /// </summary>
    public string FormKey(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        if (apiKey.StartsWith("targetCompanies[", StringComparison.Ordinal))
        {
            return "targetCompanies";
        }

        if (!apiKey.StartsWith("interviews[", StringComparison.Ordinal))
        {
            return apiKey;
        }

        var close = apiKey.IndexOf(']', StringComparison.Ordinal);
        return close > 11 && int.TryParse(apiKey.AsSpan(11, close - 11), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k < _rowOfInterview.Count
            ? $"interviews[{_rowOfInterview[k]}]{apiKey[(close + 1)..]}"
            : apiKey;
    }

    private readonly List<int> _rowOfInterview = [];

    private static IReadOnlyDictionary<string, string[]> Errors(ValidationErrors errors)
    {
        try
        {
            errors.ThrowIfAny();
            return new Dictionary<string, string[]>();
        }
        catch (DomainValidationException e)
        {
            return e.Errors;
        }
    }

    private static DateOnly? Day(ValidationErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, $"'{text}' is not a date; use yyyy-MM-dd.");
        return null;
    }
}

/// <summary>One interview row as typed.</summary>
public sealed class InterviewRow
{
    /// <summary>The day as typed (yyyy-MM-dd).</summary>
    public string? On { get; set; }

    /// <summary>The company.</summary>
    public string? Company { get; set; }

    /// <summary>The stage (phone screen, onsite…).</summary>
    public string? Stage { get; set; }

    /// <summary>True when nothing was typed in the row.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(On) && string.IsNullOrWhiteSpace(Company) && string.IsNullOrWhiteSpace(Stage);
}
