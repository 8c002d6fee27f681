using CareerLedger.Domain.Offers;
using CareerLedger.Web.Infrastructure;
using JasperFx.Events;
using Marten;
using Wolverine.Marten;

namespace CareerLedger.Web.Offers;

/// <summary>Records an offer received. Answered with <see cref="Started{TDoc}"/> of <see cref="Offer"/>.</summary>
/// <param name="Stage">Verbal, written or final.</param>
/// <param name="ReceivedOn">The day it arrived (the user's calendar).</param>
/// <param name="Terms">The validated terms.</param>
/// <param name="ClientKey">The Idempotency-Key; null for none.</param>
/// <param name="Today">The user's today, in their time zone.</param>
public sealed record ReceiveOffer(OfferStage Stage, DateOnly ReceivedOn, OfferTerms Terms, string? ClientKey, DateOnly Today);

/// <summary>New terms for an offer. Answered with the updated <see cref="Offer"/>, or null when the user has no such offer (likewise for the other offer commands).</summary>
/// <param name="OfferId">The stream id.</param>
/// <param name="RevisedOn">The day of the new terms.</param>
/// <param name="Terms">The validated terms.</param>
/// <param name="Reason">Why they changed (optional).</param>
/// <param name="Stage">A new stage, or null to keep it.</param>
/// <param name="Today">The user's today.</param>
/// <param name="Expected">The version the caller edited (If-Match, required).</param>
public sealed record ReviseOffer(Guid OfferId, DateOnly RevisedOn, OfferTerms Terms, string? Reason, OfferStage? Stage, DateOnly Today, ExpectedVersion Expected);

/// <summary>Records the counter-offer the user sent.</summary>
/// <param name="OfferId">The stream id.</param>
/// <param name="SentOn">The day it was sent.</param>
/// <param name="Asks">What was asked for.</param>
/// <param name="Note">Optional note.</param>
/// <param name="Today">The user's today.</param>
/// <param name="Expected">If-Match, or any.</param>
public sealed record CounterOffer(Guid OfferId, DateOnly SentOn, IReadOnlyList<CounterAsk> Asks, string? Note, DateOnly Today, ExpectedVersion Expected);

/// <summary>Sets or extends the answer deadline.</summary>
/// <param name="OfferId">The stream id.</param>
/// <param name="Deadline">The last day to answer (the user's calendar).</param>
/// <param name="Expected">If-Match, or any.</param>
public sealed record SetOfferDeadline(Guid OfferId, DateOnly Deadline, ExpectedVersion Expected);

/// <summary>Closes the offer: accepted, declined, expired or withdrawn.</summary>
/// <param name="OfferId">The stream id.</param>
/// <param name="Outcome">The closing status.</param>
/// <param name="On">The day it closed.</param>
/// <param name="Reason">Optional reason.</param>
/// <param name="Today">The user's today.</param>
/// <param name="Expected">If-Match, or any.</param>
public sealed record CloseOffer(Guid OfferId, OfferStatus Outcome, DateOnly On, string? Reason, DateOnly Today, ExpectedVersion Expected);

/// <summary>Wolverine handlers of the offer commands: load, call <see cref="OfferDecider"/>, append.</summary>
public static class OfferHandler
{
    /// <summary>Starts the offer stream; a repeat with the same key answers with the stored offer.</summary>
    public static async Task<Started<Offer>> Handle(ReceiveOffer command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var started = await StreamCreation.StartAsync<Offer>(
            session, "offer", command.ClientKey, clock,
            (id, state) => OfferDecider.Receive(id, command.Stage, command.ReceivedOn, command.Terms, command.ClientKey, command.Today, state), ct);
        var doc = started.Document;
        var original = doc.Revisions[0];
        return started.Created
            ? started
            : started with
            {
                SameRequest = OfferTermsComparer.Same(original.Terms, command.Terms) && original.On == command.ReceivedOn
                    && (doc.Revisions.Count > 1 || doc.Stage == command.Stage),
            };
    }

    /// <summary>Revises the terms.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    /// <exception cref="CareerLedger.Domain.Common.DomainRuleException">When the offer is closed.</exception>
    public static (UpdatedAggregate, Events) Handle(ReviseOffer c, [WriteAggregate(Required = false)] IEventStream<Offer> stream) =>
        StreamCommands.Decide(stream, c.Expected, o => OfferDecider.Revise(o, c.RevisedOn, c.Terms, c.Reason, c.Stage, c.Today));

    /// <summary>Records a counter.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(CounterOffer c, [WriteAggregate(Required = false)] IEventStream<Offer> stream) =>
        StreamCommands.Decide(stream, c.Expected, o => OfferDecider.Counter(o, c.SentOn, c.Asks, c.Note, c.Today));

    /// <summary>Sets the deadline.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(SetOfferDeadline c, [WriteAggregate(Required = false)] IEventStream<Offer> stream) =>
        StreamCommands.Decide(stream, c.Expected, o => OfferDecider.SetDeadline(o, c.Deadline));

    /// <summary>Closes the offer.</summary>
    /// <exception cref="VersionConflictException">When the expected version is stale.</exception>
    public static (UpdatedAggregate, Events) Handle(CloseOffer c, [WriteAggregate(Required = false)] IEventStream<Offer> stream) =>
        StreamCommands.Decide(stream, c.Expected, o => OfferDecider.Close(o, c.Outcome, c.On, c.Reason, c.Today));
}
