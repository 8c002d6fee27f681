using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Stories;

/// <summary><c>ledger stories revise</c>: writes a new revision of a story (sections from options and/or a labelled text file), guarded by its version.</summary>
internal static class StoriesReviseCommand
{
    public static Command Create(CliContext ctx)
    {
        var id = StoriesCommand.IdArgument();
        var headline = new Option<string>("--headline") { Description = "New headline (one line)", HelpName = "TEXT" };
        var sectionOptions = StoryDraft.AllSections.ToDictionary(
            s => s,
            s => new Option<string>("--" + s) { Description = $"New {s} section", HelpName = "TEXT" },
            StringComparer.Ordinal);
        var format = StoriesCommand.FormatOption("Change the format: STAR → CARL joins situation and task into the context, CARL → STAR moves the context to the situation");
        var file = new Option<string>("--file")
        {
            Description = "Labelled text: \"Situation: …\", \"Action: …\" lines (and an optional headline first), as `ledger stories show` prints it; - reads stdin",
            HelpName = "FILE",
        };
        var reason = new Option<string>("--reason") { Description = "Why it changed (kept in the lineage)", HelpName = "TEXT" };
        var expect = new ExpectedVersion("story", "ledger stories show", "ledger stories revise");
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
        command.Options.Add(expect.Option);
        command.SetAction(async (parse, ct) =>
        {
            Dictionary<string, string>? fromFile = null;
            if (parse.GetValue(file) is { } path)
            {
                fromFile = StoryText.Parse(await InputFile.ReadAsync(path, ctx.Environment.StandardInput, ct).ConfigureAwait(false), path == "-" ? "stdin" : path);
            }

            var given = sectionOptions.Where(kv => parse.GetResult(kv.Value) is not null).ToDictionary(kv => kv.Key, kv => parse.GetValue(kv.Value) ?? "", StringComparer.Ordinal);
            var newFormat = parse.GetValue(format);
            if (fromFile is null && given.Count == 0 && parse.GetResult(headline) is null && newFormat is null)
            {
                throw CliException.Usage("nothing to revise: give --file or the changed parts (--headline, --situation, --task, --context, --action, --result, --learnings, --format)");
            }

            using var api = ctx.CreateApi();
            var target = await ResourceIds.Stories.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var storyPath = $"api/stories/{target}";
            var currentResponse = await api.SendAsync(HttpMethod.Get, storyPath, ct, mapError: (r, _) => ResourceIds.Stories.NotFound(r, target)).ConfigureAwait(false);
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

            var version = expect.Choose(parse, currentResponse.ETag, current.Version.ToString(CultureInfo.InvariantCulture));
            var body = new { format = targetFormat, headline = draft.Headline, sections = draft.ToBody(), reason = parse.GetValue(reason) };
            var response = await api.SendAsync(
                HttpMethod.Put, storyPath, ct, body,
                headers: ExpectedVersion.IfMatch(version),
                mapError: expect.MapErrors(target, version, ResourceIds.Stories.NotFound)).ConfigureAwait(false);
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

            var before = current.Story.Current.CurrentScore.Overall; // under the running rubric, like the new revision's
            var after = revised.Story.Current.Score.Overall;
            ctx.Out.WriteLine($"Revised story {target} (now revision {revised.Story.Current.Revision}, version {revised.Version}):");
            ctx.Out.WriteLine();
            StoryView.WriteText(ctx, revised);
            ctx.Out.WriteLine();
            ctx.Out.WriteLine(StoryView.ScoreLine(revised.Story.Current.Score) + $"; was {before}/100 ({(after - before).ToString("+0;-0;±0", CultureInfo.InvariantCulture)})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
