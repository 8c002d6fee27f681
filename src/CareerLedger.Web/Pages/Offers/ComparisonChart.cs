using System.Globalization;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Comparison;

namespace CareerLedger.Web.Pages.Offers;

/// <summary>
/// The geometry of the comparison chart drawn as inline SVG on <c>/offers</c>: one group of bars per year, one bar per offer,
/// each bar stacked bottom-up as base, bonus, sign-on, equity and refreshers (the colours of the API's HTML chart,
/// docs/compensation.md "The chart"). Only scales the comparison's own figures; the same figures are in the table under it.
/// </summary>
public sealed class ComparisonChart
{
    /// <summary>The SVG's view box width (user units).</summary>
    public const int Width = 720;

    /// <summary>The SVG's view box height (user units).</summary>
    public const int Height = 340;

    private const int Left = 64, Right = 12, Top = 14, Bottom = 64;

    /// <summary>The stacked components, bottom first: name, fill colour, value.</summary>
    public static IReadOnlyList<(string Name, string Fill, Func<YearBreakdown, decimal> Value)> Components { get; } =
    [
        ("Base", "#1f77b4", y => y.Base),
        ("Bonus", "#aec7e8", y => y.Bonus),
        ("Sign-on", "#ff7f0e", y => y.SignOn),
        ("Equity", "#2ca02c", y => y.Equity),
        ("Refreshers", "#98df8a", y => y.Refreshers),
    ];

    /// <summary>Bar segments to draw.</summary>
    public IReadOnlyList<Segment> Segments { get; private init; } = [];

    /// <summary>Horizontal grid lines with their axis labels ("250k").</summary>
    public IReadOnlyList<(double Y, string Label)> Ticks { get; private init; } = [];

    /// <summary>Texts under the bars (offer initials) and under the groups ("Year 1").</summary>
    public IReadOnlyList<(double X, double Y, string Text, bool Small)> Labels { get; private init; } = [];

    /// <summary>Where the plot's x axis is drawn (user units from the top).</summary>
    public double AxisY => Top + PlotHeight;

    /// <summary>The left edge of the plot.</summary>
    public static double PlotLeft => Left;

    /// <summary>The right edge of the plot.</summary>
    public static double PlotRight => Width - Right;

    /// <summary>The y of the legend row.</summary>
    public static double LegendY => Height - 22;

    /// <summary>Initials to company names, for the legend: "Con = Contoso".</summary>
    public string Key { get; private init; } = "";

    private static double PlotHeight => Height - Top - Bottom;

    /// <summary>One drawn rectangle.</summary>
    /// <param name="X">Left.</param>
    /// <param name="Y">Top.</param>
    /// <param name="W">Width.</param>
    /// <param name="H">Height.</param>
    /// <param name="Fill">Colour.</param>
    /// <param name="Title">Tooltip: "Contoso, year 1, Equity: 80,000 USD".</param>
    public sealed record Segment(double X, double Y, double W, double H, string Fill, string Title);

    /// <summary>Lays out the chart of <paramref name="c"/>.</summary>
    public static ComparisonChart Of(OfferComparison c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var max = c.Offers.SelectMany(o => o.Compensation.Years).Select(y => y.Total).DefaultIfEmpty(0).Max();
        var scale = NiceCeiling(max);
        var ticks = Enumerable.Range(0, 5).Select(i => (Top + PlotHeight - (PlotHeight * i / 4.0), Short(scale * i / 4))).ToList();
        var segments = new List<Segment>();
        var labels = new List<(double, double, string, bool)>();
        var years = Math.Max(1, c.Years);
        var groupW = (double)(Width - Left - Right) / years;
        var count = Math.Max(1, c.Offers.Count);
        var barW = Math.Min(40, (groupW - 14) / count);
        for (var year = 0; year < years; year++)
        {
            var gx = Left + (year * groupW) + ((groupW - (barW * count)) / 2);
            for (var k = 0; k < c.Offers.Count; k++)
            {
                var o = c.Offers[k];
                var x = gx + (k * barW);
                labels.Add((x + (barW / 2), Top + PlotHeight + 13, OfferComparisonChart.Initials(o.Company), true));
                if (year >= o.Compensation.Years.Count)
                {
                    continue;
                }

                var yb = o.Compensation.Years[year];
                double stack = 0;
                foreach (var (name, fill, value) in Components)
                {
                    var v = value(yb);
                    var h = scale == 0 ? 0 : (double)(v / scale) * PlotHeight;
                    if (h <= 0)
                    {
                        continue;
                    }

                    segments.Add(new Segment(x + 1, Top + PlotHeight - stack - h, Math.Max(1, barW - 2), h, fill,
                        $"{o.Company}, year {year + 1}, {name}: {OfferDisplay.Money(v, c.Currency)}"));
                    stack += h;
                }
            }

            labels.Add((Left + (year * groupW) + (groupW / 2), Top + PlotHeight + 30, $"Year {year + 1}", false));
        }

        return new ComparisonChart
        {
            Segments = segments,
            Ticks = ticks,
            Labels = labels,
            Key = string.Join(", ", c.Offers.Select(o => $"{OfferComparisonChart.Initials(o.Company)} = {o.Company}")),
        };
    }

    /// <summary>A number for an SVG attribute (invariant, one decimal).</summary>
    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static decimal NiceCeiling(decimal max) => OfferComparisonChart.NiceCeiling(max);

    private static string Short(decimal v) => OfferComparisonChart.Short(v);
}
