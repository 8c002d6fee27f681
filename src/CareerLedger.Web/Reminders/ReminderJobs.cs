using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Goals;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Reminders;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Infrastructure;
using Hangfire;
using Hangfire.Server;
using Marten;
using Wolverine;

namespace CareerLedger.Web.Reminders;

/// <summary>
/// The Hangfire jobs behind the reminders. Each rule job reads the user's documents, asks the pure rule in
/// <see cref="ReminderRules"/> whether a reminder is due now, records it once per key (<see cref="RecordReminder"/>; a repeat of an
/// occurrence, from a retry or a second node, finds the key and stops there) and enqueues one delivery job per push channel,
/// deferred past quiet hours. Delivery jobs retry with back-off; each channel is its own job, so one failing channel never blocks
/// another. Execution is at-least-once (Hangfire), delivery idempotent by reminder and channel. See docs/reminders.md.
/// </summary>
public sealed class ReminderJobs(
    IDocumentStore store, IMessageBus bus, AccountStore accounts, ReminderDelivery delivery, ReminderScheduler scheduler,
    AccountDeletion deletion, IBackgroundJobClient jobs, TimeProvider clock, ILogger<ReminderJobs> log)
{
    /// <summary>At the weekly slot: "log this week's wins", unless a win was logged this week.</summary>
    public async Task WeeklyWins(Guid userId, CancellationToken ct)
    {
        await RunRuleAsync(userId, ReminderKind.WeeklyWins, async (session, now, zone, _) =>
            ReminderRules.WeeklyWins(now, zone, await session.Query<Accomplishment>().ToListAsync(ct)), ct);
    }

    /// <summary>Daily at the mock-session time: a mock interview while a job search is active, at the cadence.</summary>
    public async Task MockSession(Guid userId, CancellationToken ct)
    {
        await RunRuleAsync(userId, ReminderKind.MockSession, async (session, now, zone, settings) =>
        {
            var goals = await session.Query<Goal>().ToListAsync(ct);
            var sessions = await session.Query<MockSession>().ToListAsync(ct);
            return ReminderRules.MockSession(now, zone, settings.MockEveryDays, goals, sessions);
        }, ct);
    }

    /// <summary>On the 1st of March, June, September and December: review and tidy the brag document.</summary>
    public async Task QuarterlyReview(Guid userId, CancellationToken ct)
    {
        await RunRuleAsync(userId, ReminderKind.QuarterlyReview, async (session, now, zone, _) =>
            ReminderRules.QuarterlyReview(now, zone, await session.Query<Accomplishment>().ToListAsync(ct)), ct);
    }

    /// <summary>Scheduled <paramref name="hoursBefore"/> hours before an offer expires (scheduled by <see cref="ReminderScheduler"/>).</summary>
    public async Task OfferDeadline(Guid userId, Guid offerId, int hoursBefore, CancellationToken ct)
    {
        await RunRuleAsync(userId, ReminderKind.OfferDeadline, async (session, now, zone, _) =>
            await session.LoadAsync<Offer>(offerId, ct) is { } offer ? ReminderRules.OfferDeadline(now, zone, offer, hoursBefore) : null, ct);
    }

    /// <summary>Delivers one reminder over one push channel; throws on failure so Hangfire retries (the attempt is recorded first).</summary>
    /// <exception cref="ReminderDeliveryException">When the channel refused or did not answer.</exception>
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [30, 120, 600, 1800, 3600, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task Deliver(Guid userId, Guid reminderId, ChannelKind channel, PerformContext? context, CancellationToken ct)
    {
        var tenant = userId.ToString();
        await using var session = store.QuerySession(tenant);
        if (await session.LoadAsync<Reminder>(reminderId, ct) is not { } reminder || reminder.DeliveredTo(channel))
        {
            return;
        }

        var settings = await session.LoadAsync<ReminderSettings>(ReminderHandler.SettingsId(tenant), ct);
        if (settings?.Channels.FirstOrDefault(c => c.Kind == channel) is not { } target)
        {
            await bus.InvokeForUserAsync<Reminder?>(tenant, new RecordDeliveryAttempt(reminderId, channel, 1, "The channel was disconnected before delivery."), ct);
            return;
        }

        var attempt = (context?.GetJobParameter<int>("RetryCount") ?? 0) + 1;
        var error = await delivery.SendAsync(reminder, target, ct);
        await bus.InvokeForUserAsync<Reminder?>(tenant, new RecordDeliveryAttempt(reminderId, channel, attempt, error), ct);
        if (error is not null)
        {
            log.LogWarning("Reminder {Key} to {Channel} failed (attempt {Attempt}): {Error}", reminder.Notice.Key, channel, attempt, error);
            throw new ReminderDeliveryException($"{channel} delivery of {reminder.Notice.Key} failed: {error}");
        }
    }

    /// <summary>
    /// Hourly: makes every user's recurring jobs and offer deadline jobs match their settings and offers, removes the recurring
    /// jobs of accounts that no longer exist, deletes the data any deleted account left behind
    /// (<see cref="AccountDeletion.PurgeOrphanedTenantsAsync"/>), and re-enqueues pushes that were never attempted (see
    /// <see cref="StalledPushes"/>).
    /// </summary>
    public async Task Reconcile(CancellationToken ct)
    {
        var users = await accounts.ListUsersAsync(ct);
        scheduler.RemoveRecurringExcept(users.Select(u => u.Id).ToHashSet());
        await deletion.PurgeOrphanedTenantsAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var user in users)
        {
            await scheduler.SyncUserAsync(user.Id, ct);
            var tenant = user.Id.ToString();
            await using var session = store.QuerySession(tenant);
            var settings = await ReminderHandler.LoadSettingsAsync(session, ct);
            foreach (var (reminder, channel) in StalledPushes(await session.Query<Reminder>().ToListAsync(ct), settings, TimeZones.FindOrUtc(user.TimeZone), now))
            {
                jobs.Enqueue<ReminderJobs>(j => j.Deliver(user.Id, reminder, channel, null, CancellationToken.None));
            }
        }
    }

    /// <summary>
    /// Pushes that were never attempted although their time has come: the run that recorded the reminder stopped before it
    /// enqueued them. Recorded over an hour ago, still pending with no attempt, the channel still connected, and not in quiet
    /// hours now (a deferred push waits for the end of quiet hours; after it, it has had its chance). Delivery skips a channel that
    /// has the reminder, so a push that was merely slow is not sent twice.
    /// </summary>
    public static IEnumerable<(Guid Reminder, ChannelKind Channel)> StalledPushes(
        IEnumerable<Reminder> reminders, ReminderSettings settings, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (settings.Quiet?.Defer(now, zone) is { } until && until > now)
        {
            yield break;
        }

        foreach (var r in reminders.Where(r => r.RecordedAt < now.AddHours(-1)))
        {
            foreach (var d in r.Deliveries.Where(d => d.Channel != ChannelKind.Inbox && d.State == DeliveryState.Pending && d.Attempts == 0))
            {
                if (settings.Channels.Any(c => c.Kind == d.Channel))
                {
                    yield return (r.Id, d.Channel);
                }
            }
        }
    }

    private async Task RunRuleAsync(
        Guid userId, ReminderKind kind, Func<IQuerySession, DateTimeOffset, TimeZoneInfo, ReminderSettings, Task<ReminderNotice?>> rule, CancellationToken ct)
    {
        if (await accounts.FindAsync(userId, ct) is not { } user)
        {
            return; // the account is gone; the hourly reconciliation removes its recurring jobs
        }

        var tenant = userId.ToString();
        var zone = TimeZones.FindOrUtc(user.TimeZone);
        await using var session = store.QuerySession(tenant);
        var settings = await ReminderHandler.LoadSettingsAsync(session, ct);
        if (!settings.IsEnabled(kind))
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (await rule(session, now, zone, settings) is not { } notice)
        {
            return;
        }

        var started = await bus.InvokeForUserAsync<Started<Reminder>>(tenant, new RecordReminder(notice, settings.DeliveryChannels), ct);
        if (!started.Created)
        {
            return; // this occurrence was recorded before (a retry, a second node, or a misfire re-run)
        }

        log.LogInformation("Reminder {Key} due for user {User}", notice.Key, userId);
        var pushAt = settings.Quiet?.Defer(now, zone) ?? now;
        foreach (var channel in settings.Channels)
        {
            if (pushAt <= now)
            {
                jobs.Enqueue<ReminderJobs>(j => j.Deliver(userId, started.Document.Id, channel.Kind, null, CancellationToken.None));
            }
            else
            {
                jobs.Schedule<ReminderJobs>(j => j.Deliver(userId, started.Document.Id, channel.Kind, null, CancellationToken.None), pushAt);
            }
        }
    }
}

/// <summary>A push channel refused a reminder or did not answer; Hangfire retries the delivery job.</summary>
/// <param name="message">Which reminder, which channel, and why.</param>
public sealed class ReminderDeliveryException(string message) : Exception(message);
