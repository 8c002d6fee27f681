using System.CommandLine;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Practice;

/// <summary><c>ledger mock start</c>: starts a mock interview session and prints its first question.</summary>
internal static class MockStartCommand
{
    public static Command Create(CliContext ctx)
    {
        var lens = new Option<string>("--lens") { Description = "Company lens: amazon, google, meta, apple, netflix or stripe (default: any)", HelpName = "LENS" };
        var level = new Option<string>("--level") { Description = "Level the questions probe: senior, staff or principal (or L5, L6, L7; default: any)", HelpName = "LEVEL" };
        var competencies = new Option<string[]>("--competency") { Description = "Focus on a competency (repeatable), e.g. conflict_resolution", HelpName = "C" };
        var count = new Option<int?>("--questions") { Description = "How many questions, 1-20 (default 5)", HelpName = "N" };
        var seed = new Option<int?>("--seed") { Description = "Random seed: the same seed over the same data draws the same questions", HelpName = "N" };
        var command = new Command("start", "Start a mock session; prints its id and the first question");
        command.Options.Add(lens);
        command.Options.Add(level);
        command.Options.Add(competencies);
        command.Options.Add(count);
        command.Options.Add(seed);
        command.SetAction(async (parse, ct) =>
        {
            var body = new
            {
                lens = parse.GetValue(lens),
                level = MockCommands.Level(parse.GetValue(level)),
                competencies = parse.GetValue(competencies),
                questions = parse.GetValue(count),
                seed = parse.GetValue(seed),
            };
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Post, "api/practice/sessions", ct, body).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var view = response.Read<SessionViewDto>();
            var session = view.Session;
            ctx.Out.WriteLine($"Started mock session {session.Id}: {Wording.Plural(session.Questions.Count, "question")} ({MockSessionView.Target(session)}).");
            if (view.Next is { } next)
            {
                ctx.Out.WriteLine();
                MockSessionView.WriteQuestion(ctx, session, next);
                ctx.Out.WriteLine();
                ctx.Out.WriteLine($"Answer it with `ledger mock answer {session.Id} FILE` (- reads stdin, or --text \"…\"; add --duration SECONDS, --story STORY_ID).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
