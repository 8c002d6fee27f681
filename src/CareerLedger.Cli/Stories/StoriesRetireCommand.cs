using System.CommandLine;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Stories;

/// <summary><c>ledger stories retire</c>: takes a story out of the active bank.</summary>
internal static class StoriesRetireCommand
{
    public static Command Create(CliContext ctx)
    {
        var id = StoriesCommand.IdArgument();
        var reason = new Option<string>("--reason") { Description = "Why (kept in the story's history)", HelpName = "TEXT" };
        var command = new Command("retire", "Take a story out of the active bank (`stories list --all` still shows it)");
        command.Arguments.Add(id);
        command.Options.Add(reason);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await ResourceIds.Stories.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            await api.SendAsync(
                HttpMethod.Delete, $"api/stories/{target}" + OptionValues.Query(("reason", parse.GetValue(reason))), ct,
                mapError: (r, _) => ResourceIds.Stories.NotFound(r, target)).ConfigureAwait(false);
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
}
