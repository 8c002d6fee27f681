using System.Net;
using System.Net.Http.Json;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests;

/// <summary>Racing writers against Marten's optimistic concurrency and the idempotent create path, over real HTTP.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    [Fact]
    public async Task racing_revisions_with_the_same_if_match_let_exactly_one_win_and_the_rest_are_409s()
    {
        var user = await app.CreateUserAsync();
        var id = (await (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Original"))).ReadAsync()).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/accomplishments/{id}") { Content = JsonContent.Create(Json.Win($"Revision {i}")) };
            put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            return await user.Http.SendAsync(put);
        }));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(11);
        var history = await user.Http.GetJsonAsync($"/api/accomplishments/{id}/history");
        history.GetArrayLength().ShouldBe(2, "one logged event and exactly one revision");
        var current = await user.Http.GetJsonAsync($"/api/accomplishments/{id}");
        current.GetProperty("version").GetInt64().ShouldBe(2);
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        current.GetProperty("title").GetString().ShouldBe((await winner.ReadAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task racing_creates_with_one_idempotency_key_store_one_accomplishment()
    {
        var user = await app.CreateUserAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/api/accomplishments") { Content = JsonContent.Create(Json.Win("Shipped once")) };
            post.Headers.Add("Idempotency-Key", "race-1");
            return await user.Http.SendAsync(post);
        }));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(11);
        var ids = new HashSet<Guid>();
        foreach (var r in responses)
        {
            ids.Add((await r.ReadAsync()).GetProperty("id").GetGuid());
        }

        ids.Count.ShouldBe(1);
        (await user.Http.GetJsonAsync("/api/accomplishments")).GetArrayLength().ShouldBe(1);
    }
}
