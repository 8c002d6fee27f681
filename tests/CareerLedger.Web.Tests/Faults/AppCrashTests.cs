using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CareerLedger.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace CareerLedger.Web.Tests.Faults;

/// <summary>
/// The app as a real OS process, killed hard (SIGKILL) in the middle of appending under load, twice, and started again each time;
/// then its projected documents are rebuilt from the events with the app's own <c>rebuild all</c> command and compared.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AppCrashTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Clients = 6;
    private const int Crashes = 2;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task killed_mid_append_the_app_restarts_with_every_acknowledged_write_once_resends_make_one_each_and_documents_equal_a_rebuild()
    {
        var total = Stopwatch.StartNew();
        var db = await postgres.CreateDatabaseAsync("app_crash");
        var app = await LedgerProcess.StartAsync(db);
        output.WriteLine($"app pid {app.Id} ready in {app.StartToReady.TotalMilliseconds:0} ms");
        try
        {
            var accounts = new List<(string Token, Guid Id)>();
            for (var i = 0; i < 2; i++)
            {
                accounts.Add(await app.CreateUserAsync());
            }

            await WriteHistoryAsync(app, accounts);

            var allWrites = new List<Attempt>();
            var inFlightAtKill = 0;
            var resentTotal = 0;
            for (var crash = 1; crash <= Crashes; crash++)
            {
                var load = new LoadClients();
                var users = accounts.Select(a => new LoadUser(a.Id, app.CreateClient(a.Token))).ToList();
                using var stop = new CancellationTokenSource();
                var running = load.RunAsync(users, Clients, $"crash{crash}", stop.Token);
                await Task.Delay(LoadBeforeKill);
                // Stop the clients' loops first (each finishes the request it has in flight), then kill: what is in flight is cut off.
                await stop.CancelAsync();
                var killedAt = load.Now;
                await app.KillAsync();
                await running;
                await app.DisposeAsync();

                var attempts = load.Attempts;
                var writes = attempts.Where(a => a.Kind == "POST").ToList();
                // Cut off in flight: the connection broke under the request (reset, response ended); the others were refused afterwards.
                var cutOff = writes.Count(a => a.Status == 0 && a.Error?.Contains("refused", StringComparison.OrdinalIgnoreCase) != true);

                inFlightAtKill += cutOff;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"crash {crash}: killed at {killedAt.TotalSeconds:0.00} s; requests {attempts.Count}, writes {writes.Count}: " +
                    $"{writes.Count(a => a.Succeeded)} acknowledged, {cutOff} cut off in flight, {writes.Count(a => a.Status == 0) - cutOff} refused after the kill; " +
                    $"other statuses: {string.Join(", ", attempts.Where(a => a.Status != 0 && !a.Succeeded).Select(a => a.Status).Distinct())}"));
                attempts.Where(a => a.Status != 0).ShouldAllBe(a => a.Succeeded, "while it ran, every answer was a success");

                app = await LedgerProcess.StartAsync(db);
                output.WriteLine($"restarted (pid {app.Id}) in {app.StartToReady.TotalMilliseconds:0} ms");
                var restarted = accounts.Select(a => new LoadUser(a.Id, app.CreateClient(a.Token))).ToList();
                resentTotal += await CheckAndResendAsync(load, writes, restarted);
                allWrites.AddRange(writes);
            }

            // Everything ever attempted, across both crashes: exactly one accomplishment per key.
            var acknowledged = allWrites.Count(a => a.Succeeded);
            foreach (var account in accounts)
            {
                using var http = app.CreateClient(account.Token);
                var stored = await LoadClients.StoredTitlesAsync(http);
                var keys = allWrites.Where(a => a.User == account.Id).Select(a => a.Key!).Distinct().ToList();
                keys.ShouldAllBe(k => stored.GetValueOrDefault(LoadClients.TitleOf(k)) == 1);
                stored.Values.ShouldAllBe(n => n == 1);
            }

            // The projected documents equal a rebuild from the events: inline projections commit with their events.
            var before = await DocumentsAsync(db);
            await app.DisposeAsync();
            var rebuild = Stopwatch.StartNew();
            var (exitCode, rebuildOutput) = await LedgerProcess.RunCommandAsync(db, "rebuild", "all");
            output.WriteLine($"rebuild all: exit {exitCode} in {rebuild.Elapsed.TotalMilliseconds:0} ms: {rebuildOutput.Trim().Replace('\n', ';')}");
            exitCode.ShouldBe(0, rebuildOutput);
            var after = await DocumentsAsync(db);
            after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
            foreach (var (table, rows) in before)
            {
                after[table].ShouldBe(rows, $"{table} after the rebuild");
            }
            output.WriteLine($"faults survived {Crashes} (SIGKILL); acknowledged writes checked {acknowledged}; cut off in flight {inFlightAtKill}; resent {resentTotal}; " +
                $"documents compared {before.Values.Sum(r => r.Count)} in {before.Count} tables; test took {total.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>Some history besides the load, so the rebuild folds more than one event per stream: revisions, retractions, feedback.</summary>
    private static async Task WriteHistoryAsync(LedgerProcess app, IReadOnlyList<(string Token, Guid Id)> accounts)
    {
        foreach (var (token, _) in accounts)
        {
            using var http = app.CreateClient(token);
            for (var i = 0; i < 3; i++)
            {
                using var created = await http.PostAsJsonAsync("/api/accomplishments", Json.Win($"History {i}", impact: [new { name = "p99 latency", before = 420, after = 210, unit = "ms" }]));
                created.StatusCode.ShouldBe(HttpStatusCode.Created);
                var id = (await created.ReadAsync()).GetProperty("id").GetGuid();
                if (i == 1)
                {
                    using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/accomplishments/{id}") { Content = JsonContent.Create(Json.Win("History 1, revised", scope: "org")) };
                    put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                    (await http.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.OK);
                }
                else if (i == 2)
                {
                    (await http.DeleteAsync($"/api/accomplishments/{id}?reason=duplicate")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                }
            }

            using var feedback = await http.PostAsJsonAsync("/api/feedback", new { text = "Clear write-up of the incident.", receivedOn = "2026-10-02", from = "manager", sentiment = "positive" });
            feedback.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    /// <summary>
    /// After a restart: every acknowledged write of the run is stored exactly once; every unacknowledged one is resent with its key
    /// (201 when the kill came before its commit, 200 when it had committed), after which each key has exactly one accomplishment.
    /// </summary>
    /// <returns>How many writes were resent.</returns>
    private async Task<int> CheckAndResendAsync(LoadClients load, IReadOnlyList<Attempt> writes, IReadOnlyList<LoadUser> users)
    {
        var resent = 0;
        foreach (var user in users)
        {
            var mine = writes.Where(a => a.User == user.Id).ToList();
            var stored = await LoadClients.StoredTitlesAsync(user.Http);
            mine.Where(a => a.Succeeded).ShouldAllBe(a => stored.GetValueOrDefault(LoadClients.TitleOf(a.Key!)) == 1);
            var unacknowledged = mine.Where(a => !a.Succeeded).ToList();
            var committedAnyway = unacknowledged.Count(a => stored.ContainsKey(LoadClients.TitleOf(a.Key!)));
            foreach (var lost in unacknowledged)
            {
                var again = await load.SendAsync(-1, user, "POST", lost.Key, () => LoadClients.PostWin(lost.Key!));
                again.Status.ShouldBe(stored.ContainsKey(LoadClients.TitleOf(lost.Key!)) ? 200 : 201, $"resend of {lost.Key}");
                resent++;
            }

            var after = await LoadClients.StoredTitlesAsync(user.Http);
            foreach (var key in mine.Select(a => a.Key!).Distinct())
            {
                after.GetValueOrDefault(LoadClients.TitleOf(key)).ShouldBe(1, key);
            }

            output.WriteLine($"  user {user.Id}: {mine.Count(a => a.Succeeded)} acknowledged present once; {unacknowledged.Count} unacknowledged, of which {committedAnyway} had committed; all resent");
        }

        return resent;
    }

    /// <summary>Every projected document (tenant, id, JSON, version) per table; <c>mt_doc_offerreminderjobs</c> is not a projection.</summary>
    private static async Task<Dictionary<string, List<string>>> DocumentsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'ledger' and table_name like 'mt\\_doc\\_%' and table_name <> 'mt_doc_offerreminderjobs' order by 1",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var documents = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            // Every column but the time of the write (a rebuild writes the documents anew).
            await using var select = new NpgsqlCommand($"select (to_jsonb(d) - 'mt_last_modified')::text from ledger.{table} d order by 1", connection);
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            documents[table] = rows;
        }

        return documents;
    }
}
