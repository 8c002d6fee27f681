using CareerLedger.Domain.Common;
using CareerLedger.Web.Infrastructure;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace CareerLedger.Web.Export;

/// <summary>Appends a validated export to the account of <paramref name="TenantId"/>. Answered with <see cref="ImportEventsOutcome"/>.</summary>
/// <param name="TenantId">The importing user's tenant id (the user id as text).</param>
/// <param name="Events">Every event of the file, validated, in file order (<see cref="EventFileReader"/>).</param>
public sealed record ImportEvents(string TenantId, IReadOnlyList<ImportedEvent> Events);

/// <summary>What an import of events did.</summary>
/// <param name="Appended">Events appended (0 on a repeat).</param>
/// <param name="AlreadyImported">True when the account already held exactly these events, so nothing was appended.</param>
public sealed record ImportEventsOutcome(int Appended, bool AlreadyImported);

/// <summary>
/// The handler of <see cref="ImportEvents"/>: one transaction on one connection for the whole file, under a per-account advisory
/// lock. An account without events gets every event, stream by stream in the file's order, with the exported versions, recorded
/// times and correlation and causation ids (the importing user as "last modified by"); the inline projections write the documents in
/// the same transaction. An account that holds exactly the file's events (same streams, versions, types and times) is a repeat of
/// an import that succeeded: nothing is appended. Any other account with events is refused.
/// </summary>
public static class ExportHandler
{
    private const int SaveEvery = 500;

    /// <summary>Appends the events, or recognises a repeat.</summary>
    /// <exception cref="DomainRuleException">When the account already has other events (a 409; nothing is written).</exception>
    public static async Task<ImportEventsOutcome> Handle(
        ImportEvents command, IDocumentStore store, NpgsqlDataSource db, LedgerDatabaseOptions database, CancellationToken ct)
    {
        var tenant = command.TenantId;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);

        // Two imports into one account at once: the second waits here, then finds the first one's events (a repeat, or a 409).
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('careerledger:import-events:' || $1, 0))", conn, tx))
        {
            lockCmd.Parameters.AddWithValue(tenant);
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        var existing = await ExistingAsync(conn, tx, database.Schema, tenant, ct);
        if (existing.Count > 0)
        {
            if (Same(existing, command.Events))
            {
                return new ImportEventsOutcome(0, true);
            }

            throw new DomainRuleException(
                $"This account already has {existing.Count} event(s), and an export is imported only into an account without any: " +
                "register a new account and import it there (a repeat of the import that filled an account changes nothing).");
        }

        var options = Marten.Services.SessionOptions.ForTransaction(tx);
        options.TenantId = tenant;
        await using var session = store.LightweightSession(options);
        var events = command.Events;

        // Consecutive events of one stream are one append. A session holds one append per stream, so the session is saved (inside
        // the transaction) before a stream comes round again, and after every SaveEvery streams so that one batch stays small;
        // sequence numbers are thereby taken in the file's order.
        var pending = new HashSet<Guid>();
        for (var i = 0; i < events.Count;)
        {
            var start = i;
            while (i < events.Count && events[i].StreamId == events[start].StreamId)
            {
                i++;
            }

            var run = events.Skip(start).Take(i - start).ToList();
            if (!pending.Add(run[0].StreamId) || pending.Count > SaveEvery)
            {
                await session.SaveChangesAsync(ct);
                pending.Clear();
                pending.Add(run[0].StreamId);
            }

            var data = run.Select(e => e.Data).ToArray();
            var action = run[0].Version == 1
                ? session.Events.StartStream(run[0].Kind.Aggregate, run[0].StreamId, data)
                : session.Events.Append(run[0].StreamId, run[^1].Version, data);
            for (var k = 0; k < run.Count; k++)
            {
                IEvent e = action.Events[k];
                e.Timestamp = run[k].RecordedAt;
                e.CorrelationId = run[k].CorrelationId;
                e.CausationId = run[k].CausationId;
                e.UserName = tenant;
            }
        }

        await session.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportEventsOutcome(events.Count, false);
    }

    private static async Task<List<(Guid StreamId, long Version, string Type, DateTimeOffset At)>> ExistingAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string schema, string tenant, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"""select stream_id, version, type, "timestamp" from "{schema}".mt_events where tenant_id = $1 order by seq_id""", conn, tx);
        cmd.Parameters.AddWithValue(tenant);
        var rows = new List<(Guid, long, string, DateTimeOffset)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            rows.Add((r.GetGuid(0), r.GetInt64(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)));
        }

        return rows;
    }

    private static bool Same(List<(Guid StreamId, long Version, string Type, DateTimeOffset At)> existing, IReadOnlyList<ImportedEvent> events) =>
        existing.Count == events.Count
        && existing.Zip(events).All(p => p.First.StreamId == p.Second.StreamId && p.First.Version == p.Second.Version
            && p.First.Type == p.Second.TypeName && p.First.At.UtcTicks == p.Second.RecordedAt.UtcTicks);
}
