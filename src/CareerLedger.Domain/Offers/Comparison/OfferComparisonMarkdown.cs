using System.Globalization;
using System.Text;
using CareerLedger.Domain.Brag;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Comparison;

/// <summary>Renders an <see cref="OfferComparison"/> as CommonMark tables (the HTML form adds a chart).</summary>
public static class OfferComparisonMarkdown
{
    /// <summary>The comparison as Markdown.</summary>
    public static string Render(OfferComparison c)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.Append(inv, $"# Offer comparison ({c.Currency})\n\n");
        if (c.AsOf is { } asOf)
        {
            md.Append(inv, $"_As recorded on {asOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC._\n\n");
        }

        if (c.Offers.Count == 0)
        {
            md.Append("No open offers yet. Add one with `ledger offers add`.\n");
            return md.ToString();
        }

        var offers = c.Offers;
        md.Append("| | ").Append(string.Join(" | ", offers.Select(o => $"{Esc(o.Company)} ({Esc(o.Level.Label)})"))).Append(" |\n");
        md.Append("| --- |").Append(string.Concat(offers.Select(_ => " ---: |"))).Append('\n');
        for (var y = 0; y < c.Years; y++)
        {
            var year = y + 1;
            md.Append(inv, $"| Year {year} | ").Append(string.Join(" | ", offers.Select(o => y < o.Compensation.Years.Count ? N(o.Compensation.Years[y].Total) : "–"))).Append(" |\n");
        }

        Row(md, "**4-year total**", offers.Select(o => "**" + N(o.Compensation.FourYearTotal) + "**"));
        Row(md, "Average per year", offers.Select(o => N(o.Compensation.AverageAnnual)));
        Row(md, "First year", offers.Select(o => N(o.Compensation.FirstYearTotal)));
        Row(md, "vs best (4 years)", offers.Select(o => o.FourYearDeltaVsBest == 0 ? "best" : Text.Signed(o.FourYearDeltaVsBest)));
        Row(md, "Guaranteed (base + sign-on)", offers.Select(o => $"{N(o.GuaranteedFourYear)} ({Text.Number(o.GuaranteedPercent)} %)"));
        Row(md, "At risk (bonus + equity + refreshers)", offers.Select(o => N(o.AtRiskFourYear)));
        Row(md, "Level (rank)", offers.Select(o => $"{Esc(o.Level.Label)} ({o.Level.Rank})"));
        Row(md, "Deadline", offers.Select(o => o.Deadline?.ToString("yyyy-MM-dd", inv) ?? "–"));
        md.Append('\n');

        foreach (var o in offers)
        {
            md.Append(inv, $"## {Esc(o.Company)}: {Esc(o.Role)}, {Esc(o.Level.Label)}\n\n");
            if (o.OriginalCurrency != c.Currency)
            {
                md.Append(inv, $"_Offered in {o.OriginalCurrency}; converted to {c.Currency} at your rate._\n\n");
            }

            md.Append("| Year | Base | Bonus | Sign-on | Equity | Refreshers | Total |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            foreach (var y in o.Compensation.Years)
            {
                md.Append(inv, $"| {y.Year} | {N(y.Base)} | {N(y.Bonus)} | {N(y.SignOn)} | {N(y.Equity)} | {N(y.Refreshers)} | {N(y.Total)} |\n");
            }

            md.Append('\n');
            if (o.Compensation.Options is { } opt)
            {
                md.Append("Stock options: ");
                if (opt.OwnershipPercent is { } own)
                {
                    md.Append(inv, $"{own.ToString("0.####", inv)} % of the company fully diluted; ");
                }

                md.Append(inv, $"worth {N(opt.ValueAtPreferred)} at the last preferred price and {N(opt.ValueAt409A)} at the 409A; exercising all costs {N(opt.ExerciseCost)}.\n\n");
                if (opt.Scenarios.Count > 0)
                {
                    md.Append("| Exit at | Company sells for | Per common share | Your options |\n| ---: | ---: | ---: | ---: |\n");
                    foreach (var s in opt.Scenarios)
                    {
                        md.Append(inv, $"| {Text.Number(s.Multiple)}× last round | {N(s.ExitValuation)} | {s.PricePerCommonShare.ToString("#,0.####", inv)} | {N(s.Value)} |\n");
                    }

                    md.Append('\n');
                }
            }
        }

        if (c.Crossovers.Count > 0)
        {
            md.Append("## Crossovers\n\n");
            foreach (var x in c.Crossovers)
            {
                md.Append("- ").Append(Esc(x.Sentence)).Append('\n');
            }

            md.Append('\n');
        }

        if (c.Notes.Count > 0)
        {
            md.Append("## Worth knowing\n\n");
            foreach (var n in c.Notes)
            {
                md.Append("- ").Append(Esc(n)).Append('\n');
            }
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static void Row(StringBuilder md, string label, IEnumerable<string> cells) =>
        md.Append("| ").Append(label).Append(" | ").Append(string.Join(" | ", cells)).Append(" |\n");

    private static string N(decimal value) => Text.Number(Math.Round(value, 0, MidpointRounding.AwayFromZero));

    private static string Esc(string text) => BragMarkdown.Escape(text);
}
