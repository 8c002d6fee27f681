using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Accomplishments;

/// <summary>The current state of one accomplishment: the fold of its stream, and the inline read-model document.</summary>
/// <param name="Id">Stream id.</param>
/// <param name="Details">Current content.</param>
/// <param name="Retracted">True once retracted (hidden from views).</param>
/// <param name="LoggedAt">When it was first recorded (UTC).</param>
/// <param name="UpdatedAt">When it last changed (UTC).</param>
/// <param name="Revisions">Number of revisions after the first log.</param>
/// <param name="ClientKey">Import item id, if imported.</param>
public sealed record Accomplishment(
    Guid Id, AccomplishmentDetails Details, bool Retracted, DateTimeOffset LoggedAt, DateTimeOffset UpdatedAt, int Revisions, string? ClientKey)
{
    /// <summary>
    /// The stream version of the last event folded into this state (1 after the first event): the document's ETag. Set by the
    /// projection that stores the document, from the event's position in its stream; 0 for a state built outside a stream.
    /// </summary>
    public long Version { get; init; }

    /// <summary>Folds one event into the state (pure). <paramref name="recordedAt"/> is the event's store timestamp.</summary>
    /// <exception cref="InvalidOperationException">When the event does not fit the state (a stream starting with something other than a log).</exception>
    public static Accomplishment Evolve(Accomplishment? state, AccomplishmentEvent e, DateTimeOffset recordedAt) => (state, e) switch
    {
        (null, AccomplishmentLogged l) => new Accomplishment(l.AccomplishmentId, l.Details, false, recordedAt, recordedAt, 0, l.ClientKey),
        ({ } s, AccomplishmentRevised r) => s with { Details = r.Details, UpdatedAt = recordedAt, Revisions = s.Revisions + 1 },
        ({ } s, AccomplishmentRetracted) => s with { Retracted = true, UpdatedAt = recordedAt },
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot apply to {(state is null ? "an empty stream" : "this accomplishment")}."),
    };
}

/// <summary>The accomplishment decider: commands in, events out (pure). See docs/events.md.</summary>
public static class AccomplishmentDecider
{
    /// <summary>
    /// Logging starts a stream. Repeating the same client key is harmless (no events); the caller decides what a repeat with
    /// different content means (an import revises, an Idempotency-Key reuse is refused).
    /// </summary>
    /// <exception cref="DomainRuleException">When the id exists without that client key.</exception>
    public static IReadOnlyList<AccomplishmentEvent> Log(Guid id, AccomplishmentDetails details, string? clientKey, Accomplishment? state) =>
        state is null ? [new AccomplishmentLogged(id, details, clientKey)]
        : state.ClientKey is not null && state.ClientKey == clientKey ? []
        : throw new DomainRuleException($"Accomplishment {id} already exists.");

    /// <summary>Revises the content. An identical revision produces no event.</summary>
    /// <exception cref="DomainRuleException">When the accomplishment was retracted.</exception>
    public static IReadOnlyList<AccomplishmentEvent> Revise(Accomplishment state, AccomplishmentDetails details, string? reason)
    {
        if (state.Retracted)
        {
            throw new DomainRuleException("This accomplishment was retracted; log a new one instead of revising it.");
        }

        return SameContent(state.Details, details) ? [] : [new AccomplishmentRevised(state.Id, details, Fields.Reason(reason))];
    }

    /// <summary>Retracts. Retracting twice is harmless (no event).</summary>
    public static IReadOnlyList<AccomplishmentEvent> Retract(Accomplishment state, string? reason) =>
        state.Retracted ? [] : [new AccomplishmentRetracted(state.Id, Fields.Reason(reason))];

    /// <summary>Whether two contents are equal field by field (lists compared element by element).</summary>
    public static bool SameContent(AccomplishmentDetails a, AccomplishmentDetails b) =>
        a with { Impact = [], Competencies = [], Links = [] } == b with { Impact = [], Competencies = [], Links = [] }
        && a.Impact.SequenceEqual(b.Impact) && a.Competencies.SequenceEqual(b.Competencies) && a.Links.SequenceEqual(b.Links);
}
