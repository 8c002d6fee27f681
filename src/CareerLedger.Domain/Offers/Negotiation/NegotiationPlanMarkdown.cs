using System.Globalization;
using System.Text;
using CareerLedger.Domain.Brag;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Negotiation;

/// <summary>Renders a <see cref="NegotiationPlan"/> as CommonMark for people (CLI and HTML).</summary>
public static class NegotiationPlanMarkdown
{
    /// <summary>The plan as Markdown; money in the plan's comparison currency.</summary>
    public static string Render(NegotiationPlan plan)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var cur = plan.Currency;
        md.Append(inv, $"# Negotiation plan: {Esc(plan.Company)}\n\n");
        md.Append(inv, $"**Leverage: {plan.Leverage.Strength.ToString().ToLowerInvariant()}.** {Esc(plan.Leverage.Summary)}\n\n");
        if (plan.TargetFourYearTotal is { } target)
        {
            md.Append(inv, $"Target over four years: **{Money(target, cur)}**");
            if (plan.UncoveredGap > 0)
            {
                md.Append(inv, $" ({Money(plan.UncoveredGap, cur)} of the gap is not covered by any ask)");
            }

            md.Append(".\n\n");
        }

        if (plan.WalkAwayFloor is { } floor)
        {
            md.Append(inv, $"Walk-away floor: **{Money(floor.PerYear, cur)} a year** ({Money(floor.FourYear, cur)} over four years): {Esc(floor.Basis)}");
            md.Append(floor.TargetMeetsFloor ? " The offer is above it.\n\n" : " **The offer is below it.**\n\n");
        }

        md.Append("## Asks, most negotiable first\n\n");
        if (plan.Asks.Count == 0)
        {
            md.Append("No money gap to close; ask for the budgeted range and anything non-monetary you need.\n\n");
        }

        var n = 1;
        foreach (var ask in plan.Asks)
        {
            md.Append(inv, $"{n++}. **{Esc(ask.Text)}** ({Negotiability(ask.Negotiability)}). {Esc(ask.Rationale)}\n");
        }

        md.Append('\n');
        if (plan.Progress.Count > 0)
        {
            md.Append("## How far your last counter got\n\n| Ask | Asked | Now | Status |\n| --- | ---: | ---: | --- |\n");
            foreach (var p in plan.Progress)
            {
                var status = p.Status switch
                {
                    AskStatus.Met => "met",
                    AskStatus.PartlyMet => $"{Text.Number(p.PercentClosed)} % of the way",
                    AskStatus.NotMoved => "not moved",
                    _ => "unknown",
                };
                md.Append(inv, $"| {Esc(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Ask.Component.ToString()))} | {Text.Number(p.Ask.Target)} | {(p.Current is { } c ? Text.Number(c) : "–")} | {status} |\n");
            }

            md.Append('\n');
        }

        md.Append("## Deadline\n\n").Append(Esc(plan.Deadline.Advice)).Append("\n\n");
        md.Append("## Questions to ask\n\n");
        foreach (var q in plan.Questions)
        {
            md.Append("- ").Append(Esc(q.Text)).Append('\n');
        }

        md.Append("\n## E-mail\n\n");
        md.Append("**Subject:** ").Append(Esc(plan.Scripts.EmailSubject)).Append("\n\n");
        foreach (var line in plan.Scripts.Email.Split('\n'))
        {
            md.Append("> ").Append(Esc(line)).Append('\n');
        }

        md.Append("\n## On the phone\n\n");
        foreach (var line in plan.Scripts.Phone.Split('\n'))
        {
            md.Append("> ").Append(Esc(line)).Append('\n');
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static string Negotiability(Negotiability n) => n switch
    {
        Negotiation.Negotiability.High => "usually negotiable",
        Negotiation.Negotiability.MediumHigh => "often negotiable",
        Negotiation.Negotiability.Medium => "sometimes negotiable",
        Negotiation.Negotiability.LowMedium => "rarely negotiable",
        _ => "seldom negotiable",
    };

    private static string Money(decimal amount, string currency) => $"{Text.Number(Math.Round(amount, 0, MidpointRounding.AwayFromZero))} {currency}";

    private static string Esc(string text) => BragMarkdown.Escape(text);
}
