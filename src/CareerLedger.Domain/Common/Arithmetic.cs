namespace CareerLedger.Domain.Common;

/// <summary>
/// Decimal arithmetic that answers null instead of throwing <see cref="OverflowException"/>, for figures computed from
/// stored values. New input is bounded at the door (<see cref="Bounds"/>), but a read must survive anything already
/// stored, so derived figures (changes, percents, products) go through these (docs/api.md, "Limits").
/// </summary>
public static class Arithmetic
{
    /// <summary><paramref name="a"/> − <paramref name="b"/>, or null when the result is outside the decimal range (about ±7.9e28).</summary>
    public static decimal? Subtract(decimal a, decimal b)
    {
        try
        {
            return a - b;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary><paramref name="a"/> × <paramref name="b"/>, or null when the result is outside the decimal range.</summary>
    public static decimal? Multiply(decimal a, decimal b)
    {
        try
        {
            return a * b;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>(<paramref name="part"/> ÷ <paramref name="whole"/>) × 100, or null when <paramref name="whole"/> is 0 or the result is outside the decimal range.</summary>
    public static decimal? Percent(decimal part, decimal whole)
    {
        if (whole == 0)
        {
            return null;
        }

        try
        {
            return part / whole * 100m;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
