using System.Diagnostics;

namespace CareerLedger.Postgres.Provisioning.Internal;

/// <summary>The time left of <see cref="PostgresProvisioningOptions.StartTimeout"/>.</summary>
internal sealed class Deadline(TimeSpan budget)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Time left, at least one second so tools are never handed a zero timeout.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = budget - _clock.Elapsed;
            return left < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : left;
        }
    }

    /// <summary>Whole seconds left (at least 1), for tools such as <c>pg_ctl -t</c>.</summary>
    public int RemainingSeconds => Math.Max(1, (int)Math.Floor(Remaining.TotalSeconds));
}
