using System.Globalization;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Comparison;
using CareerLedger.Domain.Offers.Negotiation;

namespace CareerLedger.Web.Pages.Offers;

/// <summary>
/// How the offers pages print what the API computed: money in whole units with thousands separators (as the comparison's
/// Markdown does), dates, deadlines as days left in the user's calendar, and the plan's enums in words. Nothing here computes
/// pay: every figure comes from the comparison, breakdown or plan it is given.
/// </summary>
public static class OfferDisplay
{
    /// <summary>"345,750": whole units, half away from zero, typographic minus.</summary>
    public static string Money(decimal amount) => Text.Number(Math.Round(amount, 0, MidpointRounding.AwayFromZero));

    /// <summary>"345,750 USD".</summary>
    public static string Money(decimal amount, string currency) => $"{Money(amount)} {currency}";

    /// <summary>"26 Nov 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-26", for machine-readable <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Calendar days from <paramref name="today"/> (the user's) to <paramref name="deadline"/>: 0 today, negative once passed.</summary>
    public static int DaysLeft(DateOnly deadline, DateOnly today) => deadline.DayNumber - today.DayNumber;

    /// <summary>"5 days left", "1 day left", "today", "passed 2 days ago", or "no deadline".</summary>
    public static string TimeLeft(DateOnly? deadline, DateOnly today)
    {
        if (deadline is not { } d)
        {
            return "no deadline";
        }

        var days = DaysLeft(d, today);
        return days switch
        {
            0 => "answer due today",
            1 => "1 day left",
            > 1 => $"{days} days left",
            -1 => "passed yesterday",
            _ => $"passed {-days} days ago",
        };
    }

    /// <summary>Open, accepted, declined, expired, withdrawn by the company.</summary>
    public static string Status(OfferStatus status) => status switch
    {
        OfferStatus.Withdrawn => "withdrawn by the company",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>"L5 (rank 5)".</summary>
    public static string Level(OfferLevel level) => $"{level.Label} (rank {level.Rank})";

    /// <summary>The negotiability of an ask in words, as the plan's Markdown says it.</summary>
    public static string Negotiability(Negotiability n) => n switch
    {
        Domain.Offers.Negotiation.Negotiability.High => "usually negotiable",
        Domain.Offers.Negotiation.Negotiability.MediumHigh => "often negotiable",
        Domain.Offers.Negotiation.Negotiability.Medium => "sometimes negotiable",
        Domain.Offers.Negotiation.Negotiability.LowMedium => "rarely negotiable",
        _ => "seldom negotiable",
    };

    /// <summary>CSS class of a negotiability tag.</summary>
    public static string NegotiabilityClass(Negotiability n) => n >= Domain.Offers.Negotiation.Negotiability.MediumHigh ? "tag good" : "tag";

    /// <summary>A component's name for people.</summary>
    public static string Component(AskComponent c) => c switch
    {
        AskComponent.Base => "Base salary",
        AskComponent.SignOn => "Sign-on bonus",
        AskComponent.Equity => "Equity",
        AskComponent.Level => "Level",
        AskComponent.Bonus => "Bonus target",
        AskComponent.StartDate => "Start date",
        AskComponent.Remote => "Remote work",
        AskComponent.Pto => "Paid days off",
        _ => "Other",
    };

    /// <summary>
    /// An ask's <c>from</c> or <c>target</c> in its unit (docs/compensation.md): money for base (per year), sign-on and equity
    /// (totals over years 1-4); a rank; a bonus percent; a date for the start date (a day number); the remote policy; days.
    /// </summary>
    public static string AskValue(AskComponent c, decimal value, string currency) => c switch
    {
        AskComponent.Base => Money(value, currency) + " a year",
        AskComponent.SignOn or AskComponent.Equity => Money(value, currency) + " over 4 years",
        AskComponent.Level => "rank " + Text.Number(value),
        AskComponent.Bonus => Text.Number(value) + " %",
        AskComponent.StartDate when value == Math.Truncate(value) && value is >= 0 and <= 3652058 => Day(DateOnly.FromDayNumber((int)value)),
        AskComponent.Remote => value switch { 0 => "on-site", 1 => "hybrid", 2 => "fully remote", _ => Text.Number(value) },
        AskComponent.Pto => Text.Number(value) + " days",
        _ => Text.Number(value),
    };

    /// <summary>How far a previous ask got, in words.</summary>
    public static string Progress(AskProgress p) => p.Status switch
    {
        AskStatus.Met => "met",
        AskStatus.PartlyMet => $"{Text.Number(p.PercentClosed)} % of the way",
        AskStatus.NotMoved => "not moved",
        _ => "unknown (no longer in the terms)",
    };

    /// <summary>Leverage in words.</summary>
    public static string Strength(LeverageStrength s) => s.ToString().ToLowerInvariant();

    /// <summary>A question's group heading.</summary>
    public static string QuestionKind(QuestionKind k) => k switch
    {
        Domain.Offers.Negotiation.QuestionKind.General => "For any offer",
        Domain.Offers.Negotiation.QuestionKind.Startup => "About the startup equity",
        _ => "What the offer leaves out",
    };

    /// <summary>The compared offer whose id is <paramref name="id"/>, for headings.</summary>
    public static ComparedOffer? Find(OfferComparison comparison, Guid id) => comparison?.Offers.FirstOrDefault(o => o.OfferId == id);
}
