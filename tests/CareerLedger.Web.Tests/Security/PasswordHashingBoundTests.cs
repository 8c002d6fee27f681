using System.Diagnostics;
using System.Net;
using CareerLedger.Testing;
using Xunit.Abstractions;
using static CareerLedger.Web.Tests.Security.SecurityTestSupport;

namespace CareerLedger.Web.Tests.Security;

/// <summary>The app with at most one password hash at a time and a 100 ms wait for it.</summary>
public sealed class OneHashAtATimeApp() : ConfiguredAppFactory(new Dictionary<string, string>
{
    ["CareerLedger:PasswordHashing:MaxConcurrent"] = "1",
    ["CareerLedger:PasswordHashing:MaxWait"] = "00:00:00.100",
});

/// <summary>Password hashing is bounded: beyond the bound token creation answers 429 at once instead of queueing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PasswordHashingBoundTests(OneHashAtATimeApp app, ITestOutputHelper output) : IClassFixture<OneHashAtATimeApp>
{
    [Fact]
    public async Task sixteen_simultaneous_sign_ins_beyond_the_bound_get_429_with_retry_after()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateClient();
        var clock = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => SignInAsync(client, user.Email, $"wrong password {i}"))))
            .WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"16 sign-ins in {clock.ElapsedMilliseconds} ms: {string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Count()} × {g.Key}"))}");

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized || r.StatusCode == HttpStatusCode.TooManyRequests);
        responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized).ShouldBeGreaterThanOrEqualTo(1);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        refused.Count.ShouldBeGreaterThanOrEqualTo(1, "nothing was refused: the requests queued for the hasher");
        foreach (var response in refused)
        {
            await ShouldBeTooManyRequestsAsync(response);
        }
    }
}

/// <summary>While token creation is hammered, the rest of the app still answers (the default bound).</summary>
[Collection(PostgresCollection.Name)]
public sealed class HammeredSignInTests(LedgerAppFactory app, ITestOutputHelper output) : IClassFixture<LedgerAppFactory>
{
    [Fact]
    public async Task authenticated_requests_answer_promptly_while_sixteen_clients_hammer_token_creation()
    {
        var user = await app.CreateUserAsync();
        for (var i = 0; i < 5; i++)
        {
            (await user.Http.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK); // warm up
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        var hammers = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            using var client = app.CreateClient();
            while (!stop.IsCancellationRequested)
            {
                using var response = await SignInAsync(client, user.Email, $"wrong password {i}");
                statuses.Add((int)response.StatusCode);
            }
        })).ToList();

        await Task.Delay(300); // let the hammering start
        var latencies = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            var (ms, response) = await TimeAsync(() => user.Http.GetAsync("/api/me"));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            latencies.Add(ms);
            await Task.Delay(20);
        }

        await Task.WhenAll(hammers).WaitAsync(TimeSpan.FromSeconds(60));
        var p50 = Median(latencies);
        output.WriteLine(
            $"GET /api/me under hammering: {latencies.Count} requests, p50 {p50:0.0} ms, max {latencies.Max():0.0} ms; " +
            $"token requests: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()} × {g.Key}"))}");
        p50.ShouldBeLessThan(100, "ordinary requests are starved while token creation is hammered");
    }
}
