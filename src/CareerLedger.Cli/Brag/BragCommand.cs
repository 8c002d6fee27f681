using System.CommandLine;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Brag;

/// <summary><c>ledger brag</c>: the brag document as Markdown, HTML or JSON.</summary>
internal static class BragCommand
{
    public static Command Create(CliContext ctx)
    {
        var from = new Option<string>("--from") { Description = "First day (yyyy-MM-dd); default: start of the current half-year", HelpName = "yyyy-MM-dd" };
        var to = new Option<string>("--to") { Description = "Last day (yyyy-MM-dd); default: end of the current half-year", HelpName = "yyyy-MM-dd" };
        var asOf = new Option<string>("--as-of") { Description = "Show it as recorded then: a date (end of that day) or an ISO 8601 timestamp", HelpName = "DATE|TIMESTAMP" };
        var format = new Option<string>("--format") { Description = "md (default), html or json", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html", "json");
        var output = new DocumentOutput(format);
        var command = new Command("brag", "Print (or save) your brag document");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(asOf);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var kind = output.Kind(ctx, parse);
            var query = OptionValues.Query(
                ("from", OptionValues.Date(parse.GetValue(from), "--from")),
                ("to", OptionValues.Date(parse.GetValue(to), "--to")),
                ("asOf", parse.GetValue(asOf)),
                ("format", kind));
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/brag" + query, ct).ConfigureAwait(false);
            await output.WriteAsync(ctx, parse, response.Body, kind, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
