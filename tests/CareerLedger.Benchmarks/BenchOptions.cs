using System.Globalization;

namespace CareerLedger.Benchmarks;

/// <summary>Command-line options of the benchmark (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions
{
    /// <summary>Environment variable with a connection string to a PostgreSQL server to use instead of starting one.</summary>
    public const string ConnectionStringVariable = "CAREERLEDGER_BENCH_DB";

    /// <summary>The concurrencies of the raw-insert and store-append rows.</summary>
    public static IReadOnlyList<int> WriterCounts { get; } = [1, 4, 16, 64];

    /// <summary>Connections of the concurrent POST row.</summary>
    public const int ConcurrentHttpConnections = 16;

    /// <summary>How long each measured phase runs.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long each phase runs before measuring starts (JIT, pools, caches).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests per statement- or round-trip-counting batch (run separately from the timed phases).</summary>
    public int CountingBatch { get; init; } = 50;

    /// <summary>Whether <c>--help</c> was given: print <see cref="Usage"/> and run nothing.</summary>
    public bool Help { get; init; }

    /// <summary>Whether <c>--quick</c> was given (a smoke run with short phases).</summary>
    public bool Quick { get; init; }

    /// <summary>A file to write the report to (besides stdout), or null.</summary>
    public string? OutputFile { get; init; }

    /// <summary>A file to write the counted SQL statements to (one section per counting batch), or null.</summary>
    public string? StatementsFile { get; init; }

    /// <summary>The app's CareerLedger.Web.dll (Release build), or null to find it from the repository.</summary>
    public string? AppDll { get; init; }

    /// <summary>Upper bound on operations in one phase, whatever the duration (keeps every loop bounded).</summary>
    public long MaxOperationsPerPhase { get; init; } = 2_000_000;

    /// <summary>The help text.</summary>
    public const string Usage = """
        Usage: ops/bench [--seconds N] [--warmup N] [--quick] [--out FILE] [--statements FILE] [--app PATH/CareerLedger.Web.dll]

          --seconds N        measured duration of each phase in seconds (default 5)
          --warmup N         warm-up before each phase in seconds (default 1)
          --quick            smoke run: 1 s phases, 0.25 s warm-up, 20-request counting batches
          --out FILE         also write the report (Markdown) to FILE
          --statements FILE  also write the SQL statements counted per request kind to FILE
          --app PATH         the app to start (default: src/CareerLedger.Web/bin/Release/net10.0/CareerLedger.Web.dll)

        PostgreSQL: CAREERLEDGER_BENCH_DB (a connection string) when set, else a private throwaway cluster
        (fsync on) from local server binaries.
        """;

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        double? seconds = null;
        double? warmup = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--seconds":
                    seconds = PositiveSeconds("--seconds", Value());
                    break;
                case "--warmup":
                    warmup = PositiveSeconds("--warmup", Value());
                    break;
                case "--help" or "-h":
                    options = options with { Help = true };
                    break;
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--out":
                    options = options with { OutputFile = Value() };
                    break;
                case "--statements":
                    options = options with { StatementsFile = Value() };
                    break;
                case "--app":
                    options = options with { AppDll = Value() };
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if (options.Quick)
        {
            options = options with { Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.25), CountingBatch = 20 };
        }

        if (seconds is { } s)
        {
            options = options with { Duration = TimeSpan.FromSeconds(s) };
        }

        if (warmup is { } w)
        {
            options = options with { Warmup = TimeSpan.FromSeconds(w) };
        }

        return options;
    }

    /// <summary>The options as they appear at the top of the report.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(Quick ? "--quick, " : "")}{Duration.TotalSeconds:0.##} s per phase after {Warmup.TotalSeconds:0.##} s warm-up; " +
            $"writers {string.Join("/", WriterCounts)}; statement and round-trip counts from batches of {CountingBatch} requests");

    private static double PositiveSeconds(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v <= 600
            ? v
            : throw new ArgumentException($"{name} takes a number of seconds from 0 to 600 (got '{text}').");
}
