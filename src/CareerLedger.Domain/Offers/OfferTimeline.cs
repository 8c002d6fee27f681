using System.Globalization;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers;

/// <summary>How an offer's numbers moved during the negotiation, one entry per event, oldest first.</summary>
/// <param name="OfferId">The offer.</param>
/// <param name="Company">Its company.</param>
/// <param name="Entries">The timeline.</param>
public sealed record OfferTimeline(Guid OfferId, string Company, IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>Builds the timeline from the offer's events (pure).</summary>
    public static OfferTimeline Build(IReadOnlyList<(OfferEvent Event, DateTimeOffset RecordedAt)> events)
    {
        var entries = new List<TimelineEntry>();
        OfferTerms? previous = null;
        var company = "";
        foreach (var (e, at) in events)
        {
            switch (e)
            {
                case OfferReceived r:
                    company = r.Terms.Company;
                    entries.Add(new TimelineEntry(r.ReceivedOn, at, "received", $"{Describe(r.Stage)} offer received: {Headline(r.Terms)}", []));
                    previous = r.Terms;
                    break;
                case OfferRevised r:
                    var changes = Changes(previous!, r.Terms);
                    entries.Add(new TimelineEntry(r.RevisedOn, at, "revised",
                        $"Terms revised{(r.Reason is null ? "" : " (" + r.Reason + ")")}: " + (changes.Count == 0 ? "no figure changed" : string.Join("; ", changes.Select(c => c.ToString()))),
                        changes));
                    previous = r.Terms;
                    break;
                case CounterOfferSent c:
                    entries.Add(new TimelineEntry(c.SentOn, at, "counter", "Counter sent: " + string.Join("; ", c.Asks.Select(DescribeAsk)), []));
                    break;
                case OfferDeadlineSet d:
                    entries.Add(new TimelineEntry(null, at, d.Extended ? "deadline_extended" : "deadline_set",
                        (d.Extended ? "Deadline extended to " : "Deadline set to ") + d.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), []));
                    break;
                case OfferAccepted a:
                    entries.Add(new TimelineEntry(a.On, at, "accepted", "Accepted", []));
                    break;
                case OfferDeclined d:
                    entries.Add(new TimelineEntry(d.On, at, "declined", "Declined" + (d.Reason is null ? "" : ": " + d.Reason), []));
                    break;
                case OfferExpired x:
                    entries.Add(new TimelineEntry(x.On, at, "expired", "Expired", []));
                    break;
                case OfferWithdrawn w:
                    entries.Add(new TimelineEntry(w.On, at, "withdrawn", "Withdrawn by the company" + (w.Reason is null ? "" : ": " + w.Reason), []));
                    break;
            }
        }

        return new OfferTimeline(events.Count > 0 ? events[0].Event.OfferId : Guid.Empty, company, entries);
    }

    /// <summary>The figures that differ between two versions of the terms.</summary>
    public static IReadOnlyList<TermChange> Changes(OfferTerms before, OfferTerms after)
    {
        var list = new List<TermChange>();
        void Add(string field, string? from, string? to)
        {
            if (from != to)
            {
                list.Add(new TermChange(field, from, to));
            }
        }

        Add("level", $"{before.Level.Label} (rank {before.Level.Rank})", $"{after.Level.Label} (rank {after.Level.Rank})");
        Add("base", Money(before.BaseSalary, before.Currency), Money(after.BaseSalary, after.Currency));
        Add("bonus target", Pct(before.BonusTargetPercent), Pct(after.BonusTargetPercent));
        Add("sign-on", Money(before.SignOn.Sum(s => s.Amount), before.Currency), Money(after.SignOn.Sum(s => s.Amount), after.Currency));
        Add("equity", Equity(before), Equity(after));
        Add("refresher", before.Refresher is { } r1 ? Money(r1.AnnualValue, before.Currency) + "/yr" : "none", after.Refresher is { } r2 ? Money(r2.AnnualValue, after.Currency) + "/yr" : "none");
        Add("start date", before.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), after.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("deadline", before.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), after.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("remote", before.Remote?.ToString().ToLowerInvariant(), after.Remote?.ToString().ToLowerInvariant());
        Add("PTO days", before.PtoDays?.ToString(CultureInfo.InvariantCulture), after.PtoDays?.ToString(CultureInfo.InvariantCulture));
        return list;
    }

    /// <summary>"Acme, Staff Engineer (L6): base 200,000 USD, bonus 15 %, sign-on 50,000 USD, RSU 400,000 USD".</summary>
    public static string Headline(OfferTerms t) =>
        $"{t.Company}, {t.Role} ({t.Level.Label}): base {Money(t.BaseSalary, t.Currency)}, bonus {Pct(t.BonusTargetPercent)}, sign-on {Money(t.SignOn.Sum(s => s.Amount), t.Currency)}, equity {Equity(t)}";

    private static string Describe(OfferStage stage) => stage == OfferStage.Verbal ? "Verbal" : "Written";

    private static string DescribeAsk(CounterAsk a)
    {
        var what = a.Component switch
        {
            AskComponent.SignOn => "sign-on",
            AskComponent.StartDate => "start date",
            AskComponent.Pto => "PTO",
            var c => c.ToString().ToLowerInvariant(),
        };
        var amount = a.Amount is { } n ? " " + Text.Number(n) : "";
        return a.Text is null ? what + amount : $"{what}{amount} ({a.Text})";
    }

    private static string Money(decimal amount, string currency) => $"{Text.Number(amount)} {currency}";

    private static string Pct(decimal percent) => $"{Text.Number(percent)} %";

    private static string Equity(OfferTerms t) => t.Equity switch
    {
        null => "none",
        { Kind: EquityKind.Rsu } e => "RSU " + ((e.GrantValue ?? Arithmetic.Multiply(e.Shares ?? 0, e.SharePrice ?? 0)) is { } value ? Money(value, t.Currency) : "too large to compute"),
        { } e => $"{Text.Number(e.Shares ?? 0)} options at {Text.Number(e.StrikePrice ?? 0)} {t.Currency}",
    };
}

/// <summary>One entry of an offer's timeline.</summary>
/// <param name="On">The day it happened (null when the event carries no date, e.g. a deadline change).</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
/// <param name="Kind">received | revised | counter | deadline_set | deadline_extended | accepted | declined | expired | withdrawn.</param>
/// <param name="Summary">One line for people.</param>
/// <param name="Changes">For revisions: each figure that moved.</param>
public sealed record TimelineEntry(DateOnly? On, DateTimeOffset RecordedAt, string Kind, string Summary, IReadOnlyList<TermChange> Changes);

/// <summary>A figure that moved in a revision.</summary>
/// <param name="Field">Which figure.</param>
/// <param name="From">Before (formatted).</param>
/// <param name="To">After (formatted).</param>
public sealed record TermChange(string Field, string? From, string? To)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field} {From ?? "none"} → {To ?? "none"}";
}
