using System.Globalization;
using System.Net;
using System.Text;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Comparison;

/// <summary>
/// A stacked bar chart (SVG) of each offer's pay per year, split into base, bonus, sign-on, equity and refreshers:
/// one group of bars per year, one bar per offer.
/// </summary>
public static class OfferComparisonChart
{
    private static readonly (string Name, string Color, Func<YearBreakdown, decimal> Value)[] Components =
    [
        ("Base", "#1f77b4", y => y.Base),
        ("Bonus", "#aec7e8", y => y.Bonus),
        ("Sign-on", "#ff7f0e", y => y.SignOn),
        ("Equity", "#2ca02c", y => y.Equity),
        ("Refreshers", "#98df8a", y => y.Refreshers),
    ];

    /// <summary>The chart as a standalone SVG element (width 760 px).</summary>
    public static string Svg(OfferComparison c)
    {
        const int width = 760, height = 400, left = 70, right = 20, top = 40, bottom = 100;
        var inv = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"Pay per year by offer\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        svg.Append(inv, $"<text x=\"{left}\" y=\"20\" font-size=\"14\" font-weight=\"600\">Pay per year ({c.Currency}), by component</text>");
        if (c.Offers.Count == 0)
        {
            return svg.Append("</svg>").ToString();
        }

        var max = c.Offers.SelectMany(o => o.Compensation.Years).Select(y => y.Total).DefaultIfEmpty(1).Max();
        var scaleMax = NiceCeiling(max);
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        for (var i = 0; i <= 4; i++)
        {
            var v = scaleMax * i / 4;
            var y = top + plotH - (double)(v / scaleMax) * plotH;
            svg.Append(inv, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#e1e4e8\"/>");
            svg.Append(inv, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" fill=\"#57606a\">{Short(v)}</text>");
        }

        var groupW = (double)plotW / c.Years;
        var barW = Math.Min(36, (groupW - 16) / c.Offers.Count);
        for (var year = 0; year < c.Years; year++)
        {
            var gx = left + (year * groupW) + ((groupW - (barW * c.Offers.Count)) / 2);
            for (var k = 0; k < c.Offers.Count; k++)
            {
                var o = c.Offers[k];
                if (year >= o.Compensation.Years.Count)
                {
                    continue;
                }

                var yb = o.Compensation.Years[year];
                var x = gx + (k * barW);
                double stack = 0;
                foreach (var (name, color, value) in Components)
                {
                    var h = (double)(value(yb) / scaleMax) * plotH;
                    if (h <= 0)
                    {
                        continue;
                    }

                    var y = top + plotH - stack - h;
                    svg.Append(inv, $"<rect x=\"{x + 1:0.#}\" y=\"{y:0.#}\" width=\"{barW - 2:0.#}\" height=\"{h:0.#}\" fill=\"{color}\"><title>{Enc(o.Company)}, year {year + 1}, {name}: {Text.Number(Math.Round(value(yb)))} {c.Currency}</title></rect>");
                    stack += h;
                }

                svg.Append(inv, $"<text x=\"{x + (barW / 2):0.#}\" y=\"{top + plotH + 14}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#57606a\">{Enc(Initials(o.Company))}</text>");
            }

            svg.Append(inv, $"<text x=\"{left + (year * groupW) + (groupW / 2):0.#}\" y=\"{top + plotH + 30}\" text-anchor=\"middle\">Year {year + 1}</text>");
        }

        var lx = left;
        var ly = height - 46;
        foreach (var (name, color, _) in Components)
        {
            svg.Append(inv, $"<rect x=\"{lx}\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"{lx + 16}\" y=\"{ly + 10}\">{name}</text>");
            lx += 90;
        }

        svg.Append(inv, $"<text x=\"{left}\" y=\"{ly + 32}\" fill=\"#57606a\">{Enc(string.Join(", ", c.Offers.Select(o => $"{Initials(o.Company)} = {o.Company}")))}</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Up to three capital letters of a company name, for bar labels.</summary>
    public static string Initials(string company)
    {
        var words = company.Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries);
        var initials = words.Length > 1 ? string.Concat(words.Take(3).Select(w => char.ToUpperInvariant(w[0]))) : company[..Math.Min(3, company.Length)];
        return initials;
    }

    /// <summary>The chart's axis top: the smallest of 1, 2, 2.5, 5 or 10 times a power of ten that is at least <paramref name="max"/> (1 when it is 0 or less).</summary>
    public static decimal NiceCeiling(decimal max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    /// <summary>An axis label: 1.2M, 375k, 950 (the amount in the comparison currency).</summary>
    public static string Short(decimal v) => v >= 1_000_000 ? Text.Number(Math.Round(v / 1_000_000, 2)) + "M"
        : v >= 1000 ? Text.Number(Math.Round(v / 1000, 1)) + "k"
        : Text.Number(v);

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
