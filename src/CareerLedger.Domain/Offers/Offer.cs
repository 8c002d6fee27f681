using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers;

/// <summary>The current state of one offer (fold of its stream; the inline read-model document).</summary>
/// <param name="Id">Stream id.</param>
/// <param name="Stage">Verbal or written.</param>
/// <param name="Status">Open, accepted, declined, expired or withdrawn.</param>
/// <param name="ReceivedOn">When it first arrived.</param>
/// <param name="Terms">The current terms.</param>
/// <param name="Revisions">Every version of the terms, oldest first (the first is the original offer).</param>
/// <param name="Counters">Counter-offers sent, oldest first.</param>
/// <param name="Deadline">Current answer deadline (from the terms or a later deadline event).</param>
/// <param name="ClosedOn">When it was accepted, declined, expired or withdrawn.</param>
/// <param name="ClosingReason">Why it closed, when given.</param>
/// <param name="ClientKey">Idempotency key it was created with.</param>
public sealed record Offer(
    Guid Id,
    OfferStage Stage,
    OfferStatus Status,
    DateOnly ReceivedOn,
    OfferTerms Terms,
    IReadOnlyList<TermsRevision> Revisions,
    IReadOnlyList<CounterOfferSent> Counters,
    DateOnly? Deadline,
    DateOnly? ClosedOn,
    string? ClosingReason,
    string? ClientKey)
{
    /// <summary>
    /// The stream version of the last event folded into this state (1 after the first event): the document's ETag. Set by the
    /// projection that stores the document, from the event's position in its stream; 0 for a state built outside a stream.
    /// </summary>
    public long Version { get; init; }

    /// <summary>Folds one event (pure).</summary>
    /// <exception cref="InvalidOperationException">When the event does not fit the state.</exception>
    public static Offer Evolve(Offer? state, OfferEvent e, DateTimeOffset recordedAt) => (state, e) switch
    {
        (null, OfferReceived r) => new Offer(
            r.OfferId, r.Stage, OfferStatus.Open, r.ReceivedOn, r.Terms, [new TermsRevision(r.ReceivedOn, r.Terms, "received", recordedAt)],
            [], r.Terms.Deadline, null, null, r.ClientKey),
        ({ } s, OfferRevised r) => s with
        {
            Terms = r.Terms,
            Stage = r.Stage,
            Revisions = [.. s.Revisions, new TermsRevision(r.RevisedOn, r.Terms, r.Reason, recordedAt)],
            Deadline = r.Terms.Deadline ?? s.Deadline,
        },
        ({ } s, CounterOfferSent c) => s with { Counters = [.. s.Counters, c] },
        ({ } s, OfferDeadlineSet d) => s with { Deadline = d.Deadline, Terms = s.Terms with { Deadline = d.Deadline } },
        ({ } s, OfferAccepted a) => s with { Status = OfferStatus.Accepted, ClosedOn = a.On },
        ({ } s, OfferDeclined d) => s with { Status = OfferStatus.Declined, ClosedOn = d.On, ClosingReason = d.Reason },
        ({ } s, OfferExpired x) => s with { Status = OfferStatus.Expired, ClosedOn = x.On },
        ({ } s, OfferWithdrawn w) => s with { Status = OfferStatus.Withdrawn, ClosedOn = w.On, ClosingReason = w.Reason },
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot apply to {(state is null ? "an empty stream" : "this offer")}."),
    };
}

/// <summary>One version of an offer's terms.</summary>
/// <param name="On">The day these terms arrived.</param>
/// <param name="Terms">The terms.</param>
/// <param name="Reason">"received" for the original, otherwise the revision's reason.</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
public sealed record TermsRevision(DateOnly On, OfferTerms Terms, string? Reason, DateTimeOffset RecordedAt);

/// <summary>The offer decider: commands in, events out (pure). Dates are the user's calendar days.</summary>
public static class OfferDecider
{
    /// <summary>Records a new offer.</summary>
    /// <exception cref="DomainValidationException">When <paramref name="receivedOn"/> is after <paramref name="today"/>.</exception>
    /// <exception cref="DomainRuleException">When the id is taken by another offer.</exception>
    public static IReadOnlyList<OfferEvent> Receive(
        Guid id, OfferStage stage, DateOnly receivedOn, OfferTerms terms, string? clientKey, DateOnly today, Offer? state)
    {
        if (state is not null)
        {
            return state.ClientKey is not null && state.ClientKey == clientKey ? [] : throw new DomainRuleException($"Offer {id} already exists.");
        }

        NotInFuture(receivedOn, today, "receivedOn");
        return [new OfferReceived(id, stage, receivedOn, terms, clientKey)];
    }

    /// <summary>Replaces the terms (the old ones stay in the stream). Identical terms and stage give no event.</summary>
    /// <exception cref="DomainRuleException">When the offer is closed.</exception>
    /// <exception cref="DomainValidationException">When the date is in the future or before the offer was received.</exception>
    public static IReadOnlyList<OfferEvent> Revise(Offer state, DateOnly revisedOn, OfferTerms terms, string? reason, OfferStage? stage, DateOnly today)
    {
        MustBeOpen(state, "revised");
        NotInFuture(revisedOn, today, "revisedOn");
        NotBeforeReceived(state, revisedOn, "revisedOn");
        var newStage = stage ?? state.Stage;
        return OfferTermsComparer.Same(state.Terms, terms) && newStage == state.Stage
            ? []
            : [new OfferRevised(state.Id, revisedOn, terms, Fields.Reason(reason), newStage)];
    }

    /// <summary>Records a counter-offer.</summary>
    /// <exception cref="DomainRuleException">When the offer is closed.</exception>
    /// <exception cref="DomainValidationException">When there are no asks, or the date is invalid.</exception>
    public static IReadOnlyList<OfferEvent> Counter(Offer state, DateOnly sentOn, IReadOnlyList<CounterAsk> asks, string? note, DateOnly today)
    {
        MustBeOpen(state, "countered");
        NotInFuture(sentOn, today, "sentOn");
        NotBeforeReceived(state, sentOn, "sentOn");
        if (asks.Count == 0)
        {
            var errors = new ValidationErrors();
            errors.Add("asks", "Say what you asked for: at least one ask.");
            errors.ThrowIfAny();
        }

        return [new CounterOfferSent(state.Id, sentOn, asks, Text.Clean(note))];
    }

    /// <summary>Sets or extends the deadline; the same deadline again gives no event.</summary>
    /// <exception cref="DomainRuleException">When the offer is closed.</exception>
    /// <exception cref="DomainValidationException">When the deadline is before the offer date.</exception>
    public static IReadOnlyList<OfferEvent> SetDeadline(Offer state, DateOnly deadline)
    {
        MustBeOpen(state, "given a new deadline");
        NotBeforeReceived(state, deadline, "deadline");
        return state.Deadline == deadline ? [] : [new OfferDeadlineSet(state.Id, deadline, state.Deadline is { } old && deadline > old)];
    }

    /// <summary>Closes the offer: accepted, declined, expired or withdrawn. Repeating the same outcome gives no event.</summary>
    /// <exception cref="DomainRuleException">When the offer already closed another way.</exception>
    /// <exception cref="DomainValidationException">When the date is in the future or before the offer was received.</exception>
    public static IReadOnlyList<OfferEvent> Close(Offer state, OfferStatus outcome, DateOnly on, string? reason, DateOnly today)
    {
        if (state.Status == outcome)
        {
            return [];
        }

        MustBeOpen(state, outcome.ToString().ToLowerInvariant());
        NotInFuture(on, today, "on");
        NotBeforeReceived(state, on, "on");
        var why = Fields.Reason(reason);
        return outcome switch
        {
            OfferStatus.Accepted => [new OfferAccepted(state.Id, on)],
            OfferStatus.Declined => [new OfferDeclined(state.Id, on, why)],
            OfferStatus.Expired => [new OfferExpired(state.Id, on)],
            OfferStatus.Withdrawn => [new OfferWithdrawn(state.Id, on, why)],
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), "An offer cannot be closed as open."),
        };
    }

    private static void MustBeOpen(Offer state, string verb)
    {
        if (state.Status != OfferStatus.Open)
        {
            throw new DomainRuleException($"This offer is {state.Status.ToString().ToLowerInvariant()}; it cannot be {verb}.");
        }
    }

    private static void NotInFuture(DateOnly day, DateOnly today, string field)
    {
        if (day > today)
        {
            var errors = new ValidationErrors();
            errors.Add(field, $"{day:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} in your time zone).");
            errors.ThrowIfAny();
        }
    }

    private static void NotBeforeReceived(Offer state, DateOnly day, string field)
    {
        if (day < state.ReceivedOn)
        {
            var errors = new ValidationErrors();
            errors.Add(field, $"{day:yyyy-MM-dd} is before the offer was received ({state.ReceivedOn:yyyy-MM-dd}).");
            errors.ThrowIfAny();
        }
    }
}

/// <summary>Structural equality of terms (records with lists compare lists element by element).</summary>
public static class OfferTermsComparer
{
    /// <summary>Whether two sets of terms say the same thing.</summary>
    public static bool Same(OfferTerms a, OfferTerms b) =>
        a with { SignOn = [], Equity = null, Refresher = null } == b with { SignOn = [], Equity = null, Refresher = null }
        && a.SignOn.SequenceEqual(b.SignOn)
        && SameEquity(a.Equity, b.Equity)
        && ((a.Refresher, b.Refresher) switch
        {
            (null, null) => true,
            ({ } x, { } y) => x.AnnualValue == y.AnnualValue && SameVesting(x.Vesting, y.Vesting),
            _ => false,
        });

    private static bool SameEquity(EquityGrant? a, EquityGrant? b) => (a, b) switch
    {
        (null, null) => true,
        ({ } x, { } y) => x with { Vesting = VestingSchedule.Even4Year } == y with { Vesting = VestingSchedule.Even4Year } && SameVesting(x.Vesting, y.Vesting),
        _ => false,
    };

    private static bool SameVesting(VestingSchedule a, VestingSchedule b) =>
        a.CliffMonths == b.CliffMonths && a.Frequency == b.Frequency && a.YearPercents.SequenceEqual(b.YearPercents);
}
