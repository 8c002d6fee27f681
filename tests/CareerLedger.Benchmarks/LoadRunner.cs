using System.Diagnostics;

namespace CareerLedger.Benchmarks;

/// <summary>What one timed phase measured.</summary>
/// <param name="Concurrency">Workers running the operation at once.</param>
/// <param name="Operations">Operations completed inside the measured window.</param>
/// <param name="Errors">Operations that failed inside the measured window.</param>
/// <param name="FirstError">The first failure's message, or null.</param>
/// <param name="Elapsed">The measured window.</param>
/// <param name="LatenciesMs">Latency of each operation completed inside the window (the same ones as <paramref name="Operations"/>), sorted, in milliseconds.</param>
internal sealed record PhaseResult(int Concurrency, long Operations, long Errors, string? FirstError, TimeSpan Elapsed, double[] LatenciesMs)
{
    /// <summary>Completed operations per second.</summary>
    public double PerSecond => Elapsed > TimeSpan.Zero ? Operations / Elapsed.TotalSeconds : 0;

    /// <summary>The latency at percentile <paramref name="p"/> (0-100, nearest rank), or NaN without samples.</summary>
    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * LatenciesMs.Length);
        return LatenciesMs[Math.Clamp(rank - 1, 0, LatenciesMs.Length - 1)];
    }
}

/// <summary>
/// Runs an operation in <c>concurrency</c> loops at once: a warm-up, then a measured window of fixed length. Bounded in time
/// (warm-up + duration, plus the operations still in flight) and in count (<see cref="BenchOptions.MaxOperationsPerPhase"/>).
/// </summary>
internal static class LoadRunner
{
    private const int MaxLatencySamples = 500_000;

    /// <summary>Runs <paramref name="operation"/> (given the worker index) and measures it.</summary>
    public static async Task<PhaseResult> RunAsync(
        int concurrency, BenchOptions options, Func<int, CancellationToken, Task> operation, CancellationToken ct)
    {
        var frequency = (double)Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(options.Warmup.TotalSeconds * frequency);
        var measureTo = measureFrom + (long)(options.Duration.TotalSeconds * frequency);
        long started = 0, completed = 0, errors = 0;
        string? firstError = null;
        var samples = new List<double>[concurrency];

        async Task WorkerAsync(int index)
        {
            var mine = samples[index] = new List<double>(4096);
            while (!ct.IsCancellationRequested && Interlocked.Increment(ref started) <= options.MaxOperationsPerPhase)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= measureTo)
                {
                    return;
                }

                var failed = false;
                try
                {
                    await operation(index, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failed = true;
                    Interlocked.CompareExchange(ref firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                }

                var t1 = Stopwatch.GetTimestamp();
                if (t1 <= measureFrom || t1 > measureTo)
                {
                    continue;
                }

                if (failed)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                Interlocked.Increment(ref completed);
                if (mine.Count < MaxLatencySamples / concurrency)
                {
                    mine.Add((t1 - t0) * 1000.0 / frequency);
                }
            }
        }

        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(() => WorkerAsync(i), ct)).ToArray();
        await Task.WhenAll(workers);
        // Normally the whole window; shorter when the operation cap stopped the phase early.
        var window = TimeSpan.FromSeconds(Math.Max(0, Math.Min(Stopwatch.GetTimestamp(), measureTo) - measureFrom) / frequency);
        var latencies = samples.Where(s => s is not null).SelectMany(s => s).ToArray();
        Array.Sort(latencies);
        return new PhaseResult(concurrency, completed, errors, firstError, window, latencies);
    }
}
