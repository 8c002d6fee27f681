using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Web.Import;

namespace CareerLedger.Benchmarks;

/// <summary>
/// The data the benchmark writes, all deterministic: one typical win (event and request body), a 10-year ledger in the
/// import format (520 wins, one a week; 150 feedback items) and five offers based on samples/offers.
/// </summary>
internal static class LedgerData
{
    /// <summary>Wins in the imported ledger (one a week for ten years).</summary>
    public const int Wins = 520;

    /// <summary>Feedback items in the imported ledger.</summary>
    public const int FeedbackItems = 150;

    /// <summary>JSON of request bodies: camelCase, enums as the API spells them.</summary>
    public static JsonSerializerOptions RequestJson { get; } = new(JsonSerializerDefaults.Web);

    private static readonly string[] Projects = ["Payments API", "Checkout", "Ledger Service", "Platform/Infra", "Search", "Identity"];
    private static readonly string[] Scopes = ["team", "team", "multi_team", "individual", "team", "org", "multi_team", "company"];
    private static readonly string[] Involvements = ["led", "contributed", "drove", "led"];
    private static readonly string[] CompetencyNames =
    [
        "ownership", "ambiguity", "perseverance", "conflict_resolution", "growth_mindset", "communication", "leadership", "mentorship",
        "delivery", "decision_making", "customer_impact", "reliability", "performance_cost", "technical_debt", "learning_new_tech",
        "collaboration", "rapport",
    ];

    private static readonly (string Verb, string Thing, string Metric, string Unit, bool LowerIsBetter, decimal Before)[] Themes =
    [
        ("Cut", "p99 latency of the authorization path", "p99 latency", "ms", true, 420),
        ("Reduced", "monthly cloud spend of the batch jobs", "monthly infra cost", "$", true, 31000),
        ("Shortened", "the CI pipeline by sharding integration tests", "median CI duration", "min", true, 24),
        ("Raised", "the share of payments retried automatically", "automatic retry success", "%", false, 61),
        ("Removed", "flaky alerts that paged on-call at night", "night pages per week", "count", true, 14),
        ("Grew", "throughput of the settlement import", "sustained throughput", "req/s", false, 1800),
        ("Lowered", "the error rate of webhook deliveries", "webhook error rate", "%", true, 2.4m),
        ("Sped up", "onboarding of new engineers with a runbook", "days to first deploy", "days", true, 12),
    ];

    /// <summary>
    /// The win appended by the store row and stored (as JSON) by the raw-insert row: a typical entry of the sample ledger,
    /// without a description, so that the event's JSON is about 450 bytes.
    /// </summary>
    public static AccomplishmentDetails SampleWin(DateOnly today) => new(
        Title: "Halved checkout p99 latency",
        OccurredOn: today,
        Description: null,
        Project: "Checkout",
        Scope: Scope.MultiTeam,
        Involvement: Involvement.Led,
        Impact: [new ImpactMetric("p99 latency", 420, 210, "ms", LowerIsBetter: true)],
        Competencies: [Competency.PerformanceCost, Competency.Ownership],
        Learnings: "Added a latency budget to CI.",
        Links: ["https://git.example.com/pull/812"]);

    /// <summary>The raw-insert row's payload: the sample win's <c>accomplishment_logged</c> event as the store serialises it.</summary>
    public static string RawPayload(DateOnly today) =>
        JsonSerializer.Serialize(new AccomplishmentLogged(Guid.CreateVersion7(), SampleWin(today)), CareerLedger.Web.Infrastructure.LedgerStore.CreateJson());

    /// <summary>The body of <c>POST /api/accomplishments</c> number <paramref name="n"/>: a new win (distinct title) dated today.</summary>
    /// <param name="n">The win's number: picks the theme and, unless <paramref name="label"/> is given, makes the title and link distinct.</param>
    /// <param name="today">The win's date.</param>
    /// <param name="label">Written into the title and the link instead of <paramref name="n"/> (the load test's placeholder).</param>
    public static string NewWinBody(long n, DateOnly today, string? label = null)
    {
        var t = Themes[n % Themes.Length];
        label ??= n.ToString(CultureInfo.InvariantCulture);
        var draft = new AccomplishmentDraft(
            Title: $"{t.Verb} {t.Thing} (bench win {label})",
            OccurredOn: today,
            Description: "Profiled the path end to end, found the slowest dependency and put it behind a cache with a short expiry.",
            Project: Projects[n % Projects.Length],
            Scope: "multi_team",
            Involvement: "led",
            Impact: [new ImpactMetricDraft(t.Metric, t.Before, Improved(t.Before, t.Unit, t.LowerIsBetter, 0.5m), t.Unit, t.LowerIsBetter)],
            Competencies: ["performance_cost", "ownership"],
            Learnings: "Added a budget check to CI so the regression cannot come back unnoticed.",
            Links: [$"https://git.example.com/bench/pull/{label}"]);
        return JsonSerializer.Serialize(draft, RequestJson);
    }

    /// <summary>The brag document request of the benchmark: the full ten years up to <paramref name="today"/>, as JSON.</summary>
    public static string BragPath(DateOnly today) =>
        string.Create(CultureInfo.InvariantCulture, $"api/brag?from={today.AddYears(-10):yyyy-MM-dd}&to={today:yyyy-MM-dd}");

    /// <summary>Ten years up to <paramref name="today"/>: a win every week and feedback about every 24 days.</summary>
    public static ImportRequest TenYearLedger(DateOnly today)
    {
        var wins = new List<ImportAccomplishment>(Wins);
        for (var i = 0; i < Wins; i++)
        {
            var t = Themes[i * 5 % Themes.Length];
            var project = Projects[i * 7 % Projects.Length];
            var year = i / 52;
            var factor = 0.35m + (i * 13 % 40) / 100m; // the share of the baseline that remains, 35-74 %
            var before = t.Unit == "%" ? t.Before : t.Before * (1 + year / 10m);
            var impact = new List<ImpactMetricDraft> { new(t.Metric, before, Improved(before, t.Unit, t.LowerIsBetter, factor), t.Unit, t.LowerIsBetter) };
            if (i % 3 == 0)
            {
                impact.Add(new ImpactMetricDraft("support tickets per month", 120 + i % 50, 60 + i % 30, "count", true));
            }

            var competencies = Enumerable.Range(0, 2 + i % 3).Select(k => CompetencyNames[(i * 3 + k * 5) % CompetencyNames.Length]).Distinct().ToList();
            wins.Add(new ImportAccomplishment(
                Id: string.Create(CultureInfo.InvariantCulture, $"w{i:000}-{Slug(project)}"),
                Title: string.Create(CultureInfo.InvariantCulture, $"{t.Verb} {t.Thing} for {project} (week {i + 1})"),
                OccurredOn: today.AddDays(-7 * (Wins - 1 - i)),
                Description: string.Create(CultureInfo.InvariantCulture,
                    $"{project} had been living with this for months and nobody owned it. I measured where the time and money went, " +
                    $"wrote a one-page proposal with two options and their costs, and agreed the plan with the teams that depend on " +
                    $"{project}. I shipped it behind a flag, rolled it out over a week while watching the dashboards, and removed the old " +
                    $"path once the numbers held for {7 + i % 21} days."),
                Project: project,
                Scope: Scopes[i % Scopes.Length],
                Involvement: Involvements[i % Involvements.Length],
                Impact: impact,
                Competencies: competencies,
                Learnings: i % 4 == 3 ? null : "Writing the rollback plan before the rollout made the change easy to approve; I now put one in every proposal.",
                Links: [string.Create(CultureInfo.InvariantCulture, $"https://git.example.com/{Slug(project)}/pull/{1000 + i}")]));
        }

        string[] givers = ["manager", "peer", "report", "skip_level", "other"];
        string[] sources = ["1:1", "Slack", "performance review", "incident retro", "email"];
        string[] sentiments = ["positive", "positive", "constructive", "neutral"];
        var feedback = new List<ImportFeedback>(FeedbackItems);
        for (var j = 0; j < FeedbackItems; j++)
        {
            var sentiment = sentiments[j % sentiments.Length];
            var text = sentiment switch
            {
                "positive" => $"Your write-up of the {Projects[j % Projects.Length]} change was the clearest I have read this quarter: short, honest about the risks, and it made the decision easy.",
                "constructive" => $"In the {Projects[j % Projects.Length]} review you answered every question yourself. Let the newer engineers take some of them; they learn more from explaining than from listening.",
                _ => $"The {Projects[j % Projects.Length]} migration landed as planned. Next quarter I would like to see the same rigour applied to the on-call handover.",
            };
            feedback.Add(new ImportFeedback(
                Id: string.Create(CultureInfo.InvariantCulture, $"fb{j:000}"),
                ReceivedOn: today.AddDays(-24 * (FeedbackItems - 1 - j)),
                From: givers[j % givers.Length],
                Source: sources[j * 3 % sources.Length],
                Text: text,
                Sentiment: sentiment,
                Themes: [CompetencyNames[j % CompetencyNames.Length], CompetencyNames[(j + 5) % CompetencyNames.Length]]));
        }

        return new ImportRequest(wins, feedback);
    }

    /// <summary>
    /// Five offer bodies for <c>POST /api/offers</c>: the three JSON samples in <paramref name="samplesDirectory"/> and two
    /// variants of them, with dates moved so that every offer is open today.
    /// </summary>
    public static IReadOnlyList<(string Key, string Body)> Offers(string samplesDirectory, DateOnly today)
    {
        var samples = Directory.GetFiles(samplesDirectory, "*.json").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Json: JsonNode.Parse(File.ReadAllText(f))!.AsObject()))
            .ToList();
        if (samples.Count == 0)
        {
            throw new InvalidOperationException($"No sample offers (*.json) in {samplesDirectory}.");
        }

        var offers = samples.Select(s => (s.Name, s.Json)).ToList();
        string[] variants = ["Fabrikam", "Tailspin"];
        for (var v = 0; v < variants.Length; v++)
        {
            var copy = samples[v % samples.Count].Json.DeepClone().AsObject();
            var terms = copy["terms"]!.AsObject();
            terms["company"] = variants[v];
            terms["baseSalary"] = terms["baseSalary"]!.GetValue<decimal>() + 10_000 * (v + 1);
            offers.Add(($"{variants[v].ToLowerInvariant()}-variant", copy));
        }

        return offers.Select((o, i) =>
        {
            var terms = o.Json["terms"]!.AsObject();
            o.Json["receivedOn"] = Date(today.AddDays(-3 * (offers.Count - i)));
            terms["deadline"] = Date(today.AddDays(14 + i));
            terms["startDate"] = Date(today.AddDays(45 + 7 * i));
            return ("bench-offer-" + o.Name, o.Json.ToJsonString());
        }).ToList();
    }

    /// <summary>The figure after the change: <paramref name="factor"/> of the baseline remains (lower is better), or is gained.</summary>
    private static decimal Improved(decimal before, string unit, bool lowerIsBetter, decimal factor) => Math.Round(
        lowerIsBetter ? before * factor
        : unit == "%" ? before + (100 - before) * (1 - factor) // a rate stays below 100 %
        : before * (2 - factor),
        1);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Slug(string text) => new(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
