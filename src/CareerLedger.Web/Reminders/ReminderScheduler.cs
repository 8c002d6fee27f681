using System.Globalization;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Reminders;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Infrastructure;
using Hangfire;
using Marten;

namespace CareerLedger.Web.Reminders;

/// <summary>
/// The Hangfire jobs of one offer's deadline reminders (a document per offer, tenant-scoped), so that a moved deadline or a
/// closed offer deletes the jobs scheduled before.
/// </summary>
/// <param name="Id">The offer's id.</param>
/// <param name="Deadline">The deadline the jobs were scheduled for, or null when none are scheduled.</param>
/// <param name="JobIds">Hangfire job ids of the scheduled reminders.</param>
public sealed record OfferReminderJobs(Guid Id, DateOnly? Deadline, IReadOnlyList<string> JobIds);

/// <summary>
/// Keeps Hangfire's schedule in line with the ledger: one recurring job per user and reminder kind in the user's time zone
/// (<c>RecurringJob.AddOrUpdate</c> with <see cref="RecurringJobOptions.TimeZone"/>; removed when the kind is off), and one-off
/// jobs 48 h and 24 h before each open offer expires (rescheduled when the deadline moves, deleted when the offer closes).
/// Called after every settings or offer change and by the hourly reconciliation (<see cref="ReminderJobs.Reconcile"/>); does
/// nothing on an instance with jobs turned off (<see cref="JobsOptions.Enabled"/>).
/// </summary>
public sealed class ReminderScheduler(IDocumentStore store, AccountStore accounts, IServiceProvider services, TimeProvider clock, JobsOptions options)
{
    // Resolved on first use, and only with jobs on: building Hangfire's storage creates its schema, which an instance with jobs
    // off (a test host, say) should never do.
    private IRecurringJobManager Recurring => services.GetRequiredService<IRecurringJobManager>();

    private IBackgroundJobClient Jobs => services.GetRequiredService<IBackgroundJobClient>();

    /// <summary>The recurring job id of a user's reminder kind, e.g. <c>reminders:&lt;user id&gt;:weekly_wins</c>.</summary>
    public static string RecurringId(Guid userId, ReminderKind kind) =>
        string.Create(CultureInfo.InvariantCulture, $"reminders:{userId:N}:{System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString())}");

    /// <summary>The cron expression (minute hour day month weekday, in the user's zone) of a recurring reminder kind.</summary>
    public static string? Cron(ReminderKind kind, ReminderSettings s) => kind switch
    {
        ReminderKind.WeeklyWins => string.Create(CultureInfo.InvariantCulture, $"{s.WinsSlot.At.Minute} {s.WinsSlot.At.Hour} * * {(int)s.WinsSlot.Day}"),
        ReminderKind.MockSession => string.Create(CultureInfo.InvariantCulture, $"{s.MockAt.Minute} {s.MockAt.Hour} * * *"),
        ReminderKind.QuarterlyReview => string.Create(CultureInfo.InvariantCulture, $"{s.WinsSlot.At.Minute} {s.WinsSlot.At.Hour} 1 3,6,9,12 *"),
        _ => null,
    };

    /// <summary>Brings a user's recurring jobs and offer deadline jobs in line with their settings and offers.</summary>
    public async Task SyncUserAsync(Guid userId, CancellationToken ct)
    {
        if (!options.Enabled)
        {
            return;
        }

        if (await accounts.FindAsync(userId, ct) is not { } user)
        {
            foreach (var kind in Enum.GetValues<ReminderKind>())
            {
                Recurring.RemoveIfExists(RecurringId(userId, kind));
            }

            return;
        }

        var tenant = userId.ToString();
        var zone = TimeZones.FindOrUtc(user.TimeZone);
        IReadOnlyList<Offer> offers;
        ReminderSettings settings;
        await using (var session = store.QuerySession(tenant))
        {
            settings = await ReminderHandler.LoadSettingsAsync(session, ct);
            offers = await session.Query<Offer>().ToListAsync(ct);
        }

        SyncRecurring(userId, zone, settings);
        foreach (var offer in offers)
        {
            await SyncOfferAsync(userId, zone, offer, settings, ct);
        }
    }

    /// <summary>Removes the recurring reminder jobs of every user not in <paramref name="users"/> (accounts that are gone).</summary>
    public void RemoveRecurringExcept(IReadOnlySet<Guid> users)
    {
        if (!options.Enabled)
        {
            return;
        }

        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        foreach (var job in Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection))
        {
            if (job.Id.Split(':') is ["reminders", var user, _] && Guid.TryParseExact(user, "N", out var id) && !users.Contains(id))
            {
                Recurring.RemoveIfExists(job.Id);
            }
        }
    }

    /// <summary>
    /// Removes the jobs of a deleted account: its recurring reminder jobs (one per kind) and the offer deadline jobs scheduled
    /// for it (<paramref name="scheduledJobIds"/>, from its <see cref="OfferReminderJobs"/> documents, read before they were
    /// deleted). A delivery job already queued finds no reminder and does nothing. With jobs off on this instance nothing is
    /// removed here; the hourly reconciliation of an instance that runs them removes the recurring jobs of accounts that are gone.
    /// </summary>
    public void RemoveUser(Guid userId, IEnumerable<string> scheduledJobIds)
    {
        ArgumentNullException.ThrowIfNull(scheduledJobIds);
        if (!options.Enabled)
        {
            return;
        }

        foreach (var kind in Enum.GetValues<ReminderKind>())
        {
            Recurring.RemoveIfExists(RecurringId(userId, kind));
        }

        foreach (var job in scheduledJobIds)
        {
            Jobs.Delete(job);
        }
    }

    /// <summary>Adds, updates or removes the user's recurring reminder jobs.</summary>
    public void SyncRecurring(Guid userId, TimeZoneInfo zone, ReminderSettings settings)
    {
        if (!options.Enabled)
        {
            return;
        }

        var jobOptions = new RecurringJobOptions { TimeZone = zone, MisfireHandling = MisfireHandlingMode.Relaxed };
        foreach (var kind in new[] { ReminderKind.WeeklyWins, ReminderKind.MockSession, ReminderKind.QuarterlyReview })
        {
            var id = RecurringId(userId, kind);
            if (!settings.IsEnabled(kind))
            {
                Recurring.RemoveIfExists(id);
                continue;
            }

            var cron = Cron(kind, settings)!;
            switch (kind)
            {
                case ReminderKind.WeeklyWins:
                    Recurring.AddOrUpdate<ReminderJobs>(id, j => j.WeeklyWins(userId, CancellationToken.None), cron, jobOptions);
                    break;
                case ReminderKind.MockSession:
                    Recurring.AddOrUpdate<ReminderJobs>(id, j => j.MockSession(userId, CancellationToken.None), cron, jobOptions);
                    break;
                default:
                    Recurring.AddOrUpdate<ReminderJobs>(id, j => j.QuarterlyReview(userId, CancellationToken.None), cron, jobOptions);
                    break;
            }
        }
    }

    /// <summary>
    /// Schedules an offer's deadline reminders for its current deadline (those still ahead), after deleting the ones scheduled for
    /// an earlier deadline; deletes them all when the offer is closed, has no deadline, or the kind is off.
    /// </summary>
    public async Task SyncOfferAsync(Guid userId, TimeZoneInfo zone, Offer offer, ReminderSettings settings, CancellationToken ct)
    {
        if (!options.Enabled)
        {
            return;
        }

        var wanted = offer.Status == OfferStatus.Open && settings.IsEnabled(ReminderKind.OfferDeadline) ? offer.Deadline : null;
        await using var session = store.LightweightSession(userId.ToString());
        var scheduled = await session.LoadAsync<OfferReminderJobs>(offer.Id, ct);
        if (scheduled?.Deadline == wanted && (wanted is not null || scheduled is not null))
        {
            return; // already in line
        }

        if (scheduled is null && wanted is null)
        {
            return;
        }

        foreach (var job in scheduled?.JobIds ?? [])
        {
            Jobs.Delete(job);
        }

        var ids = new List<string>();
        if (wanted is not null && ReminderRules.ExpiresAt(offer, zone) is { } expires)
        {
            var now = clock.GetUtcNow();
            foreach (var hours in ReminderRules.DeadlineHours)
            {
                var due = expires.AddHours(-hours);
                if (due > now)
                {
                    ids.Add(Jobs.Schedule<ReminderJobs>(j => j.OfferDeadline(userId, offer.Id, hours, CancellationToken.None), due));
                }
                else if (now < expires)
                {
                    // Already inside this reminder's window (an offer recorded close to its deadline): run it now; the rule sends
                    // only the latest reminder whose time has come.
                    ids.Add(Jobs.Enqueue<ReminderJobs>(j => j.OfferDeadline(userId, offer.Id, hours, CancellationToken.None)));
                }
            }
        }

        session.Store(new OfferReminderJobs(offer.Id, wanted, ids));
        await session.SaveChangesAsync(ct);
    }

    /// <summary>After an offer command: re-syncs that offer's deadline jobs (with the user's settings).</summary>
    public async Task SyncOfferAsync(CurrentUser me, Offer offer, CancellationToken ct)
    {
        if (!options.Enabled)
        {
            return;
        }

        await using var session = store.QuerySession(me.TenantId);
        var settings = await ReminderHandler.LoadSettingsAsync(session, ct);
        await SyncOfferAsync(me.Id, me.TimeZone, offer, settings, ct);
    }
}
