using System.Globalization;
using System.Text.Json.Serialization;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Drafts;

/// <summary>
/// Unvalidated offer terms as a user or an import sends them (enums as snake_case strings, numbers optional).
/// <see cref="Validate"/> turns them into <see cref="OfferTerms"/> or reports every problem at once under camelCase JSON
/// paths (<c>baseSalary</c>, <c>signOn[1].amount</c>, <c>equity.vesting.yearPercents</c>…). All money is in
/// <see cref="Currency"/>; money per year unless a field says otherwise.
/// </summary>
/// <param name="Company">Required, at most 100 characters.</param>
/// <param name="Role">Required job title, at most 100 characters.</param>
/// <param name="Level">Required: the company's label and a rank 1-10.</param>
/// <param name="Location">Optional city or "remote", at most 100 characters.</param>
/// <param name="Currency">Required ISO 4217 code, 3 letters (upper-cased: "eur" → "EUR").</param>
/// <param name="BaseSalary">Required annual base salary, &gt; 0.</param>
/// <param name="BonusTargetPercent">Annual bonus target as a percent of base, 0-100 (15 means 15 %); default 0.</param>
/// <param name="SignOn">Optional one-time payments, at most 4.</param>
/// <param name="Equity">Optional initial equity grant.</param>
/// <param name="Refresher">Optional expected yearly refresher grants.</param>
/// <param name="RetirementMatchPercent">Optional retirement match as a percent of base, 0-100.</param>
/// <param name="PtoDays">Optional paid days off per year, 0-100.</param>
/// <param name="Remote">Optional: onsite | hybrid | remote.</param>
/// <param name="Stage">Optional: public | late_private | series_c_plus | series_b | series_a | seed.</param>
/// <param name="StartDate">Optional proposed start date, not before the offer date.</param>
/// <param name="Deadline">Optional answer deadline, not before the offer date.</param>
/// <param name="Notes">Optional free text, at most 4,000 characters.</param>
public sealed record OfferTermsDraft(
    string? Company,
    string? Role,
    OfferLevelDraft? Level,
    string? Location = null,
    string? Currency = null,
    decimal? BaseSalary = null,
    decimal? BonusTargetPercent = null,
    IReadOnlyList<SignOnPaymentDraft?>? SignOn = null,
    EquityGrantDraft? Equity = null,
    RefresherGrantDraft? Refresher = null,
    decimal? RetirementMatchPercent = null,
    int? PtoDays = null,
    string? Remote = null,
    string? Stage = null,
    DateOnly? StartDate = null,
    DateOnly? Deadline = null,
    string? Notes = null)
{
    /// <summary>Most sign-on payments per offer (4).</summary>
    public const int MaxSignOnPayments = 4;

    /// <summary>Validates the draft for an offer received on <paramref name="offerDate"/> (the user's calendar day).</summary>
    /// <param name="offerDate">The day the offer was made; the deadline and start date must not be before it.</param>
    /// <returns>The validated terms: text trimmed, currency upper-cased, defaults filled in.</returns>
    /// <exception cref="DomainValidationException">Listing every invalid field by its JSON path.</exception>
    public OfferTerms Validate(DateOnly offerDate)
    {
        var errors = new ValidationErrors();
        var company = RequiredLine(errors, "company", Company, 100, "Company is required: who made the offer.");
        var role = RequiredLine(errors, "role", Role, 100, "Role is required: the job title as offered.");
        var level = ValidateLevel(errors);
        var location = Text.OneLine(Location);
        if (location is { Length: > 100 })
        {
            errors.Add("location", $"At most 100 characters (got {location.Length}).");
        }

        AccomplishmentDraft.CheckLength(errors, "notes", Notes, 4000);
        var currency = ValidateCurrency(errors, "currency", Currency);

        if (BaseSalary is not { } baseSalary)
        {
            errors.Add("baseSalary", "Base salary is required: the annual amount before tax.");
        }
        else if (baseSalary <= 0m)
        {
            errors.Add("baseSalary", $"Base salary must be more than 0 (got {Show(baseSalary)}).");
        }

        var bonus = BonusTargetPercent ?? 0m;
        if (bonus is < 0m or > 100m)
        {
            errors.Add("bonusTargetPercent", $"Bonus target is a percent of base from 0 to 100 (got {Show(bonus)}); 15 means 15 %.");
        }

        if (RetirementMatchPercent is { } match && match is < 0m or > 100m)
        {
            errors.Add("retirementMatchPercent", $"Retirement match is a percent of base from 0 to 100 (got {Show(match)}).");
        }

        if (PtoDays is { } pto && pto is < 0 or > 100)
        {
            errors.Add("ptoDays", $"Paid days off per year must be 0-100 (got {pto}).");
        }

        if (Deadline is { } deadline && deadline < offerDate)
        {
            errors.Add("deadline", $"Deadline {deadline:yyyy-MM-dd} is before the offer date {offerDate:yyyy-MM-dd}.");
        }

        if (StartDate is { } start && start < offerDate)
        {
            errors.Add("startDate", $"Start date {start:yyyy-MM-dd} is before the offer date {offerDate:yyyy-MM-dd}.");
        }

        var remote = ParseOptional<RemotePolicy>(errors, "remote", Remote);
        var stage = ParseOptional<CompanyStage>(errors, "stage", Stage);

        var signOn = new List<SignOnPayment>();
        var rawSignOn = SignOn ?? [];
        if (rawSignOn.Count > MaxSignOnPayments)
        {
            errors.Add("signOn", $"{rawSignOn.Count} sign-on payments given; at most {MaxSignOnPayments}.");
        }

        for (var i = 0; i < rawSignOn.Count; i++)
        {
            if (rawSignOn[i] is not { } payment)
            {
                errors.Add($"signOn[{i}]", "Sign-on payment is empty.");
            }
            else if (payment.Validate($"signOn[{i}]", errors) is { } valid)
            {
                signOn.Add(valid);
            }
        }

        var equity = Equity?.Validate("equity", errors);
        var refresher = Refresher?.Validate("refresher", errors);

        errors.ThrowIfAny();
        return new OfferTerms(
            company!,
            role!,
            level!,
            location,
            currency!,
            BaseSalary!.Value,
            bonus,
            signOn,
            equity,
            refresher,
            RetirementMatchPercent,
            PtoDays,
            remote,
            stage,
            StartDate,
            Deadline,
            Text.Clean(Notes));
    }

    private OfferLevel? ValidateLevel(ValidationErrors errors)
    {
        if (Level is null)
        {
            errors.Add("level", "Level is required: the company's label (e.g. \"L5\") and a rank 1-10 (4 mid, 5 senior, 6 staff, 7 principal).");
            return null;
        }

        var label = RequiredLine(errors, "level.label", Level.Label, 100, "Level label is required: the company's own name for it, e.g. \"L5\" or \"Senior II\".");
        if (Level.Rank is not { } rank)
        {
            errors.Add("level.rank", "Level rank is required: 1-10 (4 mid, 5 senior, 6 staff, 7 principal, 8 distinguished).");
        }
        else if (rank is < 1 or > 10)
        {
            errors.Add("level.rank", $"Level rank must be 1-10 (got {rank}).");
        }

        return label is null || Level.Rank is not (>= 1 and <= 10) ? null : new OfferLevel(label, Level.Rank.Value);
    }

    /// <summary>A required one-line text of at most <paramref name="max"/> characters, or null after adding an error.</summary>
    internal static string? RequiredLine(ValidationErrors errors, string field, string? value, int max, string requiredMessage)
    {
        var text = Text.OneLine(value);
        if (text is null)
        {
            errors.Add(field, requiredMessage);
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(field, $"At most {max} characters (got {text.Length}).");
            return null;
        }

        return text;
    }

    /// <summary>A required ISO 4217-shaped code (3 ASCII letters), upper-cased, or null after adding an error.</summary>
    internal static string? ValidateCurrency(ValidationErrors errors, string field, string? value)
    {
        var code = Text.Clean(value)?.ToUpperInvariant();
        if (code is null)
        {
            errors.Add(field, "Currency is required: a 3-letter ISO 4217 code such as USD, EUR or GBP.");
            return null;
        }

        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            errors.Add(field, $"'{value}' is not a currency code: use 3 letters such as USD, EUR or GBP.");
            return null;
        }

        return code;
    }

    /// <summary>An optional snake_case enum: null when blank, else parsed by <see cref="AccomplishmentDraft.ParseEnum{TEnum}"/>.</summary>
    internal static TEnum? ParseOptional<TEnum>(ValidationErrors errors, string field, string? value) where TEnum : struct, Enum =>
        Text.Clean(value) is null ? null : AccomplishmentDraft.ParseEnum(errors, field, value, default(TEnum));

    /// <summary>A required snake_case enum, or null after adding an error (missing or unknown name).</summary>
    internal static TEnum? ParseRequired<TEnum>(ValidationErrors errors, string field, string? value, string requiredMessage) where TEnum : struct, Enum
    {
        if (Text.Clean(value) is null)
        {
            errors.Add(field, requiredMessage);
            return null;
        }

        var probe = new ValidationErrors();
        var parsed = AccomplishmentDraft.ParseEnum(probe, field, value, default(TEnum));
        if (!probe.Any)
        {
            return parsed;
        }

        AccomplishmentDraft.ParseEnum(errors, field, value, default(TEnum)); // adds the "Unknown …, use one of …" message
        return null;
    }

    /// <summary>Adds an error when <paramref name="value"/> is given and negative.</summary>
    internal static void NotNegative(ValidationErrors errors, string field, decimal? value, string what)
    {
        if (value is < 0m)
        {
            errors.Add(field, $"{what} cannot be negative (got {Show(value.Value)}).");
        }
    }

    /// <summary>Adds an error when <paramref name="value"/> is given and not more than 0.</summary>
    internal static void Positive(ValidationErrors errors, string field, decimal? value, string what)
    {
        if (value is <= 0m)
        {
            errors.Add(field, $"{what} must be more than 0 (got {Show(value.Value)}).");
        }
    }

    /// <summary>A number for an error message, invariant culture.</summary>
    internal static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Unvalidated level.</summary>
/// <param name="Label">Required: the company's label, e.g. "L5", "E5", "Senior II"; at most 100 characters.</param>
/// <param name="Rank">Required normalised rank 1-10 (4 mid, 5 senior, 6 staff, 7 principal, 8 distinguished).</param>
public sealed record OfferLevelDraft(string? Label, int? Rank);

/// <summary>Unvalidated sign-on payment.</summary>
/// <param name="Amount">Required, &gt; 0, in the offer's currency.</param>
/// <param name="PaidAtMonth">Months after the start date when it is paid, 0-60; default 0 (with the first pay cycle).</param>
/// <param name="ClawbackMonths">Months after payment during which leaving means paying it back, 0-60; default 0 (none).</param>
public sealed record SignOnPaymentDraft(decimal? Amount, int? PaidAtMonth = null, int? ClawbackMonths = null)
{
    internal SignOnPayment? Validate(string path, ValidationErrors errors)
    {
        var ok = true;
        if (Amount is null)
        {
            errors.Add($"{path}.amount", "Sign-on amount is required.");
            ok = false;
        }
        else if (Amount <= 0m)
        {
            errors.Add($"{path}.amount", $"Sign-on amount must be more than 0 (got {OfferTermsDraft.Show(Amount.Value)}).");
            ok = false;
        }

        var paidAt = PaidAtMonth ?? 0;
        if (paidAt is < 0 or > 60)
        {
            errors.Add($"{path}.paidAtMonth", $"Paid-at month must be 0-60 months after the start (got {paidAt}); 0 = first pay cycle, 12 = after a year.");
            ok = false;
        }

        var clawback = ClawbackMonths ?? 0;
        if (clawback is < 0 or > 60)
        {
            errors.Add($"{path}.clawbackMonths", $"Clawback must be 0-60 months (got {clawback}); 0 = none.");
            ok = false;
        }

        return ok ? new SignOnPayment(Amount!.Value, paidAt, clawback) : null;
    }
}

/// <summary>
/// Unvalidated equity grant. RSUs need <paramref name="GrantValue"/>, or <paramref name="Shares"/> and
/// <paramref name="SharePrice"/>. Options need <paramref name="Shares"/>, <paramref name="StrikePrice"/> and
/// <paramref name="FairMarketValue"/> (the 409A). Money in the offer's currency; no amount may be negative. The
/// options-only fields (strike, 409A, preferred price, fully diluted shares, option type, exercise window, preference) are
/// checked for sign but dropped from an RSU grant.
/// </summary>
/// <param name="Kind">Required: rsu | options.</param>
/// <param name="GrantValue">RSU: total grant value at grant, &gt; 0.</param>
/// <param name="Shares">Number of RSUs or options, &gt; 0.</param>
/// <param name="SharePrice">RSU: share price per share, &gt; 0.</param>
/// <param name="StrikePrice">Options: required strike per share, 0 or more.</param>
/// <param name="FairMarketValue">Options: required 409A value per common share, 0 or more.</param>
/// <param name="PreferredPrice">Options: price per preferred share in the last round, 0 or more.</param>
/// <param name="FullyDilutedShares">Options: fully diluted share count, at least <paramref name="Shares"/>.</param>
/// <param name="OptionType">Options: iso | nso.</param>
/// <param name="ExerciseWindowDays">Options: days to exercise after leaving, 1-3650.</param>
/// <param name="LiquidationPreference">Options: total preference ahead of common, 0 or more.</param>
/// <param name="Vesting">Required: a preset or a custom schedule.</param>
public sealed record EquityGrantDraft(
    string? Kind,
    decimal? GrantValue = null,
    decimal? Shares = null,
    decimal? SharePrice = null,
    decimal? StrikePrice = null,
    decimal? FairMarketValue = null,
    decimal? PreferredPrice = null,
    decimal? FullyDilutedShares = null,
    string? OptionType = null,
    int? ExerciseWindowDays = null,
    decimal? LiquidationPreference = null,
    VestingDraft? Vesting = null)
{
    internal EquityGrant? Validate(string path, ValidationErrors errors)
    {
        var kind = OfferTermsDraft.ParseRequired<EquityKind>(errors, $"{path}.kind", Kind, "Equity kind is required: rsu or options.");
        OfferTermsDraft.Positive(errors, $"{path}.grantValue", GrantValue, "Grant value");
        OfferTermsDraft.Positive(errors, $"{path}.shares", Shares, "Share count");
        OfferTermsDraft.Positive(errors, $"{path}.sharePrice", SharePrice, "Share price");
        OfferTermsDraft.NotNegative(errors, $"{path}.strikePrice", StrikePrice, "Strike price");
        OfferTermsDraft.NotNegative(errors, $"{path}.fairMarketValue", FairMarketValue, "Fair market value (409A)");
        OfferTermsDraft.NotNegative(errors, $"{path}.preferredPrice", PreferredPrice, "Preferred price");
        OfferTermsDraft.NotNegative(errors, $"{path}.liquidationPreference", LiquidationPreference, "Liquidation preference");
        OfferTermsDraft.Positive(errors, $"{path}.fullyDilutedShares", FullyDilutedShares, "Fully diluted share count");

        if (kind == EquityKind.Rsu && GrantValue is null)
        {
            if (Shares is null && SharePrice is null)
            {
                errors.Add($"{path}.grantValue", "RSUs need a grant value, or a share count and a share price.");
            }
            else if (Shares is null)
            {
                errors.Add($"{path}.shares", "Give the number of RSUs with the share price (or the grant value instead).");
            }
            else if (SharePrice is null)
            {
                errors.Add($"{path}.sharePrice", "Give the share price with the number of RSUs (or the grant value instead).");
            }
        }

        OptionType? optionType = null;
        if (kind == EquityKind.Options)
        {
            if (Shares is null)
            {
                errors.Add($"{path}.shares", "Options need the number of options granted.");
            }

            if (StrikePrice is null)
            {
                errors.Add($"{path}.strikePrice", "Options need the strike (exercise) price per share.");
            }

            if (FairMarketValue is null)
            {
                errors.Add($"{path}.fairMarketValue", "Options need the latest 409A fair market value per common share (ask the recruiter).");
            }

            if (FullyDilutedShares is { } fd && Shares is { } s && fd > 0m && fd < s)
            {
                errors.Add(
                    $"{path}.fullyDilutedShares",
                    $"Fully diluted shares ({OfferTermsDraft.Show(fd)}) cannot be fewer than the options granted ({OfferTermsDraft.Show(s)}).");
            }

            if (ExerciseWindowDays is { } days && days is < 1 or > 3650)
            {
                errors.Add($"{path}.exerciseWindowDays", $"Exercise window must be 1-3650 days (got {days}); 90 is common, 10 years is 3650.");
            }

            optionType = OfferTermsDraft.ParseOptional<OptionType>(errors, $"{path}.optionType", OptionType);
        }

        VestingSchedule? vesting = null;
        if (Vesting is null)
        {
            errors.Add($"{path}.vesting", $"Vesting is required: a preset ({VestingDraft.PresetNames}) or {{cliffMonths, frequency, yearPercents}}.");
        }
        else
        {
            vesting = Vesting.Validate($"{path}.vesting", errors);
        }

        // Only used when there are no errors at all (the caller throws otherwise).
        return kind is null || vesting is null
            ? null
            : new EquityGrant(
                kind.Value,
                GrantValue,
                Shares,
                SharePrice,
                kind == EquityKind.Options ? StrikePrice : null,
                kind == EquityKind.Options ? FairMarketValue : null,
                kind == EquityKind.Options ? PreferredPrice : null,
                kind == EquityKind.Options ? FullyDilutedShares : null,
                optionType,
                kind == EquityKind.Options ? ExerciseWindowDays : null,
                kind == EquityKind.Options ? LiquidationPreference : null,
                vesting);
    }
}

/// <summary>Unvalidated refresher grants.</summary>
/// <param name="AnnualValue">Required grant value per year, &gt; 0, in the offer's currency.</param>
/// <param name="Vesting">Required: each refresher's schedule (a preset or a custom schedule; often no cliff).</param>
public sealed record RefresherGrantDraft(decimal? AnnualValue, VestingDraft? Vesting = null)
{
    internal RefresherGrant? Validate(string path, ValidationErrors errors)
    {
        var ok = true;
        if (AnnualValue is null)
        {
            errors.Add($"{path}.annualValue", "Refresher value per year is required.");
            ok = false;
        }
        else if (AnnualValue <= 0m)
        {
            errors.Add($"{path}.annualValue", $"Refresher value per year must be more than 0 (got {OfferTermsDraft.Show(AnnualValue.Value)}).");
            ok = false;
        }

        VestingSchedule? vesting = null;
        if (Vesting is null)
        {
            errors.Add($"{path}.vesting", $"Refresher vesting is required: a preset ({VestingDraft.PresetNames}) or {{cliffMonths, frequency, yearPercents}}.");
        }
        else
        {
            vesting = Vesting.Validate($"{path}.vesting", errors);
        }

        return ok && vesting is not null ? new RefresherGrant(AnnualValue!.Value, vesting) : null;
    }
}

/// <summary>
/// Unvalidated vesting schedule: either a <paramref name="Preset"/> name (in JSON, <c>"vesting": "even_4y"</c>) or a custom
/// schedule (<c>{cliffMonths, frequency, yearPercents}</c>), not both.
/// </summary>
/// <param name="Preset">even_4y (25/25/25/25, 1-year cliff, quarterly) | 5_15_40_40 (1-year cliff, semi-annual) | 10_20_30_40 (1-year cliff, quarterly).</param>
/// <param name="CliffMonths">Custom: months before the first vest, 0-48; default 0 (no cliff).</param>
/// <param name="Frequency">Custom, required: monthly | quarterly | semi_annual | annual.</param>
/// <param name="YearPercents">Custom, required: percent (0-100) of the grant vesting in each year, 1-10 years, summing to exactly 100.</param>
[JsonConverter(typeof(VestingDraftJsonConverter))]
public sealed record VestingDraft(string? Preset = null, int? CliffMonths = null, string? Frequency = null, IReadOnlyList<decimal>? YearPercents = null)
{
    /// <summary>The preset names, for messages: "even_4y, 5_15_40_40, 10_20_30_40".</summary>
    public const string PresetNames = "even_4y, 5_15_40_40, 10_20_30_40";

    /// <summary>A draft naming a preset (the JSON string form).</summary>
    /// <param name="preset">One of <see cref="PresetNames"/>.</param>
    public static VestingDraft Named(string preset) => new(Preset: preset);

    internal VestingSchedule? Validate(string path, ValidationErrors errors)
    {
        var custom = CliffMonths is not null || Text.Clean(Frequency) is not null || YearPercents is not null;
        if (Text.Clean(Preset) is { } name)
        {
            if (custom)
            {
                errors.Add(path, "Give either a preset name or a custom schedule {cliffMonths, frequency, yearPercents}, not both.");
                return null;
            }

            if (VestingSchedule.Preset(name) is { } preset)
            {
                return preset;
            }

            errors.Add(path, $"Unknown vesting preset '{Preset}'. Use one of: {PresetNames}; or give {{cliffMonths, frequency, yearPercents}}.");
            return null;
        }

        var ok = true;
        var cliff = CliffMonths ?? 0;
        if (cliff is < 0 or > 48)
        {
            errors.Add($"{path}.cliffMonths", $"Cliff must be 0-48 months (got {cliff}); 12 is the usual one-year cliff.");
            ok = false;
        }

        var frequency = OfferTermsDraft.ParseRequired<VestingFrequency>(
            errors, $"{path}.frequency", Frequency, "Vesting frequency is required: monthly, quarterly, semi_annual or annual.");
        ok &= frequency is not null;

        var percents = YearPercents ?? [];
        var field = $"{path}.yearPercents";
        if (percents.Count == 0)
        {
            errors.Add(field, "Give the percent of the grant vesting in each year, e.g. [25, 25, 25, 25].");
            ok = false;
        }
        else if (percents.Count > 10)
        {
            errors.Add(field, $"At most 10 years of vesting (got {percents.Count}).");
            ok = false;
        }

        for (var i = 0; i < percents.Count; i++)
        {
            if (percents[i] is < 0m or > 100m)
            {
                errors.Add($"{field}[{i}]", $"Year {i + 1} percent must be 0-100 (got {OfferTermsDraft.Show(percents[i])}).");
                ok = false;
            }
        }

        var sum = percents.Sum();
        if (percents.Count > 0 && sum != 100m)
        {
            errors.Add(field, $"Year percents sum to {OfferTermsDraft.Show(sum)}; they must sum to exactly 100 (percent of the grant).");
            ok = false;
        }

        return ok ? new VestingSchedule(cliff, frequency!.Value, [.. percents]) : null;
    }
}
