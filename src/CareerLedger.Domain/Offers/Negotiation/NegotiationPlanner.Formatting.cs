using System.Globalization;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Negotiation;

// Wording shared with the scripts: money, days, the current job's name, remote policies.
public static partial class NegotiationPlanner
{
    internal static string Money(decimal value, string currency) => $"{Text.Number(value)} {currency}";

    internal static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    internal static string CurrentName(CurrentJob current, bool capital) =>
        Text.Clean(current.Label) ?? (capital ? "Your current job" : "your current job");

    internal static string Describe(RemotePolicy policy) => policy switch
    {
        RemotePolicy.Onsite => "on-site",
        RemotePolicy.Hybrid => "hybrid",
        _ => "fully remote",
    };
}
