using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Practice;

/// <summary><c>ledger mock list</c>: your mock sessions, newest first.</summary>
internal static class MockListCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("list", "Your mock sessions, newest first");
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/practice/sessions", ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var sessions = response.Read<List<SessionViewDto>>().Select(v => v.Session).ToList();
            if (sessions.Count == 0)
            {
                ctx.Out.WriteLine("No mock sessions yet. Start one with `ledger mock start`.");
                return ExitCodes.Ok;
            }

            var prefix = ShortIds.UniquePrefixLength(sessions.Select(s => s.Id).ToList());
            var table = new Table().Border(ctx.TableBorder);
            table.AddColumn("Started");
            table.AddColumn("Lens");
            table.AddColumn("Level");
            table.AddColumn(new TableColumn("Answered").RightAligned());
            table.AddColumn(new TableColumn("Average").RightAligned());
            table.AddColumn("Status");
            table.AddColumn("Id");
            foreach (var s in sessions)
            {
                var scores = s.Questions.Where(q => q.CurrentScore is not null).Select(q => q.CurrentScore!.Overall).ToList();
                var average = (s.RescoredSummary ?? s.Summary)?.AverageOverall ?? (scores.Count == 0 ? (int?)null : (int)Math.Round(scores.Average(), MidpointRounding.AwayFromZero));
                table.AddRow(
                    new Text(s.StartedOn),
                    new Text(s.Target.Lens ?? "any"),
                    new Text(s.Target.Level ?? "any"),
                    new Text($"{s.Answered}/{s.Questions.Count}"),
                    new Text(average?.ToString(CultureInfo.InvariantCulture) ?? "–"),
                    new Text(s.IsFinished ? "finished" : "open"),
                    new Text(ShortIds.Format(s.Id)[..prefix]));
            }

            ctx.Console.Write(table);
            ctx.Out.WriteLine(sessions.Count == 1 ? "1 session." : $"{sessions.Count} sessions.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
