using System.CommandLine;
using System.Globalization;
using System.Net;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Accomplishments;

/// <summary><c>ledger win</c>, <c>ledger wins</c>, <c>ledger revise</c>, <c>ledger retract</c>.</summary>
internal static class WinCommands
{
    public static Command Win(CliContext ctx)
    {
        var title = new Argument<string>("TITLE") { Description = "One line saying what you did" };
        var options = new AccomplishmentOptions();
        var command = new Command("win", "Log an accomplishment (safe to retry: each run sends a fresh Idempotency-Key)");
        command.Arguments.Add(title);
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var body = options.Read(parse, parse.GetValue(title));
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(
                HttpMethod.Post, "api/accomplishments", ct, body,
                headers: new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() }).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var logged = response.Read<AccomplishmentDto>();
            ctx.Out.WriteLine($"{(response.Status == HttpStatusCode.Created ? "Logged" : "Already logged")} {logged.Id}: {logged.Title}");
            foreach (var impact in logged.Impact)
            {
                ctx.Out.WriteLine($"  {impact.Summary}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Wins(CliContext ctx)
    {
        var from = new Option<string>("--from") { Description = "First day (yyyy-MM-dd)", HelpName = "yyyy-MM-dd" };
        var to = new Option<string>("--to") { Description = "Last day (yyyy-MM-dd)", HelpName = "yyyy-MM-dd" };
        var command = new Command("wins", "List your accomplishments, newest first");
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction(async (parse, ct) =>
        {
            var query = OptionValues.Query(("from", OptionValues.Date(parse.GetValue(from), "--from")), ("to", OptionValues.Date(parse.GetValue(to), "--to")));
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/accomplishments" + query, ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var wins = response.Read<List<AccomplishmentDto>>();
            if (wins.Count == 0)
            {
                ctx.Out.WriteLine("No accomplishments" + (query.Length > 0 ? " in that range." : " yet. Log one with `ledger win \"…\"`."));
                return ExitCodes.Ok;
            }

            var prefix = ShortIds.UniquePrefixLength(wins.Select(w => w.Id).ToList());
            var table = new Table().Border(ctx.TableBorder);
            table.AddColumn("Date");
            table.AddColumn("Scope");
            table.AddColumn("Involvement");
            table.AddColumn("Title");
            table.AddColumn("Id");
            foreach (var w in wins)
            {
                table.AddRow(new Text(w.OccurredOn), new Text(w.Scope), new Text(w.Involvement), new Text(w.Title), new Text(ShortIds.Format(w.Id)[..prefix]));
            }

            ctx.Console.Write(table);
            ctx.Out.WriteLine(wins.Count == 1 ? "1 accomplishment." : $"{wins.Count} accomplishments.");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Revise(CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "The accomplishment id, or a unique prefix of it (as `ledger wins` shows)" };
        var title = new Option<string>("--title") { Description = "New title", HelpName = "TITLE" };
        var reason = new Option<string>("--reason") { Description = "Why it changed (kept in the history)", HelpName = "TEXT" };
        var expect = new ExpectedVersion("accomplishment", "ledger wins --json", "ledger revise");
        var options = new AccomplishmentOptions();
        var command = new Command("revise", "Change an accomplishment; each option given replaces that field, the rest is kept");
        command.Arguments.Add(id);
        command.Options.Add(title);
        options.AddTo(command);
        command.Options.Add(reason);
        command.Options.Add(expect.Option);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await ResourceIds.Accomplishments.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var path = $"api/accomplishments/{target}";
            var current = await api.SendAsync(HttpMethod.Get, path, ct, mapError: (r, _) => ResourceIds.Accomplishments.NotFound(r, target)).ConfigureAwait(false);
            var dto = current.Read<AccomplishmentDto>();
            var version = expect.Choose(parse, current.ETag, dto.Version.ToString(CultureInfo.InvariantCulture));
            var body = options.Merge(parse, parse.GetResult(title) is null ? null : parse.GetValue(title), dto, parse.GetValue(reason));
            var response = await api.SendAsync(
                HttpMethod.Put, path, ct, body,
                headers: ExpectedVersion.IfMatch(version),
                mapError: expect.MapErrors(target, version, ResourceIds.Accomplishments.NotFound)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var revised = response.Read<AccomplishmentDto>();
            ctx.Out.WriteLine($"Revised {revised.Id} (now version {revised.Version}): {revised.Title}");
            foreach (var impact in revised.Impact)
            {
                ctx.Out.WriteLine($"  {impact.Summary}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Retract(CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "The accomplishment id, or a unique prefix of it" };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the history)", HelpName = "TEXT" };
        var command = new Command("retract", "Retract (hide) an accomplishment; its history is kept");
        command.Arguments.Add(id);
        command.Options.Add(reason);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await ResourceIds.Accomplishments.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            await api.SendAsync(
                HttpMethod.Delete, $"api/accomplishments/{target}" + OptionValues.Query(("reason", parse.GetValue(reason))), ct,
                mapError: (r, _) => ResourceIds.Accomplishments.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson($$"""{"id":"{{target}}","retracted":true}""");
            }
            else
            {
                ctx.Out.WriteLine($"Retracted {target}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
