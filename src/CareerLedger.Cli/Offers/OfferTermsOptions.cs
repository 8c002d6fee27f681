using System.CommandLine;
using System.Text.Json.Nodes;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Offers;

/// <summary>
/// The terms options shared by <c>ledger offers add</c> and <c>ledger offers revise</c>. Each option given overrides one field
/// of the terms (from the file, or the offer's current terms); options not given leave the field alone.
/// </summary>
internal sealed class OfferTermsOptions
{
    public static readonly string[] RemotePolicies = ["onsite", "hybrid", "remote"];

    public static readonly string[] CompanyStages = ["public", "late_private", "series_c_plus", "series_b", "series_a", "seed"];

    /// <summary>Refresher vesting when <c>--refresher</c> starts a refresher and no schedule is given: no cliff, quarterly, 25 % a year.</summary>
    public const string DefaultRefresherVesting = "0:quarterly:25,25,25,25";

    public Option<string> Company { get; } = new("--company") { Description = "Who made the offer", HelpName = "NAME" };

    public Option<string> Role { get; } = new("--role") { Description = "The job title as offered", HelpName = "TITLE" };

    public Option<string> Level { get; } = new("--level") { Description = "The company's level label, e.g. L5, E5, \"Senior II\"", HelpName = "LABEL" };

    public Option<string> Rank { get; } = new("--rank") { Description = "Normalised level rank 1-10 (4 mid, 5 senior, 6 staff, 7 principal)", HelpName = "N" };

    public Option<string> Location { get; } = new("--location") { Description = "City or \"remote\"", HelpName = "PLACE" };

    public Option<string> Currency { get; } = new("--currency") { Description = "ISO code of every amount in the offer, e.g. USD", HelpName = "CODE" };

    public Option<string> Base { get; } = new("--base") { Description = "Annual base salary (205000, 205,000 or 205k)", HelpName = "AMOUNT" };

    public Option<string> Bonus { get; } = new("--bonus") { Description = "Bonus target, percent of base (15 means 15 %)", HelpName = "PERCENT" };

    public Option<string[]> SignOn { get; } = new("--sign-on")
    {
        Description = "A sign-on payment, repeatable (replaces all sign-on payments): " + OfferValues.SignOnSyntax,
        HelpName = "AMOUNT[@M][/C]",
    };

    public Option<string> Rsu { get; } = new("--rsu") { Description = "RSU grant value (or use --rsu-shares with --share-price)", HelpName = "AMOUNT" };

    public Option<string> RsuShares { get; } = new("--rsu-shares") { Description = "Number of RSUs granted", HelpName = "N" };

    public Option<string> SharePrice { get; } = new("--share-price") { Description = "Share price valuing the RSUs", HelpName = "PRICE" };

    public Option<string> Options { get; } = new("--options") { Description = "Number of stock options granted", HelpName = "N" };

    public Option<string> Strike { get; } = new("--strike") { Description = "Options: strike (exercise) price per share", HelpName = "PRICE" };

    public Option<string> Fmv { get; } = new("--fmv") { Description = "Options: latest 409A fair market value per common share", HelpName = "PRICE" };

    public Option<string> Preferred { get; } = new("--preferred") { Description = "Options: price per preferred share in the last round", HelpName = "PRICE" };

    public Option<string> FullyDiluted { get; } = new("--fully-diluted") { Description = "Options: fully diluted share count", HelpName = "N" };

    public Option<bool> Iso { get; } = new("--iso") { Description = "Options: incentive stock options" };

    public Option<bool> Nso { get; } = new("--nso") { Description = "Options: non-qualified stock options" };

    public Option<string> ExerciseWindow { get; } = new("--exercise-window") { Description = "Options: days to exercise after leaving (90 is common)", HelpName = "DAYS" };

    public Option<string> Preference { get; } = new("--preference") { Description = "Options: total liquidation preference ahead of common", HelpName = "AMOUNT" };

    public Option<string> Vesting { get; } = new("--vesting") { Description = "Equity vesting: " + OfferValues.VestingSyntax, HelpName = "SCHEDULE" };

    public Option<string> Refresher { get; } = new("--refresher") { Description = "Expected refresher grant value per year (from year 2)", HelpName = "AMOUNT" };

    public Option<string> RefresherVesting { get; } = new("--refresher-vesting")
    {
        Description = "Each refresher's vesting (same syntax as --vesting; default for a new refresher " + DefaultRefresherVesting + ")",
        HelpName = "SCHEDULE",
    };

    public Option<string> RetirementMatch { get; } = new("--retirement-match") { Description = "Retirement match, percent of base", HelpName = "PERCENT" };

    public Option<string> Pto { get; } = new("--pto") { Description = "Paid days off per year", HelpName = "DAYS" };

    public Option<string> Remote { get; } = new("--remote") { Description = "Remote-work policy", HelpName = string.Join('|', RemotePolicies) };

    public Option<string> CompanyStage { get; } = new("--company-stage") { Description = "Public, or the private funding stage", HelpName = string.Join('|', CompanyStages) };

    public Option<string> Start { get; } = new("--start") { Description = "Proposed start date (yyyy-MM-dd)", HelpName = "yyyy-MM-dd" };

    public Option<string> Deadline { get; } = new("--deadline") { Description = "When they want an answer (yyyy-MM-dd)", HelpName = "yyyy-MM-dd" };

    public Option<string> Notes { get; } = new("--notes") { Description = "Free text", HelpName = "TEXT" };

    public Option<bool> Verbal { get; } = new("--verbal") { Description = "A verbal offer (not yet in writing)" };

    public Option<bool> Written { get; } = new("--written") { Description = "A written offer (the default for a new offer)" };

    public OfferTermsOptions()
    {
        OneOf(Remote, RemotePolicies);
        OneOf(CompanyStage, CompanyStages);
    }

    /// <summary>
    /// Like <c>AcceptOnlyFromAmong</c>, but the usage error (exit 2) names the option: "--remote: 'sometimes' is not one of onsite,
    /// hybrid, remote". Set the option's HelpName to show the choices in help.
    /// </summary>
    public static void OneOf(Option<string> option, params string[] values)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !values.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name}: '{value}' is not one of {string.Join(", ", values)}");
            }
        });
    }

    /// <summary>Whether the option was on the command line (a flag's implicit false does not count).</summary>
    public static bool IsGiven(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private IEnumerable<Option> TermOptions =>
    [
        Company, Role, Level, Rank, Location, Currency, Base, Bonus, SignOn, Rsu, RsuShares, SharePrice, Options, Strike, Fmv, Preferred,
        FullyDiluted, Iso, Nso, ExerciseWindow, Preference, Vesting, Refresher, RefresherVesting, RetirementMatch, Pto, Remote, CompanyStage,
        Start, Deadline, Notes,
    ];

    public void AddTo(Command command)
    {
        foreach (var option in TermOptions)
        {
            command.Options.Add(option);
        }

        command.Options.Add(Verbal);
        command.Options.Add(Written);
    }

    /// <summary>Whether any option that changes the terms was given.</summary>
    public bool AnyTermGiven(ParseResult parse) => TermOptions.Any(o => IsGiven(parse, o));

    /// <summary>"verbal" or "written" when <c>--verbal</c> or <c>--written</c> was given, else null.</summary>
    public string? Stage(ParseResult parse)
    {
        var verbal = parse.GetValue(Verbal);
        var written = parse.GetValue(Written);
        if (verbal && written)
        {
            throw CliException.Usage("--verbal and --written cannot both be given");
        }

        return verbal ? "verbal" : written ? "written" : null;
    }

    /// <summary>Applies every given option to <paramref name="terms"/> (changed in place).</summary>
    /// <exception cref="CliException">A malformed value (exit 1, naming the option) or contradictory options (exit 2).</exception>
    public void Apply(ParseResult parse, JsonObject terms)
    {
        SetText(parse, terms, Company, "company");
        SetText(parse, terms, Role, "role");
        if (Given(parse, Level) is { } label)
        {
            LevelObject(terms)["label"] = label;
        }

        if (Given(parse, Rank) is { } rank)
        {
            LevelObject(terms)["rank"] = OfferValues.Whole(rank, "--rank");
        }

        SetText(parse, terms, Location, "location");
        if (OfferValues.Currency(Given(parse, Currency), "--currency") is { } currency)
        {
            terms["currency"] = currency;
        }

        if (Given(parse, Base) is { } baseSalary)
        {
            terms["baseSalary"] = OfferValues.Amount(baseSalary, "--base");
        }

        if (Given(parse, Bonus) is { } bonus)
        {
            terms["bonusTargetPercent"] = OfferValues.Percent(bonus, "--bonus");
        }

        if (Given(parse, SignOn) is { } payments)
        {
            terms["signOn"] = new JsonArray(payments.Select(p => (JsonNode)OfferValues.SignOn(p)).ToArray());
        }

        ApplyEquity(parse, terms);
        ApplyRefresher(parse, terms);
        if (Given(parse, RetirementMatch) is { } match)
        {
            terms["retirementMatchPercent"] = OfferValues.Percent(match, "--retirement-match");
        }

        if (Given(parse, Pto) is { } pto)
        {
            terms["ptoDays"] = OfferValues.Whole(pto, "--pto");
        }

        SetText(parse, terms, Remote, "remote");
        SetText(parse, terms, CompanyStage, "stage");
        if (OptionValues.Date(Given(parse, Start), "--start") is { } start)
        {
            terms["startDate"] = start;
        }

        if (OptionValues.Date(Given(parse, Deadline), "--deadline") is { } deadline)
        {
            terms["deadline"] = deadline;
        }

        SetText(parse, terms, Notes, "notes");
    }

    private void ApplyEquity(ParseResult parse, JsonObject terms)
    {
        var rsuOptions = new Option[] { Rsu, RsuShares, SharePrice }.Where(o => IsGiven(parse, o)).ToList();
        var optionOptions = new Option[] { Options, Strike, Fmv, Preferred, FullyDiluted, Iso, Nso, ExerciseWindow, Preference }
            .Where(o => IsGiven(parse, o)).ToList();
        if (rsuOptions.Count > 0 && optionOptions.Count > 0)
        {
            throw CliException.Usage($"{rsuOptions[0].Name} (RSUs) and {optionOptions[0].Name} (stock options) describe different grants; give one kind");
        }

        if (parse.GetValue(Iso) && parse.GetValue(Nso))
        {
            throw CliException.Usage("--iso and --nso cannot both be given");
        }

        var current = terms["equity"] as JsonObject;
        if (rsuOptions.Count > 0)
        {
            var equity = Grant(terms, current, "rsu");
            if (Given(parse, Rsu) is { } value)
            {
                if (IsGiven(parse, RsuShares) || IsGiven(parse, SharePrice))
                {
                    throw CliException.Usage("give --rsu (the grant value) or --rsu-shares with --share-price, not both");
                }

                equity["grantValue"] = OfferValues.Amount(value, "--rsu");
                equity.Remove("shares");
                equity.Remove("sharePrice");
            }

            if (Given(parse, RsuShares) is { } shares)
            {
                equity["shares"] = OfferValues.Amount(shares, "--rsu-shares");
                equity.Remove("grantValue");
            }

            if (Given(parse, SharePrice) is { } price)
            {
                equity["sharePrice"] = OfferValues.Number(price, "--share-price");
                equity.Remove("grantValue");
            }
        }

        if (optionOptions.Count > 0)
        {
            var equity = Grant(terms, current, "options");
            SetAmount(parse, equity, Options, "shares");
            SetNumber(parse, equity, Strike, "strikePrice");
            SetNumber(parse, equity, Fmv, "fairMarketValue");
            SetNumber(parse, equity, Preferred, "preferredPrice");
            SetAmount(parse, equity, FullyDiluted, "fullyDilutedShares");
            SetAmount(parse, equity, Preference, "liquidationPreference");
            if (Given(parse, ExerciseWindow) is { } days)
            {
                equity["exerciseWindowDays"] = OfferValues.Whole(days, "--exercise-window");
            }

            if (parse.GetValue(Iso) || parse.GetValue(Nso))
            {
                equity["optionType"] = parse.GetValue(Iso) ? "iso" : "nso";
            }
        }

        if (Given(parse, Vesting) is { } vesting)
        {
            var schedule = OfferValues.Vesting(vesting, "--vesting");
            if (terms["equity"] is not JsonObject equity)
            {
                terms["equity"] = equity = [];
            }

            equity["vesting"] = schedule;
        }
    }

    private void ApplyRefresher(ParseResult parse, JsonObject terms)
    {
        var value = Given(parse, Refresher);
        var vesting = Given(parse, RefresherVesting);
        if (value is null && vesting is null)
        {
            return;
        }

        if (terms["refresher"] is not JsonObject refresher)
        {
            terms["refresher"] = refresher = [];
        }

        if (value is not null)
        {
            refresher["annualValue"] = OfferValues.Amount(value, "--refresher");
        }

        if (vesting is not null)
        {
            refresher["vesting"] = OfferValues.Vesting(vesting, "--refresher-vesting");
        }
        else if (refresher["vesting"] is null)
        {
            refresher["vesting"] = OfferValues.Vesting(DefaultRefresherVesting, "--refresher-vesting");
        }
    }

    /// <summary>
    /// The grant to change: the current one when it is of <paramref name="kind"/>, else a new grant of that kind that keeps the
    /// current vesting schedule (every other field of a grant of the other kind is dropped).
    /// </summary>
    private static JsonObject Grant(JsonObject terms, JsonObject? current, string kind)
    {
        if (current is not null && OfferFile.Text(current["kind"]) is { } k && string.Equals(k, kind, StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var grant = new JsonObject { ["kind"] = kind };
        if (current?["vesting"] is { } vesting)
        {
            grant["vesting"] = vesting.DeepClone();
        }

        terms["equity"] = grant;
        return grant;
    }

    private static JsonObject LevelObject(JsonObject terms)
    {
        if (terms["level"] is not JsonObject level)
        {
            terms["level"] = level = [];
        }

        return level;
    }

    private static void SetText(ParseResult parse, JsonObject target, Option<string> option, string field)
    {
        if (Given(parse, option) is { } text)
        {
            target[field] = text;
        }
    }

    private static void SetAmount(ParseResult parse, JsonObject target, Option<string> option, string field)
    {
        if (Given(parse, option) is { } text)
        {
            target[field] = OfferValues.Amount(text, option.Name);
        }
    }

    private static void SetNumber(ParseResult parse, JsonObject target, Option<string> option, string field)
    {
        if (Given(parse, option) is { } text)
        {
            target[field] = OfferValues.Number(text, option.Name);
        }
    }

    private static T? Given<T>(ParseResult parse, Option<T> option) where T : class =>
        IsGiven(parse, option) ? parse.GetValue(option) : null;
}
