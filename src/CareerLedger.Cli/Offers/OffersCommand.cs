using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Offers;

/// <summary>
/// <c>ledger offers</c>: record job offers and their negotiation (<c>add</c>, <c>list</c>, <c>revise</c>, <c>counter</c>,
/// <c>deadline</c>, <c>accept</c>/<c>decline</c>/<c>withdraw</c>/<c>expire</c>, <c>timeline</c>) and compare them
/// (<c>compare</c>, <c>plan</c>). Every subcommand prints the raw JSON response with <c>--json</c>.
/// </summary>
internal static class OffersCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("offers", "Record job offers, counter-offers and revisions; compare offers year by year and plan the negotiation");
        command.Subcommands.Add(Add(ctx));
        command.Subcommands.Add(List(ctx));
        command.Subcommands.Add(Revise(ctx));
        command.Subcommands.Add(OfferLifecycleCommands.Counter(ctx));
        command.Subcommands.Add(OfferLifecycleCommands.Deadline(ctx));
        command.Subcommands.Add(OfferLifecycleCommands.Close(ctx, "accept", "Mark the offer accepted", withReason: false));
        command.Subcommands.Add(OfferLifecycleCommands.Close(ctx, "decline", "Mark the offer declined (it leaves the comparison)", withReason: true));
        command.Subcommands.Add(OfferLifecycleCommands.Close(ctx, "withdraw", "Mark the offer withdrawn by the company", withReason: true));
        command.Subcommands.Add(OfferLifecycleCommands.Close(ctx, "expire", "Mark the offer lapsed at its deadline", withReason: false));
        command.Subcommands.Add(OfferLifecycleCommands.Timeline(ctx));
        command.Subcommands.Add(OfferReportCommands.Compare(ctx));
        command.Subcommands.Add(OfferReportCommands.Plan(ctx));
        return command;
    }

    private static Argument<string> FileArgument(string description) => new("FILE")
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Add(CliContext ctx)
    {
        var file = FileArgument("A JSON or YAML file: the POST /api/offers body (stage, receivedOn, terms) or just the terms; - reads stdin");
        var received = new Option<string>("--received") { Description = "The day the offer arrived (yyyy-MM-dd); default today", HelpName = "yyyy-MM-dd" };
        var options = new OfferTermsOptions();
        var command = new Command("add", "Record an offer from a file and/or options (options override the file; safe to retry)");
        command.Arguments.Add(file);
        options.AddTo(command);
        command.Options.Add(received);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file);
            var content = path is null ? null : await OfferFile.ReadAsync(path, ctx.Environment.StandardInput, ct).ConfigureAwait(false);
            if (content is null && !options.AnyTermGiven(parse))
            {
                throw CliException.Usage("offers add needs a FILE (JSON or YAML) or the terms as options (--company, --role, --level, --rank, --currency, --base …); see `ledger offers add --help`");
            }

            var terms = content?.Terms ?? [];
            options.Apply(parse, terms);
            var body = new JsonObject();
            if ((options.Stage(parse) ?? content?.Stage) is { } stage)
            {
                body["stage"] = stage;
            }

            if ((OptionValues.Date(parse.GetValue(received), "--received") ?? content?.ReceivedOn) is { } day)
            {
                body["receivedOn"] = day;
            }

            body["terms"] = terms;

            using var api = ctx.CreateApi();
            var response = await api.SendAsync(
                HttpMethod.Post, "api/offers", ct, rawJsonBody: body.ToJsonString(),
                headers: new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() }).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var offer = response.Read<OfferViewDto>().Offer;
            ctx.Out.WriteLine($"{(response.Status == HttpStatusCode.Created ? "Recorded" : "Already recorded")} offer {offer.Id}: {Describe(offer)}");
            ctx.Out.WriteLine("  " + await TotalsAsync(api, offer, ct).ConfigureAwait(false));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command List(CliContext ctx)
    {
        var all = new Option<bool>("--all") { Description = "Also show accepted, declined, expired and withdrawn offers" };
        var command = new Command("list", "Your open offers (or all of them): company, level, base, deadline, status and short id");
        command.Options.Add(all);
        command.SetAction(async (parse, ct) =>
        {
            var everything = parse.GetValue(all);
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/offers?status=" + (everything ? "all" : "open"), ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var offers = response.Read<List<OfferViewDto>>().Select(v => v.Offer).ToList();
            if (offers.Count == 0)
            {
                ctx.Out.WriteLine(everything ? "No offers yet. Record one with `ledger offers add FILE`." : "No open offers. Record one with `ledger offers add FILE` (or see them all with --all).");
                return ExitCodes.Ok;
            }

            var prefix = ShortIds.UniquePrefixLength(offers.Select(o => o.Id).ToList());
            var table = new Table().Border(ctx.TableBorder);
            table.AddColumn("Company");
            table.AddColumn("Level");
            table.AddColumn(new TableColumn("Base").RightAligned());
            table.AddColumn("Deadline");
            table.AddColumn("Status");
            table.AddColumn("Id");
            foreach (var o in offers)
            {
                table.AddRow(
                    new Text(o.Terms.Company),
                    new Text(o.Terms.Level.Label),
                    new Text($"{OfferValues.Show(o.Terms.BaseSalary)} {o.Terms.Currency}"),
                    new Text(o.Deadline ?? "–"),
                    new Text(o.Status == "open" && o.Stage == "verbal" ? "open (verbal)" : o.Status),
                    new Text(ShortIds.Format(o.Id)[..prefix]));
            }

            ctx.Console.Write(table);
            ctx.Out.WriteLine(offers.Count == 1 ? "1 offer." : $"{offers.Count} offers.");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Revise(CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "The offer id, or a unique prefix of it (as `ledger offers list` shows)" };
        var file = FileArgument("A JSON or YAML file with the changed terms (or a body with terms, stage, revisedOn, reason); merged over the current terms");
        var reason = new Option<string>("--reason") { Description = "Why the terms changed, e.g. \"after counter\" (kept in the timeline)", HelpName = "TEXT" };
        var received = new Option<string>("--received") { Description = "The day the new terms arrived (yyyy-MM-dd); default today", HelpName = "yyyy-MM-dd" };
        var expect = new ExpectedVersion("offer", "ledger offers list --json", "ledger offers revise");
        var options = new OfferTermsOptions();
        var command = new Command("revise", "New terms for an offer: the file and options are merged over its current terms, the rest is kept");
        command.Arguments.Add(id);
        command.Arguments.Add(file);
        options.AddTo(command);
        command.Options.Add(reason);
        command.Options.Add(received);
        command.Options.Add(expect.Option);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file);
            var content = path is null ? null : await OfferFile.ReadAsync(path, ctx.Environment.StandardInput, ct).ConfigureAwait(false);
            var stage = options.Stage(parse) ?? content?.Stage;
            if (content is null && !options.AnyTermGiven(parse) && stage is null)
            {
                throw CliException.Usage("nothing to revise: give a FILE or the changed terms as options (--base, --rsu, --sign-on …)");
            }

            options.Apply(parse, []); // malformed values fail here, before anything is sent
            var revisedOn = OptionValues.Date(parse.GetValue(received), "--received") ?? content?.RevisedOn;

            using var api = ctx.CreateApi();
            var target = await ResourceIds.Offers.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var current = await api.SendAsync(HttpMethod.Get, $"api/offers/{target}", ct, mapError: (r, _) => ResourceIds.Offers.NotFound(r, target)).ConfigureAwait(false);
            var view = JsonNode.Parse(current.Body) as JsonObject;
            if (OfferFile.WithoutNulls(view?["offer"]?["terms"]) is not JsonObject terms)
            {
                throw CliException.Validation($"the server sent offer {target} without its terms");
            }

            if (content is not null)
            {
                OfferFile.Merge(terms, content.Terms);
            }

            options.Apply(parse, terms);
            var version = expect.Choose(parse, current.ETag, view?["version"]?.ToJsonString() ?? "0");
            var body = new JsonObject();
            if (revisedOn is not null)
            {
                body["revisedOn"] = revisedOn;
            }

            body["terms"] = terms;
            if ((parse.GetValue(reason) ?? content?.Reason) is { } why)
            {
                body["reason"] = why;
            }

            if (stage is not null)
            {
                body["stage"] = stage;
            }

            var response = await api.SendAsync(
                HttpMethod.Put, $"api/offers/{target}/terms", ct, rawJsonBody: body.ToJsonString(),
                headers: ExpectedVersion.IfMatch(version),
                mapError: expect.MapErrors(target, version, ResourceIds.Offers.NotFound)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var revised = response.Read<OfferViewDto>();
            if (revised.Version.ToString(CultureInfo.InvariantCulture) == version)
            {
                ctx.Out.WriteLine($"No change: offer {target} ({revised.Offer.Terms.Company}) already has these terms (version {revised.Version}).");
                return ExitCodes.Ok;
            }

            ctx.Out.WriteLine($"Revised offer {target} (now version {revised.Version}): {Describe(revised.Offer)}");
            var timeline = (await api.SendAsync(HttpMethod.Get, $"api/offers/{target}/timeline", ct).ConfigureAwait(false)).Read<OfferTimelineDto>();
            if (timeline.Entries.LastOrDefault(e => e.Kind == "revised") is { } entry)
            {
                ctx.Out.WriteLine("  " + entry.Summary);
            }

            ctx.Out.WriteLine("  " + await TotalsAsync(api, revised.Offer, ct).ConfigureAwait(false));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"Contoso Senior Software Engineer, Payments (L5)".</summary>
    internal static string Describe(OfferDto offer) => $"{offer.Terms.Company} {offer.Terms.Role} ({offer.Terms.Level.Label})";

    /// <summary>
    /// One line with the offer's first-year and four-year totals in its own currency, from <c>GET /api/offers/compare</c>;
    /// when the comparison cannot be made (another open offer needs an exchange rate) the line says how to get it.
    /// </summary>
    private static async Task<string> TotalsAsync(ApiClient api, OfferDto offer, CancellationToken ct)
    {
        try
        {
            var query = OptionValues.Query(("currency", offer.Terms.Currency), ("format", "json"));
            var comparison = (await api.SendAsync(HttpMethod.Get, "api/offers/compare" + query, ct).ConfigureAwait(false)).Read<OfferComparisonDto>();
            if (comparison.Offers.FirstOrDefault(o => o.OfferId == offer.Id) is { } compared)
            {
                var c = compared.Compensation;
                return $"First year {Whole(c.FirstYearTotal)} {c.Currency}; four-year total {Whole(c.FourYearTotal)} {c.Currency} (average {Whole(c.AverageAnnual)} a year)";
            }

            return "Totals: see `ledger offers compare --all`";
        }
        catch (CliException ex) when (ex.ExitCode == ExitCodes.Failure)
        {
            return $"Totals unavailable ({ex.Message}); run `ledger offers compare --rate CODE=RATE`";
        }
    }

    private static string Whole(decimal value) => OfferValues.Show(Math.Round(value, 0, MidpointRounding.AwayFromZero));
}
