using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Stories;

/// <summary>
/// <c>ledger stories</c>: the story ranking (its own action, so <c>ledger stories --top 8</c> keeps working), plus the story bank
/// subcommands (<c>/api/stories</c>), each in its own file: <c>draft</c> (<see cref="StoriesDraftCommand"/>), <c>list</c>,
/// <c>show</c>, <c>revise</c>, <c>used</c>, <c>link</c>, <c>retire</c> and <c>intro</c> (<c>Stories&lt;Name&gt;Command</c>).
/// The ranking output names the formula version and lists the growth gaps (docs/cli.md, docs/scoring.md).
/// </summary>
internal static class StoriesCommand
{
    public static Command Create(CliContext ctx)
    {
        var top = new Option<int>("--top") { Description = "How many stories (1-50)", DefaultValueFactory = _ => 8, HelpName = "N" };
        var asOf = new Option<string>("--as-of") { Description = "Rank only what was recorded by then: a date or an ISO 8601 timestamp", HelpName = "DATE|TIMESTAMP" };
        var command = new Command("stories", "Your accomplishments ranked as interview / promotion stories, with the prep checklist; subcommands draft and keep the stories themselves");
        command.Options.Add(top);
        command.Options.Add(asOf);
        command.Subcommands.Add(StoriesDraftCommand.Create(ctx));
        command.Subcommands.Add(StoriesListCommand.Create(ctx));
        command.Subcommands.Add(StoriesShowCommand.Create(ctx));
        command.Subcommands.Add(StoriesReviseCommand.Create(ctx));
        command.Subcommands.Add(StoriesUsedCommand.Create(ctx));
        command.Subcommands.Add(StoriesLinkCommand.Create(ctx));
        command.Subcommands.Add(StoriesRetireCommand.Create(ctx));
        command.Subcommands.Add(StoriesIntroCommand.Create(ctx));
        command.SetAction(async (parse, ct) =>
        {
            var query = OptionValues.Query(("top", parse.GetValue(top).ToString(CultureInfo.InvariantCulture)), ("asOf", parse.GetValue(asOf)));
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/stories/ranking" + query, ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            Render(ctx, response.Read<StoryRankingDto>());
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The ID argument of the story bank subcommands.</summary>
    internal static Argument<string> IdArgument() => new("ID") { Description = "The story id, or a unique prefix of it (as `ledger stories list` shows)" };

    /// <summary>A <c>--format star|carl</c> option.</summary>
    internal static Option<string> FormatOption(string description)
    {
        var format = new Option<string>("--format") { Description = description, HelpName = "star|carl" };
        format.AcceptOnlyFromAmong("star", "carl");
        return format;
    }

    /// <summary>Splits <paramref name="text"/> at spaces into lines of at most <paramref name="width"/> characters (a longer word stays whole).</summary>
    internal static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length == 0 ? "" : " ").Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    internal static void Render(CliContext ctx, StoryRankingDto ranking)
    {
        var asOf = ranking.AsOf is { } at ? $", as recorded at {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC" : "";
        ctx.Out.WriteLine($"Top {ranking.Top.Count} of {ranking.Considered} accomplishments (recency measured from {ranking.Today}{asOf}), ranking formula v{ranking.FormulaVersion.ToString(CultureInfo.InvariantCulture)}");
        if (ranking.Top.Count == 0)
        {
            ctx.Out.WriteLine("Nothing to rank yet. Log a win with `ledger win \"…\"`.");
        }
        else
        {
            var table = new Table().Border(ctx.TableBorder);
            table.AddColumn(new TableColumn("Rank").RightAligned());
            table.AddColumn(new TableColumn("Score").RightAligned());
            table.AddColumn("Date");
            table.AddColumn("Title");
            foreach (var story in ranking.Top)
            {
                table.AddRow(
                    new Text(story.Rank.ToString(CultureInfo.InvariantCulture)),
                    new Text(story.Score.ToString("0.0", CultureInfo.InvariantCulture)),
                    new Text(story.OccurredOn),
                    new Text(story.Title, new Style(decoration: Decoration.Bold)));
                table.AddRow(new Text(""), new Text(""), new Text(""), new Text(story.Reason, new Style(decoration: Decoration.Italic)));
            }

            ctx.Console.Write(table);
        }

        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Prep checklist:");
        var width = ranking.Checklist.Count == 0 ? 0 : ranking.Checklist.Max(c => c.Label.Length);
        foreach (var row in ranking.Checklist)
        {
            var covered = row.TopStoryRanks.Count == 0 ? "missing" : "covered by " + string.Join(", ", row.TopStoryRanks.Select(r => "#" + r.ToString(CultureInfo.InvariantCulture)));
            ctx.Out.WriteLine($"  {row.Label.PadRight(width)}  → {covered}");
        }

        if (ranking.GrowthGaps is { Count: > 0 } gaps)
        {
            ctx.Out.WriteLine();
            ctx.Out.WriteLine("Growth areas from your feedback and reviews that no top story shows:");
            foreach (var gap in gaps)
            {
                var first = true;
                foreach (var line in Wrap(gap.Sentence, 116))
                {
                    ctx.Out.WriteLine((first ? "  - " : "    ") + line);
                    first = false;
                }
            }
        }

        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Not evidenced by any accomplishment: " + (ranking.Uncovered.Count == 0 ? "none" : string.Join(", ", ranking.Uncovered)));
    }
}
