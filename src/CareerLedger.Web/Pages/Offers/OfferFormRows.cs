using CareerLedger.Web.Site;
using System.Globalization;
using System.Text.Json;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Drafts;
using CareerLedger.Web.Offers;
using Microsoft.AspNetCore.Http;

namespace CareerLedger.Web.Pages.Offers;

/// <summary>One sign-on payment row as typed.</summary>
public sealed class SignOnRow
{
    /// <summary>The payment, in the offer's currency.</summary>
    public string? Amount { get; set; }

    /// <summary>Months after the start date when it is paid (0 = first pay cycle).</summary>
    public string? PaidAtMonth { get; set; }

    /// <summary>Months after payment during which leaving means paying it back.</summary>
    public string? ClawbackMonths { get; set; }

    /// <summary>True when nothing was typed in the row.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Amount) && string.IsNullOrWhiteSpace(PaidAtMonth) && string.IsNullOrWhiteSpace(ClawbackMonths);
}

/// <summary>
/// A vesting schedule as typed: a preset name (<c>even_4y</c>, <c>5_15_40_40</c>, <c>10_20_30_40</c>) or
/// <see cref="OfferForm.CustomVesting"/> with cliff, frequency and the percent vesting each year.
/// </summary>
public sealed class VestingFields
{
    /// <summary>The presets the API accepts, with their labels.</summary>
    public static IReadOnlyList<(string Value, string Label)> Presets { get; } =
    [
        ("even_4y", "25 % a year for 4 years, 1-year cliff, quarterly"),
        ("5_15_40_40", "5/15/40/40, 1-year cliff, semi-annual"),
        ("10_20_30_40", "10/20/30/40, 1-year cliff, quarterly"),
        (OfferForm.CustomVesting, "Custom (the fields below)"),
    ];

    /// <summary>A preset name, or <see cref="OfferForm.CustomVesting"/>.</summary>
    public string Preset { get; set; } = OfferForm.CustomVesting;

    /// <summary>Custom: months before the first vest, as typed.</summary>
    public string? CliffMonths { get; set; } = "12";

    /// <summary>Custom: monthly | quarterly | semi_annual | annual.</summary>
    public string Frequency { get; set; } = "quarterly";

    /// <summary>Custom: percent of the grant vesting in year 1, 2, … as typed ("25, 25, 25, 25").</summary>
    public string? YearPercents { get; set; } = "25, 25, 25, 25";

    /// <summary>The fields of a stored schedule: its preset when it is one, else the custom values.</summary>
    public static VestingFields Of(VestingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        foreach (var (value, _) in Presets)
        {
            if (value != OfferForm.CustomVesting && VestingSchedule.Preset(value) is { } p
                && p.CliffMonths == schedule.CliffMonths && p.Frequency == schedule.Frequency && p.YearPercents.SequenceEqual(schedule.YearPercents))
            {
                return new VestingFields { Preset = value };
            }
        }

        return new VestingFields
        {
            Preset = OfferForm.CustomVesting,
            CliffMonths = schedule.CliffMonths.ToString(CultureInfo.InvariantCulture),
            Frequency = OfferForm.Snake(schedule.Frequency),
            YearPercents = string.Join(", ", schedule.YearPercents.Select(y => y.ToString(CultureInfo.InvariantCulture))),
        };
    }

    /// <summary>The draft the API would receive under <paramref name="path"/>; unreadable figures become errors in <paramref name="errors"/>.</summary>
    internal VestingDraft ToDraft(ValidationErrors errors, string path)
    {
        if (Text.Clean(Preset) is { } preset && preset != OfferForm.CustomVesting)
        {
            return VestingDraft.Named(preset);
        }

        List<decimal>? percents = null;
        if (!string.IsNullOrWhiteSpace(YearPercents))
        {
            percents = [];
            foreach (var part in YearPercents.Split([',', ';', '/', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (decimal.TryParse(part.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var p))
                {
                    percents.Add(p);
                }
                else
                {
                    errors.Add($"{path}.yearPercents", $"'{part}' is not a percent; write one number per year, separated by commas: 25, 25, 25, 25.");
                }
            }
        }

        return new VestingDraft(null, OfferForm.Whole(errors, $"{path}.cliffMonths", CliffMonths), Text.Clean(Frequency), percents);
    }
}
