using System.CommandLine;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Stories;

/// <summary><c>ledger stories used</c>: records that you told a story (its current revision) somewhere.</summary>
internal static class StoriesUsedCommand
{
    public static Command Create(CliContext ctx)
    {
        var id = StoriesCommand.IdArgument();
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
            var target = await ResourceIds.Stories.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(
                HttpMethod.Post, $"api/stories/{target}/uses", ct, new { company = parse.GetValue(company), round = parse.GetValue(round), on },
                mapError: (r, _) => ResourceIds.Stories.NotFound(r, target)).ConfigureAwait(false);
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
}
