using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Reviews;
using CareerLedger.Web.Export;
using CareerLedger.Web.Infrastructure;
using Marten;

namespace CareerLedger.Web.Import;

/// <summary>Imports validated items (the endpoint validated the whole file first). Answered with the <see cref="ImportResult"/> counts.</summary>
/// <param name="Accomplishments">Each item's key (the file's id, or a content hash) and validated content, in file order; keys are unique.</param>
/// <param name="Feedback">Likewise for feedback.</param>
/// <param name="Reviews">Likewise for performance reviews.</param>
public sealed record ImportLedger(
    IReadOnlyList<(string Key, AccomplishmentDetails Details)> Accomplishments,
    IReadOnlyList<(string Key, FeedbackDetails Details)> Feedback,
    IReadOnlyList<(string Key, ReviewDetails Details)> Reviews);

/// <summary>
/// The import handler: one transaction for the whole file. Each item's stream id is derived from its key (<c>import:</c> + key),
/// so a re-import finds what the last one created: unchanged and retracted items are left alone, changed ones get a revision at
/// the version just read. Existing documents are loaded in one query per kind.
/// </summary>
public static class ImportHandler
{
    /// <summary>Stages every new stream and revision; Wolverine commits them together.</summary>
    /// <exception cref="JasperFx.ConcurrencyException">When an item was changed by another request in the meantime (a 409; nothing is written).</exception>
    public static async Task<ImportResult> Handle(ImportLedger command, IDocumentSession session, CancellationToken ct)
    {
        var (aNew, aChanged, aSame) = await ImportAsync<Accomplishment, AccomplishmentDetails>(
            session, "accomplishment", command.Accomplishments, a => (a.Id, a.Version),
            (id, details, key) => AccomplishmentDecider.Log(id, details, key, null),
            (doc, details) => doc.Retracted || AccomplishmentDecider.SameContent(doc.Details, details)
                ? []
                : AccomplishmentDecider.Revise(doc, details, "changed in a re-import"),
            ct);
        var (fNew, fChanged, fSame) = await ImportAsync<FeedbackItem, FeedbackDetails>(
            session, "feedback", command.Feedback, f => (f.Id, f.Version),
            (id, details, key) => FeedbackItem.Receive(id, details, key, null),
            (doc, details) => doc.Retracted || FeedbackItem.SameContent(doc.Details, details) ? [] : FeedbackItem.Revise(doc, details),
            ct);
        var (rNew, rChanged, rSame) = await ImportAsync<PerformanceReview, ReviewDetails>(
            session, ExportFormat.ReviewStreamType, command.Reviews, r => (r.Id, r.Version),
            (id, details, key) => PerformanceReview.Record(id, details, key, null),
            (doc, details) => doc.Retracted || PerformanceReview.SameContent(doc.Details, details) ? [] : PerformanceReview.Revise(doc, details),
            ct);
        return new ImportResult(aNew, aChanged, aSame, fNew, fChanged, fSame, rNew, rChanged, rSame);
    }

    private static async Task<(int Created, int Changed, int Same)> ImportAsync<TDoc, TDetails>(
        IDocumentSession session, string kind, IReadOnlyList<(string Key, TDetails Details)> items, Func<TDoc, (Guid Id, long Version)> identity,
        Func<Guid, TDetails, string, IReadOnlyList<object>> create, Func<TDoc, TDetails, IReadOnlyList<object>> revise, CancellationToken ct)
        where TDoc : class
    {
        var keyed = items.Select(i => (Id: StableIds.For(session.TenantId, kind, "import:" + i.Key), i.Key, i.Details)).ToList();
        var existing = items.Count == 0
            ? new Dictionary<Guid, TDoc>()
            : (await session.LoadManyAsync<TDoc>(ct, keyed.Select(k => k.Id))).ToDictionary(d => identity(d).Id);
        int created = 0, changed = 0, same = 0;
        foreach (var (id, key, details) in keyed)
        {
            if (!existing.TryGetValue(id, out var doc))
            {
                session.Events.StartStream<TDoc>(id, create(id, details, "import:" + key));
                created++;
                continue;
            }

            var events = revise(doc, details);
            if (events.Count == 0)
            {
                same++;
                continue;
            }

            // Appended at exactly the version just read: a concurrent change makes the import a 409 and writes nothing.
            session.Events.Append(id, identity(doc).Version + events.Count, events);
            changed++;
        }

        return (created, changed, same);
    }
}
