using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerLedger.Testing;
using CareerLedger.Web.Infrastructure;
using Npgsql;

namespace CareerLedger.Web.Tests;

/// <summary>
/// The <c>upgrade</c> command on a database the hand-written store (commit c31a71e) wrote: Fixtures/Legacy holds its pg_dump and
/// what that app answered for the same user (make-fixture.sh regenerates both). The app starts on the loaded dump (its schema
/// migration must accept the old tables), the fixture runs the upgrade once, and the tests compare Marten's rows and the API's
/// documents with the old ones.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LegacyUpgradeTests(LegacyUpgradeTests.UpgradedApp app) : IClassFixture<LegacyUpgradeTests.UpgradedApp>
{
    [Fact]
    public async Task the_upgrade_keeps_every_events_id_stream_version_order_time_and_metadata()
    {
        var (exitCode, output, errors) = await app.FirstRun;
        exitCode.ShouldBe(0, errors);
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        var (events, streams, users) = await CountOldAsync(db);
        output.ShouldStartWith($"upgraded {users} users, {events} events in {streams} streams (0 already present) in ");
        output.ShouldContain("left in place");

        var tenant = app.Capture.UserId.ToString();
        var old = await RowsAsync(db, """
            select id, stream_id, version, type, "timestamp", metadata->>'correlationId', metadata->>'userId', data::text
              from ledger.events where tenant_id = $1 order by seq_id
            """, tenant);
        var upgraded = await RowsAsync(db, """
            select id, stream_id, version, type, "timestamp", correlation_id, user_name, data::text
              from ledger.mt_events where tenant_id = $1 order by seq_id
            """, tenant);
        old.Count.ShouldBe(92);
        upgraded.Select(r => Line(r[..7])).ShouldBe(old.Select(r => Line(r[..7])));
        // Marten writes its own property casing; read back with the app's JSON, every event holds the same values.
        for (var i = 0; i < old.Count; i++)
        {
            Normalise((string)upgraded[i][3], (string)upgraded[i][7]).ShouldBe(Normalise((string)old[i][3], (string)old[i][7]), $"event {old[i][0]}");
        }

        var oldStreams = await RowsAsync(db, "select id, version from ledger.streams where tenant_id = $1 order by id", tenant);
        var newStreams = await RowsAsync(db, "select id, version from ledger.mt_streams where tenant_id = $1 order by id", tenant);
        newStreams.Select(Line).ShouldBe(oldStreams.Select(Line));
    }

    [Theory]
    [InlineData("/api/brag?from=2025-11-01&to=2026-11-30", "brag.json")]
    [InlineData("/api/brag?from=2025-11-01&to=2026-11-30&asOf={asOf}", "brag-as-of.json")]
    [InlineData("/api/offers/compare?include=all", "offers-compare.json")]
    [InlineData("/api/offers/compare?include=all&asOf={offersAsOf}", "offers-compare-as-of.json")]
    [InlineData("/api/stories/ranking?top=8", "stories-ranking.json")]
    [InlineData("/api/stories?includeRetired=true", "stories.json")]
    [InlineData("/api/practice/sessions", "practice-sessions.json")]
    public async Task after_the_upgrade_the_api_answers_what_the_old_app_answered(string url, string file)
    {
        (await app.FirstRun).ExitCode.ShouldBe(0);
        using var http = app.OldUserClient();
        var path = url.Replace("{asOf}", app.Capture.AsOf, StringComparison.Ordinal).Replace("{offersAsOf}", app.Capture.OffersAsOf, StringComparison.Ordinal);
        var actual = JsonNode.Parse(await http.GetStringAsync(path))!;
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(UpgradedApp.Folder, file)))!;

        // The only legitimate difference: documents now carry their stream version themselves (the aggregates' Version, added
        // with Marten), so a story or session inside a view repeats the view's version. Checked, then removed.
        foreach (var view in actual as JsonArray ?? [])
        {
            foreach (var inner in new[] { "story", "session" })
            {
                if (view![inner] is JsonObject doc)
                {
                    doc["version"]!.GetValue<long>().ShouldBe(view["version"]!.GetValue<long>());
                    doc.Remove("version");
                }
            }
        }

        // Added since the old app: a comparison lists the offers it had to leave out (none here). Checked, then removed.
        if (actual is JsonObject comparison && comparison["excluded"] is JsonArray excluded)
        {
            excluded.Count.ShouldBe(0);
            comparison.Remove("excluded");
        }

        // The ranking is computed when read, with the current formula (version 2 since the old app, docs/scoring.md, "Formula
        // versions"): scores, order and the top-story ranks legitimately differ from what the old app computed. Checked: the
        // version and the same number of top stories; then the formula-dependent parts and the growth gaps (added since) are
        // removed, and the rest (today, considered, evidence counts, checklist items, uncovered) must match.
        if (file == "stories-ranking.json")
        {
            var ranking = actual.AsObject();
            ranking["formulaVersion"]!.GetValue<int>().ShouldBe(2);
            ranking["growthGaps"].ShouldBeOfType<JsonArray>();
            ranking.Remove("formulaVersion");
            ranking.Remove("growthGaps");
            ranking["top"]!.AsArray().Count.ShouldBe(expected["top"]!.AsArray().Count);
            foreach (var doc in new[] { ranking, expected.AsObject() })
            {
                doc.Remove("top");
                doc.Remove("uncoveredInTop");
                foreach (var row in doc["coverage"]!.AsArray().Concat(doc["checklist"]!.AsArray()))
                {
                    row!.AsObject().Remove("topStoryRanks");
                }
            }
        }

        // Added with rubric versions: every score the old app stored reads as rubric 1, and beside it sits the running rubric's
        // score of the same text (docs/projections.md, "Re-scoring"). Checked, then removed.
        var rescores = StripRubricVersions(actual);
        if (file is "stories.json" or "practice-sessions.json")
        {
            rescores.ShouldBeGreaterThan(0);
        }

        // Added since the old app: a brag document's performance reviews (the old app had none, so none here). Checked, then removed.
        if (actual is JsonObject brag && brag["reviews"] is JsonArray reviews && brag["summary"] is JsonObject summary)
        {
            reviews.Count.ShouldBe(0);
            summary["reviewCount"]!.GetValue<int>().ShouldBe(0);
            brag.Remove("reviews");
            summary.Remove("reviewCount");
        }

        JsonNode.DeepEquals(actual, expected).ShouldBeTrue($"{path} differs from {file}:\n{actual.ToJsonString()}");
    }

    // Removes (after checking) what rubric versions added to stories and sessions; returns how many re-scores were found.
    private static int StripRubricVersions(JsonNode? node)
    {
        var rescores = 0;
        switch (node)
        {
            case JsonObject o:
                foreach (var key in new[] { "rescored", "rescoredSummary" })
                {
                    if (o.ContainsKey(key))
                    {
                        if (o[key] is JsonObject rescore)
                        {
                            rescore["rubricVersion"]!.GetValue<int>().ShouldBe(CareerLedger.Domain.Coaching.AnswerCoach.RubricVersion);
                            rescores++;
                        }

                        o.Remove(key);
                    }
                }

                if (o.ContainsKey("rubricVersion"))
                {
                    o["rubricVersion"]!.GetValue<int>().ShouldBe(1);
                    o.Remove("rubricVersion");
                }

                foreach (var (_, child) in o.ToList())
                {
                    rescores += StripRubricVersions(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    rescores += StripRubricVersions(child);
                }

                break;
        }

        return rescores;
    }

    [Fact]
    public async Task the_old_token_and_password_still_sign_in()
    {
        (await app.FirstRun).ExitCode.ShouldBe(0);
        using var http = app.OldUserClient();
        var me = await http.GetJsonAsync("/api/me");
        me.GetProperty("id").GetGuid().ShouldBe(app.Capture.UserId);

        using var anonymous = app.CreateClient();
        var token = await anonymous.PostAsJsonAsync("/api/tokens", new { email = app.Capture.Email, password = app.Capture.Password, name = "after the upgrade" });
        token.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task running_it_again_appends_nothing()
    {
        (await app.FirstRun).ExitCode.ShouldBe(0);
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        var before = await RowsAsync(db, "select count(*), max(seq_id) from ledger.mt_events");
        var (exitCode, output, _) = await app.UpgradeAsync();
        exitCode.ShouldBe(0);
        output.ShouldStartWith($"upgraded 0 users, 0 events in 0 streams ({(await CountOldAsync(db)).Streams} already present) in ");
        Line((await RowsAsync(db, "select count(*), max(seq_id) from ledger.mt_events"))[0]).ShouldBe(Line(before[0]));
    }

    internal static async Task<(long Events, long Streams, long Users)> CountOldAsync(NpgsqlDataSource db)
    {
        var row = (await RowsAsync(db, "select count(*), count(distinct stream_id), count(distinct tenant_id) from ledger.events"))[0];
        return ((long)row[0], (long)row[1], (long)row[2]);
    }

    internal static async Task<List<object[]>> RowsAsync(NpgsqlDataSource db, string sql, params object[] args)
    {
        await using var cmd = db.CreateCommand(sql);
        foreach (var arg in args)
        {
            cmd.Parameters.AddWithValue(arg);
        }

        var rows = new List<object[]>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var row = new object[r.FieldCount];
            r.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static string Line(object[] row) => string.Join(" | ", row.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));

    private static string Normalise(string type, string json)
    {
        var clr = LedgerStore.EventTypes.Single(e => e.Name == type).Type;
        var options = LedgerStore.CreateJson();
        return JsonSerializer.Serialize(JsonSerializer.Deserialize(json, clr, options), clr, options);
    }

    /// <summary>What make-fixture.sh recorded about the old app's session (Fixtures/Legacy/capture.json).</summary>
    public sealed record Capture(Guid UserId, string Email, string Password, string Token, string AsOf, string OffersAsOf, DateTimeOffset CapturedAt);

    /// <summary>The app started on the old dump (plus <see cref="ExtraSql"/>), its clock at the instant the old answers were captured.</summary>
    public class LegacyApp : LedgerAppFactory
    {
        /// <summary>The fixture folder in the test output.</summary>
        public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Legacy");

        public LegacyApp()
        {
            Capture = JsonSerializer.Deserialize<Capture>(File.ReadAllText(Path.Combine(Folder, "capture.json")), JsonSerializerOptions.Web)!;
            Clock.Set(Capture.CapturedAt);
        }

        public Capture Capture { get; }

        /// <summary>SQL run after the dump is loaded, before the app starts.</summary>
        protected virtual string ExtraSql => "";

        /// <summary>Runs the upgrade command as <c>dotnet run -- upgrade</c> would, on this app's services.</summary>
        public async Task<(int ExitCode, string Output, string Errors)> UpgradeAsync()
        {
            using var output = new StringWriter();
            using var errors = new StringWriter();
            var exitCode = await AdminCommands.UpgradeAsync(Services, [], output, errors, CancellationToken.None);
            return (exitCode, output.ToString().Trim(), errors.ToString().Trim());
        }

        public HttpClient OldUserClient()
        {
            var http = CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Capture.Token);
            return http;
        }

        /// <summary>
        /// Loads legacy-ledger-c31a71e.sql (plain pg_dump output) on its own connection: the psql-only lines (<c>\restrict</c>) are
        /// dropped, and the dump's <c>search_path</c> change must not reach a pooled connection.
        /// </summary>
        protected override async Task PrepareDatabaseAsync(string connectionString)
        {
            var dump = string.Join('\n', (await File.ReadAllLinesAsync(Path.Combine(Folder, "legacy-ledger-c31a71e.sql"))).Where(l => !l.StartsWith('\\')));
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await conn.OpenAsync();
            await using (var load = new NpgsqlCommand(dump, conn))
            {
                await load.ExecuteNonQueryAsync();
            }

            if (ExtraSql.Length > 0)
            {
                await using var extra = new NpgsqlCommand(ExtraSql, conn);
                await extra.ExecuteNonQueryAsync();
            }
        }
    }

    /// <summary>The old database, upgraded once (<see cref="FirstRun"/>) before the tests look at it.</summary>
    public sealed class UpgradedApp : LegacyApp
    {
        private readonly Lazy<Task<(int, string, string)>> _firstRun;

        public UpgradedApp() => _firstRun = new(UpgradeAsync);

        public Task<(int ExitCode, string Output, string Errors)> FirstRun => _firstRun.Value;
    }
}

/// <summary>Upgrades that must not write anything: the old store holds an event the catalogue does not know, or one that does not fold.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LegacyUpgradeFailureTests(LegacyUpgradeFailureTests.BrokenApp app) : IClassFixture<LegacyUpgradeFailureTests.BrokenApp>
{
    private static readonly Guid BadStream = new("0badbad0-0000-4000-8000-000000000001");

    [Fact]
    public async Task a_bad_event_stops_the_upgrade_with_one_line_and_nothing_written_until_it_is_fixed()
    {
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        var tenant = app.Capture.UserId.ToString();

        // An event type the catalogue does not know: named with its stream and sequence, before anything is appended.
        var (exitCode, output, errors) = await app.UpgradeAsync();
        exitCode.ShouldBe(1);
        output.ShouldBeEmpty();
        errors.ShouldBe($"upgrade failed: user {tenant}: event type 'accomplishment_archived' (stream {BadStream}, sequence 95) is not in the event catalogue; nothing was written for this user.");
        (await LegacyUpgradeTests.RowsAsync(db, "select count(*) from ledger.mt_events"))[0][0].ShouldBe(0L);

        // A known type that cannot start a stream: it fails inside the append, after the user's other 92 events were sent in the
        // same transaction, which is rolled back.
        await LegacyUpgradeTests.RowsAsync(db, "update ledger.events set type = 'accomplishment_revised' where seq_id = 95");
        (exitCode, _, errors) = await app.UpgradeAsync();
        exitCode.ShouldBe(1);
        errors.ShouldStartWith($"upgrade failed: user {tenant}: Marten refused the append (");
        errors.ShouldEndWith("; nothing was written for this user.");
        errors.ShouldNotContain("\n");
        foreach (var table in new[] { "mt_events", "mt_doc_accomplishment", "mt_doc_story" })
        {
            (await LegacyUpgradeTests.RowsAsync(db, $"select count(*) from ledger.{table} where tenant_id = $1", tenant))[0][0].ShouldBe(0L, table);
        }

        // Marten may leave a row for its tombstone stream (a random id per process, holding the 'tombstone' events that fill the
        // sequence numbers of a failed save): bookkeeping, not the user's. No stream with a real event may remain.
        (await LegacyUpgradeTests.RowsAsync(
            db,
            "select count(*) from ledger.mt_streams s where s.tenant_id = $1 and exists (select 1 from ledger.mt_events e where e.stream_id = s.id and e.tenant_id = s.tenant_id and e.type <> 'tombstone')",
            tenant))[0][0].ShouldBe(0L, "mt_streams");

        // Without the bad event, the same database upgrades completely.
        await LegacyUpgradeTests.RowsAsync(db, "delete from ledger.events where seq_id = 95; delete from ledger.streams where id = '0badbad0-0000-4000-8000-000000000001'");
        (exitCode, output, errors) = await app.UpgradeAsync();
        exitCode.ShouldBe(0, errors);
        var (events, streams, users) = await LegacyUpgradeTests.CountOldAsync(db);
        output.ShouldStartWith($"upgraded {users} users, {events} events in {streams} streams (0 already present) in ");
    }

    /// <summary>The old dump plus one event of a type no version of the app ever had, in a new stream of the first user.</summary>
    public sealed class BrokenApp : LegacyUpgradeTests.LegacyApp
    {
        protected override string ExtraSql => $$"""
            insert into ledger.streams(tenant_id, id, type, version, created, updated)
                values ('{{Capture.UserId}}', '{{BadStream}}', 'accomplishment', 1, '2026-12-06 22:36:00+00', '2026-12-06 22:36:00+00');
            insert into ledger.events(seq_id, id, tenant_id, stream_id, version, type, data, metadata, "timestamp")
                values (95, '0badbad0-0000-4000-8000-000000000002', '{{Capture.UserId}}', '{{BadStream}}', 1, 'accomplishment_archived',
                        '{"accomplishmentId": "{{BadStream}}"}', '{}', '2026-12-06 22:36:00+00');
            """;
    }
}

/// <summary>On a database that never had the old store, the command says there is nothing to upgrade and succeeds.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LegacyUpgradeNothingToDoTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    [Fact]
    public async Task without_the_old_tables_there_is_nothing_to_upgrade()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        (await AdminCommands.UpgradeAsync(app.Services, [], output, errors, CancellationToken.None)).ShouldBe(0);
        output.ToString().Trim().ShouldBe("upgrade: schema ledger has no tables of the old event store (events, streams); nothing to upgrade.");
        errors.ToString().ShouldBeEmpty();
    }
}
