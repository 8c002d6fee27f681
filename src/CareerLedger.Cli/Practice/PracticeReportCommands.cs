using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Practice;

/// <summary><c>ledger progress</c>, <c>ledger readiness</c> and <c>ledger questions</c>.</summary>
internal static class PracticeReportCommands
{
    /// <summary>How many recent answers the "average of the last N" uses.</summary>
    public const int Recent = 5;

    public static Command Progress(CliContext ctx)
    {
        var command = new Command("progress", "Practice over time: sessions per week, the overall trend, weakest dimensions and competencies, stories practised");
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/practice/progress", ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var progress = response.Read<PracticeProgressDto>();
            ctx.Out.WriteLine($"Practice: {Wording.Plural(progress.Sessions, "session")}, {Wording.Plural(progress.Answers, "scored answer")}.");
            if (progress.JobSearch is { } focus)
            {
                var next = focus.NextInterview is { } i ? $"next interview {i.On} with {i.Company} (in {Wording.Plural(focus.DaysToInterview ?? 0, "day")})" : "no interview scheduled";
                ctx.Out.WriteLine($"Job search \"{focus.Title}\": {next}; a mock session every {Wording.Plural(focus.CadenceDays, "day")} for now.");
            }

            if (progress.Sessions == 0)
            {
                ctx.Out.WriteLine("Nothing practised yet. Start with `ledger mock start`.");
                return ExitCodes.Ok;
            }

            ctx.Out.WriteLine();
            ctx.Out.WriteLine("Sessions per week:");
            var widest = progress.SessionsPerWeek.Max(w => w.Sessions);
            foreach (var week in progress.SessionsPerWeek)
            {
                var bar = new string('#', Math.Max(1, (int)Math.Round(20.0 * week.Sessions / widest, MidpointRounding.AwayFromZero)));
                ctx.Out.WriteLine($"  {week.Week}  {week.Sessions,3}  {bar}");
            }

            ctx.Out.WriteLine();
            ctx.Out.WriteLine("Overall: " + Trend(progress.Overall));
            WriteRescored(ctx, progress);
            if (progress.ByDimension.Count > 0)
            {
                ctx.Out.WriteLine();
                var table = new Table().Border(ctx.TableBorder);
                table.AddColumn("Dimension");
                table.AddColumn(new TableColumn("Answers").RightAligned());
                table.AddColumn(new TableColumn("First").RightAligned());
                table.AddColumn(new TableColumn("Last").RightAligned());
                table.AddColumn(new TableColumn($"Last {Recent} avg").RightAligned());
                var order = CoachView.Ordered(progress.ByDimension.Select(kv => KeyValuePair.Create(kv.Key, 0))).Select(kv => kv.Key);
                foreach (var (dimension, points) in order.Select(d => (d, progress.ByDimension[d])))
                {
                    table.AddRow(
                        new Text(CoachView.Label(dimension)),
                        new Text(points.Count.ToString(CultureInfo.InvariantCulture)),
                        new Text(points.Count == 0 ? "–" : points[0].Current.ToString(CultureInfo.InvariantCulture)),
                        new Text(points.Count == 0 ? "–" : points[^1].Current.ToString(CultureInfo.InvariantCulture)),
                        new Text(points.Count == 0 ? "–" : RecentAverage(points).ToString(CultureInfo.InvariantCulture)));
                }

                ctx.Console.Write(table);
            }

            ctx.Out.WriteLine();
            ctx.Out.WriteLine("Weakest dimensions: " + (progress.WeakestDimensions.Count == 0 ? "–" : string.Join(", ", progress.WeakestDimensions.Select(CoachView.Label))));
            ctx.Out.WriteLine("Weakest competencies: " + (progress.WeakestCompetencies.Count == 0 ? "–" : string.Join(", ", progress.WeakestCompetencies.Select(c =>
                progress.ByCompetency.TryGetValue(c, out var points) && points.Count > 0
                    ? $"{CoachView.Label(c)} (average {Average(points)} over {Wording.Plural(points.Count, "answer")})"
                    : CoachView.Label(c)))));
            ctx.Out.WriteLine();
            if (progress.StoriesPractised.Count == 0)
            {
                ctx.Out.WriteLine("Stories practised: none yet (pass --story STORY_ID to `ledger mock answer`).");
            }
            else
            {
                ctx.Out.WriteLine("Stories practised:");
                var table = new Table().Border(ctx.TableBorder);
                table.AddColumn("Story");
                table.AddColumn(new TableColumn("Times").RightAligned());
                table.AddColumn(new TableColumn("Best").RightAligned());
                table.AddColumn(new TableColumn("Last").RightAligned());
                table.AddColumn("Id");
                foreach (var s in progress.StoriesPractised)
                {
                    table.AddRow(
                        new Text(s.Headline),
                        new Text(s.Times.ToString(CultureInfo.InvariantCulture)),
                        new Text(s.Best.ToString(CultureInfo.InvariantCulture)),
                        new Text(s.Last.ToString(CultureInfo.InvariantCulture)),
                        new Text(ShortIds.Format(s.StoryId)));
                }

                ctx.Console.Write(table);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"first 86, last 34 (-52); average of the last 5: 62".</summary>
    internal static string Trend(IReadOnlyList<ScorePointDto> points)
    {
        if (points.Count == 0)
        {
            return "no scored answers yet";
        }

        var first = points[0].Current;
        var last = points[^1].Current;
        var change = (last - first).ToString("+0;-0;±0", CultureInfo.InvariantCulture);
        var window = Math.Min(Recent, points.Count);
        return $"first {first}, last {last} ({change}); average of the last {window}: {RecentAverage(points)}";
    }

    private static int RecentAverage(IReadOnlyList<ScorePointDto> points) => Average(points.TakeLast(Recent).ToList());

    private static int Average(IReadOnlyList<ScorePointDto> points) => (int)Math.Round(points.Average(p => p.Current), MidpointRounding.AwayFromZero);

    /// <summary>
    /// When some answers were scored under an older rubric: says that the figures above are the running rubric's and lists
    /// those answers with both scores ("scored 64 under rubric v1; 78 under rubric v2").
    /// </summary>
    private static void WriteRescored(CliContext ctx, PracticeProgressDto progress)
    {
        var rescored = progress.Overall.Where(p => p.Rescored is not null).ToList();
        if (rescored.Count == 0)
        {
            return;
        }

        ctx.Out.WriteLine(
            $"{Wording.Plural(rescored.Count, "answer")} of {progress.Overall.Count} scored under an older rubric; the figures here are " +
            $"under rubric v{progress.RubricVersion}, re-scored from the stored text:");
        foreach (var p in rescored)
        {
            ctx.Out.WriteLine($"  {p.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  {Wording.Score(p.Score, p.RubricVersion, p.Rescored, p.RescoredRubricVersion)}");
        }
    }

    public static Command Readiness(CliContext ctx)
    {
        var level = new Option<string>("--level") { Description = "The target level: L5 (senior), L6 (staff) or L7 (principal); default: your promotion goal's level", HelpName = "L5|L6|L7" };
        var command = new Command("readiness", "Promotion readiness: per level dimension, what the level expects, your evidence and the gap");
        command.Options.Add(level);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/readiness" + OptionValues.Query(("level", parse.GetValue(level))), ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var report = response.Read<ReadinessReportDto>();
            ctx.Out.WriteLine($"Promotion readiness for {report.Level} ({LevelCode(report.Level)}): {report.Ready} of {report.Dimensions.Count} dimensions ready.");
            ctx.Out.WriteLine(report.Summary);
            foreach (var d in report.Dimensions)
            {
                ctx.Out.WriteLine();
                var label = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(CoachView.Label(d.Dimension));
                ctx.Out.WriteLine($"{label} ({(d.Gap is null ? "ready" : "gap")})");
                ctx.Out.WriteLine($"  Expectation: {d.Expectation}");
                if (d.Evidence.Count == 0)
                {
                    ctx.Out.WriteLine("  Evidence: none");
                }
                else
                {
                    ctx.Out.WriteLine("  Evidence:");
                    foreach (var e in d.Evidence)
                    {
                        ctx.Out.WriteLine($"    {e.OccurredOn}  {e.Title} ({e.Why})");
                    }
                }

                foreach (var r in d.ReviewEvidence ?? [])
                {
                    ctx.Out.WriteLine($"  Review: {r.PeriodEnd}  {r.Why}");
                }

                ctx.Out.WriteLine("  Gap: " + (d.Gap ?? "none"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string LevelCode(string level) => level switch
    {
        "senior" => "L5",
        "staff" => "L6",
        "principal" => "L7",
        _ => level,
    };

    public static Command Questions(CliContext ctx)
    {
        var competency = new Option<string>("--competency") { Description = "Only questions probing this competency, e.g. conflict_resolution", HelpName = "C" };
        var lens = new Option<string>("--lens") { Description = "Only questions for this company lens: amazon, google, meta, apple, netflix, stripe", HelpName = "LENS" };
        var level = new Option<string>("--level") { Description = "Only questions probing this level: senior, staff, principal (or L5, L6, L7)", HelpName = "LEVEL" };
        var command = new Command("questions", "The behavioural question bank: id, level, difficulty, competencies and text");
        command.Options.Add(competency);
        command.Options.Add(lens);
        command.Options.Add(level);
        command.SetAction(async (parse, ct) =>
        {
            var query = OptionValues.Query(("competency", parse.GetValue(competency)), ("lens", parse.GetValue(lens)), ("level", MockCommands.Level(parse.GetValue(level))));
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/questions" + query, ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var questions = response.Read<List<QuestionDto>>();
            if (questions.Count == 0)
            {
                ctx.Out.WriteLine("No question matches these filters.");
                return ExitCodes.Ok;
            }

            // The text goes under the id (as the ranking puts the reason under the title), so neither is squeezed.
            var table = new Table().Border(ctx.TableBorder);
            table.AddColumn("Id / question");
            table.AddColumn("Level");
            table.AddColumn("Difficulty");
            table.AddColumn("Competencies");
            foreach (var q in questions)
            {
                table.AddRow(new Text(q.Id, new Style(decoration: Decoration.Bold)), new Text(q.Level), new Text(q.Difficulty), new Text(string.Join(", ", q.Competencies)));
                table.AddRow(new Text(q.Text, new Style(decoration: Decoration.Italic)), new Text(""), new Text(""), new Text(""));
            }

            ctx.Console.Write(table);
            ctx.Out.WriteLine(questions.Count == 1 ? "1 question." : $"{questions.Count} questions.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
