using System.Text.Json.Serialization;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Drafts;

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
