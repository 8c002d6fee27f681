using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Offers;

/// <summary><c>ledger offers compare</c> and <c>ledger offers plan</c>: documents from the API as Markdown (default), HTML or JSON.</summary>
internal static class OfferReportCommands
{
    public static Command Compare(CliContext ctx)
    {
        var money = new ComparisonCurrency();
        var asOf = new Option<string>("--as-of") { Description = "The comparison as recorded then: a date (end of that day) or an ISO 8601 timestamp", HelpName = "DATE|TIMESTAMP" };
        var all = new Option<bool>("--all") { Description = "Include accepted, declined, expired and withdrawn offers" };
        var output = new DocumentOutput(FormatOption());
        var command = new Command("compare", "Your open offers side by side, year by year, in one currency");
        money.AddTo(command);
        command.Options.Add(asOf);
        command.Options.Add(all);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var kind = output.Kind(ctx, parse);
            var query = OptionValues.Query(
            [
                .. money.Query(parse),
                ("asOf", parse.GetValue(asOf)),
                ("include", parse.GetValue(all) ? "all" : null),
                ("format", kind),
            ]);
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/offers/compare" + query, ct).ConfigureAwait(false);
            await output.WriteAsync(ctx, parse, response.Body, kind, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Plan(CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "The offer to negotiate: its id, or a unique prefix of it" };
        var currentTotal = new Option<string>("--current-total") { Description = "What your current job pays a year, all in (in the comparison currency)", HelpName = "AMOUNT" };
        var currentLevel = new Option<string>("--current-level") { Description = "Your current level rank, 1-10 (5 senior, 6 staff)", HelpName = "RANK" };
        var minimum = new Option<string>("--minimum") { Description = "The least you would accept per year (your walk-away floor)", HelpName = "AMOUNT" };
        var money = new ComparisonCurrency();
        var output = new DocumentOutput(FormatOption());
        var command = new Command("plan", "A negotiation plan for one offer: leverage, asks, targets, walk-away floor, scripts");
        command.Arguments.Add(id);
        command.Options.Add(currentTotal);
        command.Options.Add(currentLevel);
        command.Options.Add(minimum);
        money.AddTo(command);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var kind = output.Kind(ctx, parse);
            var query = OptionValues.Query(
            [
                .. money.Query(parse),
                ("currentTotal", Invariant(parse.GetValue(currentTotal) is { } total ? OfferValues.Amount(total, "--current-total") : null)),
                ("currentLevelRank", parse.GetValue(currentLevel) is { } rank ? OfferValues.Whole(rank, "--current-level").ToString(CultureInfo.InvariantCulture) : null),
                ("minimumAnnual", Invariant(parse.GetValue(minimum) is { } floor ? OfferValues.Amount(floor, "--minimum") : null)),
                ("format", kind),
            ]);
            using var api = ctx.CreateApi();
            var target = await ResourceIds.Offers.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(HttpMethod.Get, $"api/offers/{target}/plan" + query, ct, mapError: (r, _) => ResourceIds.Offers.NotFound(r, target)).ConfigureAwait(false);
            await output.WriteAsync(ctx, parse, response.Body, kind, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format")
        {
            Description = "md (default), html (with a chart for compare) or json",
            DefaultValueFactory = _ => "md",
            HelpName = "md|html|json",
        };
        OfferTermsOptions.OneOf(format, "md", "html", "json");
        return format;
    }

    private static string? Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The comparison currency and exchange rates both documents are computed in (<c>--currency</c>, <c>--rate</c>).</summary>
    private sealed class ComparisonCurrency
    {
        public Option<string> Currency { get; } = new("--currency")
        {
            Description = "Comparison currency (default: the one most of your open offers use)",
            HelpName = "CODE",
        };

        public Option<string[]> Rates { get; } = new("--rate")
        {
            Description = "Exchange rate into the comparison currency, repeatable: EUR=1.08 means 1 EUR = 1.08 of it",
            HelpName = "CODE=RATE",
        };

        /// <summary>Adds <c>--currency</c>, then <c>--rate</c>.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(Currency);
            command.Options.Add(Rates);
        }

        /// <summary>The checked currency and rates as the first query parameters (exit 1 naming the option when malformed).</summary>
        public (string Name, string? Value)[] Query(ParseResult parse) =>
        [
            ("currency", OfferValues.Currency(parse.GetValue(Currency), "--currency")),
            ("rates", OfferValues.Rates(parse.GetValue(Rates))),
        ];
    }
}
