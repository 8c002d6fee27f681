using System.Net;
using System.Net.Http.Json;
using System.Text;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests.Faults;

/// <summary>
/// The app in-process, talking to a private cluster through a <see cref="FaultRelay"/> that cuts one connection at the moment that
/// matters: while COMMIT is on its way, after PostgreSQL committed but before its answer arrives, in the middle of the append, in a
/// read. What the client is told, what is stored, and what a resend does.
/// </summary>
public sealed class BrokenConnectionTests(BrokenConnectionTests.RelayedApp app) : IClassFixture<BrokenConnectionTests.RelayedApp>
{
    [Fact]
    public async Task a_create_whose_connection_breaks_after_postgres_committed_is_a_503_with_unknown_outcome_and_the_resend_returns_the_stored_item()
    {
        var user = await app.App.CreateUserAsync();
        var cut = app.Relay.Arm(FaultRelay.CommitMessage, RelayCut.DropReply);

        using var lost = await user.Http.SendAsync(LoadClients.PostWin("after-commit"));

        cut.IsCompleted.ShouldBeTrue("the relay cut the connection after the server answered COMMIT");
        await ShouldBeUnavailableAsync(lost, "unknown", "may or may not have been saved");
        var stored = await LoadClients.StoredTitlesAsync(user.Http);
        stored.ShouldBe(new Dictionary<string, int> { [LoadClients.TitleOf("after-commit")] = 1 }, "the change was committed although the answer was a 503");

        using var resend = await user.Http.SendAsync(LoadClients.PostWin("after-commit"));
        resend.StatusCode.ShouldBe(HttpStatusCode.OK, "a repeat of a stored create");
        (await LoadClients.StoredTitlesAsync(user.Http)).Values.Sum().ShouldBe(1, "the resend did not double it");
    }

    [Fact]
    public async Task a_create_whose_commit_never_reaches_postgres_is_a_503_with_unknown_outcome_and_the_resend_creates_it_once()
    {
        var user = await app.App.CreateUserAsync();
        var cut = app.Relay.Arm(FaultRelay.CommitMessage, RelayCut.DropRequest);

        using var lost = await user.Http.SendAsync(LoadClients.PostWin("commit-dropped"));

        cut.IsCompleted.ShouldBeTrue();
        await ShouldBeUnavailableAsync(lost, "unknown", "may or may not have been saved");
        (await LoadClients.StoredTitlesAsync(user.Http)).ShouldBeEmpty("the transaction was rolled back when its connection went");

        using var resend = await user.Http.SendAsync(LoadClients.PostWin("commit-dropped"));
        resend.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var again = await user.Http.SendAsync(LoadClients.PostWin("commit-dropped"));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LoadClients.StoredTitlesAsync(user.Http)).Values.Sum().ShouldBe(1);
    }

    [Fact]
    public async Task a_create_whose_connection_breaks_during_the_append_before_commit_is_a_503_that_says_nothing_was_saved()
    {
        var user = await app.App.CreateUserAsync();
        var cut = app.Relay.Arm(Encoding.ASCII.GetBytes("mt_quick_append_events"), RelayCut.DropReply);

        using var lost = await user.Http.SendAsync(LoadClients.PostWin("mid-append"));

        cut.IsCompleted.ShouldBeTrue("the append ran on the server and its answer was cut");
        await ShouldBeUnavailableAsync(lost, "not_saved", "nothing was saved");
        (await LoadClients.StoredTitlesAsync(user.Http)).ShouldBeEmpty();

        using var resend = await user.Http.SendAsync(LoadClients.PostWin("mid-append"));
        resend.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await LoadClients.StoredTitlesAsync(user.Http)).Values.Sum().ShouldBe(1);
    }

    [Fact]
    public async Task a_revision_whose_connection_breaks_after_commit_is_a_503_with_unknown_outcome_and_its_resend_is_a_409_showing_it_was_saved()
    {
        var user = await app.App.CreateUserAsync();
        using var created = await user.Http.SendAsync(LoadClients.PostWin("to-revise"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.ReadAsync()).GetProperty("id").GetGuid();
        HttpRequestMessage Revise()
        {
            var put = new HttpRequestMessage(HttpMethod.Put, $"/api/accomplishments/{id}") { Content = JsonContent.Create(Json.Win("Revised once")) };
            put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            return put;
        }

        var cut = app.Relay.Arm(FaultRelay.CommitMessage, RelayCut.DropReply);
        using var lost = await user.Http.SendAsync(Revise());

        cut.IsCompleted.ShouldBeTrue();
        await ShouldBeUnavailableAsync(lost, "unknown", "If-Match");
        using var resend = await user.Http.SendAsync(Revise());
        resend.StatusCode.ShouldBe(HttpStatusCode.Conflict, "the first revision was saved, so version 1 is stale");
        var current = await user.Http.GetJsonAsync($"/api/accomplishments/{id}");
        current.GetProperty("version").GetInt64().ShouldBe(2);
        current.GetProperty("title").GetString().ShouldBe("Revised once");
    }

    [Fact]
    public async Task a_read_whose_connection_breaks_once_is_retried_on_a_new_connection_and_answered()
    {
        var user = await app.App.CreateUserAsync();
        using var created = await user.Http.SendAsync(LoadClients.PostWin("read-me"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var cut = app.Relay.Arm(Encoding.ASCII.GetBytes("mt_doc_accomplishment"), RelayCut.DropRequest);

        var stored = await LoadClients.StoredTitlesAsync(user.Http);

        cut.IsCompleted.ShouldBeTrue();
        stored.Keys.ShouldBe([LoadClients.TitleOf("read-me")]);
    }

    private static async Task ShouldBeUnavailableAsync(HttpResponseMessage response, string outcome, string detailPart)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(2));
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(503);
        problem.GetProperty("title").GetString().ShouldBe("The database is unavailable.");
        problem.GetProperty("outcome").GetString().ShouldBe(outcome);
        (problem.GetProperty("detail").GetString() ?? "").ShouldContain(detailPart);
    }

    /// <summary>A private cluster, a relay in front of it, and the app talking to PostgreSQL only through the relay.</summary>
    public sealed class RelayedApp : IAsyncLifetime
    {
        private RestartablePostgres? _cluster;
        private FaultRelay? _relay;
        private OutageAppFactory? _app;

        /// <summary>The relay between the app and PostgreSQL.</summary>
        public FaultRelay Relay => _relay!;

        /// <summary>The app.</summary>
        public OutageAppFactory App => _app!;

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            _cluster = await RestartablePostgres.StartAsync();
            _relay = FaultRelay.Start(_cluster.AdminConnectionString);
            _app = new OutageAppFactory(_cluster, route: _relay.Through);
            await _app.StartAsync();
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }

            if (_relay is not null)
            {
                await _relay.DisposeAsync();
            }

            if (_cluster is not null)
            {
                await _cluster.DisposeAsync();
            }
        }
    }
}
