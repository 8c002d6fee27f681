namespace CareerLedger.Domain.Offers.Negotiation;

// The walk-away floor.
public static partial class NegotiationPlanner
{
    /// <summary>
    /// The walk-away floor: the higher of the current job's annual total × <see cref="FloorFactor"/> (staying is the
    /// alternative, so less is a pay cut) and the user's own minimum, per year and × 4 over four years; never below the current
    /// job. Null when there is neither.
    /// </summary>
    /// <param name="target">The offer being negotiated.</param>
    /// <param name="current">The current job, if any.</param>
    /// <param name="minimumAnnual">The least the user would accept per year, comparison currency, if set.</param>
    /// <returns>The floor in the comparison currency, or null.</returns>
    public static WalkAwayFloor? Floor(OfferSnapshot target, CurrentJob? current, decimal? minimumAnnual = null)
    {
        var fromCurrent = current is null ? (decimal?)null : current.AnnualTotal * FloorFactor;
        if (fromCurrent is null && minimumAnnual is null)
        {
            return null;
        }

        var currency = target.Comp.Currency;
        decimal perYear;
        string basis;
        if (minimumAnnual is { } min && (fromCurrent is not { } c0 || min > c0))
        {
            perYear = min;
            basis = current is null
                ? $"Your own minimum of {Money(min, currency)} a year."
                : $"Your own minimum of {Money(min, currency)} a year, above the {Money(current.AnnualTotal, currency)} you earn now.";
        }
        else
        {
            perYear = fromCurrent!.Value;
            basis = $"{CurrentName(current!, capital: true)} pays {Money(current!.AnnualTotal, currency)} a year; an offer below that is a pay cut.";
        }

        var fourYear = perYear * 4;
        return new WalkAwayFloor(perYear, fourYear, target.Comp.FourYearTotal >= fourYear, basis);
    }
}
