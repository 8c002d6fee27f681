using System.Diagnostics;
using CareerLedger.Testing;
using Xunit.Abstractions;

namespace CareerLedger.Web.Tests.Hardening;

/// <summary>The isolation suite's host: the app, its endpoint table, the owner of every item and an intruder.</summary>
public sealed class IsolationHost : HardeningHost
{
    /// <summary>The app's HTTP surface.</summary>
    public ApiSurface Api { get; private set; } = null!;

    /// <summary>User A, who creates the items.</summary>
    public LedgerUser Owner { get; private set; } = null!;

    /// <summary>User B, who tries to reach them.</summary>
    public LedgerUser Intruder { get; private set; } = null!;

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Api = await ApiSurface.LoadAsync(this);
        Owner = await LedgerUser.CreateAsync(this);
        Intruder = await LedgerUser.CreateAsync(this);
    }
}

/// <summary>
/// Tenant isolation, route by route from the app's endpoint table: for every route that takes an id or another key, user A
/// creates the item (<see cref="RouteItems"/>), user B sends every verb the route allows at A's key with a valid body and A's
/// ETag, and must get 404 (the other verbs: 405), and A's item must read back the same (JSON and ETag) with A's event count
/// unchanged. Lists and reports must not show B anything of A's, and A's keys inside B's bodies must not reach A's items.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TenantIsolationTests(IsolationHost host, ITestOutputHelper output) : IClassFixture<IsolationHost>
{
    private static readonly string[] Verbs = ["GET", "PUT", "POST", "DELETE", "PATCH"];

    private const string CalendarRoute = "/calendar/{token}.ics";

    private IEnumerable<ApiEndpoint> KeyedEndpoints => host.Api.Endpoints.Where(e => e.RouteParameters.Count > 0);

    [Fact]
    public void every_route_with_a_key_has_a_row_saying_how_its_owner_creates_the_item()
    {
        var problems = KeyedEndpoints.Select(e => e.Route).Distinct()
            .Where(route => RouteItems.For(route) is null)
            .Select(route => $"{route} takes a key in its path but RouteItems has no row saying how its owner creates the item (or why it is not per user)")
            .Concat(RouteItems.All.Where(r => !KeyedEndpoints.Any(e => e.Route == r.Route)).Select(r => $"RouteItems has a row for {r.Route}, which the app does not serve"))
            .ToList();
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task another_user_gets_404_for_every_verb_on_an_item_and_the_owner_reads_it_back_unchanged()
    {
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var requests = host.Requests;
        var (owner, intruder) = (host.Owner, host.Intruder);
        var rows = 0;
        var intruderFeed = await intruder.NewCalendarFeedAsync(); // B's own feed, for forging keys to A's
        foreach (var route in KeyedEndpoints.Select(e => e.Route).Distinct())
        {
            if (RouteItems.For(route) is not { Create: { } create } row)
            {
                continue; // not per user (the first test insists on a row)
            }

            rows++;
            var item = await create(owner);
            var before = await SnapshotAsync(row, item);
            foreach (var (method, key, allowed) in Probes(route, item, intruderFeed))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), RouteItems.Fill(route, key));
                if (allowed && ValidRequests.For($"{method} {route}") is { } valid)
                {
                    request.Content = new StringContent(valid.Body(owner, item).ToJsonString(), System.Text.Encoding.UTF8, "application/json");
                }

                if (method != "GET" && item.Version > 0)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", $"\"{item.Version}\"");
                }

                var outcome = await Outcome.ReadAsync(await host.SendAsync(intruder.Http, request));
                var expected = allowed ? 404 : 405;
                if (outcome.Status != expected || (allowed && outcome.MediaType != "application/problem+json"))
                {
                    failures.Add($"B: {method} {route} with A's key {key} → {outcome} (expected {expected}{(allowed ? " problem" : "")})");
                }
            }

            var after = await SnapshotAsync(row, item);
            if (after != before)
            {
                failures.Add($"{route}: A's item changed after B's requests:{Environment.NewLine}  before: {before}{Environment.NewLine}  after:  {after}");
            }
        }

        output.WriteLine($"tenant isolation: {rows} routes, {host.Requests - requests} HTTP requests, {clock.Elapsed.TotalSeconds:0.0} s");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task another_users_lists_and_reports_show_none_of_the_owners_items()
    {
        var owner = host.Owner;
        var ids = new List<string> { owner.AccomplishmentId.ToString(), owner.StoryId.ToString() };
        foreach (var create in new Func<Task<Resource>>[]
                 {
                     owner.NewFeedbackAsync, owner.NewReviewAsync, owner.NewOfferAsync, owner.NewSessionAsync, owner.NewGoalAsync, owner.NewReminderAsync, owner.NewTokenAsync,
                 })
        {
            ids.Add((await create()).Id);
        }

        var failures = new List<string>();
        var lists = host.Api.Endpoints.Where(e => e is { Method: "GET", Anonymous: false, RouteParameters.Count: 0 }).ToList();
        foreach (var endpoint in lists)
        {
            var query = string.Join("&", host.Api.QueryParameters(endpoint).Select(p => Widest(p.Name)).OfType<string>());
            var path = endpoint.Route + (query.Length > 0 ? "?" + query : "");
            using var response = await host.SendAsync(host.Intruder.Http, HttpMethod.Get, path);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"B: GET {path} → {(int)response.StatusCode}");
            }

            foreach (var id in ids.Where(id => text.Contains(id, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"B: GET {path} shows A's item {id}");
            }
        }

        output.WriteLine($"lists and reports: {lists.Count} endpoints read as B, none may show any of A's {ids.Count} items");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task the_owners_keys_inside_another_users_bodies_reach_nothing_of_the_owners()
    {
        var (owner, intruder) = (host.Owner, host.Intruder);
        var ownerStory = $"/api/stories/{owner.StoryId}";
        var ownerBefore = (await owner.SnapshotAsync(ownerStory), await host.EventCountAsync(owner.Id));

        // Drafting a story from A's accomplishment: not one of B's, so a 400 naming it, and nothing written for anyone.
        var before = await host.CountWritesAsync(intruder.Id);
        using var draft = await host.SendAsync(intruder.Http, HttpMethod.Post, "/api/stories", ValidRequests.DraftStory(owner.AccomplishmentId));
        var drafted = await Outcome.ReadAsync(draft);
        drafted.Status.ShouldBe(400, drafted.ToString());
        drafted.Names("accomplishmentIds[0]").ShouldBeTrue(drafted.ToString());
        (await host.CountWritesAsync(intruder.Id)).ShouldBe(before);

        // Answering B's own session while citing A's story: the answer is B's, but A's story must not be credited.
        var session = await intruder.NewSessionAsync();
        var answer = ValidRequests.For("POST /api/practice/sessions/{id}/answers")!.Body(owner, session); // storyId: A's story
        using var answered = await host.SendAsync(intruder.Http, HttpMethod.Post, $"/api/practice/sessions/{session.Id}/answers", answer);
        ((int)answered.StatusCode).ShouldBeLessThan(500);
        (await owner.SnapshotAsync(ownerStory), await host.EventCountAsync(owner.Id)).ShouldBe(ownerBefore, "A's story and events after B cited it");
        (await intruder.SnapshotAsync(ownerStory)).ShouldStartWith("404");

    }

    /// <summary>The requests B sends at A's item: every verb (allowed or not) at A's key; for the calendar feed, forged keys.</summary>
    private IEnumerable<(string Method, string Key, bool Allowed)> Probes(string route, Resource item, Resource intruderFeed)
    {
        var allowed = host.Api.Endpoints.Where(e => e.Route == route).Select(e => e.Method).ToHashSet();
        if (route == CalendarRoute)
        {
            // The feed URL is a capability: whoever holds it reads that feed, by design. What must not work is B reaching A's feed
            // with a key B can make: A's user id with B's secret, or B's user id with A's secret.
            var ownerUser = item.Id[..38];
            var intruderUser = intruderFeed.Id[..38];
            yield return ("GET", ownerUser + intruderFeed.Id[38..], true);
            yield return ("GET", intruderUser + item.Id[38..], true);
            yield return ("GET", ownerUser + new string('0', item.Id.Length - 38), true);
            yield break;
        }

        foreach (var verb in Verbs)
        {
            yield return (verb, item.Id, allowed.Contains(verb));
        }
    }

    private async Task<string> SnapshotAsync(RouteItem row, Resource item)
    {
        var parts = new List<string> { $"A's events: {await host.EventCountAsync(host.Owner.Id)}", $"B's events: {await host.EventCountAsync(host.Intruder.Id)}" };
        foreach (var path in row.ReadBack(item))
        {
            parts.Add($"{path}: {await host.Owner.SnapshotAsync(path)}");
        }

        if (row.Route == "/api/tokens/{id}")
        {
            using var me = await host.SendAsync(host.Owner.Http, HttpMethod.Get, "/api/me");
            parts.Add($"A's token works: {(int)me.StatusCode}");
        }

        return string.Join(" | ", parts);
    }

    /// <summary>The query value that shows the most of a list (everything, retracted and retired too), or null to leave it out.</summary>
    private static string? Widest(string parameter) => parameter switch
    {
        "includeRetracted" or "includeRetired" => $"{parameter}=true",
        "status" or "include" => $"{parameter}=all",
        "level" => "level=L6",
        "from" => "from=2000-01-01",
        "to" => "to=2026-12-31",
        _ => null,
    };
}
