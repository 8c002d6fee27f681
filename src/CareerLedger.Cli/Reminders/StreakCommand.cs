using System.CommandLine;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Reminders;

/// <summary><c>ledger streak</c>: weeks in a row with a win, by when it happened and by when you logged it.</summary>
internal static class StreakCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("streak", "Your streaks: weeks with a win (by its date) and weeks you logged one (by when you wrote it down)");
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/streak", ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var s = response.Read<StreakDto>();
            ctx.Out.WriteLine($"Logging streak:  {Weeks(s.Logging.Current)}{Since(s.Logging)} (longest {Weeks(s.Logging.Longest)})");
            ctx.Out.WriteLine($"Activity streak: {Weeks(s.Activity.Current)}{Since(s.Activity)} (longest {Weeks(s.Activity.Longest)})");
            ctx.Out.WriteLine(s.LoggedThisWeek ? $"You logged a win this week ({s.ThisWeek})." : $"Nothing logged yet this week ({s.ThisWeek}): `ledger win \"…\"` keeps the streak.");
            ctx.Out.WriteLine(s.Explanation);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Weeks(int n) => n == 1 ? "1 week" : $"{n} weeks";

    private static string Since(WeekStreakDto s) => s.CurrentSince is { } d ? $" since the week of {d}" : "";
}
