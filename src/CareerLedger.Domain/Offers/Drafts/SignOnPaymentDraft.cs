using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Drafts;

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

        else if (Math.Abs(Amount.Value) > Bounds.MaxAmount)
        {
            Bounds.Check(errors, $"{path}.amount", Amount, Bounds.MaxAmount, "Sign-on amount");
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
