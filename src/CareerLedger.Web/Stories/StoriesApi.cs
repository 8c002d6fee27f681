using CareerLedger.Domain.Common;
using CareerLedger.Domain.Stories;
using CareerLedger.Web.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerLedger.Web.Stories;

/// <summary>Story ranking: <c>GET /api/stories/ranking</c>.</summary>
public static class StoriesApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapStoriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stories/ranking", Ranking).WithTags("Stories").WithName("StoryRanking")
            .WithSummary("Your accomplishments ranked as interview/promotion stories (formula version in formulaVersion, docs/scoring.md), top N (1-50, default 8) with reasons, competency coverage and the growth areas from your constructive feedback that no top story shows; asOf replays only what was recorded by then.")
            .RequireAuthorization();
        return app;
    }

    internal static async Task<Ok<StoryRanking>> Ranking(string? top, string? asOf, CurrentUser me, LedgerReader reader, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var n = 8;
        if (!string.IsNullOrWhiteSpace(top) && !int.TryParse(top, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n))
        {
            n = 0;
        }

        if (n is < 1 or > 50)
        {
            errors.Add("top", "Use a number from 1 to 50.");
        }

        var at = QueryParsing.AsOf(asOf, me.TimeZone, errors);
        errors.ThrowIfAny();
        var (accomplishments, feedback, reviews) = await reader.LoadWithReviewsAsync(at, ct);
        var growthAreas = GrowthAreaReader.Read(feedback, reviews);
        var today = at is { } instant ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, me.TimeZone).DateTime) : me.Today;
        return TypedResults.Ok(StoryRanker.Rank(accomplishments, today, n, at, growthAreas));
    }
}
