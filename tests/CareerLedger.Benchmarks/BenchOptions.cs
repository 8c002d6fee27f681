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

    /// <summary>Whether <c>--load-only</c> was given: start the app, seed the 10-year ledger and run only the fixed-rate load scenarios.</summary>
    public bool LoadOnly { get; init; }

    /// <summary>Whether <c>--no-load</c> was given: skip the fixed-rate load scenarios (and wrk).</summary>
    public bool NoLoad { get; init; }

    /// <summary>How long wrk measures each load scenario (whole seconds: wrk's <c>-d</c>).</summary>
    public int LoadSeconds { get; init; } = 20;

    /// <summary>How long wrk runs each load scenario at its rate before the measured run (whole seconds).</summary>
    public int LoadWarmupSeconds { get; init; } = 5;

    /// <summary>wrk's connections (<c>-c</c>) in each load scenario: the most requests in flight at once.</summary>
    public int LoadConnections { get; init; } = 16;

    /// <summary>wrk's threads (<c>-t</c>); <see cref="LoadConnections"/> must be a multiple.</summary>
    public int LoadThreads { get; init; } = 2;

    /// <summary>The rate of the GET scenario, in requests per second (the target is judged at <see cref="GetTargetRate"/> only).</summary>
    public int GetRate { get; init; } = GetTargetRate;

    /// <summary>The rate of the POST scenario, in requests per second (the target is judged at <see cref="PostTargetRate"/> only).</summary>
    public int PostRate { get; init; } = PostTargetRate;

    /// <summary>The wrk executable: a path, or a name looked up on PATH.</summary>
    public string Wrk { get; init; } = "wrk";

    /// <summary>The issue's rate of the brag-document GET scenario.</summary>
    public const int GetTargetRate = 500;

    /// <summary>The issue's rate of the new-win POST scenario.</summary>
    public const int PostTargetRate = 200;

    /// <summary>Upper bound on operations in one phase, whatever the duration (keeps every loop bounded).</summary>
    public long MaxOperationsPerPhase { get; init; } = 2_000_000;

    /// <summary>The help text.</summary>
    public const string Usage = """
        Usage: ops/bench [--seconds N] [--warmup N] [--quick] [--out FILE] [--statements FILE] [--app PATH/CareerLedger.Web.dll]
                         [--load-only | --no-load] [--load-seconds N] [--load-warmup N] [--connections N] [--threads N]
                         [--get-rate N] [--post-rate N] [--wrk PATH]

          --seconds N        measured duration of each phase in seconds (default 5)
          --warmup N         warm-up before each phase in seconds (default 1)
          --quick            smoke run: 1 s phases, 0.25 s warm-up, 20-request counting batches
          --out FILE         also write the report (Markdown) to FILE
          --statements FILE  also write the SQL statements counted per request kind to FILE
          --app PATH         the app to start (default: src/CareerLedger.Web/bin/Release/net10.0/CareerLedger.Web.dll)

        Load at fixed rates (wrk, paced by ops/bench-load.lua; runs last):
          --load-only        run only the load scenarios (app start, 10-year ledger, GET and POST at fixed rates)
          --no-load          skip the load scenarios
          --load-seconds N   measured seconds per scenario (default 20; --quick 5)
          --load-warmup N    seconds at the same rate before each measured run (default 5; --quick 2)
          --connections N    wrk connections per scenario (default 16)
          --threads N        wrk threads (default 2; connections must be a multiple)
          --get-rate N       rate of GET /api/brag in req/s (default 500, the target's rate)
          --post-rate N      rate of POST /api/accomplishments in req/s (default 200, the target's rate)
          --wrk PATH         the wrk executable (default: wrk on PATH; ops/bench installs Debian's package when missing)

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
        int? loadSeconds = null;
        int? loadWarmup = null;
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
                case "--load-only":
                    options = options with { LoadOnly = true };
                    break;
                case "--no-load":
                    options = options with { NoLoad = true };
                    break;
                case "--load-seconds":
                    loadSeconds = Whole("--load-seconds", Value(), 1, 600);
                    break;
                case "--load-warmup":
                    loadWarmup = Whole("--load-warmup", Value(), 0, 600);
                    break;
                case "--connections":
                    options = options with { LoadConnections = Whole("--connections", Value(), 1, 1000) };
                    break;
                case "--threads":
                    options = options with { LoadThreads = Whole("--threads", Value(), 1, 64) };
                    break;
                case "--get-rate":
                    options = options with { GetRate = Whole("--get-rate", Value(), 1, 100_000) };
                    break;
                case "--post-rate":
                    options = options with { PostRate = Whole("--post-rate", Value(), 1, 100_000) };
                    break;
                case "--wrk":
                    options = options with { Wrk = Value() };
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if (options.Quick)
        {
            options = options with
            {
                Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.25), CountingBatch = 20, LoadSeconds = 5, LoadWarmupSeconds = 2,
            };
        }

        if (loadSeconds is { } ls)
        {
            options = options with { LoadSeconds = ls };
        }

        if (loadWarmup is { } lw)
        {
            options = options with { LoadWarmupSeconds = lw };
        }

        if (options.LoadOnly && options.NoLoad)
        {
            throw new ArgumentException("--load-only and --no-load exclude each other.");
        }

        if (options.LoadConnections < options.LoadThreads || options.LoadConnections % options.LoadThreads != 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--connections ({options.LoadConnections}) must be a multiple of --threads ({options.LoadThreads})."));
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

    /// <summary>The load scenarios' options as they appear at the top of the report.</summary>
    public string DescribeLoad() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(Quick ? "--quick, " : "")}{LoadSeconds} s per scenario after {LoadWarmupSeconds} s warm-up at the same rate; " +
            $"{LoadThreads} threads, {LoadConnections} connections");

    private static int Whole(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} takes a whole number from {min} to {max} (got '{text}')."));

    private static double PositiveSeconds(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v <= 600
            ? v
            : throw new ArgumentException($"{name} takes a number of seconds from 0 to 600 (got '{text}').");
}
