using System.Globalization;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Questions;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Practice;
using CareerLedger.Web.Site;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace CareerLedger.Web.Pages.Practice;

/// <summary>
/// <c>/practice</c>: start a mock interview (<c>POST /api/practice/sessions</c>: <see cref="PracticeApi.Start"/>, its validation
/// and handler; the form's request id is the idempotency key), the user's sessions, and progress over time
/// (<c>GET /api/practice/progress</c>) as inline SVG charts with the same numbers in tables.
/// </summary>
public sealed class IndexModel(CurrentUser me, IMessageBus bus, IQuerySession session, QuestionBank bank, LedgerReader reader) : PageModel
{
    /// <summary>The start form as shown (or as typed when refused).</summary>
    public StartForm Form { get; private set; } = new();

    /// <summary>The user's sessions, newest first.</summary>
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    /// <summary>Scores over time across every session.</summary>
    public PracticeProgress Progress { get; private set; } = null!;

    /// <summary>Sessions with at least one scored answer, oldest first, with the mean score of their answers (the first chart).</summary>
    public IReadOnlyList<SessionScore> PerSession { get; private set; } = [];

    /// <summary>Competencies the answered questions probe, in catalogue order, with the mean score (the second chart).</summary>
    public IReadOnlyList<CompetencyScore> PerCompetency { get; private set; } = [];

    /// <summary>The user's time zone (session dates are shown in it).</summary>
    public TimeZoneInfo TimeZone => me.TimeZone;

    /// <summary>The start form (5 questions, any lens and level) above the sessions and progress.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = new StartForm { RequestId = Guid.NewGuid().ToString("N") };
        await LoadAsync(ct);
    }

    /// <summary>Starts a session and opens it, or shows the form again with the errors.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = StartForm.From(Request.Form);
        int? count = null;
        if (!string.IsNullOrWhiteSpace(Form.Questions))
        {
            if (int.TryParse(Form.Questions.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                count = n;
            }
            else
            {
                ModelState.AddModelError("questions", $"'{Form.Questions}' is not a number: ask for 1 to 20 questions.");
            }
        }

        SessionView? started = null;
        var ok = ModelState.IsValid && await ModelState.TryAsync(async () =>
        {
            var request = new StartSessionRequest(Blank(Form.Lens), Blank(Form.Level), Form.Competencies, count, null);
            started = ApiResults.Value<SessionView>(await PracticeApi.Start(request, Form.RequestId is { } key ? "web:" + key : null, me, bank, reader, session, bus, HttpContext, ct));
        }, key => key.StartsWith("competencies", StringComparison.Ordinal) ? "competencies" : key);
        if (!ok || started is null)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return Redirect($"/practice/{started.Session.Id}");
    }

    /// <summary>What a session targets, in words ("Amazon, staff, 3 questions").</summary>
    public static string Describe(MockTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var parts = new List<string>();
        if (target.Lens is { } lens)
        {
            parts.Add(LensCatalog.TryParse(lens, out CompanyLens l) ? LensCatalog.LabelOf(l) : lens);
        }

        if (target.Level is { } level)
        {
            parts.Add(level);
        }

        if (target.Competencies.Count > 0)
        {
            parts.Add(string.Join(", ", target.Competencies.Select(CompetencyCatalog.LabelOf)).ToLowerInvariant());
        }

        return parts.Count == 0 ? "Any question" : string.Join("; ", parts);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task LoadAsync(CancellationToken ct)
    {
        Sessions = ApiResults.Value<IReadOnlyList<SessionView>>(await PracticeApi.Sessions(me, session, bank, ct)) ?? [];
        Progress = ApiResults.Value<PracticeProgress>(await PracticeApi.Progress(me, session, bank, ct))!;
        PerSession = Sessions.Reverse()
            .Select(v => (v.Session, Scores: v.Session.Questions.Where(q => q.CurrentScore is not null).Select(q => q.CurrentScore!.Overall).ToList()))
            .Where(x => x.Scores.Count > 0)
            .Select(x => new SessionScore(x.Session.Id, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(x.Session.StartedAt, me.TimeZone).DateTime), x.Scores.Count, Mean(x.Scores.Select(s => (double)s))))
            .ToList();
        PerCompetency = Progress.ByCompetency.OrderBy(kv => kv.Key)
            .Select(kv => new CompetencyScore(kv.Key, kv.Value.Count, Mean(kv.Value.Select(p => (double)p.Current)), kv.Value[^1].Current))
            .ToList();
    }

    private static int Mean(IEnumerable<double> values) => (int)Math.Round(values.Average(), MidpointRounding.AwayFromZero);
}

/// <summary>A session's mean score.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="StartedOn">The day it started (user's time zone).</param>
/// <param name="Answers">Scored answers in it.</param>
/// <param name="Average">Mean overall score of those answers under the running rubric, 0-100, rounded half away from zero.</param>
public sealed record SessionScore(Guid SessionId, DateOnly StartedOn, int Answers, int Average);

/// <summary>A competency's scores in practice.</summary>
/// <param name="Competency">The competency (of the questions answered).</param>
/// <param name="Answers">Answers to questions probing it.</param>
/// <param name="Average">Mean overall score of those answers under the running rubric, 0-100.</param>
/// <param name="Last">The most recent one, 0-100.</param>
public sealed record CompetencyScore(Competency Competency, int Answers, int Average, int Last);

/// <summary>The start form's fields as typed, under the API's field names (<c>lens</c>, <c>level</c>, <c>competencies</c>, <c>questions</c>).</summary>
public sealed class StartForm
{
    /// <summary>The idempotency key made when the form was shown: a form sent twice starts one session.</summary>
    public string? RequestId { get; set; }

    /// <summary>amazon | google | meta | apple | netflix | stripe, or empty for any.</summary>
    public string? Lens { get; set; }

    /// <summary>senior | staff | principal, or empty for any.</summary>
    public string? Level { get; set; }

    /// <summary>Competency names ticked (snake_case); none = any.</summary>
    public IReadOnlyList<string> Competencies { get; set; } = [];

    /// <summary>How many questions, as typed (1-20).</summary>
    public string? Questions { get; set; } = "5";

    /// <summary>Reads the posted form.</summary>
    public static StartForm From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? F(string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;
        return new StartForm
        {
            RequestId = F("requestId") is { Length: > 0 and <= 64 } id ? id : null,
            Lens = F("lens"),
            Level = F("level"),
            Competencies = form["competencies"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList(),
            Questions = F("questions"),
        };
    }
}
