using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Drafts;

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
        Bounds.Check(errors, $"{path}.grantValue", GrantValue, Bounds.MaxAmount, "Grant value");
        Bounds.Check(errors, $"{path}.shares", Shares, Bounds.MaxShares, "Share count");
        Bounds.Check(errors, $"{path}.fullyDilutedShares", FullyDilutedShares, Bounds.MaxShares, "Fully diluted share count");
        Bounds.Check(errors, $"{path}.sharePrice", SharePrice, Bounds.MaxPricePerShare, "Share price");
        Bounds.Check(errors, $"{path}.strikePrice", StrikePrice, Bounds.MaxPricePerShare, "Strike price");
        Bounds.Check(errors, $"{path}.fairMarketValue", FairMarketValue, Bounds.MaxPricePerShare, "Fair market value (409A)");
        Bounds.Check(errors, $"{path}.preferredPrice", PreferredPrice, Bounds.MaxPricePerShare, "Preferred price");
        Bounds.Check(errors, $"{path}.liquidationPreference", LiquidationPreference, Bounds.MaxCompanyAmount, "Liquidation preference");
        if (GrantValue is null && Shares is { } count && SharePrice is { } price && count <= Bounds.MaxShares && price <= Bounds.MaxPricePerShare
            && count * price > Bounds.MaxAmount)
        {
            errors.Add($"{path}.shares", $"Shares × share price is {Text.Number(count * price)}, above the largest grant value of {Text.Number(Bounds.MaxAmount)}; check both figures.");
        }

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
