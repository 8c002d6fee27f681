using System.CommandLine;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Coaching;

/// <summary><c>ledger coach FILE|-</c>: scores an answer against the STAR/CARL rubric (<c>POST /api/coach</c>).</summary>
internal static class CoachCommand
{
    public static Command Create(CliContext ctx)
    {
        var input = new AnswerInput();
        var format = new Option<string>("--format") { Description = "Measure it as star or carl (default: detected; carl when it has a learnings section)", HelpName = "star|carl" };
        format.AcceptOnlyFromAmong("star", "carl");
        var question = new Option<string>("--question") { Description = "The question it answers (the model's critique uses it)", HelpName = "TEXT" };
        var command = new Command("coach", "Score an interview answer: per-dimension scores, section shares, pace, findings quoting your words, and a critique");
        input.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(question);
        command.SetAction(async (parse, ct) =>
        {
            var seconds = input.Seconds(parse);
            var text = await input.ReadAsync(parse, ctx, ct).ConfigureAwait(false);
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(
                HttpMethod.Post, "api/coach", ct,
                new { text, durationSeconds = seconds, format = parse.GetValue(format), question = parse.GetValue(question) }).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var coached = response.Read<CoachResponseDto>();
            CoachView.Report(ctx, coached.Report);
            ctx.Out.WriteLine();
            CoachView.Critique(ctx, coached.Critique, coached.CritiqueSource, coached.CritiqueNote);
            return ExitCodes.Ok;
        });
        return command;
    }
}
