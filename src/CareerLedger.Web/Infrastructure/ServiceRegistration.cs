using System.Text.Json;
using System.Text.Json.Serialization;
using CareerLedger.Web.Accomplishments;
using CareerLedger.Web.Ai;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Feedback;
using CareerLedger.Web.Offers;
using CareerLedger.Web.Coaching;
using CareerLedger.Web.Stories;
using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CareerLedger.Web.Infrastructure;

/// <summary>Service and pipeline wiring, kept out of Program.cs.</summary>
public static class ServiceRegistration
{
    /// <summary>Deepest nesting accepted in a JSON body (the deepest real body, an offer's vesting schedule, has 4 levels).</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>Largest request body accepted, in bytes (1 MiB); the import endpoints allow <see cref="MaxImportBodyBytes"/>.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Largest body of an import, in bytes (16 MiB: about ten years of weekly wins with long descriptions).</summary>
    public const long MaxImportBodyBytes = 16 * 1024 * 1024;

    /// <summary>Registers everything except the database (see <see cref="Database"/>).</summary>
    public static WebApplicationBuilder AddLedgerServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        // The site's wwwroot (and its compressed copies) from the build output in every environment, not only Development: the
        // tests and `dotnet CareerLedger.Web.dll` run the built app in Production. A published app has none of this and uses its wwwroot.
        builder.WebHost.UseStaticWebAssets();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.MaxDepth = MaxJsonDepth;
            o.SerializerOptions.Converters.Add(new TextJsonConverter());
            o.SerializerOptions.Converters.Add(new DateJsonConverter());
            // A misspelt field is an error naming it, not silently dropped data.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        services.AddOpenApi();
        services.AddAuthentication(AccessTokenAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null);
        services.AddAuthorization();
        services.AddLedgerSite();
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        services.AddScoped<CurrentUser>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<AccountDeletion>();
        services.AddScoped<LedgerReader>();
        services.AddSingleton(_ => CareerLedger.Domain.Questions.QuestionBank.Load());
        services.AddSingleton<CoachService>();

        services.AddLedgerAi(builder.Configuration);
        services.AddLedgerSecurity(builder.Configuration);
        return builder;
    }

    /// <summary>Middleware and health endpoints.</summary>
    public static WebApplication UseLedgerPipeline(this WebApplication app)
    {
        app.UseLedgerSecurity();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = SiteErrors.HandleAsync });
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}

/// <summary>Ready only when PostgreSQL answers.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource db) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var cmd = db.CreateCommand("select 1");
            await cmd.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not answering.", ex);
        }
    }
}
