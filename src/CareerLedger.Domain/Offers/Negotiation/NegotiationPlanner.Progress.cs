namespace CareerLedger.Domain.Offers.Negotiation;

// Progress of earlier asks against the offer's current terms.
public static partial class NegotiationPlanner
{
    /// <summary>
    /// Measures each previous ask against the offer's current terms: share closed = (current − from) / (target − from);
    /// at least 1 → met, at most 0 → not moved, in between → partly met; the value missing from the terms → unknown.
    /// </summary>
    /// <param name="previous">The asks of an earlier plan (same comparison currency).</param>
    /// <param name="current">The offer as it stands now.</param>
    /// <returns>One row per previous ask, in the same order.</returns>
    public static IReadOnlyList<AskProgress> Progress(IEnumerable<Ask> previous, OfferSnapshot current) =>
        previous.Select(ask =>
        {
            if (ValueOf(ask.Component, current) is not { } now)
            {
                return new AskProgress(ask, null, AskStatus.Unknown, 0);
            }

            var distance = ask.Target - ask.From;
            var share = distance == 0 ? 1 : (now - ask.From) / distance;
            return share >= 1 ? new AskProgress(ask, now, AskStatus.Met, 100)
                : share <= 0 ? new AskProgress(ask, now, AskStatus.NotMoved, 0)
                : new AskProgress(ask, now, AskStatus.PartlyMet, Math.Round(share * 100, 1, MidpointRounding.AwayFromZero));
        }).ToList();

    /// <summary>The offer's value for <paramref name="component"/>, in the unit documented on <see cref="Ask"/>, or null when the terms do not state it.</summary>
    /// <param name="component">The component.</param>
    /// <param name="offer">The offer.</param>
    /// <returns>The value, or null.</returns>
    public static decimal? ValueOf(AskComponent component, OfferSnapshot offer) => component switch
    {
        AskComponent.Base => Year(offer.Comp, 1)?.Base ?? 0,
        AskComponent.SignOn => FirstFour(offer.Comp).Sum(y => y.SignOn),
        AskComponent.Equity => FirstFour(offer.Comp).Sum(y => y.Equity),
        AskComponent.Level => offer.Terms.Level.Rank,
        AskComponent.Bonus => offer.Terms.BonusTargetPercent,
        AskComponent.StartDate => offer.Terms.StartDate?.DayNumber,
        AskComponent.Remote => (int?)offer.Terms.Remote,
        AskComponent.Pto => offer.Terms.PtoDays,
        _ => null,
    };
}
