using System.Diagnostics;
using System.Text.Json;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Stories;
using Marten;
using Npgsql;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Copies the events of a database written by the hand-written event store (its tables <c>events</c> and <c>streams</c>, in use
/// until commit c31a71e) into Marten's <c>mt_events</c>/<c>mt_streams</c>, keeping each event's id, stream, version, recorded
/// time, correlation and causation ids and user, in the old global order; the inline projections write the documents in the same transaction.
/// One transaction per user: a user is copied completely or not at all. Streams Marten already holds with the same events are
/// skipped, so running it again changes nothing. The old tables are only read. docs/event-store.md, "Upgrading from the old store".
/// </summary>
public static class LegacyUpgrade
{
    private static readonly JsonSerializerOptions Json = LedgerStore.CreateJson();

    /// <summary>The old store's tables, left in place by the upgrade (the account tables are shared and stay in use).</summary>
    public static IReadOnlyList<string> LegacyTables { get; } = ["events", "streams", "doc_accomplishment", "doc_feedback", "doc_offer", "doc_story", "doc_mock_session", "schema_migrations"];

    /// <summary>Copies every user's old events into Marten (see <see cref="LegacyUpgrade"/>). Marten's schema must already exist.</summary>
    /// <param name="db">The app's data source: the old tables are read through it and the Marten sessions write through it.</param>
    /// <param name="store">The app's document store (its event type names, serializer and inline projections).</param>
    /// <param name="schema">The PostgreSQL schema holding both the old tables and Marten's (<see cref="LedgerDatabaseOptions.Schema"/>).</param>
    /// <param name="ct">Cancellation; the user being copied is then rolled back.</param>
    /// <returns>What was copied; <see cref="LegacyUpgradeResult.LegacyTablesFound"/> is false when there are no old tables.</returns>
    /// <exception cref="LegacyUpgradeException">
    /// When a user's old events cannot be copied faithfully: an event type the catalogue does not know, event data that does not
    /// deserialize, versions with a gap, a stream Marten already holds with different events, or an append Marten refuses (for
    /// example an event the domain's Evolve cannot fold). The one-line message names the user and, where known, the stream and
    /// old sequence number; that user's transaction is rolled back, users copied before stay copied, later ones are not attempted.
    /// </exception>
    public static async Task<LegacyUpgradeResult> RunAsync(NpgsqlDataSource db, IDocumentStore store, string schema, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var s = "\"" + schema + "\"";
        if (!await LegacyTablesExistAsync(db, s, ct))
        {
            return new LegacyUpgradeResult(false, 0, 0, 0, 0, started.ElapsedMilliseconds);
        }

        var types = store.Options.Events.AllKnownEventTypes().ToDictionary(t => t.EventTypeName, t => t.EventType, StringComparer.Ordinal);
        int users = 0, events = 0, streams = 0, present = 0;
        foreach (var tenant in await ReadTenantsAsync(db, s, ct))
        {
            var old = await ReadTenantAsync(db, s, tenant, ct);
            var copied = await CopyTenantAsync(db, store, tenant, old, types, ct);
            users += copied.Streams > 0 ? 1 : 0;
            events += copied.Events;
            streams += copied.Streams;
            present += old.Select(e => e.StreamId).Distinct().Count() - copied.Streams;
        }

        return new LegacyUpgradeResult(true, users, events, streams, present, started.ElapsedMilliseconds);
    }

    private static async Task<bool> LegacyTablesExistAsync(NpgsqlDataSource db, string s, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select to_regclass($1) is not null and to_regclass($2) is not null");
        cmd.Parameters.AddWithValue($"{s}.events");
        cmd.Parameters.AddWithValue($"{s}.streams");
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    // The only cross-user query: which users the old store holds events for, in the order they first wrote.
    private static async Task<IReadOnlyList<string>> ReadTenantsAsync(NpgsqlDataSource db, string s, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select tenant_id from {s}.events group by tenant_id order by min(seq_id)");
        var tenants = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            tenants.Add(r.GetString(0));
        }

        return tenants;
    }

    /// <summary>One user's old events in global order, checked against the old stream rows (versions 1, 2, … without gaps).</summary>
    private static async Task<IReadOnlyList<LegacyEvent>> ReadTenantAsync(NpgsqlDataSource db, string s, string tenant, CancellationToken ct)
    {
        var events = new List<LegacyEvent>();
        await using (var cmd = db.CreateCommand($"""
            select seq_id, id, stream_id, version, type, data::text, metadata::text, "timestamp"
              from {s}.events where tenant_id = $1 order by seq_id
            """))
        {
            cmd.Parameters.AddWithValue(tenant);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                events.Add(new LegacyEvent(
                    r.GetInt64(0), r.GetGuid(1), r.GetGuid(2), r.GetInt64(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.GetFieldValue<DateTimeOffset>(7)));
            }
        }

        var versions = new Dictionary<Guid, long>();
        foreach (var e in events)
        {
            var expected = versions.GetValueOrDefault(e.StreamId) + 1;
            if (e.Version != expected)
            {
                throw new LegacyUpgradeException(
                    $"user {tenant}: stream {e.StreamId} has version {e.Version} at sequence {e.Sequence} where {expected} was expected; nothing was written for this user.");
            }

            versions[e.StreamId] = e.Version;
        }

        await using (var cmd = db.CreateCommand($"select id, version from {s}.streams where tenant_id = $1"))
        {
            cmd.Parameters.AddWithValue(tenant);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (versions.GetValueOrDefault(r.GetGuid(0)) != r.GetInt64(1))
                {
                    throw new LegacyUpgradeException(
                        $"user {tenant}: stream {r.GetGuid(0)} is at version {r.GetInt64(1)} in the old streams table but has {versions.GetValueOrDefault(r.GetGuid(0))} events; nothing was written for this user.");
                }
            }
        }

        return events;
    }

    /// <summary>Appends the user's streams Marten does not hold yet, in one transaction.</summary>
    private static async Task<(int Events, int Streams)> CopyTenantAsync(
        NpgsqlDataSource db, IDocumentStore store, string tenant, IReadOnlyList<LegacyEvent> old, Dictionary<string, Type> types, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var options = Marten.Services.SessionOptions.ForTransaction(tx);
        options.TenantId = tenant;
        await using var session = store.LightweightSession(options);

        var streamIds = old.Select(e => e.StreamId).Distinct().ToArray();
        var toCopy = await StreamsToCopyAsync(session, tenant, old, streamIds, ct);
        var todo = old.Where(e => toCopy.Contains(e.StreamId)).ToList();
        var data = todo.Select(e => Deserialize(e, tenant, types)).ToList();

        // Consecutive events of one stream are one append. A session can hold one append per stream, so the session is saved
        // (inside the transaction) before a stream comes round again: the appends then take Marten's sequence numbers in the
        // old global order.
        var pending = new HashSet<Guid>();
        for (var i = 0; i < todo.Count;)
        {
            var run = todo.Skip(i).TakeWhile(e => e.StreamId == todo[i].StreamId).ToList();
            var runData = data.GetRange(i, run.Count).ToArray();
            i += run.Count;
            if (pending.Contains(run[0].StreamId))
            {
                await SaveAsync(session, tenant, ct);
                pending.Clear();
            }

            pending.Add(run[0].StreamId);
            var action = run[0].Version == 1
                ? session.Events.StartStream(AggregateOf(runData[0], tenant, run[0]), run[0].StreamId, runData)
                : session.Events.Append(run[0].StreamId, run[^1].Version, runData);
            for (var k = 0; k < run.Count; k++)
            {
                var (correlationId, causationId, userId) = ReadMetadata(run[k].Metadata);
                var e = action.Events[k];
                e.Id = run[k].Id;
                e.Timestamp = run[k].Timestamp;
                e.CorrelationId = correlationId;
                e.CausationId = causationId;
                e.UserName = userId;
            }
        }

        await SaveAsync(session, tenant, ct);
        await tx.CommitAsync(ct);
        return (todo.Count, toCopy.Count);
    }

    /// <summary>
    /// The streams to copy: those Marten has no events of. A stream whose Marten events start with the old events (same ids, in
    /// order) is already copied and skipped; any other stream Marten holds under that id is an error.
    /// </summary>
    private static async Task<HashSet<Guid>> StreamsToCopyAsync(
        IDocumentSession session, string tenant, IReadOnlyList<LegacyEvent> old, Guid[] streamIds, CancellationToken ct)
    {
        var inMarten = (await session.Events.QueryAllRawEvents()
                .Where(e => e.TenantId == tenant && e.StreamId.IsOneOf(streamIds))
                .OrderBy(e => e.Sequence)
                .ToListAsync(ct))
            .ToLookup(e => e.StreamId, e => e.Id);
        var toCopy = new HashSet<Guid>();
        foreach (var stream in old.GroupBy(e => e.StreamId))
        {
            var have = inMarten[stream.Key].ToList();
            if (have.Count == 0)
            {
                toCopy.Add(stream.Key);
            }
            else if (!have.Take(stream.Count()).SequenceEqual(stream.Select(e => e.Id)))
            {
                throw new LegacyUpgradeException(
                    $"user {tenant}: stream {stream.Key} is already in Marten with other events ({have.Count}; the old store has {stream.Count()}); nothing was written for this user.");
            }
        }

        return toCopy;
    }

    private static async Task SaveAsync(IDocumentSession session, string tenant, CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new LegacyUpgradeException($"user {tenant}: Marten refused the append ({ex.GetBaseException().Message}); nothing was written for this user.", ex);
        }
    }

    private static object Deserialize(LegacyEvent e, string tenant, Dictionary<string, Type> types)
    {
        if (!types.TryGetValue(e.Type, out var type))
        {
            throw new LegacyUpgradeException(
                $"user {tenant}: event type '{e.Type}' (stream {e.StreamId}, sequence {e.Sequence}) is not in the event catalogue; nothing was written for this user.");
        }

        try
        {
            return JsonSerializer.Deserialize(e.Data, type, Json)
                   ?? throw new JsonException("The event data is null.");
        }
        catch (JsonException ex)
        {
            throw new LegacyUpgradeException(
                $"user {tenant}: event '{e.Type}' (stream {e.StreamId}, sequence {e.Sequence}) does not deserialize: {ex.Message}; nothing was written for this user.", ex);
        }
    }

    /// <summary>The document type a stream is started for, from its first event (as <c>StartStream&lt;TDoc&gt;</c> does in the app).</summary>
    private static Type AggregateOf(object first, string tenant, LegacyEvent e) => first switch
    {
        AccomplishmentEvent => typeof(Accomplishment),
        FeedbackEvent => typeof(FeedbackItem),
        OfferEvent => typeof(Offer),
        StoryEvent => typeof(Story),
        MockSessionEvent => typeof(MockSession),
        _ => throw new LegacyUpgradeException(
            $"user {tenant}: event '{e.Type}' (stream {e.StreamId}, sequence {e.Sequence}) belongs to no aggregate; nothing was written for this user."),
    };

    /// <summary>The old envelope <c>{"correlationId", "causationId", "userId"}</c>; absent or null members are null.</summary>
    private static (string? CorrelationId, string? CausationId, string? UserId) ReadMetadata(string json)
    {
        using var doc = JsonDocument.Parse(json);
        string? Get(string name) => doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return (Get("correlationId"), Get("causationId"), Get("userId"));
    }

    private sealed record LegacyEvent(
        long Sequence, Guid Id, Guid StreamId, long Version, string Type, string Data, string Metadata, DateTimeOffset Timestamp);
}

/// <summary>What <see cref="LegacyUpgrade.RunAsync"/> did.</summary>
/// <param name="LegacyTablesFound">False when the schema has no old <c>events</c>/<c>streams</c> tables: nothing to upgrade.</param>
/// <param name="Users">Users with at least one stream copied by this run.</param>
/// <param name="Events">Events appended to Marten by this run.</param>
/// <param name="Streams">Streams started in Marten by this run.</param>
/// <param name="StreamsAlreadyPresent">Old streams Marten already held with the same events (skipped).</param>
/// <param name="ElapsedMilliseconds">Wall-clock time of the run, in milliseconds.</param>
public sealed record LegacyUpgradeResult(bool LegacyTablesFound, int Users, int Events, int Streams, int StreamsAlreadyPresent, long ElapsedMilliseconds);

/// <summary>An old user's events cannot be copied into Marten as they are; the message is one line naming the user, stream and event.</summary>
public sealed class LegacyUpgradeException : Exception
{
    /// <summary>An upgrade failure with its one-line message.</summary>
    public LegacyUpgradeException(string message)
        : base(message)
    {
    }

    /// <summary>An upgrade failure with its one-line message and the error behind it.</summary>
    public LegacyUpgradeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
