using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Accomplishments;

/// <summary>
/// One quantified result of an accomplishment, e.g. p99 latency 420 → 210 ms.
/// </summary>
/// <param name="Name">What was measured, e.g. "p99 latency".</param>
/// <param name="Before">The baseline, or null when only one figure exists (e.g. "hours saved").</param>
/// <param name="After">The figure after the change.</param>
/// <param name="Unit">Unit text such as "ms", "%", "$", "h", "count" (count is shown without a unit); may be null.</param>
/// <param name="LowerIsBetter">True for latency, errors, cost, incidents, toil; false for throughput, coverage, conversion.</param>
public sealed record ImpactMetric(string Name, decimal? Before, decimal After, string? Unit, bool LowerIsBetter)
{
    /// <summary>
    /// Relative change in percent of the baseline (−50 means halved), or null when there is no baseline, it is 0, or the
    /// figures are too large to compute with (possible only for values stored before the bounds in docs/api.md).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal? ChangePercent => Before is { } b && Arithmetic.Subtract(After, b) is { } change ? Arithmetic.Percent(change, Math.Abs(b)) : null;

    /// <summary>
    /// Improvement in percent in the good direction (positive = better, negative = worse), or null without a usable baseline.
    /// Usually the relative change of the baseline. For a higher-is-better percentage (unit "%", such as an authorization or
    /// conversion rate) it is the share of the remaining gap to 100 % that was closed: 91.2 % → 93.0 % closes 20 % of the
    /// declines, which says more than the 2 % relative change (docs/scoring.md).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal? ImprovementPercent => (Unit, Before, LowerIsBetter) switch
    {
        ("%", { } b, false) when b < 100 => Arithmetic.Subtract(After, b) is { } gain && Arithmetic.Subtract(100, b) is { } gap ? Arithmetic.Percent(gain, gap) : null,
        _ => ChangePercent is { } c ? (LowerIsBetter ? -c : c) : null,
    };

    /// <summary>
    /// The metric as a sentence fragment: "p99 latency 420 ms → 210 ms (−50 %)"; percentage units show the change in
    /// percentage points ("error rate 2.1 % → 0.4 % (−1.7 pp)"); a zero baseline shows the absolute change; a single
    /// figure reads "hours saved: 120 h". Relative units (see <see cref="IsRelativeUnit"/>) name their reference once and
    /// read as a level: "messaging cost at 20 % of the Kafka estimate (−80 %)", "query time at 0.4× the baseline (−60 %)".
    /// The forms are listed in docs/scoring.md, "How impact metrics are shown".
    /// </summary>
    public string Describe()
    {
        if (RelativeReference() is { } reference)
        {
            return DescribeRelative(reference);
        }

        if (Before is not { } before)
        {
            return $"{Name}: {Format(After)}";
        }

        string delta;
        if (Arithmetic.Subtract(After, before) is not { } difference)
        {
            return $"{Name} {Format(before)} → {Format(After)}";
        }

        if (Unit == "%")
        {
            delta = $"{Text.Signed(difference)} pp";
        }
        else if (RelativeDelta() is { } relative)
        {
            delta = relative;
        }
        else
        {
            delta = Unit == "$"
                ? (difference < 0 ? "\u2212$" : "+$") + Text.Number(Math.Abs(difference))
                : Text.Signed(difference) + UnitSuffix();
        }

        return $"{Name} {Format(before)} → {Format(After)} ({delta})";
    }

    /// <summary>
    /// Whether <paramref name="unit"/> is relative to a reference rather than an absolute unit: "% of X" (a percentage of a
    /// reference figure, e.g. "% of Kafka estimate", "% of baseline"), "x of X" or "× of X" (a multiple of it, e.g.
    /// "x of baseline"), or a bare "x" / "×" (a multiple of the baseline). Plain "%" is a share or a rate, not relative.
    /// </summary>
    public static bool IsRelativeUnit(string? unit) => ReferenceOf(unit) is not null;

    private static readonly string[] Determiners = ["the ", "a ", "an ", "our ", "your ", "my ", "its ", "their ", "this ", "that ", "last ", "each "];

    // (symbol, reference with its article) for a relative unit, else null. A bare multiple refers to the baseline.
    private static (string Symbol, string Reference)? ReferenceOf(string? unit)
    {
        var u = unit?.Trim();
        if (string.IsNullOrEmpty(u))
        {
            return null;
        }

        if (u is "x" or "×" or "X")
        {
            return ("×", "the baseline");
        }

        foreach (var (prefix, symbol) in new[] { ("% of ", "%"), ("x of ", "×"), ("× of ", "×"), ("X of ", "×") })
        {
            if (u.StartsWith(prefix, StringComparison.Ordinal) && u[prefix.Length..].Trim() is { Length: > 0 } reference)
            {
                var withArticle = Determiners.Any(d => reference.StartsWith(d, StringComparison.OrdinalIgnoreCase)) ? reference : "the " + reference;
                return (symbol, withArticle);
            }
        }

        return null;
    }

    private (string Symbol, string Reference)? RelativeReference() => ReferenceOf(Unit);

    // "at 20 % of the Kafka estimate (−80 %)" from the reference level (100 % or 1×); "80 % → 20 % of the Kafka estimate (−75 %)" otherwise.
    private string DescribeRelative((string Symbol, string Reference) r)
    {
        string Level(decimal v) => r.Symbol == "%" ? $"{Text.Number(v)} %" : $"{Text.Number(v)}×";
        var tail = r.Symbol == "%" ? $"of {r.Reference}" : r.Reference;
        if (Before is not { } before)
        {
            return $"{Name}: {Level(After)} {tail}";
        }

        var delta = RelativeDelta() is { } d ? $" ({d})" : "";
        var reference = r.Symbol == "%" ? 100m : 1m;
        return before == reference
            ? $"{Name} at {Level(After)} {tail}{delta}"
            : $"{Name} {Level(before)} → {Level(After)} {tail}{delta}";
    }

    // The relative change as "−80 %" (whole percent from 10 % on, else one decimal), or null without a usable baseline.
    private string? RelativeDelta()
    {
        if (ChangePercent is not { } pct)
        {
            return null;
        }

        var rounded = Math.Abs(pct) >= 10 ? Math.Round(pct, 0, MidpointRounding.AwayFromZero) : Math.Round(pct, 1, MidpointRounding.AwayFromZero);
        return $"{Text.Signed(rounded)} %";
    }

    private string Format(decimal value) => Unit switch
    {
        "$" => (value < 0 ? "\u2212$" : "$") + Text.Number(Math.Abs(value)),
        _ => Text.Number(value) + UnitSuffix(),
    };

    private string UnitSuffix() => Unit switch
    {
        null or "" or "count" or "$" => "",
        "%" => " %",
        var u => " " + u,
    };
}
