using System.CommandLine;
using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Practice;

/// <summary><c>ledger mock answer</c>: answers a question of a session; prints the score, top findings, critique, follow-up and the next question.</summary>
internal static class MockAnswerCommand
{
    /// <summary>How many findings <c>mock answer</c> prints (the rest are in <c>--json</c>).</summary>
    public const int TopFindings = 3;

    public static Command Create(CliContext ctx)
    {
        var id = MockCommands.IdArgument();
        var input = new AnswerInput();
        var story = new Option<string>("--story") { Description = "The story you told (id or prefix, as `ledger stories list` shows); its lineage gets the score", HelpName = "STORY_ID" };
        var question = new Option<string>("--question") { Description = "Which question you answer (default: the next unanswered one)", HelpName = "QID" };
        var command = new Command("answer", "Answer the next question: prints the score, the top findings, the critique, a follow-up and the next question");
        command.Arguments.Add(id);
        input.AddTo(command);
        command.Options.Add(story);
        command.Options.Add(question);
        command.SetAction(async (parse, ct) =>
        {
            var seconds = input.Seconds(parse);
            var text = await input.ReadAsync(parse, ctx, ct).ConfigureAwait(false);
            using var api = ctx.CreateApi();
            var target = await ResourceIds.MockSessions.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            Guid? storyId = parse.GetValue(story) is { } s ? await ResourceIds.Stories.ResolveAsync(api, s, ct).ConfigureAwait(false) : null;
            var response = await api.SendAsync(
                HttpMethod.Post, $"api/practice/sessions/{target}/answers", ct,
                new { text, durationSeconds = seconds, questionId = parse.GetValue(question), storyId },
                mapError: (r, _) => ResourceIds.MockSessions.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var result = response.Read<AnswerResultDto>();
            var session = (await api.SendAsync(HttpMethod.Get, $"api/practice/sessions/{target}", ct).ConfigureAwait(false)).Read<SessionViewDto>().Session;
            var answered = session.Questions.FirstOrDefault(q => q.QuestionId == result.QuestionId);
            var position = MockSessionView.Position(session, result.QuestionId);
            var report = result.Report;
            ctx.Out.WriteLine($"Answered {result.QuestionId} ({position}): {report.Overall}/100");
            ctx.Out.WriteLine("  " + CoachView.Dimensions(report.Dimensions.Select(d => KeyValuePair.Create(d.Dimension, d.Score))));
            ctx.Out.WriteLine("  " + CoachView.Length(report.Length));
            ctx.Out.WriteLine();
            if (report.Findings.Count == 0)
            {
                ctx.Out.WriteLine("Findings: none.");
            }
            else
            {
                var more = report.Findings.Count > TopFindings ? $", {report.Findings.Count - TopFindings} more with --json" : "";
                ctx.Out.WriteLine($"Top findings ({Math.Min(TopFindings, report.Findings.Count)} of {report.Findings.Count}{more}):");
                CoachView.Findings(ctx, report.Findings.Take(TopFindings));
            }

            ctx.Out.WriteLine();
            // critiqueNote says why the rubric was used or names the model; servers without it stored "model:NAME" in the session.
            if (result.CritiqueNote is { } note)
            {
                CoachView.Critique(ctx, result.Critique, result.CritiqueSource, note);
            }
            else
            {
                CoachView.Critique(ctx, result.Critique, answered?.CritiqueSource ?? result.CritiqueSource, null);
            }
            ctx.Out.WriteLine();
            ctx.Out.WriteLine("Follow-up: " + result.FollowUp);
            ctx.Out.WriteLine(CoachView.Source("follow-up", answered?.FollowUpSource ?? result.FollowUpSource, null));
            ctx.Out.WriteLine();
            MockSessionView.WriteNext(ctx, session, result.Next);
            return ExitCodes.Ok;
        });
        return command;
    }
}
