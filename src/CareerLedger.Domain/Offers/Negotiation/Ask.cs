namespace CareerLedger.Domain.Offers.Negotiation;

/// <summary>How readily companies move on a component (docs/domain.md, "Offers and negotiation"). Stored snake_case; ordered, so a larger value is more negotiable.</summary>
public enum Negotiability
{
    /// <summary>Rarely moves.</summary>
    Low,

    /// <summary>Moves now and then (<c>low_medium</c>).</summary>
    LowMedium,

    /// <summary>Moves within limits.</summary>
    Medium,

    /// <summary>Often moves, and matters a lot (<c>medium_high</c>).</summary>
    MediumHigh,

    /// <summary>Usually moves.</summary>
    High,
}

/// <summary>One row of the negotiability table.</summary>
/// <param name="Component">The component.</param>
/// <param name="Negotiability">How readily it moves.</param>
/// <param name="Note">Why, in a few words.</param>
public sealed record NegotiabilityRow(AskComponent Component, Negotiability Negotiability, string Note);

/// <summary>The negotiability table as data (source: docs/domain.md, "Offers and negotiation").</summary>
public static class NegotiabilityTable
{
    /// <summary>
    /// Every <see cref="AskComponent"/>, in the order the planner lists asks of equal negotiability and money: sign-on, equity,
    /// level, start date, base, remote, PTO, bonus, other.
    /// </summary>
    public static IReadOnlyList<NegotiabilityRow> Rows { get; } =
    [
        new(AskComponent.SignOn, Negotiability.High, "paid once, so it is easy to approve"),
        new(AskComponent.Equity, Negotiability.High, "flexible, above all at public companies"),
        new(AskComponent.Level, Negotiability.MediumHigh, "the biggest long-term effect"),
        new(AskComponent.StartDate, Negotiability.High, "costs the company nothing"),
        new(AskComponent.Base, Negotiability.Medium, "limited by the band of the level"),
        new(AskComponent.Remote, Negotiability.Medium, "limited by company policy"),
        new(AskComponent.Pto, Negotiability.LowMedium, "sometimes moves"),
        new(AskComponent.Bonus, Negotiability.Low, "usually fixed for the level"),
        new(AskComponent.Other, Negotiability.Low, "depends on the company; raise it last"),
    ];

    /// <summary>The negotiability of <paramref name="component"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a value outside <see cref="AskComponent"/>.</exception>
    public static Negotiability Of(AskComponent component) => Rows[IndexOf(component)].Negotiability;

    /// <summary>The position of <paramref name="component"/> in <see cref="Rows"/> (the tie-break order).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a value outside <see cref="AskComponent"/>.</exception>
    public static int IndexOf(AskComponent component)
    {
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Component == component)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown ask component.");
    }
}

/// <summary>
/// One requested change to the offer. The unit of <see cref="From"/> and <see cref="Target"/> depends on the component:
/// <list type="bullet">
/// <item><c>base</c>: annual base salary, comparison currency.</item>
/// <item><c>sign_on</c>: total sign-on paid in years 1-4, comparison currency.</item>
/// <item><c>equity</c>: value of the initial grant vesting in years 1-4, comparison currency (options: at the last preferred price, as in <see cref="YearBreakdown.Equity"/>).</item>
/// <item><c>level</c>: the normalised rank 1-10 of <see cref="OfferLevel.Rank"/>.</item>
/// <item><c>bonus</c>: annual bonus target, percent of base 0-100.</item>
/// <item><c>start_date</c>: <see cref="DateOnly.DayNumber"/> of the date.</item>
/// <item><c>remote</c>: the <see cref="RemotePolicy"/> value as a number (onsite 0, hybrid 1, remote 2).</item>
/// <item><c>pto</c>: paid days off per year.</item>
/// </list>
/// The planner never produces <see cref="AskComponent.Other"/>. Keep it (with the plan) to measure progress when the offer is revised: pass it back
/// in <see cref="NegotiationInput.PreviousAsks"/>.
/// </summary>
/// <param name="Component">What the ask is about; it fixes the unit of <paramref name="From"/> and <paramref name="Target"/>.</param>
/// <param name="From">The offer's value when the ask was made (unit: see above).</param>
/// <param name="Target">The value asked for (same unit).</param>
/// <param name="FourYearValue">Money the ask adds over years 1-4 if fully granted, comparison currency (0 for non-money asks).</param>
/// <param name="Text">What to ask for, one line, for the user.</param>
/// <param name="Rationale">Why, one line, citing the competing offer (or the current job) it is based on.</param>
public sealed record Ask(AskComponent Component, decimal From, decimal Target, decimal FourYearValue, string Text, string Rationale)
{
    /// <summary>How negotiable <see cref="Component"/> is (from <see cref="NegotiabilityTable"/>).</summary>
    public Negotiability Negotiability => NegotiabilityTable.Of(Component);
}
