using System.CommandLine;
using System.Globalization;
using System.Net;
using CareerLedger.Cli.Accomplishments;
using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Stories;

/// <summary>
/// The story bank under <c>ledger stories</c>: <c>draft</c>, <c>list</c>, <c>show</c>, <c>revise</c>, <c>used</c>, <c>link</c>,
/// <c>retire</c> and <c>intro</c> (<c>/api/stories</c>).
/// </summary>
internal static class StoryBankCommands
{
    private static Argument<string> IdArgument() => new("ID") { Description = "The story id, or a unique prefix of it (as `ledger stories list` shows)" };

    private static Option<string> FormatOption(string description)
    {
        var format = new Option<string>("--format") { Description = description, HelpName = "star|carl" };
        format.AcceptOnlyFromAmong("star", "carl");
        return format;
    }

    public static Command Draft(CliContext ctx)
    {
        var ids = new Argument<string[]>("ACCOMPLISHMENT_ID")
        {
            Description = "The accomplishments to tell (the first is the main one): ids or unique prefixes, as `ledger wins` shows them",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = FormatOption("star (situation, task, action, result; the default) or carl (context, action, result, learnings)");
        var command = new Command("draft", "Draft a STAR or CARL story from one or more accomplishments; the coach scores it");
        command.Arguments.Add(ids);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var accomplishments = new List<Guid>();
            foreach (var id in parse.GetValue(ids)!)
            {
                accomplishments.Add(await AccomplishmentIds.ResolveAsync(api, id, ct).ConfigureAwait(false));
            }

            var response = await api.SendAsync(HttpMethod.Post, "api/stories", ct, new { accomplishmentIds = accomplishments, format = parse.GetValue(format) }).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var view = response.Read<StoryViewDto>();
            var from = accomplishments.Count == 1 ? "1 accomplishment" : $"{accomplishments.Count} accomplishments";
            ctx.Out.WriteLine($"Drafted story {view.Story.Id} ({view.Story.Current.Format.ToUpperInvariant()}) from {from}:");
            ctx.Out.WriteLine();
            WriteText(ctx, view);
            ctx.Out.WriteLine();
            ctx.Out.WriteLine(ScoreLine(view.Story.Current.Score));
            ctx.Out.WriteLine(CoachView.Source("drafted", view.DraftSource ?? "template", view.DraftNote));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command List(CliContext ctx)
    {
        var all = new Option<bool>("--all") { Description = "Also show retired stories" };
        var command = new Command("list", "Your stories, best scored first: score, format, revision, times told, headline and short id");
        command.Options.Add(all);
        command.SetAction(async (parse, ct) =>
        {
            var everything = parse.GetValue(all);
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/stories" + (everything ? "?includeRetired=true" : ""), ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var stories = response.Read<List<StoryViewDto>>().Select(v => v.Story).ToList();
            if (stories.Count == 0)
            {
                ctx.Out.WriteLine(everything
                    ? "No stories yet. Draft one with `ledger stories draft ACCOMPLISHMENT_ID` (ids from `ledger stories --json` or `ledger wins`)."
                    : "No active stories. Draft one with `ledger stories draft ACCOMPLISHMENT_ID` (or see retired ones with --all).");
                return ExitCodes.Ok;
            }

            var prefix = AccomplishmentIds.UniquePrefixLength(stories.Select(s => s.Id).ToList());
            var table = new Table().Border(ctx.TableBorder);
            table.AddColumn(new TableColumn("Score").RightAligned());
            table.AddColumn("Format");
            table.AddColumn(new TableColumn("Rev").RightAligned());
            table.AddColumn(new TableColumn("Told").RightAligned());
            table.AddColumn("Headline");
            table.AddColumn("Id");
            foreach (var s in stories)
            {
                table.AddRow(
                    new Text(s.Current.Score.Overall.ToString(CultureInfo.InvariantCulture)),
                    new Text(s.Current.Format.ToUpperInvariant()),
                    new Text(s.Current.Revision.ToString(CultureInfo.InvariantCulture)),
                    new Text(s.Uses.Count.ToString(CultureInfo.InvariantCulture)),
                    new Text(s.Retired ? s.Current.Headline + " (retired)" : s.Current.Headline),
                    new Text(AccomplishmentIds.Format(s.Id)[..prefix]));
            }

            ctx.Console.Write(table);
            ctx.Out.WriteLine(stories.Count == 1 ? "1 story." : $"{stories.Count} stories.");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Show(CliContext ctx)
    {
        var id = IdArgument();
        var command = new Command("show", "One story: its current text and score, the accomplishments it tells, where it was told, and its lineage (every revision with its score and practice scores)");
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await StoryIds.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(HttpMethod.Get, $"api/stories/{target}", ct, mapError: (r, _) => StoryIds.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var view = response.Read<StoryViewDto>();
            var story = view.Story;
            var wins = (await api.SendAsync(HttpMethod.Get, "api/accomplishments?includeRetracted=true", ct).ConfigureAwait(false)).Read<List<AccomplishmentDto>>()
                .ToDictionary(a => a.Id);
            var current = story.Current;
            ctx.Out.WriteLine($"Story {story.Id} ({current.Format.ToUpperInvariant()}, revision {current.Revision}, version {view.Version}){(story.Retired ? ", retired" : "")}");
            ctx.Out.WriteLine();
            WriteText(ctx, view);
            ctx.Out.WriteLine();
            ctx.Out.WriteLine(ScoreLine(current.Score));
            ctx.Out.WriteLine("Accomplishments: " + string.Join("; ", story.AccomplishmentIds.Select(a =>
                wins.TryGetValue(a, out var w) ? $"{w.Title} ({w.OccurredOn}, {AccomplishmentIds.Format(a)[..AccomplishmentIds.MinimumShown]})" : AccomplishmentIds.Format(a))));
            ctx.Out.WriteLine("Competencies: " + (story.Competencies.Count == 0 ? "none (set them with `ledger stories link`)" : string.Join(", ", story.Competencies.Select(CoachView.Label))));
            ctx.Out.WriteLine("Questions: " + (story.QuestionIds.Count == 0 ? "none" : string.Join(", ", story.QuestionIds)));
            ctx.Out.WriteLine("Told: " + (story.Uses.Count == 0 ? "not yet" : string.Join("; ", story.Uses.Select(u =>
                $"{u.On} {u.Company}{(u.Round is null ? "" : ", " + u.Round)} (revision {u.Revision})"))));
            ctx.Out.WriteLine();
            ctx.Out.WriteLine("Lineage:");
            var table = new Table().Border(ctx.TableBorder);
            table.AddColumn(new TableColumn("Rev").RightAligned());
            table.AddColumn("Recorded");
            table.AddColumn("Format");
            table.AddColumn(new TableColumn("Score").RightAligned());
            table.AddColumn("Practice scores");
            table.AddColumn("Note");
            foreach (var r in story.Revisions)
            {
                table.AddRow(
                    new Text(r.Revision.ToString(CultureInfo.InvariantCulture)),
                    new Text(r.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    new Text(r.Format.ToUpperInvariant()),
                    new Text(r.Score.Overall.ToString(CultureInfo.InvariantCulture)),
                    new Text(r.PracticeScores.Count == 0 ? "–" : string.Join(", ", r.PracticeScores)),
                    new Text(Note(r)));
            }

            ctx.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Revise(CliContext ctx)
    {
        var id = IdArgument();
        var headline = new Option<string>("--headline") { Description = "New headline (one line)", HelpName = "TEXT" };
        var sectionOptions = StoryDraft.AllSections.ToDictionary(
            s => s,
            s => new Option<string>("--" + s) { Description = $"New {s} section", HelpName = "TEXT" },
            StringComparer.Ordinal);
        var format = FormatOption("Change the format: STAR → CARL joins situation and task into the context, CARL → STAR moves the context to the situation");
        var file = new Option<string>("--file")
        {
            Description = "Labelled text: \"Situation: …\", \"Action: …\" lines (and an optional headline first), as `ledger stories show` prints it; - reads stdin",
            HelpName = "FILE",
        };
        var reason = new Option<string>("--reason") { Description = "Why it changed (kept in the lineage)", HelpName = "TEXT" };
        var expect = new Option<long?>("--expect-version")
        {
            Description = "Only apply the change if the story is still at this version (from `ledger stories show`); default: the version just read",
            HelpName = "N",
        };
        var command = new Command("revise", "Write a new revision (scored by the coach); each section given replaces that section, the rest is kept");
        command.Arguments.Add(id);
        command.Options.Add(headline);
        foreach (var option in sectionOptions.Values)
        {
            command.Options.Add(option);
        }

        command.Options.Add(format);
        command.Options.Add(file);
        command.Options.Add(reason);
        command.Options.Add(expect);
        command.SetAction(async (parse, ct) =>
        {
            Dictionary<string, string>? fromFile = null;
            if (parse.GetValue(file) is { } path)
            {
                fromFile = StoryText.Parse(await ReadFileAsync(ctx, path, ct).ConfigureAwait(false), path == "-" ? "stdin" : path);
            }

            var given = sectionOptions.Where(kv => parse.GetResult(kv.Value) is not null).ToDictionary(kv => kv.Key, kv => parse.GetValue(kv.Value) ?? "", StringComparer.Ordinal);
            var newFormat = parse.GetValue(format);
            if (fromFile is null && given.Count == 0 && parse.GetResult(headline) is null && newFormat is null)
            {
                throw CliException.Usage("nothing to revise: give --file or the changed parts (--headline, --situation, --task, --context, --action, --result, --learnings, --format)");
            }

            using var api = ctx.CreateApi();
            var target = await StoryIds.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var storyPath = $"api/stories/{target}";
            var currentResponse = await api.SendAsync(HttpMethod.Get, storyPath, ct, mapError: (r, _) => StoryIds.NotFound(r, target)).ConfigureAwait(false);
            var current = currentResponse.Read<StoryViewDto>();
            var draft = StoryDraft.From(current.Story.Current);
            var oldFormat = current.Story.Current.Format;
            var targetFormat = newFormat ?? oldFormat;
            foreach (var (section, text) in (fromFile ?? []).Concat(given))
            {
                if (section == "headline")
                {
                    draft.Headline = text;
                }
                else
                {
                    draft.Sections[section] = text;
                }
            }

            if (parse.GetResult(headline) is not null)
            {
                draft.Headline = parse.GetValue(headline);
            }

            var named = (fromFile?.Keys ?? Enumerable.Empty<string>()).Concat(given.Keys).Where(k => k != "headline").Distinct(StringComparer.Ordinal).ToList();
            if (targetFormat != oldFormat)
            {
                draft.ConvertTo(targetFormat);
            }

            var foreign = named.Where(s => !StoryDraft.SectionsOf(targetFormat).Contains(s)).ToList();
            if (foreign.Count > 0)
            {
                var uses = string.Join(", ", StoryDraft.SectionsOf(targetFormat));
                throw CliException.Usage($"{string.Join(", ", foreign)}: not a section of a {targetFormat.ToUpperInvariant()} story (it uses {uses}); pass --format {(targetFormat == "star" ? "carl" : "star")} to change the format");
            }

            var version = parse.GetValue(expect) is { } v
                ? v.ToString(CultureInfo.InvariantCulture)
                : currentResponse.ETag ?? current.Version.ToString(CultureInfo.InvariantCulture);
            var body = new { format = targetFormat, headline = draft.Headline, sections = draft.ToBody(), reason = parse.GetValue(reason) };
            var response = await api.SendAsync(
                HttpMethod.Put, storyPath, ct, body,
                headers: new Dictionary<string, string> { ["If-Match"] = $"\"{version}\"" },
                mapError: (r, problem) => r.Status == HttpStatusCode.Conflict ? Conflict(target, version, problem) : StoryIds.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var revised = response.Read<StoryViewDto>();
            if (revised.Story.Current.Revision == current.Story.Current.Revision)
            {
                ctx.Out.WriteLine($"No change: story {target} already reads like this (revision {revised.Story.Current.Revision}, version {revised.Version}).");
                return ExitCodes.Ok;
            }

            var before = current.Story.Current.Score.Overall;
            var after = revised.Story.Current.Score.Overall;
            ctx.Out.WriteLine($"Revised story {target} (now revision {revised.Story.Current.Revision}, version {revised.Version}):");
            ctx.Out.WriteLine();
            WriteText(ctx, revised);
            ctx.Out.WriteLine();
            ctx.Out.WriteLine(ScoreLine(revised.Story.Current.Score) + $"; was {before}/100 ({(after - before).ToString("+0;-0;±0", CultureInfo.InvariantCulture)})");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Used(CliContext ctx)
    {
        var id = IdArgument();
        var company = new Option<string>("--company") { Description = "Where you told it (a company, or \"promotion packet\")", HelpName = "C", Required = true };
        var round = new Option<string>("--round") { Description = "Which round, e.g. \"onsite behavioral\"", HelpName = "R" };
        var date = new Option<string>("--date") { Description = "The day (yyyy-MM-dd); default today", HelpName = "yyyy-MM-dd" };
        var command = new Command("used", "Record that you told the story (its current revision) somewhere");
        command.Arguments.Add(id);
        command.Options.Add(company);
        command.Options.Add(round);
        command.Options.Add(date);
        command.SetAction(async (parse, ct) =>
        {
            var on = OptionValues.Date(parse.GetValue(date), "--date");
            using var api = ctx.CreateApi();
            var target = await StoryIds.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(
                HttpMethod.Post, $"api/stories/{target}/uses", ct, new { company = parse.GetValue(company), round = parse.GetValue(round), on },
                mapError: (r, _) => StoryIds.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var story = response.Read<StoryViewDto>().Story;
            var use = story.Uses[^1];
            var times = story.Uses.Count == 1 ? "once" : $"{story.Uses.Count} times";
            ctx.Out.WriteLine($"Recorded: story {target} (revision {use.Revision}) told at {use.Company}{(use.Round is null ? "" : ", " + use.Round)} on {use.On}; told {times} so far.");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Link(CliContext ctx)
    {
        var id = IdArgument();
        var competencies = new Option<string[]>("--competency")
        {
            Description = "A competency the story evidences (repeatable; replaces the story's competencies), e.g. conflict_resolution",
            HelpName = "C",
        };
        var questions = new Option<string[]>("--question")
        {
            Description = "A bank question the story answers (repeatable; replaces the story's questions), e.g. q-014-mistake-with-consequences (see `ledger questions`)",
            HelpName = "QID",
        };
        var command = new Command("link", "Set the competencies and bank questions the story answers (a list you don't give is kept)");
        command.Arguments.Add(id);
        command.Options.Add(competencies);
        command.Options.Add(questions);
        command.SetAction(async (parse, ct) =>
        {
            var newCompetencies = parse.GetResult(competencies) is null ? null : parse.GetValue(competencies);
            var newQuestions = parse.GetResult(questions) is null ? null : parse.GetValue(questions);
            if (newCompetencies is null && newQuestions is null)
            {
                throw CliException.Usage("nothing to link: give --competency C and/or --question QID (each repeatable)");
            }

            using var api = ctx.CreateApi();
            var target = await StoryIds.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var path = $"api/stories/{target}";
            var read = await api.SendAsync(HttpMethod.Get, path, ct, mapError: (r, _) => StoryIds.NotFound(r, target)).ConfigureAwait(false);
            var current = read.Read<StoryViewDto>();
            var body = new
            {
                competencies = newCompetencies ?? current.Story.Competencies.ToArray(),
                questionIds = newQuestions ?? current.Story.QuestionIds.ToArray(),
            };

            // The kept list comes from what was just read: If-Match makes a concurrent change a conflict (exit 5), not a lost update.
            var version = read.ETag ?? current.Version.ToString(CultureInfo.InvariantCulture);
            var response = await api.SendAsync(
                HttpMethod.Put, path + "/links", ct, body,
                headers: new Dictionary<string, string> { ["If-Match"] = $"\"{version}\"" },
                mapError: (r, _) => StoryIds.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var story = response.Read<StoryViewDto>().Story;
            ctx.Out.WriteLine($"Linked story {target}: {story.Current.Headline}");
            ctx.Out.WriteLine("  competencies: " + (story.Competencies.Count == 0 ? "none" : string.Join(", ", story.Competencies)));
            ctx.Out.WriteLine("  questions:    " + (story.QuestionIds.Count == 0 ? "none" : string.Join(", ", story.QuestionIds)));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Retire(CliContext ctx)
    {
        var id = IdArgument();
        var reason = new Option<string>("--reason") { Description = "Why (kept in the story's history)", HelpName = "TEXT" };
        var command = new Command("retire", "Take a story out of the active bank (`stories list --all` still shows it)");
        command.Arguments.Add(id);
        command.Options.Add(reason);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await StoryIds.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            await api.SendAsync(
                HttpMethod.Delete, $"api/stories/{target}" + OptionValues.Query(("reason", parse.GetValue(reason))), ct,
                mapError: (r, _) => StoryIds.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson($$"""{"id":"{{target}}","retired":true}""");
            }
            else
            {
                ctx.Out.WriteLine($"Retired story {target}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Intro(CliContext ctx)
    {
        var command = new Command("intro", "A \"tell me about yourself\" draft built from your three strongest accomplishments");
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/stories/intro", ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var intro = response.Read<AssistedTextDto>();
            ctx.Out.WriteLine(intro.Text.Trim());
            ctx.Out.WriteLine();
            ctx.Out.WriteLine(CoachView.Source("drafted", intro.Source == "model" ? "model" : "template", intro.Note));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"Score: 71/100 (structure 80, ownership 100, …)".</summary>
    internal static string ScoreLine(StoryScoreDto score) =>
        score.Dimensions.Count == 0 ? $"Score: {score.Overall}/100" : $"Score: {score.Overall}/100 ({CoachView.Dimensions(score.Dimensions)})";

    /// <summary>The headline and the labelled sections, as the server renders them.</summary>
    private static void WriteText(CliContext ctx, StoryViewDto view)
    {
        foreach (var line in view.Text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            ctx.Out.WriteLine(line);
        }
    }

    private static string Note(StoryRevisionDto revision) => revision.Revision == 1 && revision.Note is { } note
        ? CoachView.Source("drafted", note, null)
        : revision.Note ?? "–";

    private static async Task<string> ReadFileAsync(CliContext ctx, string path, CancellationToken ct)
    {
        if (path == "-")
        {
            return await ctx.Environment.StandardInput.ReadToEndAsync(ct).ConfigureAwait(false);
        }

        try
        {
            return await File.ReadAllTextAsync(Path.GetFullPath(path), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliException.Validation($"cannot read {path}: {ex.Message}");
        }
    }

    private static CliException Conflict(Guid id, string version, Problem? problem)
    {
        if (problem?.Title is { } t && t.StartsWith("The resource was changed", StringComparison.Ordinal))
        {
            var now = problem.Detail is { } d && d.IndexOf("now at version ", StringComparison.Ordinal) is var i and >= 0
                ? "; it is now at version " + new string(d[(i + "now at version ".Length)..].TakeWhile(char.IsAsciiDigit).ToArray())
                : "";
            return new CliException(ExitCodes.Conflict, $"story {id} was changed by someone else (you edited version {version}{now}); nothing was saved: run `ledger stories revise` again");
        }

        return new CliException(ExitCodes.Conflict, problem?.ToMessage() ?? $"story {id} could not be revised (conflict)");
    }
}
