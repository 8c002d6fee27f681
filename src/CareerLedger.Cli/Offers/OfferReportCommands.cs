using System.CommandLine;
using System.Globalization;
using System.Text;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Offers;

/// <summary><c>ledger offers compare</c> and <c>ledger offers plan</c>: documents from the API as Markdown (default), HTML or JSON.</summary>
internal static class OfferReportCommands
{
    public static Command Compare(CliContext ctx)
    {
        var currency = CurrencyOption();
        var rates = RateOption();
        var asOf = new Option<string>("--as-of") { Description = "The comparison as recorded then: a date (end of that day) or an ISO 8601 timestamp", HelpName = "DATE|TIMESTAMP" };
        var all = new Option<bool>("--all") { Description = "Include accepted, declined, expired and withdrawn offers" };
        var format = FormatOption();
        var output = OutOption();
        var command = new Command("compare", "Your open offers side by side, year by year, in one currency");
        command.Options.Add(currency);
        command.Options.Add(rates);
        command.Options.Add(asOf);
        command.Options.Add(all);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            var kind = ctx.Json ? "json" : parse.GetValue(format)!;
            var query = OptionValues.Query(
                ("currency", OfferValues.Currency(parse.GetValue(currency), "--currency")),
                ("rates", OfferValues.Rates(parse.GetValue(rates))),
                ("asOf", parse.GetValue(asOf)),
                ("include", parse.GetValue(all) ? "all" : null),
                ("format", kind));
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/offers/compare" + query, ct).ConfigureAwait(false);
            await WriteDocumentAsync(ctx, parse.GetValue(output), response.Body, kind, ct).ConfigureAwait(false);
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
        var currency = CurrencyOption();
        var rates = RateOption();
        var format = FormatOption();
        var output = OutOption();
        var command = new Command("plan", "A negotiation plan for one offer: leverage, asks, targets, walk-away floor, scripts");
        command.Arguments.Add(id);
        command.Options.Add(currentTotal);
        command.Options.Add(currentLevel);
        command.Options.Add(minimum);
        command.Options.Add(currency);
        command.Options.Add(rates);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            var kind = ctx.Json ? "json" : parse.GetValue(format)!;
            var query = OptionValues.Query(
                ("currency", OfferValues.Currency(parse.GetValue(currency), "--currency")),
                ("rates", OfferValues.Rates(parse.GetValue(rates))),
                ("currentTotal", Invariant(parse.GetValue(currentTotal) is { } total ? OfferValues.Amount(total, "--current-total") : null)),
                ("currentLevelRank", parse.GetValue(currentLevel) is { } rank ? OfferValues.Whole(rank, "--current-level").ToString(CultureInfo.InvariantCulture) : null),
                ("minimumAnnual", Invariant(parse.GetValue(minimum) is { } floor ? OfferValues.Amount(floor, "--minimum") : null)),
                ("format", kind));
            using var api = ctx.CreateApi();
            var target = await OfferIds.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(HttpMethod.Get, $"api/offers/{target}/plan" + query, ct, mapError: (r, _) => OfferIds.NotFound(r, target)).ConfigureAwait(false);
            await WriteDocumentAsync(ctx, parse.GetValue(output), response.Body, kind, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> CurrencyOption() => new("--currency")
    {
        Description = "Comparison currency (default: the one most of your open offers use)",
        HelpName = "CODE",
    };

    private static Option<string[]> RateOption() => new("--rate")
    {
        Description = "Exchange rate into the comparison currency, repeatable: EUR=1.08 means 1 EUR = 1.08 of it",
        HelpName = "CODE=RATE",
    };

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

    private static Option<FileInfo> OutOption() => new("--out") { Description = "Write the document to this file and print its path", HelpName = "FILE" };

    private static string? Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Prints the document (JSON indented), or writes it to <paramref name="file"/> and prints the file's full path.</summary>
    private static async Task WriteDocumentAsync(CliContext ctx, FileInfo? file, string body, string kind, CancellationToken ct)
    {
        if (file is not null)
        {
            try
            {
                if (file.Directory is { Exists: false } dir)
                {
                    dir.Create();
                }

                await File.WriteAllTextAsync(file.FullName, body, new UTF8Encoding(false), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CliException.Validation($"cannot write {file.FullName}: {ex.Message}");
            }

            ctx.Out.WriteLine(file.FullName);
            return;
        }

        if (kind == "json")
        {
            ctx.WriteJson(body);
        }
        else
        {
            ctx.Out.Write(body.EndsWith('\n') ? body : body + "\n");
        }
    }
}
