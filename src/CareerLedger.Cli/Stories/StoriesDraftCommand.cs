using System.CommandLine;
using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Stories;

/// <summary><c>ledger stories draft</c>: drafts a STAR or CARL story from accomplishments (<c>POST /api/stories</c>); the coach scores it.</summary>
internal static class StoriesDraftCommand
{
    public static Command Create(CliContext ctx)
    {
        var ids = new Argument<string[]>("ACCOMPLISHMENT_ID")
        {
            Description = "The accomplishments to tell (the first is the main one): ids or unique prefixes, as `ledger wins` shows them",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = StoriesCommand.FormatOption("star (situation, task, action, result; the default) or carl (context, action, result, learnings)");
        var command = new Command("draft", "Draft a STAR or CARL story from one or more accomplishments; the coach scores it");
        command.Arguments.Add(ids);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var accomplishments = new List<Guid>();
            foreach (var id in parse.GetValue(ids)!)
            {
                accomplishments.Add(await ResourceIds.Accomplishments.ResolveAsync(api, id, ct).ConfigureAwait(false));
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
            StoryView.WriteText(ctx, view);
            ctx.Out.WriteLine();
            ctx.Out.WriteLine(StoryView.ScoreLine(view.Story.Current.Score));
            ctx.Out.WriteLine(CoachView.Source("drafted", view.DraftSource ?? "template", view.DraftNote));
            return ExitCodes.Ok;
        });
        return command;
    }
}
