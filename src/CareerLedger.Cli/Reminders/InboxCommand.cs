using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Reminders;

/// <summary><c>ledger inbox</c>: your reminders, newest first; mark them read.</summary>
internal static class InboxCommand
{
    private static readonly IdResolver<ReminderDto> Ids = new("api/inbox", r => r.Id, new("a reminder id", "ledger inbox", "reminder", "reminder ids"));

    public static Command Create(CliContext ctx)
    {
        var unread = new Option<bool>("--unread") { Description = "Only unread reminders" };
        var read = new Option<string>("--read") { Description = "Mark this reminder read", HelpName = "ID" };
        var readAll = new Option<bool>("--read-all") { Description = "Mark every reminder read" };
        var command = new Command("inbox", "Your reminders, newest first") { unread, read, readAll };
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            if (parse.GetValue(read) is { } one)
            {
                var id = await Ids.ResolveAsync(api, one, ct).ConfigureAwait(false);
                var marked = await api.SendAsync(HttpMethod.Post, $"api/inbox/{id}/read", ct, mapError: (r, _) => Ids.NotFound(r, id)).ConfigureAwait(false);
                if (ctx.Json)
                {
                    ctx.WriteJson(marked.Body);
                    return ExitCodes.Ok;
                }

                ctx.Out.WriteLine($"Marked read: {marked.Read<ReminderDto>().Title}");
                return ExitCodes.Ok;
            }

            if (parse.GetValue(readAll))
            {
                var count = (await api.SendAsync(HttpMethod.Post, "api/inbox/read-all", ct).ConfigureAwait(false)).Read<int>();
                ctx.Out.WriteLine(count == 1 ? "Marked 1 reminder read." : $"Marked {count} reminders read.");
                return ExitCodes.Ok;
            }

            var response = await api.SendAsync(HttpMethod.Get, parse.GetValue(unread) ? "api/inbox?unread=true" : "api/inbox", ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var reminders = response.Read<List<ReminderDto>>();
            if (reminders.Count == 0)
            {
                ctx.Out.WriteLine(parse.GetValue(unread) ? "No unread reminders." : "No reminders yet. See when they come with `ledger reminders`.");
                return ExitCodes.Ok;
            }

            var prefix = ShortIds.UniquePrefixLength(reminders.Select(r => r.Id).ToList());
            foreach (var r in reminders)
            {
                var mark = r.Read ? " " : "•";
                var failed = r.Deliveries.Where(d => d.State == "failed").Select(d => $"{d.Channel} failed ({d.Attempts}×: {d.LastError})").ToList();
                ctx.Out.WriteLine($"{mark} {r.DueAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}  {r.Title}  [{ShortIds.Format(r.Id)[..prefix]}]");
                ctx.Out.WriteLine($"  {r.Body}");
                foreach (var f in failed)
                {
                    ctx.Out.WriteLine($"  ! {f}");
                }
            }

            var unreadCount = reminders.Count(r => !r.Read);
            ctx.Out.WriteLine($"{reminders.Count} reminder(s), {unreadCount} unread. Mark read with `ledger inbox --read ID` or `--read-all`.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
