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
public sealed partial record OfferTermsDraft(
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

        Bounds.Check(errors, "baseSalary", BaseSalary, Bounds.MaxAmount, "Base salary");

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
}
