using System.CommandLine;
using System.Net;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Reminders;

/// <summary><c>ledger goals [list|add|interview|reach|drop]</c>: promotion targets and job searches.</summary>
internal static class GoalsCommand
{
    private static readonly IdResolver<GoalDto> Ids = new("api/goals", g => g.Id, new("a goal id", "ledger goals", "goal", "goal ids"));

    public static Command Create(CliContext ctx)
    {
        var command = new Command("goals", "Your goals: a promotion target or a job search (list, add, interview, reach, drop)");
        var list = List(ctx);
        command.Subcommands.Add(list);
        command.Subcommands.Add(Add(ctx));
        command.Subcommands.Add(Interview(ctx));
        command.Subcommands.Add(Close(ctx, "reach", "Mark a goal reached", "--note", "What happened"));
        command.Subcommands.Add(Close(ctx, "drop", "Drop a goal", "--reason", "Why"));
        command.Action = list.Action;
        return command;
    }

    private static Command List(CliContext ctx)
    {
        var all = new Option<bool>("--all") { Description = "Include reached and dropped goals" };
        var command = new Command("list", "Your goals, active first") { all };
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, parse.GetValue(all) ? "api/goals" : "api/goals?status=active", ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var goals = response.Read<List<GoalDto>>();
            if (goals.Count == 0)
            {
                ctx.Out.WriteLine("No goals yet. Add one with `ledger goals add --kind promotion --title \"Staff by the next cycle\" --level staff`.");
                return ExitCodes.Ok;
            }

            var prefix = ShortIds.UniquePrefixLength(goals.Select(g => g.Id).ToList());
            var table = new Table().Border(ctx.TableBorder);
            foreach (var column in new[] { "Kind", "Title", "Target", "Next interview", "Status", "Id" })
            {
                table.AddColumn(column);
            }

            foreach (var g in goals)
            {
                var target = string.Join(", ", new[] { g.TargetLevel, g.TargetDate is null ? null : "by " + g.TargetDate }.Where(x => x is not null));
                if (g.TargetCompanies.Count > 0)
                {
                    target = string.Join("; ", new[] { target, string.Join(", ", g.TargetCompanies) }.Where(x => x.Length > 0));
                }

                var next = g.NextInterview is { } i ? $"{i.On} {i.Company}{(i.Stage is null ? "" : $" ({i.Stage})")}" : "–";
                table.AddRow(new Text(g.Kind.Replace('_', ' ')), new Text(g.Title), new Text(target.Length == 0 ? "–" : target), new Text(next),
                    new Text(g.Status), new Text(ShortIds.Format(g.Id)[..prefix]));
            }

            ctx.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Add(CliContext ctx)
    {
        var kind = new Option<string>("--kind") { Description = "promotion or job_search", Required = true };
        kind.AcceptOnlyFromAmong("promotion", "job_search");
        var title = new Option<string>("--title") { Description = "One line, e.g. \"Staff engineer by the H2 cycle\"", Required = true };
        var level = new Option<string>("--level") { Description = "The level aimed at (required for a promotion), e.g. staff, L6" };
        var by = new Option<string>("--by") { Description = "Target date (yyyy-MM-dd)", HelpName = "yyyy-MM-dd" };
        var companies = new Option<string[]>("--company") { Description = "A target company (job search), repeatable", HelpName = "NAME" };
        var interviews = new Option<string[]>("--interview") { Description = "\"yyyy-MM-dd COMPANY [STAGE…]\" (job search), repeatable", HelpName = "\"DATE COMPANY STAGE\"" };
        var command = new Command("add", "Open a goal (one active promotion and one active job search at a time)") { kind, title, level, by, companies, interviews };
        command.SetAction(async (parse, ct) =>
        {
            var body = new
            {
                kind = parse.GetValue(kind),
                title = parse.GetValue(title),
                targetLevel = parse.GetValue(level),
                targetDate = OptionValues.Date(parse.GetValue(by), "--by"),
                targetCompanies = parse.GetValue(companies) ?? [],
                interviews = (parse.GetValue(interviews) ?? []).Select(ParseInterview).ToList(),
            };
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Post, "api/goals", ct, body).ConfigureAwait(false);
            return Print(ctx, response, "Opened");
        });
        return command;
    }

    private static Command Interview(CliContext ctx)
    {
        var id = new Argument<string>("GOAL") { Description = "The job-search goal's id (or a unique prefix)" };
        var on = new Option<string>("--on") { Description = "The interview day (yyyy-MM-dd)", Required = true, HelpName = "yyyy-MM-dd" };
        var company = new Option<string>("--company") { Description = "The company", Required = true };
        var stage = new Option<string>("--stage") { Description = "phone screen, onsite, hiring manager…" };
        var command = new Command("interview", "Add an interview date to a job-search goal (reminders run mock sessions more often as it nears)") { id, on, company, stage };
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var goalId = await Ids.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var read = await api.SendAsync(HttpMethod.Get, $"api/goals/{goalId}", ct, mapError: (r, _) => Ids.NotFound(r, goalId)).ConfigureAwait(false);
            var goal = read.Read<GoalDto>();
            var body = new
            {
                kind = goal.Kind,
                title = goal.Title,
                targetLevel = goal.TargetLevel,
                targetDate = goal.TargetDate,
                targetCompanies = goal.TargetCompanies,
                interviews = goal.Interviews.Select(i => new { on = i.On, company = i.Company, stage = i.Stage })
                    .Append(new { on = OptionValues.Date(parse.GetValue(on), "--on")!, company = parse.GetValue(company)!, stage = parse.GetValue(stage) }).ToList(),
            };
            var version = read.ETag ?? goal.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var response = await api.SendAsync(HttpMethod.Put, $"api/goals/{goalId}", ct, body, headers: ExpectedVersion.IfMatch(version),
                mapError: (r, p) => r.Status == HttpStatusCode.Conflict
                    ? new CliException(ExitCodes.Conflict, p?.ToMessage() ?? $"goal {goalId} was changed meanwhile; run the command again")
                    : Ids.NotFound(r, goalId)).ConfigureAwait(false);
            return Print(ctx, response, "Updated");
        });
        return command;
    }

    private static Command Close(CliContext ctx, string verb, string description, string noteOption, string noteDescription)
    {
        var id = new Argument<string>("GOAL") { Description = "The goal's id (or a unique prefix)" };
        var note = new Option<string>(noteOption) { Description = noteDescription };
        var on = new Option<string>("--on") { Description = "The day (yyyy-MM-dd); default today", HelpName = "yyyy-MM-dd" };
        var command = new Command(verb, description) { id, note, on };
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var goalId = await Ids.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(HttpMethod.Post, $"api/goals/{goalId}/{verb}", ct,
                new { note = parse.GetValue(note), on = OptionValues.Date(parse.GetValue(on), "--on") },
                mapError: (r, p) => r.Status == HttpStatusCode.Conflict ? CliException.Validation(p?.ToMessage() ?? "refused") : Ids.NotFound(r, goalId)).ConfigureAwait(false);
            return Print(ctx, response, verb == "reach" ? "Reached" : "Dropped");
        });
        return command;
    }

    private static object ParseInterview(string text)
    {
        var parts = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            throw CliException.Usage($"--interview '{text}': write \"yyyy-MM-dd COMPANY [STAGE]\", e.g. \"2026-12-09 Stripe onsite\"");
        }

        return new { on = OptionValues.Date(parts[0], "--interview"), company = parts[1], stage = parts.Length > 2 ? parts[2] : null };
    }

    private static int Print(CliContext ctx, ApiResponse response, string verb)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(response.Body);
            return ExitCodes.Ok;
        }

        var g = response.Read<GoalDto>();
        var next = g.NextInterview is { } i ? $"; next interview {i.On} with {i.Company}" : "";
        ctx.Out.WriteLine($"{verb} {g.Kind.Replace('_', '-')} goal {g.Id}: {g.Title} ({g.Status}){next}");
        return ExitCodes.Ok;
    }
}
