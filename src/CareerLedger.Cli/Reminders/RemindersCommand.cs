using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Reminders;

/// <summary><c>ledger reminders show|set|calendar</c>: when and where reminders reach you.</summary>
internal static class RemindersCommand
{
    private static readonly string[] Kinds = ["weekly_wins", "mock_session", "offer_deadline", "quarterly_review"];

    public static Command Create(CliContext ctx)
    {
        var command = new Command("reminders", "When and where reminders reach you (show, set, calendar)");
        var show = Show(ctx);
        command.Subcommands.Add(show);
        command.Subcommands.Add(Set(ctx));
        command.Subcommands.Add(Calendar(ctx));
        command.Action = show.Action;
        return command;
    }

    private static Command Show(CliContext ctx)
    {
        var command = new Command("show", "Your reminder settings");
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            return Print(ctx, await api.SendAsync(HttpMethod.Get, "api/reminders/settings", ct).ConfigureAwait(false));
        });
        return command;
    }

    private static Command Set(CliContext ctx)
    {
        var winsDay = new Option<string>("--wins-day") { Description = "Day of the weekly \"log your wins\" reminder (monday … sunday)", HelpName = "DAY" };
        var winsAt = new Option<string>("--wins-at") { Description = "Its local time (HH:mm, 24-hour)", HelpName = "HH:mm" };
        var mockEvery = new Option<int?>("--mock-every") { Description = "Days between mock sessions while a job search is active (1-14)", HelpName = "DAYS" };
        var mockAt = new Option<string>("--mock-at") { Description = "Local time of the daily mock-session check (HH:mm)", HelpName = "HH:mm" };
        var quiet = new Option<string>("--quiet") { Description = "Quiet hours for webhook and e-mail (HH:mm-HH:mm, or off)", HelpName = "HH:mm-HH:mm" };
        var enable = new Option<string[]>("--enable") { Description = $"Switch a reminder on ({string.Join(", ", Kinds)}), repeatable", HelpName = "KIND" };
        var disable = new Option<string[]>("--disable") { Description = "Switch a reminder off, repeatable", HelpName = "KIND" };
        var webhook = new Option<string>("--webhook") { Description = "Deliver to this https URL too (Slack, Discord, ntfy…), or off", HelpName = "URL" };
        var email = new Option<string>("--email") { Description = "Deliver by e-mail too, or off (the server needs SMTP settings)", HelpName = "ADDRESS" };
        var command = new Command("set", "Change reminder settings (only what you pass changes)") { winsDay, winsAt, mockEvery, mockAt, quiet, enable, disable, webhook, email };
        command.SetAction(async (parse, ct) =>
        {
            var body = new Dictionary<string, object?>();
            void Put(string name, object? value)
            {
                if (value is not null)
                {
                    body[name] = value;
                }
            }

            Put("winsDay", parse.GetValue(winsDay));
            Put("winsAt", parse.GetValue(winsAt));
            Put("mockEveryDays", parse.GetValue(mockEvery));
            Put("mockAt", parse.GetValue(mockAt));
            Put("quietHours", parse.GetValue(quiet));
            Put("enable", parse.GetValue(enable) is { Length: > 0 } on ? on : null);
            Put("disable", parse.GetValue(disable) is { Length: > 0 } off ? off : null);
            Put("webhook", parse.GetValue(webhook));
            Put("email", parse.GetValue(email));
            if (body.Count == 0)
            {
                throw CliException.Usage("nothing to change: pass at least one option (see `ledger reminders set --help`)");
            }

            using var api = ctx.CreateApi();
            return Print(ctx, await api.SendAsync(HttpMethod.Put, "api/reminders/settings", ct, body).ConfigureAwait(false));
        });
        return command;
    }

    private static Command Calendar(CliContext ctx)
    {
        var revoke = new Option<bool>("--revoke") { Description = "Stop the current feed URL instead of issuing a new one" };
        var command = new Command("calendar", "Issue a private iCalendar feed URL (slots, interviews, offer deadlines); the previous URL stops working") { revoke };
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            if (parse.GetValue(revoke))
            {
                await api.SendAsync(HttpMethod.Delete, "api/reminders/calendar", ct).ConfigureAwait(false);
                ctx.Out.WriteLine("Calendar feed revoked.");
                return ExitCodes.Ok;
            }

            var response = await api.SendAsync(HttpMethod.Post, "api/reminders/calendar", ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            ctx.Out.WriteLine(response.Read<CalendarFeedDto>().Url);
            ctx.Out.WriteLine("Subscribe to this URL in your calendar app. Anyone with it can read the feed: `ledger reminders calendar --revoke` stops it.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Print(CliContext ctx, ApiResponse response)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(response.Body);
            return ExitCodes.Ok;
        }

        var s = response.Read<ReminderSettingsDto>();
        string On(string kind) => s.Enabled.GetValueOrDefault(kind, true) ? "on" : "off";
        var table = new Table().Border(ctx.TableBorder).AddColumn("Reminder").AddColumn("When").AddColumn("State");
        var next = s.NextWeeklyWins is { } n ? $" (next {TimeZoneInfo.ConvertTime(n, Zone(s.TimeZone)).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)})" : "";
        table.AddRow("Log your wins", $"{Title(s.WinsDay)}s at {s.WinsAt}{next}, skipped in a week you logged one", On("weekly_wins"));
        table.AddRow("Mock session", $"every {Wording.Plural(s.MockEveryDays, "day")} at {s.MockAt} during a job search, daily in the last 3 days before an interview", On("mock_session"));
        table.AddRow("Offer deadline", "48 h and 24 h before an open offer's deadline ends", On("offer_deadline"));
        table.AddRow("Quarterly review", $"1 Mar, 1 Jun, 1 Sep and 1 Dec at {s.WinsAt}", On("quarterly_review"));
        ctx.Console.Write(table);
        ctx.Out.WriteLine($"Times are in {s.TimeZone}. Quiet hours (no webhook or e-mail): {s.QuietHours ?? "none"}.");
        foreach (var c in s.Channels)
        {
            var detail = c.Kind switch
            {
                "inbox" => "`ledger inbox`",
                "webhook" => $"{c.Address} (signing secret {c.SigningSecret})",
                _ => c.Address,
            };
            ctx.Out.WriteLine($"Channel {c.Kind}: {detail}");
        }

        ctx.Out.WriteLine(s.CalendarFeed ? "Calendar feed: issued (`ledger reminders calendar` replaces it)." : "Calendar feed: none (`ledger reminders calendar` issues one).");
        return ExitCodes.Ok;
    }

    private static string Title(string day) => day.Length == 0 ? day : char.ToUpperInvariant(day[0]) + day[1..];

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var z) ? z : TimeZoneInfo.Utc;
}
