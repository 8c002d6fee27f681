using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Accomplishments;
using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;
using CareerLedger.Cli.Stories;
using Spectre.Console;

namespace CareerLedger.Cli.Practice;

/// <summary>
/// <c>ledger mock</c>: mock interview sessions (<c>/api/practice/sessions</c>): <c>start</c>, <c>answer</c>, <c>finish</c>,
/// <c>list</c>, <c>show</c>.
/// </summary>
internal static class MockCommands
{
    /// <summary>How many findings <c>mock answer</c> prints (the rest are in <c>--json</c>).</summary>
    public const int TopFindings = 3;

    public static Command Create(CliContext ctx)
    {
        var command = new Command("mock", "Mock interviews: questions drawn from the bank, each answer scored, critiqued and followed up");
        command.Subcommands.Add(Start(ctx));
        command.Subcommands.Add(Answer(ctx));
        command.Subcommands.Add(Finish(ctx));
        command.Subcommands.Add(List(ctx));
        command.Subcommands.Add(Show(ctx));
        return command;
    }

    private static Argument<string> IdArgument() => new("SESSION_ID") { Description = "The session id, or a unique prefix of it (as `ledger mock list` shows)" };

    /// <summary>L5/L6/L7 (or 5/6/7) as the bank's levels senior/staff/principal; anything else as given (the server checks it).</summary>
    internal static string? Level(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "l5" or "5" => "senior",
        "l6" or "6" => "staff",
        "l7" or "7" => "principal",
        var other => other,
    };

    public static Command Start(CliContext ctx)
    {
        var lens = new Option<string>("--lens") { Description = "Company lens: amazon, google, meta, apple, netflix or stripe (default: any)", HelpName = "LENS" };
        var level = new Option<string>("--level") { Description = "Level the questions probe: senior, staff or principal (or L5, L6, L7; default: any)", HelpName = "LEVEL" };
        var competencies = new Option<string[]>("--competency") { Description = "Focus on a competency (repeatable), e.g. conflict_resolution", HelpName = "C" };
        var count = new Option<int?>("--questions") { Description = "How many questions, 1-20 (default 5)", HelpName = "N" };
        var seed = new Option<int?>("--seed") { Description = "Random seed: the same seed over the same data draws the same questions", HelpName = "N" };
        var command = new Command("start", "Start a mock session; prints its id and the first question");
        command.Options.Add(lens);
        command.Options.Add(level);
        command.Options.Add(competencies);
        command.Options.Add(count);
        command.Options.Add(seed);
        command.SetAction(async (parse, ct) =>
        {
            var body = new
            {
                lens = parse.GetValue(lens),
                level = Level(parse.GetValue(level)),
                competencies = parse.GetValue(competencies),
                questions = parse.GetValue(count),
                seed = parse.GetValue(seed),
            };
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Post, "api/practice/sessions", ct, body).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var view = response.Read<SessionViewDto>();
            var session = view.Session;
            ctx.Out.WriteLine($"Started mock session {session.Id}: {Plural(session.Questions.Count, "question")} ({Target(session)}).");
            if (view.Next is { } next)
            {
                ctx.Out.WriteLine();
                WriteQuestion(ctx, session, next);
                ctx.Out.WriteLine();
                ctx.Out.WriteLine($"Answer it with `ledger mock answer {session.Id} FILE` (- reads stdin, or --text \"…\"; add --duration SECONDS, --story STORY_ID).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Answer(CliContext ctx)
    {
        var id = IdArgument();
        var input = new AnswerInput();
        var story = new Option<string>("--story") { Description = "The story you told (id or prefix, as `ledger stories list` shows); its lineage gets the score", HelpName = "STORY_ID" };
        var question = new Option<string>("--question") { Description = "Which question you answer (default: the next unanswered one)", HelpName = "QID" };
        var command = new Command("answer", "Answer the next question: prints the score, the top findings, the critique, a follow-up and the next question");
        command.Arguments.Add(id);
        input.AddTo(command);
        command.Options.Add(story);
        command.Options.Add(question);
        command.SetAction(async (parse, ct) =>
        {
            var seconds = input.Seconds(parse);
            var text = await input.ReadAsync(parse, ctx, ct).ConfigureAwait(false);
            using var api = ctx.CreateApi();
            var target = await SessionIds.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            Guid? storyId = parse.GetValue(story) is { } s ? await StoryIds.ResolveAsync(api, s, ct).ConfigureAwait(false) : null;
            var response = await api.SendAsync(
                HttpMethod.Post, $"api/practice/sessions/{target}/answers", ct,
                new { text, durationSeconds = seconds, questionId = parse.GetValue(question), storyId },
                mapError: (r, _) => SessionIds.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var result = response.Read<AnswerResultDto>();
            var session = (await api.SendAsync(HttpMethod.Get, $"api/practice/sessions/{target}", ct).ConfigureAwait(false)).Read<SessionViewDto>().Session;
            var answered = session.Questions.FirstOrDefault(q => q.QuestionId == result.QuestionId);
            var position = Position(session, result.QuestionId);
            var report = result.Report;
            ctx.Out.WriteLine($"Answered {result.QuestionId} ({position}): {report.Overall}/100");
            ctx.Out.WriteLine("  " + CoachView.Dimensions(report.Dimensions.Select(d => KeyValuePair.Create(d.Dimension, d.Score))));
            ctx.Out.WriteLine("  " + CoachView.Length(report.Length));
            ctx.Out.WriteLine();
            if (report.Findings.Count == 0)
            {
                ctx.Out.WriteLine("Findings: none.");
            }
            else
            {
                var more = report.Findings.Count > TopFindings ? $", {report.Findings.Count - TopFindings} more with --json" : "";
                ctx.Out.WriteLine($"Top findings ({Math.Min(TopFindings, report.Findings.Count)} of {report.Findings.Count}{more}):");
                CoachView.Findings(ctx, report.Findings.Take(TopFindings));
            }

            ctx.Out.WriteLine();
            // critiqueNote says why the rubric was used or names the model; servers without it stored "model:NAME" in the session.
            if (result.CritiqueNote is { } note)
            {
                CoachView.Critique(ctx, result.Critique, result.CritiqueSource, note);
            }
            else
            {
                CoachView.Critique(ctx, result.Critique, answered?.CritiqueSource ?? result.CritiqueSource, null);
            }
            ctx.Out.WriteLine();
            ctx.Out.WriteLine("Follow-up: " + result.FollowUp);
            ctx.Out.WriteLine(CoachView.Source("follow-up", answered?.FollowUpSource ?? result.FollowUpSource, null));
            ctx.Out.WriteLine();
            if (result.Next is { } next)
            {
                ctx.Out.Write("Next: ");
                WriteQuestion(ctx, session, next);
            }
            else
            {
                ctx.Out.WriteLine($"all answered: run `ledger mock finish {target}`");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Finish(CliContext ctx)
    {
        var id = IdArgument();
        var command = new Command("finish", "End the session: average score, per-dimension averages, weakest dimensions and findings that kept coming back");
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await SessionIds.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(HttpMethod.Post, $"api/practice/sessions/{target}/finish", ct, new { }, mapError: (r, _) => SessionIds.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var session = response.Read<SessionViewDto>().Session;
            var summary = session.Summary;
            if (summary is null)
            {
                throw CliException.Validation($"the server finished session {target} without a summary");
            }

            ctx.Out.WriteLine($"Finished mock session {target}: {summary.Answered} answered, average {summary.AverageOverall}/100.");
            var unanswered = session.Questions.Count - session.Answered;
            if (unanswered > 0)
            {
                ctx.Out.WriteLine($"{Plural(unanswered, "question")} left unanswered.");
            }

            WriteSummary(ctx, session);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command List(CliContext ctx)
    {
        var command = new Command("list", "Your mock sessions, newest first");
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/practice/sessions", ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var sessions = response.Read<List<SessionViewDto>>().Select(v => v.Session).ToList();
            if (sessions.Count == 0)
            {
                ctx.Out.WriteLine("No mock sessions yet. Start one with `ledger mock start`.");
                return ExitCodes.Ok;
            }

            var prefix = AccomplishmentIds.UniquePrefixLength(sessions.Select(s => s.Id).ToList());
            var table = new Table().Border(ctx.TableBorder);
            table.AddColumn("Started");
            table.AddColumn("Lens");
            table.AddColumn("Level");
            table.AddColumn(new TableColumn("Answered").RightAligned());
            table.AddColumn(new TableColumn("Average").RightAligned());
            table.AddColumn("Status");
            table.AddColumn("Id");
            foreach (var s in sessions)
            {
                var scores = s.Questions.Where(q => q.Score is not null).Select(q => q.Score!.Overall).ToList();
                var average = s.Summary?.AverageOverall ?? (scores.Count == 0 ? (int?)null : (int)Math.Round(scores.Average(), MidpointRounding.AwayFromZero));
                table.AddRow(
                    new Text(s.StartedOn),
                    new Text(s.Target.Lens ?? "any"),
                    new Text(s.Target.Level ?? "any"),
                    new Text($"{s.Answered}/{s.Questions.Count}"),
                    new Text(average?.ToString(CultureInfo.InvariantCulture) ?? "–"),
                    new Text(s.IsFinished ? "finished" : "open"),
                    new Text(AccomplishmentIds.Format(s.Id)[..prefix]));
            }

            ctx.Console.Write(table);
            ctx.Out.WriteLine(sessions.Count == 1 ? "1 session." : $"{sessions.Count} sessions.");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Show(CliContext ctx)
    {
        var id = IdArgument();
        var command = new Command("show", "One session: each question with your answer's score, the critique and the follow-up; the summary once finished");
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await SessionIds.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(HttpMethod.Get, $"api/practice/sessions/{target}", ct, mapError: (r, _) => SessionIds.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var view = response.Read<SessionViewDto>();
            var session = view.Session;
            var status = session.IsFinished ? "finished" : $"open, {session.Answered} of {session.Questions.Count} answered";
            ctx.Out.WriteLine($"Mock session {session.Id}, started {session.StartedOn} ({Target(session)}); {status}.");
            var n = 0;
            foreach (var q in session.Questions)
            {
                n++;
                ctx.Out.WriteLine();
                ctx.Out.WriteLine($"{n}. {q.QuestionId}: {(view.Questions.TryGetValue(q.QuestionId, out var text) ? text : "(question no longer in the bank)")}");
                if (q.Answer is null)
                {
                    ctx.Out.WriteLine("   not answered yet");
                    continue;
                }

                var details = new List<string> { "answered " + (q.AnsweredOn?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?") };
                if (q.DurationSeconds is { } d)
                {
                    details.Add($"{d} s");
                }

                if (q.StoryId is { } story)
                {
                    details.Add("story " + AccomplishmentIds.Format(story));
                }

                ctx.Out.WriteLine("   " + string.Join(", ", details) + (q.Score is { } score ? $": {score.Overall}/100 ({CoachView.Dimensions(score.Dimensions)})" : ": not scored"));
                if (q.Critique is { } critique)
                {
                    ctx.Out.WriteLine($"   critique by {Where(q.CritiqueSource)}: {ApiClient.OneLine(critique)}");
                }

                if (q.FollowUp is { } followUp)
                {
                    ctx.Out.WriteLine($"   follow-up by {Where(q.FollowUpSource)}: {followUp}");
                }
            }

            if (session.Summary is not null)
            {
                ctx.Out.WriteLine();
                ctx.Out.WriteLine($"Summary: {session.Summary.Answered} answered, average {session.Summary.AverageOverall}/100.");
                WriteSummary(ctx, session);
            }
            else if (view.Next is { } next)
            {
                ctx.Out.WriteLine();
                ctx.Out.Write("Next: ");
                WriteQuestion(ctx, session, next);
            }
            else
            {
                ctx.Out.WriteLine();
                ctx.Out.WriteLine($"all answered: run `ledger mock finish {session.Id}`");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"Question 2 of 5: q-… (ownership, growth mindset; medium)" and the text indented below.</summary>
    private static void WriteQuestion(CliContext ctx, MockSessionDto session, QuestionDto question)
    {
        var competencies = string.Join(", ", question.Competencies.Select(CoachView.Label));
        ctx.Out.WriteLine($"Question {Position(session, question.Id)}: {question.Id} ({competencies}; {question.Difficulty})");
        ctx.Out.WriteLine("  " + question.Text);
    }

    private static void WriteSummary(CliContext ctx, MockSessionDto session)
    {
        var summary = session.Summary!;
        ctx.Out.WriteLine();
        var scores = new Table().Border(ctx.TableBorder);
        scores.AddColumn(new TableColumn("#").RightAligned());
        scores.AddColumn("Question");
        scores.AddColumn(new TableColumn("Score").RightAligned());
        scores.AddColumn("Findings");
        var n = 0;
        foreach (var q in session.Questions)
        {
            n++;
            scores.AddRow(
                new Text(n.ToString(CultureInfo.InvariantCulture)),
                new Text(q.QuestionId),
                new Text(q.Score?.Overall.ToString(CultureInfo.InvariantCulture) ?? "–"),
                new Text(q.Score is null ? (q.Answer is null ? "not answered" : "not scored") : string.Join(", ", q.Score.FindingCodes)));
        }

        ctx.Console.Write(scores);
        if (summary.DimensionAverages.Count > 0)
        {
            ctx.Out.WriteLine();
            var dims = new Table().Border(ctx.TableBorder);
            dims.AddColumn("Dimension");
            dims.AddColumn(new TableColumn("Average").RightAligned());
            foreach (var (dimension, average) in CoachView.Ordered(summary.DimensionAverages))
            {
                dims.AddRow(new Text(CoachView.Label(dimension)), new Text(average.ToString(CultureInfo.InvariantCulture)));
            }

            ctx.Console.Write(dims);
        }

        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Weakest: " + (summary.Weakest.Count == 0 ? "–" : string.Join(", ", summary.Weakest.Select(CoachView.Label))));
        ctx.Out.WriteLine("Common findings: " + (summary.CommonFindings.Count == 0 ? "none" : string.Join(", ", summary.CommonFindings)));
    }

    private static string Position(MockSessionDto session, string questionId)
    {
        var index = session.Questions.Select(q => q.QuestionId).ToList().IndexOf(questionId);
        return index < 0 ? $"of {session.Questions.Count}" : $"{index + 1} of {session.Questions.Count}";
    }

    private static string Target(MockSessionDto session)
    {
        var parts = new List<string>
        {
            "lens " + (session.Target.Lens ?? "any"),
            "level " + (session.Target.Level ?? "any"),
        };
        if (session.Target.Competencies.Count > 0)
        {
            parts.Add("focus " + string.Join(", ", session.Target.Competencies.Select(CoachView.Label)));
        }

        parts.Add("seed " + session.Seed.ToString(CultureInfo.InvariantCulture));
        return string.Join(", ", parts);
    }

    /// <summary>"rubric", "bank", "model (NAME)".</summary>
    private static string Where(string? source) => source switch
    {
        null => "?",
        _ when source.StartsWith("model:", StringComparison.Ordinal) => $"model ({source["model:".Length..]})",
        _ => source,
    };

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
