using CareerLedger.Postgres.Provisioning;
using CareerLedger.Web.Reminders;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Authentication;

namespace CareerLedger.Web.Infrastructure;

/// <summary>Background job settings (<c>CareerLedger:Jobs</c>).</summary>
public sealed class JobsOptions
{
    /// <summary>Whether this instance schedules and runs reminder jobs (true by default; test hosts that need no jobs turn it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The PostgreSQL schema of Hangfire's tables; <c>hangfire</c> by default.</summary>
    public string Schema { get; set; } = "hangfire";

    /// <summary>How often the server looks for due scheduled and recurring jobs, in seconds (1-60; 15 by default).</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>Serve Hangfire's dashboard at <c>/hangfire</c>, for admins only (off by default).</summary>
    public bool Dashboard { get; set; }

    /// <summary>E-mail addresses of the users who may open the dashboard (with their access token).</summary>
    public IReadOnlyList<string> Admins { get; set; } = [];
}

/// <summary>
/// Hangfire on PostgreSQL (Hangfire.PostgreSql, its own schema in the app's database) for the reminder jobs: recurring jobs per
/// user and reminder kind, one-off deadline jobs, deliveries with retries. Several instances share one job store; Hangfire's
/// distributed locks make each occurrence scheduled once. See docs/reminders.md.
/// </summary>
public static class Jobs
{
    /// <summary>Registers the job storage, the reminder services and (when enabled) a Hangfire server in this instance.</summary>
    public static WebApplicationBuilder AddLedgerJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection("CareerLedger:Jobs");
        var options = section.Get<JobsOptions>() ?? new JobsOptions();
        if (options.PollSeconds is < 1 or > 60)
        {
            throw new InvalidOperationException($"CareerLedger:Jobs:PollSeconds must be 1-60 (got {options.PollSeconds}).");
        }

        services.AddSingleton(options);
        services.Configure<SmtpOptions>(builder.Configuration.GetSection("CareerLedger:Smtp"));
        services.AddHttpClient(ReminderDelivery.WebhookClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<ReminderDelivery>();
        services.AddSingleton<ReminderScheduler>();
        services.AddScoped<ReminderJobs>();
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(sp.GetRequiredService<PostgresServer>().ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = options.Schema,
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(Math.Min(options.PollSeconds, 5)),
                }));
        if (options.Enabled)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
                o.SchedulePollingInterval = TimeSpan.FromSeconds(options.PollSeconds);
                o.Queues = ["default"];
            });
            services.AddHostedService<ReminderStartup>();
        }

        return builder;
    }

    /// <summary>Maps Hangfire's dashboard at <c>/hangfire</c> when <see cref="JobsOptions.Dashboard"/> is on: admins only, never anonymous.</summary>
    public static WebApplication UseLedgerJobsDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<JobsOptions>();
        if (options.Dashboard)
        {
            app.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdminOnly(options.Admins)], DisplayStorageConnectionString = false });
        }

        return app;
    }

    /// <summary>Lets a request through only when its access token belongs to a configured admin.</summary>
    private sealed class AdminOnly(IReadOnlyList<string> admins) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var result = http.AuthenticateAsync(Accounts.AccessTokenAuthentication.SchemeName).GetAwaiter().GetResult();
            var email = result.Principal?.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;
            return email is not null && admins.Any(a => string.Equals(a.Trim(), email, StringComparison.OrdinalIgnoreCase));
        }
    }
}

/// <summary>
/// After start-up: registers the hourly reconciliation and runs it once (all idempotent, so every instance may do it). Runs in
/// the background so that it does not hold up the app's readiness.
/// </summary>
public sealed class ReminderStartup(IRecurringJobManager recurring, IBackgroundJobClient jobs, ILogger<ReminderStartup> log) : BackgroundService
{
    /// <summary>The reconciliation's recurring job id.</summary>
    public const string ReconcileJobId = "reminders:reconcile";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            recurring.AddOrUpdate<ReminderJobs>(ReconcileJobId, j => j.Reconcile(CancellationToken.None), Cron.Hourly());
            jobs.Enqueue<ReminderJobs>(j => j.Reconcile(CancellationToken.None));
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            log.LogError(ex, "Could not register the reminder reconciliation; the schedule is repaired at the next start.");
        }
    }
}
