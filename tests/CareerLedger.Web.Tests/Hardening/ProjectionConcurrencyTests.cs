using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Stories;
using CareerLedger.Testing;
using CareerLedger.Web.Infrastructure;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CareerLedger.Web.Tests.Hardening;

/// <summary>The projection suite's host: the app (for its document store and schema) on its own database.</summary>
public sealed class ProjectionHost : HardeningHost
{
    /// <summary>The app's Marten store.</summary>
    public IDocumentStore Store => App.Services.GetRequiredService<IDocumentStore>();
}

/// <summary>
/// The inline projections under concurrency, through the app's own Marten store and its real event types: many writers append
/// to many streams of one user and of several users, some transactions roll back (disposed before saving, rolled back after
/// saving, or failing inside the transaction), and one transaction holds its event sequence numbers open for seconds. Once
/// everything has committed, every document must equal both the fold of its stream's events and what a rebuild through
/// Marten's daemon (as the <c>rebuild</c> command runs it) produces, JSON for JSON. And a rebuild started while that long
/// transaction is open must neither skip nor double its events once it commits.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProjectionConcurrencyTests(ProjectionHost host, ITestOutputHelper output) : IClassFixture<ProjectionHost>
{
    /// <summary>The projections these streams feed, by the names the rebuild command takes.</summary>
    private static readonly string[] Projections = ["accomplishments", "feedback", "stories"];

    private static readonly (string Projection, string Table)[] Documents =
        [("accomplishments", "mt_doc_accomplishment"), ("feedback", "mt_doc_feedbackitem"), ("stories", "mt_doc_story")];

    private static readonly TimeSpan HeldOpen = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = LedgerStore.CreateJson();

    private IDocumentStore Store => host.Store;

    [Fact]
    public async Task concurrent_writers_with_rollbacks_and_a_long_transaction_leave_documents_equal_to_their_events_and_to_a_rebuild()
    {
        var clock = Stopwatch.StartNew();
        var main = Guid.NewGuid().ToString();
        string[] tenants = [main, Guid.NewGuid().ToString(), Guid.NewGuid().ToString()];
        var ledger = new Ledger();
        foreach (var tenant in tenants)
        {
            await SeedAsync(ledger, tenant, tenant == main ? 12 : 4);
        }

        // One transaction takes its sequence numbers first and holds them while every writer below commits after it.
        var held = await HoldOpenAsync(ledger, main);
        var stats = new ConcurrentDictionary<string, int>();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(() => WriteAsync(ledger, tenants, main, seed: 1000 + w, operations: 30, stats))).ToList();
        var release = Task.Delay(HeldOpen).ContinueWith(_ => held.CommitAsync()).Unwrap();
        await Task.WhenAll(writers);
        await release;
        stats["held transaction committed"] = 1;
        output.WriteLine("operations: " + string.Join(", ", stats.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")));

        var failures = new List<string>();
        await CheckAgainstEventsAsync(ledger, tenants, failures);
        var inline = await DocumentsAsync(tenants);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            foreach (var name in Projections)
            {
                await AdminCommands.RebuildAsync(Store, name, timeout.Token);
            }
        }

        CompareDocuments("inline documents", inline, "rebuilt documents", await DocumentsAsync(tenants), failures);
        output.WriteLine($"{inline.Count} documents of {tenants.Length} users checked against their events and a rebuild in {clock.Elapsed.TotalSeconds:0.0} s");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task a_rebuild_while_a_transaction_holds_a_sequence_number_neither_skips_nor_doubles_its_events()
    {
        var clock = Stopwatch.StartNew();
        var tenant = Guid.NewGuid().ToString();
        var other = Guid.NewGuid().ToString();
        var ledger = new Ledger();
        await SeedAsync(ledger, tenant, 6);
        await SeedAsync(ledger, other, 2);

        // The long transaction revises a committed stream and starts a new one, holding their sequence numbers…
        var held = await HoldOpenAsync(ledger, tenant);

        // …while later appends commit with higher sequence numbers…
        var stats = new ConcurrentDictionary<string, int>();
        await WriteAsync(ledger, [tenant, other], tenant, seed: 7, operations: 20, stats, rollbacks: false);

        // …and a rebuild of every projection starts while it is still open. It commits a few seconds later.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var rebuild = Task.Run(async () =>
        {
            foreach (var name in Projections)
            {
                await AdminCommands.RebuildAsync(Store, name, timeout.Token);
            }
        });
        await Task.Delay(HeldOpen);
        var rebuildFinishedFirst = rebuild.IsCompleted;
        await held.CommitAsync();
        await rebuild;
        output.WriteLine($"the rebuild {(rebuildFinishedFirst ? "finished before" : "was still running when")} the held transaction committed ({HeldOpen.TotalSeconds:0} s after it started)");

        var failures = new List<string>();

        // The point of the test: the held events' sequence numbers are below those of events committed while it was open.
        var heldSequence = await host.ScalarAsync<long>(
            $"select max(seq_id) from {host.Schema}.mt_events where stream_id = @id", ("id", held.StartedStream));
        var laterCommitted = await host.ScalarAsync<long>(
            $"select count(*) from {host.Schema}.mt_events where tenant_id = any(@t) and seq_id > @s and stream_id <> all(@held)",
            ("t", new[] { tenant, other }), ("s", heldSequence), ("held", new[] { held.RevisedStream, held.StartedStream }));
        laterCommitted.ShouldBeGreaterThan(0, "events committed after the held transaction took its sequence numbers");

        await CheckAgainstEventsAsync(ledger, [tenant, other], failures);
        var revised = await LoadAsync<Accomplishment>(tenant, held.RevisedStream);
        if (revised is null || revised.Details.Title != held.RevisedTitle)
        {
            failures.Add($"the rebuild skipped the held transaction's revision of {held.RevisedStream}: title '{revised?.Details.Title}', expected '{held.RevisedTitle}'");
        }

        if (await LoadAsync<Accomplishment>(tenant, held.StartedStream) is null)
        {
            failures.Add($"the rebuild skipped the stream {held.StartedStream} the held transaction started");
        }

        // A second rebuild, with nothing in flight, must give the same documents.
        var afterFirst = await DocumentsAsync([tenant, other]);
        foreach (var name in Projections)
        {
            await AdminCommands.RebuildAsync(Store, name, timeout.Token);
        }

        CompareDocuments("after the rebuild under the open transaction", afterFirst, "after a quiet rebuild", await DocumentsAsync([tenant, other]), failures);
        output.WriteLine($"{afterFirst.Count} documents checked in {clock.Elapsed.TotalSeconds:0.0} s");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task the_same_story_practised_in_two_sessions_at_once_is_credited_twice_and_both_answers_scored()
    {
        // The answer endpoint stores the answer, then appends the score and the follow-up to the session and story_practiced to
        // the story in one transaction, the story without an expected version (docs/api.md: "they append at whatever version the
        // stream has"). Answers in different sessions that name the same story at the same moment must all be scored and credited.
        var user = await LedgerUser.CreateAsync(host);
        var failures = new List<string>();
        var answered = 0;
        for (var round = 0; round < 3; round++)
        {
            var sessions = new List<Resource>();
            for (var i = 0; i < 6; i++)
            {
                sessions.Add(await user.NewSessionAsync());
            }

            var answers = await Task.WhenAll(sessions.Select(async s =>
            {
                var body = ValidRequests.For("POST /api/practice/sessions/{id}/answers")!.Body(user, s);
                using var response = await host.SendAsync(user.Http, HttpMethod.Post, $"/api/practice/sessions/{s.Id}/answers", body);
                return (Session: s, Outcome: await Outcome.ReadAsync(response));
            }));
            foreach (var (session, outcome) in answers)
            {
                answered++;
                if (outcome.Status != 200)
                {
                    failures.Add($"round {round}: POST /api/practice/sessions/{session.Id}/answers naming story {user.StoryId} → {outcome} (expected 200)");
                }

                var (doc, _) = await user.CallAsync(HttpMethod.Get, $"/api/practice/sessions/{session.Id}");
                var question = doc!["session"]!["questions"]!.AsArray().First(q => (string?)q!["questionId"] == session.QuestionId)!;
                if (question["answer"] is null || question["score"] is null)
                {
                    failures.Add($"round {round}: session {session.Id}, question {session.QuestionId}: answer stored: {question["answer"] is not null}, scored: {question["score"] is not null}");
                }
            }
        }

        var (story, _) = await user.CallAsync(HttpMethod.Get, $"/api/stories/{user.StoryId}");
        var credited = story!["story"]!["revisions"]!.AsArray().Sum(r => r!["practiceScores"]!.AsArray().Count);
        var practised = await host.ScalarAsync<long>(
            $"select count(*) from {host.Schema}.mt_events where stream_id = @id and type = 'story_practiced'", ("id", user.StoryId));
        if (credited != answered || practised != answered)
        {
            failures.Add($"story {user.StoryId}: {answered} answers named it; {practised} story_practiced events stored; its document credits {credited}");
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task after_an_answer_naming_a_story_the_story_and_the_session_show_their_stream_versions_and_take_them_as_etags()
    {
        // The answer endpoint appends the score, the follow-up and story_practiced without an expected version. The inline
        // documents must still carry the stream's version (docs/projections.md: document version = stream version), or the ETag
        // a client reads is one no revision can match.
        var user = await LedgerUser.CreateAsync(host);
        var session = await user.NewSessionAsync();
        await user.CallAsync(HttpMethod.Post, $"/api/practice/sessions/{session.Id}/answers",
            ValidRequests.For("POST /api/practice/sessions/{id}/answers")!.Body(user, session));

        var failures = new List<string>();
        var storyStream = await StreamVersionAsync(user.StoryId);
        var (story, read) = await user.CallAsync(HttpMethod.Get, $"/api/stories/{user.StoryId}");
        if ((long)story!["version"]! != storyStream || read.Headers.ETag?.Tag != $"\"{storyStream}\"")
        {
            failures.Add($"GET /api/stories/{user.StoryId} after it was practised → version {story["version"]}, ETag {read.Headers.ETag?.Tag}; its stream is at version {storyStream}");
        }

        using (var revise = await host.SendAsync(user.Http, HttpMethod.Put, $"/api/stories/{user.StoryId}", System.Text.Json.Nodes.JsonNode.Parse("""{"headline":"Cut checkout p99 latency in half"}"""),
                   new Dictionary<string, string> { ["If-Match"] = read.Headers.ETag?.Tag ?? "" }))
        {
            if ((int)revise.StatusCode != 200)
            {
                failures.Add($"PUT /api/stories/{user.StoryId} with If-Match {read.Headers.ETag?.Tag}, the ETag just read → {(int)revise.StatusCode} {await revise.Content.ReadAsStringAsync()}");
            }
        }

        var sessionStream = await StreamVersionAsync(Guid.Parse(session.Id));
        var (practice, _) = await user.CallAsync(HttpMethod.Get, $"/api/practice/sessions/{session.Id}");
        if ((long)practice!["version"]! != sessionStream)
        {
            failures.Add($"GET /api/practice/sessions/{session.Id} after an answer → version {practice["version"]}; its stream is at version {sessionStream}");
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private Task<long> StreamVersionAsync(Guid stream) =>
        host.ScalarAsync<long>($"select version from {host.Schema}.mt_streams where id = @id", ("id", stream));

    /// <summary>What the test wrote: every stream it started and committed, and every stream it started in a transaction that rolled back.</summary>
    private sealed class Ledger
    {
        public ConcurrentDictionary<(string Tenant, Guid Id), string> Streams { get; } = new();

        public ConcurrentDictionary<(string Tenant, Guid Id), byte> RolledBack { get; } = new();

        /// <summary>Streams the held transaction has locked: writers leave them alone rather than wait for it.</summary>
        public ConcurrentDictionary<Guid, byte> Busy { get; } = new();

        public (string Tenant, Guid Id)[] Of(string tenant, string kind) =>
            Streams.Where(kv => kv.Key.Tenant == tenant && kv.Value == kind).Select(kv => kv.Key).ToArray();
    }

    private sealed record Held(NpgsqlConnection Connection, NpgsqlTransaction Transaction, IDocumentSession Session, Guid RevisedStream, string RevisedTitle, Guid StartedStream)
    {
        public async Task CommitAsync()
        {
            await Transaction.CommitAsync();
            await Session.DisposeAsync();
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    private static AccomplishmentDetails Win(string title) => new(
        title, new DateOnly(2026, 3, 1), "Profiled every hop.", "Checkout", Scope.MultiTeam, Involvement.Led,
        [new ImpactMetric("p99 latency", 420, 210, "ms", true)], [Competency.PerformanceCost], "Latency budget in CI", ["https://example.com/pr/1"]);

    private static FeedbackDetails Quote(string text) =>
        new(new DateOnly(2026, 2, 1), FeedbackFrom.Manager, "1:1", text, Sentiment.Positive, [Competency.Communication]);

    private static StoryDrafted Draft(Guid id) => new(
        id, StoryFormat.Star, "Halved p99", new StorySections("Checkout was slow.", "Make it fast.", null, "I batched the ledger calls.", "p99 fell 50 %.", null),
        [Guid.NewGuid()], [Competency.PerformanceCost], "template", new StoryScore(81, new Dictionary<string, int> { ["structure"] = 90 }));

    private static object First(string kind, Guid id) => kind switch
    {
        "accomplishment" => new AccomplishmentLogged(id, Win($"Win {id:N}"), null),
        "feedback" => new FeedbackReceived(id, Quote($"Clear write-up {id:N}")),
        _ => Draft(id),
    };

    private static object Next(string kind, Guid id, Random random) => (kind, random.Next(4)) switch
    {
        ("accomplishment", 0) => new AccomplishmentRetracted(id, "duplicate"),
        ("accomplishment", _) => new AccomplishmentRevised(id, Win($"Revision {random.Next()}"), "clearer"),
        ("feedback", 0) => new FeedbackRetracted(id, "wrong person"),
        ("feedback", _) => new FeedbackRevised(id, Quote($"Revised {random.Next()}")),
        ("story", 0) => new StoryLinked(id, [Competency.Ownership], ["q-035-talked-a-stakeholder-out-of-a-request"]),
        ("story", 1) => new StoryUsed(id, "Contoso", "onsite", new DateOnly(2026, 11, 19), 1),
        _ => new StoryPracticed(id, 1, Guid.NewGuid(), "q-035-talked-a-stakeholder-out-of-a-request", random.Next(100)),
    };

    private static readonly string[] Kinds = ["accomplishment", "feedback", "story"];

    private static void Start(IDocumentSession session, string kind, Guid id, object first)
    {
        switch (kind)
        {
            case "accomplishment":
                session.Events.StartStream<Accomplishment>(id, first);
                break;
            case "feedback":
                session.Events.StartStream<FeedbackItem>(id, first);
                break;
            default:
                session.Events.StartStream<Story>(id, first);
                break;
        }
    }

    private async Task SeedAsync(Ledger ledger, string tenant, int perKind)
    {
        await using var session = Store.LightweightSession(tenant);
        foreach (var kind in Kinds)
        {
            for (var i = 0; i < perKind; i++)
            {
                var id = Guid.NewGuid();
                Start(session, kind, id, First(kind, id));
                ledger.Streams[(tenant, id)] = kind;
            }
        }

        await session.SaveChangesAsync();
    }

    /// <summary>
    /// Opens a transaction on its own connection that appends through the store (a revision of a committed accomplishment and a
    /// new accomplishment), sends it, and does not commit: its sequence numbers stay taken and invisible until <see cref="Held.CommitAsync"/>.
    /// </summary>
    private async Task<Held> HoldOpenAsync(Ledger ledger, string tenant)
    {
        var connection = new NpgsqlConnection(host.App.ConnectionString);
        await connection.OpenAsync();
        var tx = await connection.BeginTransactionAsync();
        var options = SessionOptions.ForTransaction(tx);
        options.TenantId = tenant;
        var session = Store.LightweightSession(options);
        var revised = ledger.Of(tenant, "accomplishment")[0].Id;
        var title = $"Held open {Guid.NewGuid():N}";
        var stream = await session.Events.FetchForWriting<Accomplishment>(revised);
        stream.AppendOne(new AccomplishmentRevised(revised, Win(title), "held"));
        var started = Guid.NewGuid();
        session.Events.StartStream<Accomplishment>(started, new AccomplishmentLogged(started, Win("Started in the held transaction"), null));
        await session.SaveChangesAsync();
        ledger.Streams[(tenant, started)] = "held";
        ledger.Busy[revised] = 0;
        ledger.Busy[started] = 0;
        return new Held(connection, tx, session, revised, title, started);
    }

    /// <summary>
    /// One writer: appends to random streams of random users the ways the app does (FetchForWriting and the expected version,
    /// retried on a conflict; an append under the stream lock, as the answer endpoint appends <c>story_practiced</c>; a new stream), and,
    /// unless told otherwise, rolls some transactions back. The held transaction's streams are left alone.
    /// </summary>
    private async Task WriteAsync(
        Ledger ledger, string[] tenants, string main, int seed, int operations, ConcurrentDictionary<string, int> stats, bool rollbacks = true)
    {
        var random = new Random(seed);
        for (var op = 0; op < operations; op++)
        {
            var tenant = random.Next(10) < 6 ? main : tenants[random.Next(tenants.Length)];
            var kind = Kinds[random.Next(Kinds.Length)];
            var pool = ledger.Of(tenant, kind).Where(s => !ledger.Busy.ContainsKey(s.Id)).ToArray();
            var (_, id) = pool[random.Next(pool.Length)];
            var roll = rollbacks ? random.Next(10) : 9;
            switch (roll)
            {
                case 0:
                    // Appended, then the session is disposed without saving.
                    await using (var session = Store.LightweightSession(tenant))
                    {
                        session.Events.Append(id, Next(kind, id, random));
                        var fresh = Guid.NewGuid();
                        Start(session, kind, fresh, First(kind, fresh));
                        ledger.RolledBack[(tenant, fresh)] = 0;
                    }

                    stats.AddOrUpdate("disposed unsaved", 1, (_, n) => n + 1);
                    break;
                case 1 or 2:
                    // Sent inside a transaction (sequence numbers taken), then rolled back or failed before the commit.
                    await using (var connection = new NpgsqlConnection(host.App.ConnectionString))
                    {
                        await connection.OpenAsync();
                        await using var tx = await connection.BeginTransactionAsync();
                        var options = SessionOptions.ForTransaction(tx);
                        options.TenantId = tenant;
                        await using var session = Store.LightweightSession(options);
                        session.Events.Append(id, Next(kind, id, random));
                        var fresh = Guid.NewGuid();
                        Start(session, kind, fresh, First(kind, fresh));
                        ledger.RolledBack[(tenant, fresh)] = 0;
                        try
                        {
                            await session.SaveChangesAsync();
                        }
                        catch (Exception ex) when (IsConflict(ex))
                        {
                            // A concurrent append took the version this unversioned append read, or PostgreSQL chose this
                            // transaction as a deadlock victim: refused, and rolled back with the connection anyway.
                            stats.AddOrUpdate("refused in the transaction by a concurrent append", 1, (_, n) => n + 1);
                            break;
                        }

                        if (roll == 1)
                        {
                            await tx.RollbackAsync();
                            stats.AddOrUpdate("rolled back after saving", 1, (_, n) => n + 1);
                        }
                        else
                        {
                            try
                            {
                                await FailInsideTheTransactionAsync(connection, tx);
                            }
                            catch (PostgresException)
                            {
                                stats.AddOrUpdate("failed inside the transaction", 1, (_, n) => n + 1);
                            }
                        }
                    }

                    break;
                case 3:
                    await using (var session = Store.LightweightSession(tenant))
                    {
                        var fresh = Guid.NewGuid();
                        Start(session, kind, fresh, First(kind, fresh));
                        await session.SaveChangesAsync();
                        ledger.Streams[(tenant, fresh)] = kind;
                    }

                    stats.AddOrUpdate("new stream", 1, (_, n) => n + 1);
                    break;
                case 4 or 5 when kind == "story":
                    // As the answer endpoint appends story_practiced: the stream locked for the transaction (Marten's exclusive
                    // fetch) and the event appended at the version found, so concurrent appends queue up instead of failing
                    // (see the_same_story_practised_in_two_sessions_at_once_is_credited_twice_and_both_answers_scored).
                    await using (var session = Store.LightweightSession(tenant))
                    {
                        var locked = await session.Events.FetchForExclusiveWriting<Story>(id);
                        locked.AppendOne(Next(kind, id, random));
                        try
                        {
                            await session.SaveChangesAsync();
                            stats.AddOrUpdate("append under the stream lock", 1, (_, n) => n + 1);
                        }
                        catch (Exception ex) when (IsConflict(ex))
                        {
                            // A versioned writer (which takes no lock) appended in between: refused whole, as the app answers 409.
                            stats.AddOrUpdate("append under the stream lock refused by a versioned writer", 1, (_, n) => n + 1);
                        }
                    }

                    break;
                default:
                    await AppendVersionedAsync(tenant, kind, id, random, stats);
                    break;
            }
        }
    }

    /// <summary>
    /// A write refused because another one got there first: a stale version, or PostgreSQL choosing this transaction as the
    /// victim of a deadlock between a stream lock and a versioned append (the app answers both with 409).
    /// </summary>
    private static bool IsConflict(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
                or PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task FailInsideTheTransactionAsync(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        await using var fail = new NpgsqlCommand("select 1 / 0", connection, tx);
        await fail.ExecuteScalarAsync(); // division by zero: the transaction is aborted and disposed without a commit
    }

    /// <summary>As every command does: the document and the stream version in one read, the event appended at that version.</summary>
    private async Task AppendVersionedAsync(string tenant, string kind, Guid id, Random random, ConcurrentDictionary<string, int> stats)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await using var session = Store.LightweightSession(tenant);
            switch (kind)
            {
                case "accomplishment":
                    (await session.Events.FetchForWriting<Accomplishment>(id)).AppendOne(Next(kind, id, random));
                    break;
                case "feedback":
                    (await session.Events.FetchForWriting<FeedbackItem>(id)).AppendOne(Next(kind, id, random));
                    break;
                default:
                    (await session.Events.FetchForWriting<Story>(id)).AppendOne(Next(kind, id, random));
                    break;
            }

            try
            {
                await session.SaveChangesAsync();
                stats.AddOrUpdate("versioned append", 1, (_, n) => n + 1);
                return;
            }
            catch (Exception ex) when (IsConflict(ex))
            {
                stats.AddOrUpdate("versioned append lost a race (retried)", 1, (_, n) => n + 1);
            }
        }

        throw new InvalidOperationException($"{kind} {id}: 20 conflicts in a row");
    }

    /// <summary>
    /// Every committed stream's document equals the fold of its events (the domain's Evolve, as the projection runs it), its
    /// version is the stream's, and no stream of a rolled-back transaction left a stream or a document behind.
    /// </summary>
    private async Task CheckAgainstEventsAsync(Ledger ledger, string[] tenants, List<string> failures)
    {
        foreach (var tenant in tenants)
        {
            await using var session = Store.QuerySession(tenant);
            foreach (var ((_, id), kind) in ledger.Streams.Where(kv => kv.Key.Tenant == tenant))
            {
                var events = await session.Events.FetchStreamAsync(id);
                object? folded = null;
                foreach (var e in events)
                {
                    folded = LedgerStore.Evolve(folded, e.Data, e.Timestamp, e.Version);
                }

                object? doc = kind is "accomplishment" or "held" ? await session.LoadAsync<Accomplishment>(id)
                    : kind == "feedback" ? await session.LoadAsync<FeedbackItem>(id)
                    : await session.LoadAsync<Story>(id);
                var expected = folded is null ? "null" : JsonSerializer.Serialize(folded, folded.GetType(), Json);
                var actual = doc is null ? "null" : JsonSerializer.Serialize(doc, doc.GetType(), Json);
                // Compared as JSON values: jsonb does not keep the order of an object's keys (a score's dimensions come back reordered).
                if (!System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(expected), System.Text.Json.Nodes.JsonNode.Parse(actual)))
                {
                    failures.Add($"{tenant}/{kind} {id} ({events.Count} events): the document is not the fold of its events{OnlyVersion(actual, expected)}{Environment.NewLine}  document: {actual}{Environment.NewLine}  events:   {expected}");
                }
            }

            foreach (var ((_, id), _) in ledger.RolledBack.Where(kv => kv.Key.Tenant == tenant))
            {
                if ((await session.Events.FetchStreamAsync(id)).Count > 0 || await session.LoadAsync<Accomplishment>(id) is not null
                    || await session.LoadAsync<FeedbackItem>(id) is not null || await session.LoadAsync<Story>(id) is not null)
                {
                    failures.Add($"{tenant}: stream {id} was started in a transaction that rolled back, but it or its document exists");
                }
            }

            // Marten's tombstone stream (the events that fill the sequence numbers of a failed save) is bookkeeping, not a stream.
            var streams = await host.ScalarAsync<long>(
                $"select count(*) from {host.Schema}.mt_streams s where s.tenant_id = @t and exists (select 1 from {host.Schema}.mt_events e where e.stream_id = s.id and e.tenant_id = s.tenant_id and e.type <> 'tombstone')",
                ("t", tenant));
            var expectedStreams = ledger.Streams.Count(kv => kv.Key.Tenant == tenant);
            if (streams != expectedStreams)
            {
                failures.Add($"{tenant}: {streams} streams stored, {expectedStreams} committed");
            }
        }
    }

    private async Task<T?> LoadAsync<T>(string tenant, Guid id)
        where T : notnull
    {
        await using var session = Store.QuerySession(tenant);
        return await session.LoadAsync<T>(id);
    }

    /// <summary>The stored JSON of every document of the affected types and users, keyed by table, tenant and id.</summary>
    private async Task<SortedDictionary<string, string>> DocumentsAsync(string[] tenants)
    {
        var documents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var sql = NpgsqlDataSource.Create(host.App.ConnectionString);
        foreach (var (_, table) in Documents)
        {
            await using var cmd = sql.CreateCommand($"select tenant_id, id, data::text from {host.Schema}.{table} where tenant_id = any(@tenants)");
            cmd.Parameters.AddWithValue("tenants", tenants);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                documents[$"{table} {reader.GetString(0)}/{reader.GetGuid(1)}"] = reader.GetString(2);
            }
        }

        return documents;
    }

    /// <summary>" (only the version differs: 0 vs 3)" when two documents differ in nothing but their version, else "".</summary>
    private static string OnlyVersion(string? left, string? right)
    {
        if (left is null || right is null || System.Text.Json.Nodes.JsonNode.Parse(left) is not System.Text.Json.Nodes.JsonObject l
            || System.Text.Json.Nodes.JsonNode.Parse(right) is not System.Text.Json.Nodes.JsonObject r)
        {
            return "";
        }

        var (lv, rv) = (l["version"]?.ToJsonString(), r["version"]?.ToJsonString());
        l.Remove("version");
        r.Remove("version");
        return lv != rv && System.Text.Json.Nodes.JsonNode.DeepEquals(l, r) ? $" (only the version differs: {lv} vs {rv})" : "";
    }

    private static void CompareDocuments(string leftName, SortedDictionary<string, string> left, string rightName, SortedDictionary<string, string> right, List<string> failures)
    {
        foreach (var key in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            left.TryGetValue(key, out var l);
            right.TryGetValue(key, out var r);
            if (l != r)
            {
                failures.Add($"{key}{OnlyVersion(l, r)}:{Environment.NewLine}  {leftName}: {l ?? "(none)"}{Environment.NewLine}  {rightName}: {r ?? "(none)"}");
            }
        }
    }
}
