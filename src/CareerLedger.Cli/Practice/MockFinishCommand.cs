using System.CommandLine;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Practice;

/// <summary><c>ledger mock finish</c>: ends a session and prints its summary.</summary>
internal static class MockFinishCommand
{
    public static Command Create(CliContext ctx)
    {
        var id = MockCommands.IdArgument();
        var command = new Command("finish", "End the session: average score, per-dimension averages, weakest dimensions and findings that kept coming back");
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await ResourceIds.MockSessions.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(HttpMethod.Post, $"api/practice/sessions/{target}/finish", ct, new { }, mapError: (r, _) => ResourceIds.MockSessions.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var session = response.Read<SessionViewDto>().Session;
            var summary = session.Summary;
            if (summary is null)
            {
                throw CliException.Validation($"the server finished session {target} without a summary");
            }

            ctx.Out.WriteLine($"Finished mock session {target}: {summary.Answered} answered, average {summary.AverageOverall}/100.");
            var unanswered = session.Questions.Count - session.Answered;
            if (unanswered > 0)
            {
                ctx.Out.WriteLine($"{Wording.Plural(unanswered, "question")} left unanswered.");
            }

            MockSessionView.WriteSummary(ctx, session);
            return ExitCodes.Ok;
        });
        return command;
    }
}
