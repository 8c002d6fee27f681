using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerLedger.Testing;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Tests.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CareerLedger.Web.Tests.Backup;

/// <summary>
/// <c>GET /api/export</c> and <c>POST /api/import/events</c>: the export is the user's events and nobody else's; importing it into a
/// fresh account reproduces every event, document and read endpoint (apart from the account itself and the ids the new account
/// derives); every bad line is refused with its number and nothing is written.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ExportImportTests(LedgerAppFactory app, ITestOutputHelper output) : IClassFixture<LedgerAppFactory>
{
    private static readonly string[] DocumentTables =
        ["mt_doc_accomplishment", "mt_doc_feedbackitem", "mt_doc_performancereview", "mt_doc_offer", "mt_doc_story", "mt_doc_mocksession", "mt_doc_goal", "mt_doc_remindersettings", "mt_doc_reminder"];

    [Fact]
    public async Task an_export_is_every_event_of_the_user_in_order_and_nothing_of_anyone_else()
    {
        var a = await app.CreateUserAsync();
        var b = await app.CreateUserAsync("America/New_York");
        (await a.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Shipped the ledger export", "2026-11-20"))).EnsureSuccessStatusCode();
        (await b.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Someone else's win", "2026-11-20"))).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await a.Http.PutJsonAsync("/api/reminders/settings", new { winsDay = "mon", quietHours = "off" });
        (await b.Http.PostAsJsonAsync("/api/feedback", new { text = "Not yours.", receivedOn = "2026-11-19", from = "peer", sentiment = "positive" })).EnsureSuccessStatusCode();
        (await a.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Wrote the restore runbook", "2026-11-21"))).EnsureSuccessStatusCode();

        using var response = await a.Http.GetAsync("/api/export", HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        response.Headers.TransferEncodingChunked.ShouldBe(true, "streamed, not buffered to learn its length");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("careerledger-export-2026-11-21.ndjson");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        var rows = await LegacyUpgradeTests.RowsAsync(db, """
            select stream_id, version, type, "timestamp", correlation_id, data::text
              from ledger.mt_events where tenant_id = $1 order by seq_id
            """, a.UserId.ToString());
        rows.Count.ShouldBe(4, "two wins and two settings events (the weekly slot, quiet hours off)");
        var header = JsonNode.Parse(lines[0])!;
        header["format"]!.GetValue<string>().ShouldBe("careerledger-events");
        header["formatVersion"]!.GetValue<int>().ShouldBe(1);
        header["appVersion"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        header["exportedAt"]!.GetValue<string>().ShouldBe(Web.Export.ExportFormat.FormatTime(app.Clock.GetUtcNow()));
        header["userId"]!.GetValue<Guid>().ShouldBe(a.UserId);
        header["timeZone"]!.GetValue<string>().ShouldBe("Europe/Berlin");
        header["events"]!.GetValue<long>().ShouldBe(4);
        header["streams"]!.GetValue<long>().ShouldBe(3);
        lines.Length.ShouldBe(5);
        for (var i = 0; i < rows.Count; i++)
        {
            var line = JsonNode.Parse(lines[i + 1])!.AsObject();
            line.Select(p => p.Key).ShouldBe(["streamId", "streamType", "version", "type", "recordedAt", "correlationId", "causationId", "data"]);
            line["streamId"]!.GetValue<Guid>().ShouldBe((Guid)rows[i][0]);
            line["version"]!.GetValue<long>().ShouldBe((long)rows[i][1]);
            line["type"]!.GetValue<string>().ShouldBe((string)rows[i][2]);
            line["recordedAt"]!.GetValue<string>().ShouldBe(((DateTime)rows[i][3]).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            line["correlationId"]?.GetValue<string>().ShouldBe(rows[i][4] as string);
            JsonNode.DeepEquals(line["data"], JsonNode.Parse((string)rows[i][5])).ShouldBeTrue($"line {i + 2}: data as stored");
        }

        lines.Skip(1).Select(l => JsonNode.Parse(l)!["streamType"]!.GetValue<string>()).Distinct().Order().ShouldBe(["accomplishment", "reminder_settings"]);
        lines.Skip(1).Select(l => JsonNode.Parse(l)!["recordedAt"]!.GetValue<string>()).ShouldBeInOrder();

        // Nothing of the other user: none of their stream ids, none of their words, and their export is theirs alone.
        var theirs = await LegacyUpgradeTests.RowsAsync(db, "select distinct stream_id::text from ledger.mt_events where tenant_id = $1", b.UserId.ToString());
        theirs.Count.ShouldBe(2);
        var text = string.Join('\n', lines);
        foreach (var row in theirs)
        {
            text.ShouldNotContain((string)row[0]);
        }

        text.ShouldNotContain("Someone else");
        text.ShouldNotContain(b.UserId.ToString());
        var other = (await b.Http.GetStringAsync("/api/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        other.Length.ShouldBe(3);
        JsonNode.Parse(other[0])!["userId"]!.GetValue<Guid>().ShouldBe(b.UserId);
        other.ShouldNotContain(l => l.Contains("Shipped the ledger export", StringComparison.Ordinal));

        // A new account exports its header alone.
        var empty = await app.CreateUserAsync();
        var nothing = (await empty.Http.GetStringAsync("/api/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        nothing.Length.ShouldBe(1);
        JsonNode.Parse(nothing[0])!["events"]!.GetValue<long>().ShouldBe(0);

        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/export")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task importing_an_export_into_a_new_account_gives_identical_events_documents_and_read_models()
    {
        var a = await app.CreateUserAsync(displayName: "Priya");
        var ids = await LedgerScenario.PopulateAsync(a, app.Services, app.Clock);

        var clock = Stopwatch.StartNew();
        using var exported = await a.Http.GetAsync("/api/export");
        var file = await exported.Content.ReadAsStringAsync();
        var exportMs = clock.ElapsedMilliseconds;
        var lines = file.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var types = lines.Skip(1).Select(l => JsonNode.Parse(l)!["type"]!.GetValue<string>()).ToHashSet();
        types.Order().ShouldBe(LedgerStore.EventTypes.Select(e => e.Name).Order(), "the scenario has every event type of the catalogue");

        // Answering a mock question appends score, follow-up and the story's practice credit without a fetched version, and with
        // Marten's quick append the inline projection then stores version 0 in those documents (the stream is at 5): the story's
        // document and ETag lag behind its stream. The import appends with every version known, as a rebuild does, so the copy is
        // compared with the source's documents rebuilt from its events.
        foreach (var projection in AdminCommands.ProjectionNames)
        {
            await AdminCommands.RebuildAsync(app.Services.GetRequiredService<Marten.IDocumentStore>(), projection, CancellationToken.None);
        }

        var b = await app.CreateUserAsync(displayName: "Priya");
        clock.Restart();
        using var imported = await ImportAsync(b, file);
        var importMs = clock.ElapsedMilliseconds;
        var result = await imported.ReadAsync();
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToString());
        result.GetProperty("events").GetInt64().ShouldBe(lines.Length - 1);
        result.GetProperty("appended").GetInt32().ShouldBe(lines.Length - 1);
        result.GetProperty("alreadyImported").GetBoolean().ShouldBeFalse();
        var renamed = result.GetProperty("renamedStreams").EnumerateArray()
            .Select(r => (Type: r.GetProperty("streamType").GetString()!, From: r.GetProperty("from").GetGuid(), To: r.GetProperty("to").GetGuid())).ToList();
        output.WriteLine($"{lines.Length - 1} events in {result.GetProperty("streams").GetInt32()} streams, {Encoding.UTF8.GetByteCount(file):N0} bytes; export {exportMs} ms, import {importMs} ms; {renamed.Count} streams renamed");

        // Renamed: the streams the account finds by an id derived from itself. The settings stream, the two reminders, and the
        // sample's 50 wins, 15 feedback items and 1 review (import keys). The win logged and the offer recorded with an Idempotency-Key keep theirs.
        renamed.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count()).OrderBy(kv => kv.Key).ShouldBe(
            new Dictionary<string, int> { ["accomplishment"] = 50, ["feedback"] = 15, ["performance_review"] = 1, ["reminder"] = 2, ["reminder_settings"] = 1 }.OrderBy(kv => kv.Key));
        renamed.ShouldContain(r => r.Type == "reminder_settings" && r.To == Web.Reminders.ReminderHandler.SettingsId(b.UserId.ToString()));
        renamed.ShouldContain(r => r.From == ids.DeadlineReminder
            && r.To == StableIds.For(b.UserId.ToString(), "reminder", $"offer_deadline:{ids.Contoso}:2026-11-27:48h"));
        renamed.ShouldNotContain(r => r.From == ids.KeyedWin || r.From == ids.Contoso || r.From == ids.Riverbend || r.From == ids.Story || r.From == ids.Session || r.From == ids.ReachedGoal);
        var map = renamed.ToDictionary(r => r.From, r => r.To);
        Guid Map(Guid id) => map.GetValueOrDefault(id, id);
        string MapText(string text) => map.Aggregate(text, (t, kv) => t.Replace(kv.Key.ToString(), kv.Value.ToString(), StringComparison.Ordinal));
        result.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldHaveSingleItem()!.ShouldContain("calendar feed");

        // The events: same streams (renamed), versions, types, recorded times, correlation and causation ids and data.
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        const string Events = """
            select stream_id, version, type, "timestamp", correlation_id, causation_id, user_name, data::text
              from ledger.mt_events where tenant_id = $1 order by seq_id
            """;
        var before = await LegacyUpgradeTests.RowsAsync(db, Events, a.UserId.ToString());
        var after = await LegacyUpgradeTests.RowsAsync(db, Events, b.UserId.ToString());
        after.Count.ShouldBe(before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            var (x, y) = (before[i], after[i]);
            ((Guid)y[0]).ShouldBe(Map((Guid)x[0]), $"event {i + 1}");
            y[1..6].ShouldBe(x[1..6], $"event {i + 1}: version, type, time, correlation, causation");
            x[6].ShouldBe(a.UserId.ToString());
            y[6].ShouldBe(b.UserId.ToString());
            ((string)y[7]).ShouldBe(MapText((string)x[7]), $"event {i + 1} ({x[2]})");
        }

        // The documents the inline projections wrote: identical, apart from the renamed ids.
        foreach (var table in DocumentTables)
        {
            var sql = $"select id::text, mt_version, data::text from ledger.{table} where tenant_id = $1";
            var mine = (await LegacyUpgradeTests.RowsAsync(db, sql, a.UserId.ToString())).Select(r => $"{MapText((string)r[0])} v{r[1]} {MapText((string)r[2])}").Order().ToList();
            var copy = (await LegacyUpgradeTests.RowsAsync(db, sql, b.UserId.ToString())).Select(r => $"{r[0]} v{r[1]} {r[2]}").Order().ToList();
            mine.ShouldNotBeEmpty(table);
            copy.ShouldBe(mine, table);
        }

        // Every read endpoint answers the same, ETags included.
        var readA = await LedgerScenario.ReadModelsAsync(a.Http, ids, id => id);
        var readB = await LedgerScenario.ReadModelsAsync(b.Http, ids, Map);
        readA.ShouldAllBe(r => r.Answer.StartsWith("200 ", StringComparison.Ordinal));
        for (var i = 0; i < readA.Count; i++)
        {
            readB[i].Answer.ShouldBe(MapText(readA[i].Answer), readA[i].Url);
        }

        readB.Select(r => r.Answer).ShouldBe(readA.Select(r => MapText(r.Answer)));

        // What differs is the account: its id, e-mail and creation time (the display name and time zone were given the same).
        var meA = await a.Http.GetJsonAsync("/api/me");
        var meB = await b.Http.GetJsonAsync("/api/me");
        meB.GetProperty("displayName").GetString().ShouldBe(meA.GetProperty("displayName").GetString());
        meB.GetProperty("id").GetGuid().ShouldNotBe(meA.GetProperty("id").GetGuid());

        // The same file again changes nothing; into an account with events of its own it is refused.
        using (var again = await ImportAsync(b, file))
        {
            var repeat = await again.ReadAsync();
            again.StatusCode.ShouldBe(HttpStatusCode.OK, repeat.ToString());
            repeat.GetProperty("alreadyImported").GetBoolean().ShouldBeTrue();
            repeat.GetProperty("appended").GetInt32().ShouldBe(0);
        }

        using (var intoA = await ImportAsync(a, file))
        {
            // Into the account it came from: its ids there are the exported ones, so that account holds exactly these events.
            intoA.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await intoA.ReadAsync()).GetProperty("alreadyImported").GetBoolean().ShouldBeTrue();
        }

        var busy = await app.CreateUserAsync();
        (await busy.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("A win of my own", "2026-11-20"))).EnsureSuccessStatusCode();
        using (var intoBusy = await ImportAsync(busy, file))
        {
            intoBusy.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await intoBusy.ReadAsync()).GetProperty("detail").GetString()!.ShouldStartWith("This account already has 1 event(s), and an export is imported only into an account without any");
        }

        (await LegacyUpgradeTests.RowsAsync(db, "select count(*) from ledger.mt_events where tenant_id = $1", busy.UserId.ToString()))[0][0].ShouldBe(1L);

        (await LegacyUpgradeTests.RowsAsync(db, "select count(*) from ledger.mt_events where tenant_id = $1", b.UserId.ToString()))[0][0].ShouldBe((long)before.Count);

        // The copy behaves like the original: the sample re-imports as unchanged (its ids are the ones this account derives; the
        // feedback item changed by the second import goes back), and the settings take If-Match with the version they show.
        var reimport = await (await LedgerScenario.PostRawAsync(b.Http, "/api/import", await File.ReadAllTextAsync(LedgerScenario.SamplePath))).ReadAsync();
        reimport.GetProperty("accomplishmentsCreated").GetInt32().ShouldBe(0);
        reimport.GetProperty("accomplishmentsUnchanged").GetInt32().ShouldBe(50);
        reimport.GetProperty("feedbackCreated").GetInt32().ShouldBe(0);
        reimport.GetProperty("feedbackUpdated").GetInt32().ShouldBe(1);
        reimport.GetProperty("reviewsCreated").GetInt32().ShouldBe(0);
        reimport.GetProperty("reviewsUnchanged").GetInt32().ShouldBe(1);
        var settings = await b.Http.GetAsync("/api/reminders/settings");
        using var change = await LedgerScenario.SendAsync(b.Http, HttpMethod.Put, "/api/reminders/settings", new { winsAt = "09:00" }, settings.Headers.ETag!.Tag.Trim('"'));
        (await change.ReadAsync()).GetProperty("winsDay").GetString().ShouldBe("thursday");
    }

    [Fact]
    public async Task every_bad_line_is_named_with_its_number_and_nothing_is_written()
    {
        var source = await app.CreateUserAsync();
        var first = await (await source.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("First", "2026-11-01"))).ReadAsync();
        (await source.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Second", "2026-11-02"))).EnsureSuccessStatusCode();
        (await LedgerScenario.SendAsync(source.Http, HttpMethod.Put, $"/api/accomplishments/{first.GetProperty("id").GetGuid()}", Json.Win("First, revised", "2026-11-01"), "1")).EnsureSuccessStatusCode();
        await source.Http.PutJsonAsync("/api/reminders/settings", new { winsDay = "mon", mockEveryDays = 4, quietHours = "off" });
        var good = (await source.Http.GetStringAsync("/api/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        good.Select(l => JsonNode.Parse(l)!["type"]?.GetValue<string>()).ShouldBe(
            [null, "accomplishment_logged", "accomplishment_logged", "accomplishment_revised", "weekly_wins_slot_set", "mock_cadence_set", "quiet_hours_set"]);
        var target = await app.CreateUserAsync();

        string Edit(int line, Action<JsonObject> change)
        {
            var node = JsonNode.Parse(good[line - 1])!.AsObject();
            change(node);
            return node.ToJsonString();
        }

        // Several problems at once: each named by its line.
        var broken = (string[])good.Clone();
        broken[2] = "{\"streamId\": \"not closed";
        broken[3] = Edit(4, l => l["type"] = "accomplishment_archived");
        broken[4] = Edit(5, l => l["data"]!["slot"]!["day"] = 5);
        broken[5] = Edit(6, l => l["foo"] = 1);
        broken[6] = "[1, 2]";
        var errors = await RefusedAsync(target, string.Join('\n', broken), 5);
        errors["line 3"].ShouldHaveSingleItem().ShouldStartWith("Not valid JSON");
        errors["line 4"].ShouldHaveSingleItem().ShouldBe("type: unknown event type 'accomplishment_archived'; the event catalogue (docs/events.md) has no such name.");
        errors["line 5"].ShouldHaveSingleItem().ShouldStartWith("data.slot.day: the value has the wrong type or format for a 'weekly_wins_slot_set' event");
        errors["line 6"].ShouldHaveSingleItem().ShouldStartWith("foo: unknown field");
        errors["line 7"].ShouldHaveSingleItem().ShouldStartWith("Not a JSON object but an array");

        // One problem each.
        (await RefusedAsync(target, string.Join('\n', good.Skip(1)), 1))["line 1"][0].ShouldStartWith("The first line must be the export header");
        (await RefusedAsync(target, string.Join('\n', good.SkipLast(1)), 1))["line 1"][0]
            .ShouldBe("The header announces 6 events in 3 streams, but the file holds 5 events in 3 streams: it is incomplete or was edited; export it again.");
        (await RefusedAsync(target, string.Join('\n', good.Where((_, i) => i != 1)), 1))["line 3"][0]
            .ShouldStartWith("version: stream ");
        var relog = Edit(2, l => l["version"] = 2);
        (await RefusedAsync(target, string.Join('\n', good.Select((l, i) => i == 3 ? relog : l)), 1))["line 4"][0]
            .ShouldStartWith("data: a 'accomplishment_logged' event does not apply to stream ");
        (await RefusedAsync(target, string.Join('\n', good.Select((l, i) => i == 0 ? Edit(1, h => h["formatVersion"] = 2) : l)), 1))["line 1"][0]
            .ShouldStartWith("formatVersion: 2 was written by a newer CareerLedger");
        (await RefusedAsync(target, string.Join('\n', good.Select((l, i) => i == 1 ? Edit(2, e => e["data"]!.AsObject().Remove("details")) : l)), 1))["line 2"][0]
            .ShouldBe("data: a 'accomplishment_logged' event needs 'details'.");
        (await RefusedAsync(target, string.Join('\n', good.Select((l, i) => i == 2 ? Edit(3, e => e["data"]!["details"] = null) : l)), 1))["line 3"][0]
            .ShouldBe("data.details: must not be null in a 'accomplishment_logged' event.");
        (await RefusedAsync(target, string.Join('\n', good.Select((l, i) => i == 2 ? Edit(3, e => e["streamId"] = Guid.NewGuid().ToString()) : l)), 1))["line 3"][0]
            .ShouldStartWith("data: the event names stream ");
        (await RefusedAsync(target, string.Join('\n', good.Select((l, i) => i == 4 ? Edit(5, e => e["recordedAt"] = "yesterday") : l)), 1))["line 5"][0]
            .ShouldStartWith("recordedAt: required, an ISO 8601 timestamp");
        (await RefusedAsync(target, "", 1))["body"][0].ShouldStartWith("The body has no lines");

        // None of it wrote anything; the good file then imports (blank lines are allowed).
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        (await LegacyUpgradeTests.RowsAsync(db, "select count(*) from ledger.mt_events where tenant_id = $1", target.UserId.ToString()))[0][0].ShouldBe(0L);
        using var ok = await ImportAsync(target, string.Join("\n\n", good) + "\n");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await ok.ReadAsync()).GetProperty("appended").GetInt32().ShouldBe(6);
    }

    [Fact]
    public async Task a_body_over_32_mib_or_not_sent_as_json_lines_is_refused()
    {
        var user = await app.CreateUserAsync();
        using (var json = await user.Http.PostAsync("/api/import/events", new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            json.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
            (await json.ReadAsync()).GetProperty("title").GetString().ShouldBe("Send the export as application/x-ndjson.");
        }

        // Without a Content-Length (chunked), the limit is enforced while reading.
        const long Over = (32 * 1024 * 1024) + 1;
        using (var content = new StreamContent(new Blanks(Over)))
        {
            content.Headers.ContentType = new("application/x-ndjson");
            // A plain client: the factory's client buffers request bodies (to replay them on a redirect), which sends a Content-Length.
            using var plain = new HttpClient { BaseAddress = app.BaseAddress };
            plain.DefaultRequestHeaders.Authorization = user.Http.DefaultRequestHeaders.Authorization;
            using var chunked = await plain.PostAsync("/api/import/events", content);
            chunked.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        }

        var big = new byte[Over];
        Array.Fill(big, (byte)' ');
        using (var content = new ByteArrayContent(big))
        {
            // With "Expect: 100-continue" the client waits for the server's go-ahead, so the refusal arrives before the body is sent.
            content.Headers.ContentType = new("application/x-ndjson");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import/events") { Content = content };
            request.Headers.ExpectContinue = true;
            using var sized = await user.Http.SendAsync(request);
            sized.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            (await sized.ReadAsync()).GetProperty("detail").GetString().ShouldBe("An import body is at most 32 MiB.");
        }
    }

    [Fact]
    public async Task two_imports_racing_into_one_account_append_it_once()
    {
        var source = await app.CreateUserAsync();
        for (var i = 0; i < 5; i++)
        {
            (await source.Http.PostAsJsonAsync("/api/accomplishments", Json.Win($"Win {i}", "2026-11-0" + (i + 1)))).EnsureSuccessStatusCode();
        }

        var file = await source.Http.GetStringAsync("/api/export");
        var target = await app.CreateUserAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ImportAsync(target, file)));
        var bodies = await Task.WhenAll(answers.Select(r => r.ReadAsync()));
        answers.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        bodies.Count(b => b.GetProperty("appended").GetInt32() == 5).ShouldBe(1);
        bodies.Count(b => b.GetProperty("alreadyImported").GetBoolean()).ShouldBe(3);
        (await target.Http.GetJsonAsync("/api/accomplishments")).GetArrayLength().ShouldBe(5);
    }

    internal static async Task<HttpResponseMessage> ImportAsync(UserClient user, string file)
    {
        using var content = new StringContent(file, Encoding.UTF8, "application/x-ndjson");
        return await user.Http.PostAsync("/api/import/events", content);
    }

    private static async Task<Dictionary<string, string[]>> RefusedAsync(UserClient user, string file, int fields)
    {
        using var response = await ImportAsync(user, file);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        var errors = JsonSerializer.Deserialize<Dictionary<string, string[]>>(JsonDocument.Parse(body).RootElement.GetProperty("errors").GetRawText())!;
        errors.Count.ShouldBe(fields, body);
        return errors;
    }

    /// <summary>A body of spaces with a line break every megabyte, of a given length, that does not know its own length.</summary>
    private sealed class Blanks(long length) : Stream
    {
        private long _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _sent);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (_sent + i) % (1024 * 1024) == 0 ? (byte)'\n' : (byte)' ';
            }

            _sent += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
