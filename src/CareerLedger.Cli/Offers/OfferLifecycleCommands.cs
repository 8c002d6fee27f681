using System.CommandLine;
using System.Text.Json.Nodes;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Offers;

/// <summary>
/// <c>ledger offers counter</c>, <c>deadline</c>, <c>accept</c>, <c>decline</c>, <c>withdraw</c>, <c>expire</c> and <c>timeline</c>.
/// </summary>
internal static class OfferLifecycleCommands
{
    private static Argument<string> IdArgument() => new("ID") { Description = "The offer id, or a unique prefix of it (as `ledger offers list` shows)" };

    public static Command Counter(CliContext ctx)
    {
        var id = IdArgument();
        var asks = new Option<string[]>("--ask")
        {
            Description = $"What you asked for, repeatable: COMPONENT=AMOUNT, COMPONENT=TEXT or COMPONENT=AMOUNT:TEXT; components {string.Join(", ", OfferValues.AskComponents)}",
            HelpName = "COMPONENT=VALUE",
            Required = true,
        };
        var note = new Option<string>("--note") { Description = "What you said", HelpName = "TEXT" };
        var date = new Option<string>("--date") { Description = "The day you sent it (yyyy-MM-dd); default today", HelpName = "yyyy-MM-dd" };
        var command = new Command("counter", "Record the counter-offer you sent (e.g. --ask sign_on=40000 --ask equity=520000 --ask level=6)");
        command.Arguments.Add(id);
        command.Options.Add(asks);
        command.Options.Add(note);
        command.Options.Add(date);
        command.SetAction(async (parse, ct) =>
        {
            var body = new JsonObject();
            if (OptionValues.Date(parse.GetValue(date), "--date") is { } sentOn)
            {
                body["sentOn"] = sentOn;
            }

            body["asks"] = new JsonArray(parse.GetValue(asks)!.Select(a => (JsonNode)OfferValues.Ask(a)).ToArray());
            if (parse.GetValue(note) is { } text)
            {
                body["note"] = text;
            }

            using var api = ctx.CreateApi();
            var target = await ResourceIds.Offers.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(
                HttpMethod.Post, $"api/offers/{target}/counter", ct, rawJsonBody: body.ToJsonString(),
                mapError: (r, _) => ResourceIds.Offers.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var offer = response.Read<OfferViewDto>().Offer;
            var counter = offer.Counters?.LastOrDefault();
            var what = counter is null ? "" : ": " + string.Join("; ", counter.Asks.Select(Describe));
            ctx.Out.WriteLine($"Recorded counter to {offer.Terms.Company} (offer {target}) on {counter?.SentOn ?? "today"}{what}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Deadline(CliContext ctx)
    {
        var id = IdArgument();
        var day = new Argument<string>("DATE") { Description = "The day they want an answer by (yyyy-MM-dd)" };
        var command = new Command("deadline", "Set or extend the answer deadline");
        command.Arguments.Add(id);
        command.Arguments.Add(day);
        command.SetAction(async (parse, ct) =>
        {
            var deadline = OptionValues.Date(parse.GetValue(day), "DATE")!;
            using var api = ctx.CreateApi();
            var target = await ResourceIds.Offers.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(
                HttpMethod.Put, $"api/offers/{target}/deadline", ct, new { deadline },
                mapError: (r, _) => ResourceIds.Offers.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var offer = response.Read<OfferViewDto>().Offer;
            ctx.Out.WriteLine($"Deadline for {offer.Terms.Company} (offer {target}) is now {offer.Deadline ?? deadline}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>accept</c>, <c>decline</c>, <c>withdraw</c> or <c>expire</c> (<c>POST /api/offers/{id}/{name}</c>).</summary>
    public static Command Close(CliContext ctx, string name, string description, bool withReason)
    {
        var id = IdArgument();
        var date = new Option<string>("--date") { Description = "The day it happened (yyyy-MM-dd); default today", HelpName = "yyyy-MM-dd" };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the timeline)", HelpName = "TEXT" };
        var command = new Command(name, description);
        command.Arguments.Add(id);
        command.Options.Add(date);
        if (withReason)
        {
            command.Options.Add(reason);
        }

        command.SetAction(async (parse, ct) =>
        {
            var body = new
            {
                on = OptionValues.Date(parse.GetValue(date), "--date"),
                reason = withReason ? parse.GetValue(reason) : null,
            };
            using var api = ctx.CreateApi();
            var target = await ResourceIds.Offers.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(
                HttpMethod.Post, $"api/offers/{target}/{name}", ct, body,
                mapError: (r, _) => ResourceIds.Offers.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var offer = response.Read<OfferViewDto>().Offer;
            var verb = offer.Status switch
            {
                "accepted" => "Accepted",
                "declined" => "Declined",
                "withdrawn" => "Withdrawn",
                "expired" => "Expired",
                var other => other,
            };
            ctx.Out.WriteLine($"{verb} offer {target}: {OffersCommand.Describe(offer)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Timeline(CliContext ctx)
    {
        var id = IdArgument();
        var command = new Command("timeline", "How the offer moved: one line per event (date, kind, summary), oldest first");
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await ResourceIds.Offers.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(HttpMethod.Get, $"api/offers/{target}/timeline", ct, mapError: (r, _) => ResourceIds.Offers.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var timeline = response.Read<OfferTimelineDto>();
            var width = timeline.Entries.Count == 0 ? 0 : timeline.Entries.Max(e => e.Kind.Length);
            foreach (var entry in timeline.Entries)
            {
                // Deadline changes carry no day of their own: show the day they were recorded (UTC).
                var day = entry.On ?? entry.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                ctx.Out.WriteLine($"{day}  {entry.Kind.PadRight(width)}  {entry.Summary}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(CounterAskDto ask)
    {
        var what = ask.Component.Replace('_', '-');
        var amount = ask.Amount is { } n ? " " + OfferValues.Show(n) : "";
        return ask.Text is null ? what + amount : $"{what}{amount} ({ask.Text})";
    }
}
