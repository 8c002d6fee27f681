using System.CommandLine;
using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Stories;

/// <summary><c>ledger stories intro</c>: a "tell me about yourself" draft (<c>GET /api/stories/intro</c>).</summary>
internal static class StoriesIntroCommand
{
    public static Command Create(CliContext ctx)
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
}
