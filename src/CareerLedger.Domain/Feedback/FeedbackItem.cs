using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Feedback;

/// <summary>Who gave the feedback, relative to the user. Stored snake_case.</summary>
public enum FeedbackFrom
{
    /// <summary>The user's manager.</summary>
    Manager,
    /// <summary>A peer.</summary>
    Peer,
    /// <summary>A direct report.</summary>
    Report,
    /// <summary>The manager's manager (<c>skip_level</c>).</summary>
    SkipLevel,
    /// <summary>Anyone else (customer, partner team, interviewer…).</summary>
    Other,
}

/// <summary>The tone of the feedback. Stored snake_case.</summary>
public enum Sentiment
{
    /// <summary>Praise or recognition.</summary>
    Positive,
    /// <summary>Neither praise nor a growth area.</summary>
    Neutral,
    /// <summary>A growth area or criticism.</summary>
    Constructive,
}

/// <summary>Validated feedback content.</summary>
/// <param name="ReceivedOn">The day it was received (user's calendar; not in the future).</param>
/// <param name="From">Who gave it.</param>
/// <param name="Source">Where: "1:1", "mid-year review", "peer review", "Slack"… (at most 100 characters).</param>
/// <param name="Text">What was said, 1-4,000 characters.</param>
/// <param name="Sentiment">Its tone.</param>
/// <param name="Themes">Competencies it speaks to.</param>
public sealed record FeedbackDetails(DateOnly ReceivedOn, FeedbackFrom From, string? Source, string Text, Sentiment Sentiment, IReadOnlyList<Competency> Themes);

/// <summary>Events of a <c>feedback</c> stream (one stream per feedback item).</summary>
public abstract record FeedbackEvent(Guid FeedbackId);

/// <summary>Stored as <c>feedback_received</c>.</summary>
/// <param name="FeedbackId">Stream id.</param>
/// <param name="Details">The feedback.</param>
/// <param name="ClientKey">Import item id, if imported.</param>
public sealed record FeedbackReceived(Guid FeedbackId, FeedbackDetails Details, string? ClientKey = null) : FeedbackEvent(FeedbackId);

/// <summary>Stored as <c>feedback_revised</c>: corrected content (for example a re-imported item that changed); the old stays in the stream.</summary>
/// <param name="FeedbackId">Stream id.</param>
/// <param name="Details">The full content after the revision.</param>
public sealed record FeedbackRevised(Guid FeedbackId, FeedbackDetails Details) : FeedbackEvent(FeedbackId);

/// <summary>Stored as <c>feedback_retracted</c>: removed from views, kept in history.</summary>
/// <param name="FeedbackId">Stream id.</param>
/// <param name="Reason">Why (optional).</param>
public sealed record FeedbackRetracted(Guid FeedbackId, string? Reason = null) : FeedbackEvent(FeedbackId);

/// <summary>Current state of a feedback item (fold of its stream; inline document).</summary>
/// <param name="Id">Stream id.</param>
/// <param name="Details">Content.</param>
/// <param name="Retracted">Whether it was retracted.</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
/// <param name="ClientKey">Import item id, if imported.</param>
public sealed record FeedbackItem(Guid Id, FeedbackDetails Details, bool Retracted, DateTimeOffset RecordedAt, string? ClientKey)
{
    /// <summary>
    /// The stream version of the last event folded into this state (1 after the first event): the document's ETag. Set by the
    /// projection that stores the document, from the event's position in its stream; 0 for a state built outside a stream.
    /// </summary>
    public long Version { get; init; }

    /// <summary>Folds one event (pure).</summary>
    /// <exception cref="InvalidOperationException">When the event does not fit the state.</exception>
    public static FeedbackItem Evolve(FeedbackItem? state, FeedbackEvent e, DateTimeOffset recordedAt) => (state, e) switch
    {
        (null, FeedbackReceived r) => new FeedbackItem(r.FeedbackId, r.Details, false, recordedAt, r.ClientKey),
        ({ } s, FeedbackRevised r) => s with { Details = r.Details },
        ({ } s, FeedbackRetracted) => s with { Retracted = true },
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot apply here."),
    };

    /// <summary>Receiving starts the stream; a repeated import of the same key yields no event.</summary>
    /// <exception cref="DomainRuleException">When the id is taken by other feedback.</exception>
    public static IReadOnlyList<FeedbackEvent> Receive(Guid id, FeedbackDetails details, string? clientKey, FeedbackItem? state) =>
        state is null ? [new FeedbackReceived(id, details, clientKey)]
        : state.ClientKey is not null && state.ClientKey == clientKey ? []
        : throw new DomainRuleException($"Feedback {id} already exists.");

    /// <summary>Revises the content; identical content yields no event.</summary>
    /// <exception cref="DomainRuleException">When the feedback was retracted.</exception>
    public static IReadOnlyList<FeedbackEvent> Revise(FeedbackItem state, FeedbackDetails details)
    {
        if (state.Retracted)
        {
            throw new DomainRuleException("This feedback was retracted; record it again instead of revising it.");
        }

        return SameContent(state.Details, details) ? [] : [new FeedbackRevised(state.Id, details)];
    }

    /// <summary>Whether two contents are equal field by field.</summary>
    public static bool SameContent(FeedbackDetails a, FeedbackDetails b) =>
        a with { Themes = [] } == b with { Themes = [] } && a.Themes.SequenceEqual(b.Themes);

    /// <summary>Retracts; twice is harmless.</summary>
    public static IReadOnlyList<FeedbackEvent> Retract(FeedbackItem state, string? reason) =>
        state.Retracted ? [] : [new FeedbackRetracted(state.Id, CareerLedger.Domain.Common.Fields.Reason(reason))];
}

/// <summary>Unvalidated feedback input.</summary>
/// <param name="Text">Required, at most 4,000 characters.</param>
/// <param name="ReceivedOn">Defaults to today; not in the future, not before 1970.</param>
/// <param name="From">manager | peer | report | skip_level | other; default other.</param>
/// <param name="Source">Optional, at most 100 characters.</param>
/// <param name="Sentiment">positive | neutral | constructive; default neutral.</param>
/// <param name="Themes">Optional competency names, at most 8.</param>
public sealed record FeedbackDraft(
    string? Text, DateOnly? ReceivedOn = null, string? From = null, string? Source = null, string? Sentiment = null, IReadOnlyList<string>? Themes = null)
{
    /// <summary>Validates against the user's <paramref name="today"/>.</summary>
    /// <exception cref="DomainValidationException">Listing every invalid field.</exception>
    public FeedbackDetails Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        var text = CareerLedger.Domain.Common.Text.Clean(Text);
        if (text is null)
        {
            errors.Add("text", "Feedback text is required: what was said, in a sentence or two.");
        }

        AccomplishmentDraft.CheckLength(errors, "text", Text, 4000);
        AccomplishmentDraft.CheckLength(errors, "source", Source, 100);
        var day = ReceivedOn ?? today;
        if (day > today)
        {
            errors.Add("receivedOn", $"Date {day:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} in your time zone).");
        }
        else if (day.Year < 1970)
        {
            errors.Add("receivedOn", $"Date {day:yyyy-MM-dd} is before 1970.");
        }

        var from = AccomplishmentDraft.ParseEnum(errors, "from", From, FeedbackFrom.Other);
        var sentiment = AccomplishmentDraft.ParseEnum(errors, "sentiment", Sentiment, Feedback.Sentiment.Neutral);
        var themes = CompetencyCatalog.ParseAll(Themes, "themes", errors);
        if (themes.Count > 8)
        {
            errors.Add("themes", "Tag at most 8 themes.");
        }
        errors.ThrowIfAny();
        return new FeedbackDetails(day, from, CareerLedger.Domain.Common.Text.Clean(Source), text!, sentiment, themes);
    }
}
