using System.Diagnostics;
using System.Globalization;
using System.Net;
using CareerLedger.Testing;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CareerLedger.Web.Tests.Faults;

/// <summary>
/// PostgreSQL restart under load: the app in-process on a private cluster of its own (so no other test notices), concurrent clients
/// logging wins (each with its own Idempotency-Key) and reading lists, the server stopped for a few seconds and started again.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const int Clients = 8;
    private static readonly TimeSpan BeforeStop = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan AfterStart = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(PostgresStopMode.Fast)]
    [InlineData(PostgresStopMode.Immediate)]
    public async Task postgres_restart_under_load_answers_503_with_retry_after_never_500_and_no_write_is_lost_or_doubled(PostgresStopMode mode)
    {
        var total = Stopwatch.StartNew();
        await using var cluster = await RestartablePostgres.StartAsync(output.WriteLine);
        await using var app = new OutageAppFactory(cluster);
        await app.StartAsync();
        var users = new List<LoadUser>();
        for (var i = 0; i < 3; i++)
        {
            var u = await app.CreateUserAsync();
            users.Add(new LoadUser(u.UserId, u.Http));
        }

        var load = new LoadClients();
        using var stopLoad = new CancellationTokenSource();
        var running = load.RunAsync(users, Clients, mode.ToString().ToLowerInvariant(), stopLoad.Token);
        using var probe = app.CreateClient();

        await Task.Delay(BeforeStop);
        var stopping = load.Now;
        await cluster.StopAsync(mode);
        var down = load.Now;
        var readyDuringOutage = await ReadinessAsync(probe);
        await Task.Delay(Outage);
        await cluster.StartAgainAsync();
        var up = load.Now;
        var firstSuccess = await FirstSuccessAfterAsync(load, up, users[0]);
        var readyAfter = await ReadinessAsync(probe);
        await Task.Delay(AfterStart);
        await stopLoad.CancelAsync();
        await running;

        var attempts = load.Attempts;
        var writes = attempts.Where(a => a.Kind == "POST").ToList();
        var unavailable = attempts.Where(a => a.Status == 503).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: stop at {stopping.TotalSeconds:0.00} s (down at {down.TotalSeconds:0.00} s), up again at {up.TotalSeconds:0.00} s; first 2xx write after it {(firstSuccess - up).TotalMilliseconds:0} ms later"));
        output.WriteLine($"requests {attempts.Count} (writes {writes.Count}, reads {attempts.Count - writes.Count}); by status: " +
            string.Join(", ", attempts.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine("503 writes by outcome: " + string.Join(", ", writes.Where(a => a.Status == 503).GroupBy(a => a.Outcome ?? "(none)").Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine($"readiness during the outage {readyDuringOutage}, after {readyAfter}");

        // Zero 500s, no request left without an answer; 503s during the outage, each with Retry-After and a problem body.
        attempts.Where(a => a.Status >= 500 && a.Status != 503).ShouldBeEmpty();
        attempts.Where(a => a.Status == 0).Select(a => a.Error).ShouldBeEmpty();
        unavailable.ShouldNotBeEmpty();
        unavailable.ShouldAllBe(a => a.RetryAfter >= 1);
        unavailable.ShouldAllBe(a => a.Problem != null && a.Problem.Value.GetProperty("status").GetInt32() == 503);
        unavailable.Where(a => a.Kind == "POST").ShouldAllBe(a => a.Outcome == "not_saved" || a.Outcome == "unknown");
        unavailable.Where(a => a.Kind == "GET").ShouldAllBe(a => a.Outcome == null);
        unavailable.ShouldAllBe(a => a.Started + a.Elapsed >= stopping && a.Started <= up);
        app.Logs.Entries.Where(e => e.Category.EndsWith("ProblemMapping", StringComparison.Ordinal) && e.Level >= LogLevel.Error).ShouldBeEmpty();

        // Readiness flips and the app serves again without its own restart: every request sent after the server was back succeeded.
        readyDuringOutage.ShouldBe(HttpStatusCode.ServiceUnavailable);
        readyAfter.ShouldBe(HttpStatusCode.OK);
        attempts.Where(a => a.Started > up).ShouldAllBe(a => a.Succeeded);
        attempts.Count(a => a.Started > up + TimeSpan.FromSeconds(1)).ShouldBeGreaterThan(0);

        // Every acknowledged write is stored exactly once; a write answered "not_saved" is not stored.
        var resent = 0;
        var checkedAcknowledged = 0;
        foreach (var user in users)
        {
            var mine = writes.Where(a => a.User == user.Id).ToList();
            var stored = await LoadClients.StoredTitlesAsync(user.Http);
            foreach (var acknowledged in mine.Where(a => a.Succeeded))
            {
                stored.GetValueOrDefault(LoadClients.TitleOf(acknowledged.Key!)).ShouldBe(1, $"acknowledged {acknowledged.Key}");
                checkedAcknowledged++;
            }

            foreach (var notSaved in mine.Where(a => a.Outcome == "not_saved"))
            {
                stored.GetValueOrDefault(LoadClients.TitleOf(notSaved.Key!)).ShouldBe(0, $"{notSaved.Key} was answered not_saved");
            }

            // Resend every unacknowledged write with its key: a saved one answers 200 with the stored item, an unsaved one 201.
            var lost = mine.Where(a => !a.Succeeded).ToList();
            var answers = new System.Collections.Concurrent.ConcurrentBag<(Attempt Lost, Attempt Again)>();
            await Parallel.ForEachAsync(lost, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (l, _) =>
                answers.Add((l, await load.SendAsync(-1, user, "POST", l.Key, () => LoadClients.PostWin(l.Key!)))));
            foreach (var (l, again) in answers)
            {
                again.Status.ShouldBeOneOf(201, 200);
                if (l.Outcome == "not_saved")
                {
                    again.Status.ShouldBe(201, $"{l.Key} was answered not_saved, so the resend creates it");
                }
            }

            resent += lost.Count;

            var after = await LoadClients.StoredTitlesAsync(user.Http);
            after.Values.Sum().ShouldBe(mine.Select(a => a.Key).Distinct().Count(), "one accomplishment per distinct key");
            after.Values.ShouldAllBe(n => n == 1);
        }

        output.WriteLine($"acknowledged writes checked {checkedAcknowledged}; resent {resent}; test took {total.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task after_a_restart_with_no_traffic_the_keepalive_clears_the_dead_connections_so_the_first_requests_succeed()
    {
        await using var cluster = await RestartablePostgres.StartAsync(output.WriteLine);
        await using var app = new OutageAppFactory(cluster);
        await app.StartAsync();
        var user = await app.CreateUserAsync();
        var users = new[] { new LoadUser(user.UserId, user.Http) };
        var load = new LoadClients();

        // Fill the pool with several idle connections, then restart PostgreSQL while nothing is sent.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => load.SendAsync(i, users[0], "POST", $"warm-{i}", () => LoadClients.PostWin($"warm-{i}"))));
        await cluster.StopAsync(PostgresStopMode.Fast);
        await cluster.StartAgainAsync();
        await Task.Delay(TimeSpan.FromSeconds(CareerLedger.Web.Infrastructure.DatabaseOutage.KeepAliveSeconds + 1));

        var write = await load.SendAsync(0, users[0], "POST", "after-idle-restart", () => LoadClients.PostWin("after-idle-restart"));
        var read = await load.SendAsync(0, users[0], "GET", null, () => new HttpRequestMessage(HttpMethod.Get, "/api/accomplishments"));

        load.Attempts.ShouldAllBe(a => a.Succeeded);
        output.WriteLine($"after the idle restart: write {write.Status} in {write.Elapsed.TotalMilliseconds:0} ms, read {read.Status} in {read.Elapsed.TotalMilliseconds:0} ms");
        (await LoadClients.StoredTitlesAsync(user.Http)).Count.ShouldBe(7);
    }

    private static async Task<HttpStatusCode> ReadinessAsync(HttpClient probe)
    {
        using var response = await probe.GetAsync("/health/ready");
        return response.StatusCode;
    }

    /// <summary>Waits (at most 10 s) for the first write sent after <paramref name="up"/> to succeed and answers when it was sent.</summary>
    private static async Task<TimeSpan> FirstSuccessAfterAsync(LoadClients load, TimeSpan up, LoadUser user)
    {
        var deadline = load.Now + TimeSpan.FromSeconds(10);
        while (load.Now < deadline)
        {
            if (load.Attempts.Where(a => a.Kind == "POST" && a.Started >= up && a.Succeeded).OrderBy(a => a.Started).FirstOrDefault() is { } first)
            {
                return first.Started + first.Elapsed;
            }

            await Task.Delay(20);
        }

        throw new ShouldAssertException($"No write succeeded within 10 s after PostgreSQL was back (user {user.Id}).");
    }
}
