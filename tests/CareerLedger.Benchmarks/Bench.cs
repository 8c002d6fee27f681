using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace CareerLedger.Benchmarks;

/// <summary>
/// The run, in order: raw inserts and store appends (interleaved per concurrency), then the app over HTTP (start, import,
/// timed requests, statement counts, memory; then round trips on a second app instance behind a
/// <see cref="RoundTripRelay"/>), then the load at fixed rates with wrk (<see cref="FixedRateLoad"/>) on the first instance.
/// With <c>--load-only</c>, only the app's start and the load. Everything lands in one <see cref="Report"/>.
/// </summary>
internal static class Bench
{
    private const int Http = BenchOptions.ConcurrentHttpConnections;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs every measurement once.</summary>
    public static async Task<Report> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var appDll = options.AppDll ?? DefaultAppDll();
        if (!File.Exists(appDll))
        {
            throw new FileNotFoundException($"The app is not built at {appDll}; build it in Release first (ops/bench does).", appDll);
        }

        // Found first, so that a missing wrk stops the run before anything is measured.
        var tools = options.NoLoad ? null : await FixedRateLoad.FindToolsAsync(options.Wrk, ct);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        await using var server = await BenchServer.StartAsync(ct);
        var report = new Report();
        if (options.LoadOnly)
        {
            await using (var app = await AppProcess.StartAsync(appDll, server.AppConnectionString, ct))
            {
                Progress($"app ready in {app.StartToReady.TotalSeconds:0.00} s (first start, creates the schema)");
                await MeasureLoadAsync(app, server, tools!, today, options, report, ct);
            }

            AddHeader(report, server, load, clock, $"--load-only; {options.DescribeLoad()}");
            return report;
        }

        // Checked first so that a miscounting relay fails the run at once; idle until the round-trip batches at the end.
        await using var relay = RoundTripRelay.Start(server.AppConnectionString, out var relayUnavailable);
        if (relay is not null)
        {
            Progress("round-trip relay check: " + await relay.CheckAsync(server.AppConnectionString, ct));
        }

        var payload = LedgerData.RawPayload(today);
        var raw = await MeasureWritesAsync(server, payload, today, options, report, ct);
        await MeasureAppAsync(server, relay, appDll, raw, tools, today, options, report, ct);
        if (relayUnavailable is not null)
        {
            report.Notes.Add($"**DB round trips were not counted:** {relayUnavailable}.");
        }

        var loadOptions = tools is null ? "no load scenarios (--no-load)" : "load: " + options.DescribeLoad();
        AddHeader(report, server, load, clock, string.Create(Invariant,
            $"{options.Describe()}; event JSON {Encoding.UTF8.GetByteCount(payload)} bytes; store: {StoreAppendBenchmark.Description}; {loadOptions}"));
        return report;
    }

    private static void AddHeader(Report report, BenchServer server, string load, Stopwatch clock, string options)
    {
        report.Header.Add($"**Machine:** {Environment.ProcessorCount} cores (nproc), {CpuModel()}, {MemoryGb()} GiB RAM; " +
            $"{RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; load average {load} at the start");
        report.Header.Add($"**PostgreSQL:** {server.Version} ({server.Settings})");
        report.Header.Add(string.Create(Invariant, $"**Date:** {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; the run took {clock.Elapsed.TotalSeconds:0} s"));
        report.Header.Add($"**Options:** {options}");
    }

    /// <summary>Rows 1 and 2. Interleaved per concurrency, so that a busy neighbour hurts both alike. Returns the raw rates.</summary>
    private static async Task<Dictionary<int, PhaseResult>> MeasureWritesAsync(
        BenchServer server, string payload, DateOnly today, BenchOptions options, Report report, CancellationToken ct)
    {
        var raw = new Dictionary<int, PhaseResult>();
        var store = new Dictionary<int, PhaseResult>();
        var tenant = Guid.NewGuid().ToString();
        foreach (var writers in BenchOptions.WriterCounts)
        {
            raw[writers] = Check(report, $"raw insert, {writers} writers",
                await RawInsertBenchmark.RunAsync(server.EventsConnectionString, writers, payload, options, ct));
            await using var bench = await StoreAppendBenchmark.CreateAsync(server.EventsConnectionString, today, ct);
            await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => bench.AppendOneAsync(tenant, ct))); // opens the pool's connections
            store[writers] = Check(report, $"store append, {writers} writers",
                await LoadRunner.RunAsync(writers, options, (_, token) => bench.AppendOneAsync(tenant, token), ct));
            Progress($"{writers} writers: raw {raw[writers].PerSecond:N0}/s (slowest {raw[writers].Percentile(100):N0} ms), " +
                $"store {store[writers].PerSecond:N0}/s (slowest {store[writers].Percentile(100):N0} ms)");
        }

        foreach (var (writers, r) in raw)
        {
            report.Rows.Add(new ReportRow("Raw Npgsql INSERT, autocommit", Int(writers), Report.Rate(r.PerSecond, "events/s"),
                Report.Ms(r.Percentile(50)), Report.Ms(r.Percentile(99)), Report.Ratio(1)));
        }

        foreach (var (writers, s) in store)
        {
            var ratio = s.PerSecond / raw[writers].PerSecond;
            report.Rows.Add(new ReportRow("Event store append (1 event, new stream)", Int(writers), Report.Rate(s.PerSecond, "events/s"),
                Report.Ms(s.Percentile(50)), Report.Ms(s.Percentile(99)), Report.Ratio(ratio),
                Target: $"Marten ≥ 0.80× (today: {Report.Met(ratio >= 0.8)})"));
        }

        return raw;
    }

    /// <summary>Rows 3 to 5: the app as a separate process over HTTP.</summary>
    private static async Task MeasureAppAsync(
        BenchServer server, RoundTripRelay? relay, string appDll, Dictionary<int, PhaseResult> raw, LoadTools? tools, DateOnly today, BenchOptions options,
        Report report, CancellationToken ct)
    {
        // The first start creates the schema in the fresh database; the second is the warm start the target is about.
        TimeSpan firstStart;
        await using (var first = await AppProcess.StartAsync(appDll, server.AppConnectionString, ct))
        {
            firstStart = first.StartToReady;
        }

        await using var app = await AppProcess.StartAsync(appDll, server.AppConnectionString, ct);
        Progress($"app ready: first start {firstStart.TotalSeconds:0.00} s, warm restart {app.StartToReady.TotalSeconds:0.00} s");
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var idleRss = app.RssMb;

        var user = await LedgerUser.SignUpAsync(app.BaseAddress, ct);
        var importTime = await user.ImportAsync(LedgerData.TenYearLedger(today), ct);
        var offers = LedgerData.Offers(Path.Combine(AppContext.BaseDirectory, "samples", "offers"), today);
        foreach (var (key, body) in offers)
        {
            await user.RecordOfferAsync(key, body, ct);
        }

        var importedRss = app.RssMb;
        Progress($"imported {LedgerData.Wins} wins, {LedgerData.FeedbackItems} feedback items in {importTime.TotalSeconds:0.00} s; {offers.Count} offers");

        using var one = user.Client(1);
        using var many = user.Client(Http);
        using var site = await user.SiteClientAsync(ct);
        (string Name, string Path, HttpClient Client)[] gets =
        [
            ("GET /api/brag, 10 years (JSON)", LedgerData.BragPath(today), one),
            ("GET /api/stories/ranking", "api/stories/ranking", one),
            ($"GET /api/offers/compare ({offers.Count} offers)", "api/offers/compare", one),
            // The web site's pages, server-rendered for the same 10-year ledger (signed in with the site cookie).
            ("page GET / (dashboard)", "", site),
            ("page GET /brag, 10 years", "brag?" + LedgerData.BragPath(today).Split('?')[1], site),
            ("page GET /wins (all 10 years)", "wins?" + LedgerData.BragPath(today).Split('?')[1], site),
            ("page GET /stories", "stories", site),
            ("page GET /offers", "offers", site),
        ];

        // The reads first, on exactly the imported ledger (the POST rows add wins).
        var getResults = new PhaseResult[gets.Length];
        for (var g = 0; g < gets.Length; g++)
        {
            var (path, client) = (gets[g].Path, gets[g].Client);
            var size = await LedgerUser.GetSizeAsync(client, path, ct);
            gets[g].Name += string.Create(Invariant, $", {size / 1024.0:N0} KB");
            getResults[g] = Check(report, gets[g].Name, await LoadRunner.RunAsync(1, options, (_, token) => LedgerUser.GetAsync(client, path, token), ct));
            Progress($"{gets[g].Name}: {getResults[g].PerSecond:N0} req/s, p50 {getResults[g].Percentile(50):0.00} ms");
        }

        if (options.StatementsFile is { } dump)
        {
            File.Delete(dump);
        }

        var (log, unavailable) = await server.OpenStatementLogAsync(options.StatementsFile, ct);
        var getCounts = new StatementCount?[gets.Length];
        unavailable ??= await CountAsync(log, async l =>
        {
            for (var g = 0; g < gets.Length; g++)
            {
                var (path, client) = (gets[g].Path, gets[g].Client);
                getCounts[g] = await l.CountAsync(gets[g].Name, options.CountingBatch, () => Sequential(options.CountingBatch, () => LedgerUser.GetAsync(client, path, ct)), ct);
            }
        }, ct);

        long win = 0;
        Task PostWin(HttpClient client, CancellationToken token) => LedgerUser.PostWinAsync(client, Interlocked.Increment(ref win), today, token);
        var post1 = Check(report, "POST /api/accomplishments, 1 connection", await LoadRunner.RunAsync(1, options, (_, token) => PostWin(one, token), ct));
        await Task.WhenAll(Enumerable.Range(0, Http).Select(_ => PostWin(many, ct))); // opens the 16 connections
        var post16 = Check(report, $"POST /api/accomplishments, {Http} connections", await LoadRunner.RunAsync(Http, options, (_, token) => PostWin(many, token), ct));
        Progress($"POST: {post1.PerSecond:N0} req/s at 1 connection, {post16.PerSecond:N0} req/s at {Http}");

        StatementCount? post1Count = null, post16Count = null;
        unavailable ??= await CountAsync(log, async l =>
        {
            post1Count = await l.CountAsync("POST /api/accomplishments, 1 connection", options.CountingBatch,
                () => Sequential(options.CountingBatch, () => PostWin(one, ct)), ct);
            post16Count = await l.CountAsync($"POST /api/accomplishments, {Http} connections", options.CountingBatch,
                () => Parallel.ForAsync(0, options.CountingBatch, new ParallelOptions { MaxDegreeOfParallelism = Http, CancellationToken = ct },
                    async (_, token) => await PostWin(many, token)), ct);
        }, ct);
        var peakRss = app.PeakRssMb;

        var getTrips = new RoundTripCount?[gets.Length];
        RoundTripCount? post1Trips = null, post16Trips = null;
        if (relay is not null)
        {
            // A second instance on the same database, connected through the relay, so that the timed phases above ran without it.
            await using var relayed = await AppProcess.StartAsync(appDll, relay.Through(server.AppConnectionString), ct);
            var sameUser = user.At(relayed.BaseAddress);
            using var relayedOne = sameUser.Client(1);
            using var relayedMany = sameUser.Client(Http);
            using var relayedSite = await sameUser.SiteClientAsync(ct);
            HttpClient Relayed(HttpClient client) => ReferenceEquals(client, site) ? relayedSite : relayedOne;
            for (var i = 0; i < 3; i++) // opens the pool's connections, so that no start-up is counted
            {
                foreach (var (_, path, client) in gets)
                {
                    await LedgerUser.GetAsync(Relayed(client), path, ct);
                }

                await PostWin(relayedOne, ct);
                await Task.WhenAll(Enumerable.Range(0, Http).Select(_ => PostWin(relayedMany, ct)));
            }

            relay.Reset();
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            Progress($"second app instance behind the relay ready in {relayed.StartToReady.TotalSeconds:0.00} s; " +
                $"{relay.RoundTrips} DB round trips while idle for 1 s");
            async Task<RoundTripCount> CountTripsAsync(string label, Func<Task> batch)
            {
                relay.Reset();
                await batch();
                var count = new RoundTripCount(options.CountingBatch, relay.RoundTrips, relay.Connections);
                Progress($"{label}: {count.PerRequest:0.00} DB round trips / request ({count.RoundTrips} in {count.Requests} requests)");
                if (count.Connections > 0)
                {
                    report.Notes.Add(string.Create(Invariant,
                        $"**DB round trips, {label}:** the app opened {count.Connections} connections during the batch; their start-up round trips are included."));
                }

                return count;
            }

            for (var g = 0; g < gets.Length; g++)
            {
                var (path, client) = (gets[g].Path, Relayed(gets[g].Client));
                getTrips[g] = await CountTripsAsync(gets[g].Name, () => Sequential(options.CountingBatch, () => LedgerUser.GetAsync(client, path, ct)));
            }

            post1Trips = await CountTripsAsync("POST /api/accomplishments, 1 connection",
                () => Sequential(options.CountingBatch, () => PostWin(relayedOne, ct)));
            post16Trips = await CountTripsAsync($"POST /api/accomplishments, {Http} connections",
                () => Parallel.ForAsync(0, options.CountingBatch, new ParallelOptions { MaxDegreeOfParallelism = Http, CancellationToken = ct },
                    async (_, token) => await PostWin(relayedMany, token)));
        }

        report.Rows.Add(new ReportRow("App start-to-ready, first start (creates the schema)", "", Report.Seconds(firstStart)));
        report.Rows.Add(new ReportRow("App start-to-ready, warm restart", "", Report.Seconds(app.StartToReady),
            Target: $"≤ 3 s warm: {Report.Met(app.StartToReady <= TimeSpan.FromSeconds(3))}"));
        report.Rows.Add(new ReportRow($"POST /api/import: {LedgerData.Wins} wins + {LedgerData.FeedbackItems} feedback (one request)", "1",
            Report.Seconds(importTime)));

        report.Rows.Add(new ReportRow("POST /api/accomplishments (new win)", "1", Report.Rate(post1.PerSecond, "req/s"),
            Report.Ms(post1.Percentile(50)), Report.Ms(post1.Percentile(99)), Report.Ratio(post1.PerSecond / raw[1].PerSecond),
            Report.Statements(post1Count), Report.RoundTrips(post1Trips),
            post1Trips is { } trips ? $"≤ 3 round trips: {Report.Met(trips.PerRequest <= 3)}" : "≤ 3 round trips (not counted)"));
        var post16Ratio = post16.PerSecond / raw[Http].PerSecond;
        report.Rows.Add(new ReportRow("POST /api/accomplishments (new win)", Int(Http), Report.Rate(post16.PerSecond, "req/s"),
            Report.Ms(post16.Percentile(50)), Report.Ms(post16.Percentile(99)), Report.Ratio(post16Ratio),
            Report.Statements(post16Count), Report.RoundTrips(post16Trips), $"≥ 0.40× raw insert: {Report.Met(post16Ratio >= 0.4)}"));
        for (var g = 0; g < gets.Length; g++)
        {
            var r = getResults[g];
            var target = g == 0 ? $"p50 ≤ 5 ms: {Report.Met(r.Percentile(50) <= 5)}; ≥ 500 req/s: {Report.Met(r.PerSecond >= 500)}" : "";
            report.Rows.Add(new ReportRow(gets[g].Name, "1", Report.Rate(r.PerSecond, "req/s"), Report.Ms(r.Percentile(50)), Report.Ms(r.Percentile(99)),
                Statements: Report.Statements(getCounts[g]), RoundTrips: Report.RoundTrips(getTrips[g]), Target: target));
        }

        report.Rows.Add(new ReportRow("App RSS, idle after start", "", Report.Mb(idleRss)));
        report.Rows.Add(new ReportRow("App RSS, after the import", "", Report.Mb(importedRss)));
        report.Rows.Add(new ReportRow("App peak RSS (VmHWM) at the end", "", Report.Mb(peakRss), Target: $"< 300 MB: {Report.Met(peakRss < 300)}"));
        if (unavailable is not null)
        {
            report.Notes.Add($"**SQL statements were not counted:** {unavailable}.");
        }

        if (tools is not null)
        {
            await MeasureLoadAsync(app, server, tools, today, options, report, ct);
        }
    }

    /// <summary>
    /// The "Load at fixed rates" table: a fresh user with the same 10-year ledger on <paramref name="app"/>, then the brag
    /// document GET and the new-win POST, each at its fixed rate with wrk and then alone (one connection, sequential, for the
    /// diagnosis). The GET runs first, on exactly the imported ledger. Alone also runs the brag document of the last seven
    /// days: the app loads the same documents for it (all of the user's wins and feedback), and answers a few KB.
    /// </summary>
    private static async Task MeasureLoadAsync(
        AppProcess app, BenchServer server, LoadTools tools, DateOnly today, BenchOptions options, Report report, CancellationToken ct)
    {
        var postmaster = await server.LocalPostmasterPidAsync(ct);
        var user = await LedgerUser.SignUpAsync(app.BaseAddress, ct);
        var importTime = await user.ImportAsync(LedgerData.TenYearLedger(today), ct);
        using var one = user.Client(1);
        var brag = LedgerData.BragPath(today);
        var size = await LedgerUser.GetSizeAsync(one, brag, ct);
        var week = string.Create(Invariant, $"api/brag?from={today.AddDays(-6):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var weekSize = await LedgerUser.GetSizeAsync(one, week, ct);
        Progress($"load: a fresh user with the 10-year ledger ({LedgerData.Wins} wins, imported in {importTime.TotalSeconds:0.00} s); brag document {size / 1024.0:N0} KB");

        var bodies = Path.Combine(Path.GetTempPath(), $"careerledger-bench-wins-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(bodies, Enumerable.Range(0, 8).Select(k => LedgerData.NewWinBody(k, today, "@N@")), ct);
        try
        {
            var alone = options with
            {
                Duration = TimeSpan.FromSeconds(options.Quick ? 1 : 3), Warmup = TimeSpan.FromSeconds(options.Quick ? 0.25 : 0.5),
            };
            LoadScenario[] scenarios =
            [
                new(string.Create(Invariant, $"GET /api/brag, 10 years (JSON), {size / 1024.0:N0} KB"), brag, options.GetRate,
                    BenchOptions.GetTargetRate, P99TargetMs: 20, PostBodiesFile: null),
                new("POST /api/accomplishments (new win, distinct Idempotency-Key)", "api/accomplishments", options.PostRate,
                    BenchOptions.PostTargetRate, P99TargetMs: 50, PostBodiesFile: bodies),
            ];
            var batch = options.Quick ? 5 : 20;
            long win = 0;
            foreach (var scenario in scenarios)
            {
                Progress($"{scenario.Name}: {scenario.Rate} req/s with wrk ({options.LoadWarmupSeconds} s warm-up, {options.LoadSeconds} s measured)");
                var result = await FixedRateLoad.RunAsync(tools, app, user.Token, scenario, postmaster, options, ct);
                Progress(string.Create(Invariant,
                    $"{scenario.Name}: {result.Wrk.AchievedPerSecond:N0} of {scenario.Rate} req/s, p50 {result.Wrk.P50Us / 1000.0:0.00} ms, " +
                    $"p99 {result.Wrk.P99Us / 1000.0:0.00} ms, {result.Wrk.Errors} errors, peak RSS {result.PeakRssMb:N0} MB, app {result.AppCores:0.00} cores"));

                // Alone after the load, so that the app's code is warm (tiered JIT) and the measured run saw the app as the warm-up left it.
                var single = scenario.PostBodiesFile is null
                    ? new[]
                    {
                        await AloneAsync(scenario.Name, "the same request", app, alone, batch, token => LedgerUser.GetAsync(one, brag, token), report, ct),
                        await AloneAsync(scenario.Name, string.Create(Invariant, $"the last 7 days (the same documents loaded, a {weekSize / 1024.0:N0} KB answer)"), app, alone,
                            batch, token => LedgerUser.GetAsync(one, week, token), report, ct),
                    }
                    : new[]
                    {
                        await AloneAsync(scenario.Name, "the same request", app, alone, batch, token =>
                        {
                            var n = Interlocked.Increment(ref win);
                            return LedgerUser.PostWinAsync(one, n, today, string.Create(Invariant, $"alone-{n}"), token);
                        }, report, ct),
                    };
                Progress($"{scenario.Name} alone: p50 {single[0].Timed.Percentile(50):0.00} ms, {single[0].Timed.PerSecond:N0} req/s at 1 connection, " +
                    $"app CPU {single[0].CpuMsPerRequest:0.00} ms per request");
                report.LoadRows.Add(LoadRowOf(result));
                report.LoadNotes.Add(LoadNoteOf(result, single));
            }
        }
        finally
        {
            File.Delete(bodies);
        }

        report.LoadHeader.Add(string.Create(Invariant,
            $"**Load:** {tools.Version} (a second process, on loopback), {options.LoadThreads} threads, {options.LoadConnections} connections, " +
            $"{options.LoadSeconds} s per scenario after {options.LoadWarmupSeconds} s at the same rate; paced by ops/{FixedRateLoad.ScriptName}; " +
            $"latency per request after pacing (coordinated omission not corrected); wrk --timeout {FixedRateLoad.RequestTimeout.TotalSeconds:0} s"));
        report.LoadHeader.Add(string.Create(Invariant,
            $"**Ledger:** a fresh user, {LedgerData.Wins} wins + {LedgerData.FeedbackItems} feedback over ten years (one import); the GET runs before the POST; " +
            $"targets: GET p99 < 20 ms at {BenchOptions.GetTargetRate} req/s, POST p99 < 50 ms at {BenchOptions.PostTargetRate} req/s, " +
            $"achieved ≥ 95 % of the rate, zero errors, peak RSS < 300 MB"));
    }

    private static LoadRow LoadRowOf(LoadResult r)
    {
        var s = r.Scenario;
        var w = r.Wrk;
        var p99 = w.P99Us / 1000.0;
        var misses = new List<string>();
        if (w.AchievedPerSecond < 0.95 * s.Rate)
        {
            misses.Add(string.Create(Invariant, $"rate ({w.AchievedPerSecond:N0} < {0.95 * s.Rate:N0})"));
        }

        if (p99 >= s.P99TargetMs)
        {
            misses.Add(string.Create(Invariant, $"p99 ({Report.Ms(p99)} ms)"));
        }

        if (w.Errors > 0)
        {
            misses.Add("errors");
        }

        if (r.PeakRssMb >= 300)
        {
            misses.Add("RSS");
        }

        var met = s.Rate != s.TargetRate
            ? string.Create(Invariant, $"not judged (run at {s.Rate} req/s, the target is at {s.TargetRate})")
            : misses.Count == 0 ? "**met**" : "missed: " + string.Join(", ", misses);
        var errors = w.Errors == 0
            ? "0"
            : string.Create(Invariant, $"{w.Errors:N0} ({w.Non2xx:N0} non-2xx, {w.SocketErrors:N0} socket)");
        return new LoadRow(s.Name, Report.Rate(s.Rate, "req/s"), Report.Rate(w.AchievedPerSecond, "req/s"), Report.Ms(w.P50Us / 1000.0), Report.Ms(p99),
            Report.Ms(w.P999Us / 1000.0), Report.Ms(w.MaxUs / 1000.0), errors, Report.Mb(r.PeakRssMb),
            string.Create(Invariant, $"{Report.Ms(r.AppCpuMsPerRequest)} ms ({r.AppCores:0.00} cores)"),
            string.Create(Invariant, $"p99 < {s.P99TargetMs:0} ms at {s.TargetRate} req/s; 0 errors; RSS < 300 MB"), met);
    }

    /// <summary>The busy share left for everything but the app, PostgreSQL and wrk (the neighbours), when all three were measured.</summary>
    private static string Others(LoadResult r)
    {
        if (r.DbCpu is not { } db || r.WrkCpu is not { } wrk || double.IsNaN(r.MachineBusy) || r.Wrk.DurationUs <= 0)
        {
            return "";
        }

        var ours = (r.AppCpu + db + wrk).TotalSeconds / (r.Wrk.DurationUs / 1e6) / Environment.ProcessorCount;
        return string.Create(Invariant, $" (the app, PostgreSQL and wrk {ours * 100:0} %, everything else {Math.Max(0, r.MachineBusy - ours) * 100:0} %)");
    }

    private static string CpuPerAnswer(TimeSpan? cpu, long answers) =>
        cpu is { } c && answers > 0 ? Report.Ms(c.TotalMilliseconds / answers) + " ms" : "not measured";

    /// <summary>A request alone: timed at one connection, then a sequential batch for the app's CPU time per request.</summary>
    private sealed record Alone(string What, PhaseResult Timed, int Batch, double CpuMsPerRequest);

    private static async Task<Alone> AloneAsync(
        string scenario, string what, AppProcess app, BenchOptions alone, int batch, Func<CancellationToken, Task> request, Report report, CancellationToken ct)
    {
        var timed = Check(report, $"{scenario}, alone, {what}", await LoadRunner.RunAsync(1, alone, (_, token) => request(token), ct));
        var before = app.CpuTime;
        for (var i = 0; i < batch; i++)
        {
            await request(ct);
        }

        return new Alone(what, timed, batch, (app.CpuTime - before).TotalMilliseconds / batch);
    }

    private static string LoadNoteOf(LoadResult r, IReadOnlyList<Alone> alone)
    {
        var w = r.Wrk;
        var single = string.Join("; ", alone.Select(a => string.Create(Invariant,
            $"{a.What}: p50 {Report.Ms(a.Timed.Percentile(50))} ms, p99 {Report.Ms(a.Timed.Percentile(99))} ms ({Report.Rate(a.Timed.PerSecond, "req/s")}, " +
            $"{a.Timed.Operations} {(a.Timed.Operations == 1 ? "request" : "requests")}), app CPU {Report.Ms(a.CpuMsPerRequest)} ms per request ({a.Batch} more in a row)")));
        var note = string.Create(Invariant,
            $"**{r.Scenario.Name}:** alone (one connection, sequential): {single}. At {r.Scenario.Rate} req/s: {w.Requests:N0} answers in " +
            $"{w.DurationUs / 1e6:0.0} s, mean {Report.Ms(w.MeanUs / 1000.0)} ms; the app used {Report.Ms(r.AppCpuMsPerRequest)} ms of CPU per answer " +
            $"({r.AppCores:0.00} of {Environment.ProcessorCount} cores), PostgreSQL {CpuPerAnswer(r.DbCpu, w.Requests)}, wrk {CpuPerAnswer(r.WrkCpu, w.Requests)}; " +
            $"all processes kept {r.MachineBusy * 100:0} % of the machine's CPU busy{Others(r)}; " +
            $"load average {r.LoadAverageBefore} right before; peak RSS {(r.PeakFromHwm ? "from VmHWM, reset before the run" : "from VmRSS sampled every 100 ms")}; " +
            $"pacing {w.Pacing}; non-2xx {(w.CountStatus ? "counted per answer" : "as wrk counts them (status ≥ 400)")}.");
        if (w.Errors > 0)
        {
            note += string.Create(Invariant,
                $" Errors: {w.Non2xx} non-2xx (first: {w.FirstBadStatus} {w.FirstBadBody}), {w.ConnectErrors} connect, {w.ReadErrors} read, " +
                $"{w.WriteErrors} write, {w.Timeouts} timeouts.");
        }

        return note;
    }

    private static PhaseResult Check(Report report, string what, PhaseResult result)
    {
        if (result.Errors > 0 || result.Operations == 0)
        {
            report.Notes.Add(string.Create(Invariant, $"**{what}:** {result.Errors} failed, {result.Operations} succeeded; first error: {result.FirstError ?? "none"}"));
        }

        return result;
    }

    /// <summary>Switches statement logging on around <paramref name="batches"/>.</summary>
    /// <returns>Null, or why nothing could be counted.</returns>
    private static async Task<string?> CountAsync(StatementLog? log, Func<StatementLog, Task> batches, CancellationToken ct)
    {
        if (log is null)
        {
            return null; // the reason came with the missing log
        }

        try
        {
            if (!await log.EnableAsync(ct))
            {
                return "statement logging did not show up in the server log";
            }

            await batches(log);
            return null;
        }
        finally
        {
            await log.DisableAsync(CancellationToken.None);
        }
    }

    private static async Task Sequential(int count, Func<Task> request)
    {
        for (var i = 0; i < count; i++)
        {
            await request();
        }
    }

    private static void Progress(string line) => Console.Error.WriteLine("[bench] " + line);

    private static string Int(int value) => value.ToString(Invariant);

    private static string DefaultAppDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareerLedger.sln")))
            {
                return Path.Combine(dir.FullName, "src", "CareerLedger.Web", "bin", "Release", "net10.0", "CareerLedger.Web.dll");
            }
        }

        throw new FileNotFoundException($"Could not find the repository (CareerLedger.sln) above {AppContext.BaseDirectory}; pass --app.");
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static string MemoryGb()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? "?" : (long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], Invariant) / 1024.0 / 1024.0).ToString("0.0", Invariant);
    }
}
