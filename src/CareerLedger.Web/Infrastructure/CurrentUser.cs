using System.Security.Claims;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// The signed-in user for this request: the tenant id every read and write is scoped to, and their time zone,
/// which decides what "today" is for date validation and default ranges.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, TimeProvider clock)
{
    /// <summary>Claim type carrying the user's IANA time zone id.</summary>
    public const string TimeZoneClaim = "tz";

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? throw new InvalidOperationException("No HTTP request.");

    /// <summary>The user id (a UUID).</summary>
    /// <exception cref="InvalidOperationException">When the request is not authenticated (endpoints require authorization, so this is a bug).</exception>
    public Guid Id => Guid.Parse(Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));

    /// <summary>The tenant id used by the event store: the user id as a string.</summary>
    public string TenantId => Id.ToString();

    /// <summary>The user's time zone (IANA id stored at registration; UTC when unknown).</summary>
    public TimeZoneInfo TimeZone => TimeZones.FindOrUtc(Principal.FindFirstValue(TimeZoneClaim));

    /// <summary>Today's date in the user's time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone).DateTime);

    /// <summary>The current instant (UTC).</summary>
    public DateTimeOffset Now => clock.GetUtcNow();
}

/// <summary>IANA time zone lookup.</summary>
public static class TimeZones
{
    /// <summary>Finds an IANA (or Windows) time zone id, or null when unknown.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var tz) ? tz : null;
    }

    /// <summary>Finds a time zone or falls back to UTC.</summary>
    public static TimeZoneInfo FindOrUtc(string? id) => Find(id) ?? TimeZoneInfo.Utc;

    /// <summary>The end of <paramref name="day"/> (23:59:59.999…) in <paramref name="zone"/>, as UTC.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero).AddTicks(-1);
    }
}
