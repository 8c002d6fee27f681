namespace CareerLedger.Domain.Reminders;

/// <summary>Where one channel's delivery of a reminder stands. Stored snake_case.</summary>
public enum DeliveryState
{
    /// <summary>Not delivered yet (waiting for quiet hours to end, or being retried).</summary>
    Pending,
    /// <summary>Delivered.</summary>
    Delivered,
    /// <summary>The last attempt failed; <see cref="ChannelDelivery.LastError"/> says why.</summary>
    Failed,
}

/// <summary>Events of a <c>reminder</c> stream: one stream per reminder occurrence, its id derived from the user and the reminder key.</summary>
public abstract record ReminderEvent(Guid ReminderId);

/// <summary>Stored as <c>reminder_due</c>: a rule decided the reminder is due (at most once per key, however often a job runs).</summary>
/// <param name="ReminderId">Stream id.</param>
/// <param name="Notice">What the reminder says and when it is due.</param>
/// <param name="Channels">The channels it goes to (the inbox first).</param>
public sealed record ReminderDue(Guid ReminderId, ReminderNotice Notice, IReadOnlyList<ChannelKind> Channels) : ReminderEvent(ReminderId);

/// <summary>Stored as <c>reminder_delivered</c>.</summary>
/// <param name="ReminderId">Stream id.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Attempt">1 for the first attempt.</param>
public sealed record ReminderDelivered(Guid ReminderId, ChannelKind Channel, int Attempt) : ReminderEvent(ReminderId);

/// <summary>Stored as <c>reminder_delivery_failed</c>: one failed attempt (it is retried with back-off).</summary>
/// <param name="ReminderId">Stream id.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="Reason">What went wrong (status code, timeout, SMTP reply), at most 500 characters.</param>
public sealed record ReminderDeliveryFailed(Guid ReminderId, ChannelKind Channel, int Attempt, string Reason) : ReminderEvent(ReminderId);

/// <summary>Stored as <c>reminder_read</c>: marked read in the inbox.</summary>
/// <param name="ReminderId">Stream id.</param>
public sealed record ReminderRead(Guid ReminderId) : ReminderEvent(ReminderId);

/// <summary>What a reminder says. Made by <see cref="ReminderRules"/>.</summary>
/// <param name="Key">Idempotency key, unique per user and occurrence, e.g. <c>weekly_wins:2026-W49</c> or <c>offer_deadline:&lt;offer&gt;:2026-12-09:24h</c>.</param>
/// <param name="Kind">Which reminder.</param>
/// <param name="Title">One line.</param>
/// <param name="Body">A few sentences (plain text).</param>
/// <param name="DueAt">When the rule found it due: the run time of the job that recorded it (UTC).</param>
/// <param name="SubjectId">The offer or goal it is about, if any.</param>
public sealed record ReminderNotice(string Key, ReminderKind Kind, string Title, string Body, DateTimeOffset DueAt, Guid? SubjectId);

/// <summary>One channel's delivery of a reminder.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="State">Pending, delivered or failed.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="LastError">The reason of the last failure, if any.</param>
public sealed record ChannelDelivery(ChannelKind Channel, DeliveryState State, int Attempts, string? LastError);

/// <summary>A reminder's state (fold of its stream; the inline document behind the inbox).</summary>
/// <param name="Id">Stream id.</param>
/// <param name="Notice">What it says.</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
/// <param name="Deliveries">Per channel, in the order of <see cref="ReminderDue.Channels"/>.</param>
/// <param name="Read">Whether it was marked read.</param>
public sealed record Reminder(Guid Id, ReminderNotice Notice, DateTimeOffset RecordedAt, IReadOnlyList<ChannelDelivery> Deliveries, bool Read)
{
    /// <summary>The stream version of the last event folded in; set by the projection.</summary>
    public long Version { get; init; }

    /// <summary>Folds one event (pure). The inbox channel counts as delivered when the reminder is recorded.</summary>
    /// <exception cref="InvalidOperationException">When the event does not fit the state.</exception>
    public static Reminder Evolve(Reminder? state, ReminderEvent e, DateTimeOffset recordedAt) => (state, e) switch
    {
        (null, ReminderDue d) => new Reminder(d.ReminderId, d.Notice, recordedAt,
            d.Channels.Select(c => c == ChannelKind.Inbox ? new ChannelDelivery(c, DeliveryState.Delivered, 1, null) : new ChannelDelivery(c, DeliveryState.Pending, 0, null)).ToList(),
            false),
        ({ } s, ReminderDelivered d) => s.With(d.Channel, x => x with { State = DeliveryState.Delivered, Attempts = Math.Max(x.Attempts, d.Attempt), LastError = null }),
        ({ } s, ReminderDeliveryFailed f) => s.With(f.Channel, x => x with { State = DeliveryState.Failed, Attempts = Math.Max(x.Attempts, f.Attempt), LastError = f.Reason }),
        ({ } s, ReminderRead) => s with { Read = true },
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot apply here."),
    };

    /// <summary>Whether <paramref name="channel"/> has received it.</summary>
    public bool DeliveredTo(ChannelKind channel) => Deliveries.Any(d => d.Channel == channel && d.State == DeliveryState.Delivered);

    private Reminder With(ChannelKind channel, Func<ChannelDelivery, ChannelDelivery> change) => this with
    {
        Deliveries = Deliveries.Any(d => d.Channel == channel)
            ? Deliveries.Select(d => d.Channel == channel ? change(d) : d).ToList()
            : [.. Deliveries, change(new ChannelDelivery(channel, DeliveryState.Pending, 0, null))],
    };
}

/// <summary>The reminder decider (pure).</summary>
public static class ReminderDecider
{
    /// <summary>Records the outcome of one delivery attempt; nothing once the channel has it (at-least-once jobs repeat).</summary>
    public static IReadOnlyList<ReminderEvent> Attempted(Reminder state, ChannelKind channel, int attempt, string? error) =>
        state.DeliveredTo(channel) ? []
        : error is null ? [new ReminderDelivered(state.Id, channel, attempt)]
        : [new ReminderDeliveryFailed(state.Id, channel, attempt, error.Length > 500 ? error[..500] : error)];

    /// <summary>Marks it read; twice is harmless.</summary>
    public static IReadOnlyList<ReminderEvent> MarkRead(Reminder state) => state.Read ? [] : [new ReminderRead(state.Id)];
}
