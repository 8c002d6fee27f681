using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;
using CareerLedger.Cli.Stories;

namespace CareerLedger.Cli.Practice;

/// <summary><c>ledger mock show</c>: one session, question by question, with its summary or next question.</summary>
internal static class MockShowCommand
{
    public static Command Create(CliContext ctx)
    {
        var id = MockCommands.IdArgument();
        var command = new Command("show", "One session: each question with your answer's score, the critique and the follow-up; the summary once finished");
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await ResourceIds.MockSessions.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(HttpMethod.Get, $"api/practice/sessions/{target}", ct, mapError: (r, _) => ResourceIds.MockSessions.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var view = response.Read<SessionViewDto>();
            var session = view.Session;
            var status = session.IsFinished ? "finished" : $"open, {session.Answered} of {session.Questions.Count} answered";
            ctx.Out.WriteLine($"Mock session {session.Id}, started {session.StartedOn} ({MockSessionView.Target(session)}); {status}.");
            var n = 0;
            foreach (var q in session.Questions)
            {
                n++;
                ctx.Out.WriteLine();
                ctx.Out.WriteLine($"{n}. {q.QuestionId}: {(view.Questions.TryGetValue(q.QuestionId, out var text) ? text : "(question no longer in the bank)")}");
                if (q.Answer is null)
                {
                    ctx.Out.WriteLine("   not answered yet");
                    continue;
                }

                var details = new List<string> { "answered " + (q.AnsweredOn?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?") };
                if (q.DurationSeconds is { } d)
                {
                    details.Add($"{d} s");
                }

                if (q.StoryId is { } story)
                {
                    details.Add("story " + ShortIds.Format(story));
                }

                ctx.Out.WriteLine("   " + string.Join(", ", details) + (q.Score is { } score ? $": {MockSessionView.ScoreText(q, "/100")} ({CoachView.Dimensions(q.CurrentScore!.Dimensions)})" : ": not scored"));
                if (q.Critique is { } critique)
                {
                    ctx.Out.WriteLine($"   critique by {MockSessionView.Where(q.CritiqueSource)}: {ApiClient.OneLine(critique)}");
                }

                if (q.FollowUp is { } followUp)
                {
                    ctx.Out.WriteLine($"   follow-up by {MockSessionView.Where(q.FollowUpSource)}: {followUp}");
                }
            }

            if (session.Summary is not null)
            {
                ctx.Out.WriteLine();
                var average = Wording.Score(session.Summary.AverageOverall, session.Summary.RubricVersion, session.RescoredSummary?.AverageOverall, session.RescoredSummary?.RubricVersion, "/100");
                ctx.Out.WriteLine($"Summary: {session.Summary.Answered} answered, average {average}.");
                MockSessionView.WriteSummary(ctx, session);
            }
            else
            {
                ctx.Out.WriteLine();
                MockSessionView.WriteNext(ctx, session, view.Next);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
