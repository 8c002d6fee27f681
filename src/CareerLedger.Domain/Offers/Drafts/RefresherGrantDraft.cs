using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Drafts;

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

        else if (AnnualValue > Bounds.MaxAmount)
        {
            Bounds.Check(errors, $"{path}.annualValue", AnnualValue, Bounds.MaxAmount, "Refresher value per year");
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
