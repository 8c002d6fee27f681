namespace CareerLedger.Testing;

/// <summary>
/// A settable clock for tests. Unlike FakeTimeProvider it only moves "now": timers and delays still run in real time, so the
/// app's timeouts, retries and Hangfire keep working in a host under test. Thread-safe.
/// </summary>
public sealed class FixedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="now"/>.</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
