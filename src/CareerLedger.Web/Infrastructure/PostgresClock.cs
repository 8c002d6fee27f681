namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// The app's clock at PostgreSQL's precision. <c>timestamptz</c> keeps microseconds, .NET ticks are 100 ns: an event stamped
/// with a full-precision time would fold into an inline document that a rebuild from the stored events (microseconds) could
/// not reproduce. Every recorded time the app writes goes through this clock, so inline documents and rebuilds agree.
/// </summary>
public sealed class PostgresClock(TimeProvider inner) : TimeProvider
{
    /// <summary>The current instant (UTC), truncated to whole microseconds.</summary>
    public override DateTimeOffset GetUtcNow() => Truncate(inner.GetUtcNow());

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <summary><paramref name="instant"/> truncated to whole microseconds (what PostgreSQL stores).</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % 10));
}
