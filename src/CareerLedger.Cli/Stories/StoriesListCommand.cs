using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Stories;

/// <summary><c>ledger stories list</c>: the story bank, best scored first (<c>GET /api/stories</c>).</summary>
internal static class StoriesListCommand
{
    public static Command Create(CliContext ctx)
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

            var prefix = ShortIds.UniquePrefixLength(stories.Select(s => s.Id).ToList());
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
                    new Text(s.Current.CurrentScore.Overall.ToString(CultureInfo.InvariantCulture)),
                    new Text(s.Current.Format.ToUpperInvariant()),
                    new Text(s.Current.Revision.ToString(CultureInfo.InvariantCulture)),
                    new Text(s.Uses.Count.ToString(CultureInfo.InvariantCulture)),
                    new Text(s.Retired ? s.Current.Headline + " (retired)" : s.Current.Headline),
                    new Text(ShortIds.Format(s.Id)[..prefix]));
            }

            ctx.Console.Write(table);
            ctx.Out.WriteLine(stories.Count == 1 ? "1 story." : $"{stories.Count} stories.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
