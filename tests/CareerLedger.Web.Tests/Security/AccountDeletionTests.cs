using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Testing;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Reminders;
using CareerLedger.Web.Tests.Backup;
using CareerLedger.Web.Tests.Reminders;
using Hangfire;
using Hangfire.Storage;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CareerLedger.Web.Tests.Security;

/// <summary>
/// <c>DELETE /api/me</c> (and through it <c>AccountDeletion</c>, which the site's delete page calls too): after it, no table of the
/// app's schema holds a row of the deleted user (every Marten table with a tenant column, every app table with a user column, found
/// through information_schema, so a new table is counted without anyone adding it here), their tokens and cookie no longer work,
/// their Hangfire jobs are gone, and another user's rows are all still there. The app runs with its Hangfire server on.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountDeletionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ReminderHost _host = null!;
    private NpgsqlDataSource _sql = null!;

    private string Schema => _host.Services.GetRequiredService<LedgerDatabaseOptions>().Schema;

    public async Task InitializeAsync()
    {
        var db = await TestDatabases.CreateAsync(await SharedPostgres.GetAsync(), "deletion");
        _host = await ReminderHost.StartAsync(db, LedgerAppFactory.DefaultNow);
        _sql = NpgsqlDataSource.Create(db);
    }

    public async Task DisposeAsync()
    {
        await _sql.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task deleting_an_account_leaves_no_row_of_it_in_any_table_and_no_job_while_another_account_keeps_everything()
    {
        var a = await _host.CreateUserAsync("Europe/Berlin", "Deleted User");
        var b = await _host.CreateUserAsync("America/New_York", "Kept User");
        await LedgerScenario.PopulateAsync(a, _host.Services, _host.Clock); // every kind of stream and every event type
        await LedgerScenario.PopulateAsync(b, _host.Services, _host.Clock);
        var secondToken = await TokenAsync(a, "second machine");
        var revoked = await TokenAsync(a, "revoked");
        (await Authorized(revoked).DeleteAsync($"/api/tokens/{await TokenIdAsync(a, "revoked")}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var feed = (await (await a.Http.PostAsync("/api/reminders/calendar", null)).ReadAsync()).GetProperty("url").GetString()!;
        using var anonymous = _host.CreateClient();
        (await anonymous.GetAsync(feed)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A rebuild that failed on one of each user's events would have left a dead letter naming the user's tenant.
        await DeadLetterAsync(a.UserId);
        await DeadLetterAsync(b.UserId);

        var tables = await TablesAsync();
        var aBefore = await CountsAsync(tables, a.UserId);
        var bBefore = await CountsAsync(tables, b.UserId);
        output.WriteLine("rows of the user to delete, per table: " + string.Join(", ", aBefore.Select(c => $"{c.Key} {c.Value}")));
        tables.Select(t => t.Table).ShouldContain("mt_events");
        tables.Select(t => t.Table).ShouldContain("mt_streams");
        tables.Select(t => t.Table).ShouldContain("users");
        tables.Select(t => t.Table).ShouldContain("access_tokens");
        aBefore.Where(c => c.Value == 0 && !EmptyHere.ContainsKey(c.Key)).Select(c => c.Key)
            .ShouldBeEmpty("every table should hold rows of the user before the deletion, or the check proves nothing there");
        aBefore["access_tokens"].ShouldBe(3);
        var aRecurring = RecurringJobs(a.UserId);
        var bRecurring = RecurringJobs(b.UserId);
        aRecurring.ShouldNotBeEmpty();
        bRecurring.ShouldNotBeEmpty();
        var aDeadlineJobs = await OfferJobIdsAsync(a.UserId);
        aDeadlineJobs.ShouldNotBeEmpty("the scenario's Contoso offer has a deadline six days ahead");
        aDeadlineJobs.Select(JobState).ShouldAllBe(s => s == "Scheduled" || s == "Enqueued" || s == "Succeeded" || s == "Processing");

        // A wrong or missing password deletes nothing.
        var wrong = await DeleteMeAsync(a.Http, "not the password at all");
        wrong.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await wrong.Content.ReadAsStringAsync());
        wrong.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await wrong.ReadAsync()).GetProperty("title").GetString().ShouldBe("Wrong password.");
        var missing = await DeleteMeAsync(a.Http, null);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.ReadAsync()).GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();
        (await CountsAsync(tables, a.UserId)).ShouldBe(aBefore);

        var deleted = await DeleteMeAsync(a.Http, a.Password);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());

        var aAfter = await CountsAsync(tables, a.UserId);
        aAfter.Where(c => c.Value != 0).Select(c => $"{c.Key}: {c.Value}").ShouldBeEmpty("rows of the deleted user left behind");
        (await CountsAsync(tables, b.UserId)).ShouldBe(bBefore, "the other user's rows");
        (await TableCountsAsync()).Where(c => c.Key.StartsWith("mt_doc_", StringComparison.Ordinal)).ShouldAllBe(c => c.Value > 0, "the other user's documents are still in every table");

        // Tokens, the password, the calendar feed and the jobs: all gone.
        (await a.Http.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Authorized(secondToken).GetAsync("/api/accomplishments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/tokens", new { email = a.Email, password = a.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync(feed)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        RecurringJobs(a.UserId).ShouldBeEmpty();
        RecurringJobs(b.UserId).ShouldBe(bRecurring);
        aDeadlineJobs.Select(JobState).ShouldAllBe(s => s == "Deleted" || s == "Succeeded");
        (await b.Http.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await b.Http.GetJsonAsync("/api/accomplishments")).GetArrayLength().ShouldBeGreaterThan(50);

        // The e-mail is free again, for a new and empty account.
        var again = await anonymous.PostAsJsonAsync("/api/accounts", new { email = a.Email, password = a.Password, timeZone = "UTC" });
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.ReadAsync()).GetProperty("id").GetGuid().ShouldNotBe(a.UserId);

        // Deleting again with the old token: the token is gone, so nothing happens.
        (await DeleteMeAsync(a.Http, a.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task data_written_for_an_account_after_it_was_deleted_is_deleted_by_the_hourly_reconciliation()
    {
        var gone = await _host.CreateUserAsync();
        var kept = await _host.CreateUserAsync();
        (await kept.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Kept win", "2026-11-20"))).EnsureSuccessStatusCode();
        (await DeleteMeAsync(gone.Http, gone.Password)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // A request authenticated just before the deletion commits its write just after it.
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(gone.UserId.ToString()))
        {
            var id = Guid.NewGuid();
            session.Events.StartStream<Accomplishment>(id, new AccomplishmentLogged(id, new AccomplishmentDetails(
                "Late write", new DateOnly(2026, 11, 20), null, null, Scope.Team, Involvement.Led, [], [], null, [])));
            await session.SaveChangesAsync();
        }

        var tables = await TablesAsync();
        var keptBefore = await CountsAsync(tables, kept.UserId);
        (await CountsAsync(tables, gone.UserId))["mt_events"].ShouldBe(1);

        using (var scope = _host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJobs>().Reconcile(CancellationToken.None);
        }

        (await CountsAsync(tables, gone.UserId)).Where(c => c.Value != 0).Select(c => $"{c.Key}: {c.Value}").ShouldBeEmpty();
        (await CountsAsync(tables, kept.UserId)).ShouldBe(keptBefore);
    }

    /// <summary>Tables with a user column that the scenario leaves empty for every user, and why.</summary>
    private static readonly Dictionary<string, string> EmptyHere = new(StringComparer.Ordinal)
    {
        ["mt_event_projection_floors"] = "Marten's per-tenant projection start floors, written only by async projections started with SubscribeFromFirstRun or by an operator; the app's projections are inline",
    };

    /// <summary>Records a dead letter for one of <paramref name="user"/>'s events, as Marten's daemon does when a rebuild fails on it.</summary>
    private async Task DeadLetterAsync(Guid user)
    {
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        long sequence;
        await using (var cmd = _sql.CreateCommand($"select max(seq_id) from \"{Schema}\".mt_events where tenant_id = $1"))
        {
            cmd.Parameters.AddWithValue(user.ToString());
            sequence = (long)(await cmd.ExecuteScalarAsync())!;
        }

        await using var session = store.LightweightSession();
        session.Store(new DeadLetterEvent
        {
            Id = Guid.NewGuid(),
            ProjectionName = "stories",
            ShardName = "All",
            EventSequence = sequence,
            TenantId = user.ToString(),
            ExceptionType = "InvalidOperationException",
            ExceptionMessage = "Could not fold 'Cut checkout p99 latency in half'",
            Timestamp = _host.Clock.GetUtcNow(),
        });
        await session.SaveChangesAsync();
    }

    private static async Task<HttpResponseMessage> DeleteMeAsync(HttpClient http, string? password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password }) };
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task<string> TokenAsync(UserClient user, string name)
    {
        using var anonymous = _host.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/tokens", new { email = user.Email, password = user.Password, name });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadAsync()).GetProperty("token").GetString()!;
    }

    private static async Task<Guid> TokenIdAsync(UserClient user, string name) =>
        (await user.Http.GetJsonAsync("/api/tokens")).EnumerateArray().Single(t => t.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();

    private HttpClient Authorized(string token)
    {
        var http = _host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>
    /// Tables of the app's schema that name no user in any row, and why; every other table must have a user column
    /// (<see cref="TablesAsync"/>), so a new table holding users' data cannot be missed by this test.
    /// </summary>
    private static readonly Dictionary<string, string> TablesWithoutUsers = new(StringComparer.Ordinal)
    {
        ["mt_event_progression"] = "Marten's projection progress: one row per projection shard, a sequence number",
        ["projection_rubric"] = "the rubric version each score projection was built with (RubricRescoring)",
        ["mt_doc_deadletterevent"] = "counted by the tenant in its JSON (DeadLetters), not by a column",
        ["mt_high_water_skips"] = "Marten's record of skipped event sequence numbers",
        ["wolverine_nodes"] = "Wolverine's node bookkeeping: node ids and addresses",
        ["wolverine_node_records"] = "Wolverine's node bookkeeping: node events",
        ["wolverine_node_assignments"] = "Wolverine's node bookkeeping: which node runs which agent",
        ["wolverine_agent_restrictions"] = "Wolverine's node bookkeeping: agent pinning",
        ["wolverine_control_queue"] = "Wolverine's messages between nodes",
    };

    /// <summary>
    /// Tables that could hold a user's commands (Wolverine's durable inbox, outbox and dead letters, as tables and as a Marten
    /// document) but that the app never writes: every command is invoked in-process and answered in the request (MediatorOnly),
    /// so nothing is persisted there. The test insists they are empty, for everyone.
    /// </summary>
    private static readonly string[] NeverWritten =
        ["wolverine_incoming_envelopes", "wolverine_outgoing_envelopes", "wolverine_dead_letters", "wolverine_dead_letter_history", "mt_doc_envelope"];

    /// <summary>The projection daemon's dead letters: a store-wide document table naming the tenant inside each row's JSON.</summary>
    private const string DeadLetters = "mt_doc_deadletterevent";

    /// <summary>
    /// Every base table of the app's schema that names a user in its rows, with the SQL condition selecting one user's rows
    /// (<c>$1</c>: the user id as text): a <c>tenant_id</c> column (Marten's tables), a <c>user_id</c> column, <c>users.id</c>,
    /// and the dead letters' JSON. Fails on a table that is neither that nor in <see cref="TablesWithoutUsers"/>.
    /// </summary>
    private async Task<IReadOnlyList<(string Table, string Where)>> TablesAsync()
    {
        var tables = new List<(string Table, string Where)> { ("users", "id::text = $1"), (DeadLetters, "data ->> 'tenantId' = $1") };
        var all = new List<string>();
        await using (var cmd = _sql.CreateCommand("""
            select t.table_name,
                   (select string_agg(c.column_name, ',' order by c.column_name) from information_schema.columns c
                     where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name in ('tenant_id', 'user_id'))
              from information_schema.tables t
             where t.table_schema = $1 and t.table_type = 'BASE TABLE'
             order by 1
            """))
        {
            cmd.Parameters.AddWithValue(Schema);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                all.Add(r.GetString(0));
                if (!r.IsDBNull(1))
                {
                    tables.AddRange(r.GetString(1).Split(',').Select(column => (r.GetString(0), $"\"{column}\"::text = $1")));
                }
            }
        }

        foreach (var table in NeverWritten.Where(all.Contains))
        {
            await using var count = _sql.CreateCommand($"select count(*) from \"{Schema}\".\"{table}\"");
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0, $"{table} holds rows: they may be users' commands, which a deletion must cover");
        }

        all.Where(t => !tables.Any(u => u.Table == t) && !TablesWithoutUsers.ContainsKey(t) && !NeverWritten.Contains(t))
            .ShouldBeEmpty("tables of the schema with no user column: say in TablesWithoutUsers why they hold no user's data, or count them");
        all.ShouldContain(DeadLetters);
        return tables;
    }

    /// <summary>The rows of <paramref name="user"/> in each table.</summary>
    private async Task<Dictionary<string, long>> CountsAsync(IReadOnlyList<(string Table, string Where)> tables, Guid user)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (table, where) in tables)
        {
            await using var cmd = _sql.CreateCommand($"select count(*) from \"{Schema}\".\"{table}\" where {where}");
            cmd.Parameters.AddWithValue(user.ToString());
            counts[table] = counts.GetValueOrDefault(table) + (long)(await cmd.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>Every row of every table with a user column, all users.</summary>
    private async Task<Dictionary<string, long>> TableCountsAsync()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (table, _) in await TablesAsync())
        {
            await using var cmd = _sql.CreateCommand($"select count(*) from \"{Schema}\".\"{table}\"");
            counts[table] = (long)(await cmd.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private List<string> RecurringJobs(Guid user)
    {
        using var connection = _host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Select(j => j.Id).Where(id => id.StartsWith($"reminders:{user:N}:", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<IReadOnlyList<string>> OfferJobIdsAsync(Guid user)
    {
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession(user.ToString());
        return (await session.Query<OfferReminderJobs>().ToListAsync()).SelectMany(j => j.JobIds).ToList();
    }

    private string? JobState(string jobId)
    {
        using var connection = _host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }
}
