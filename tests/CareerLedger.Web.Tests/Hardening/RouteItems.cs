namespace CareerLedger.Web.Tests.Hardening;

/// <summary>How to create, as its owner, the item a route's parameter addresses, and where the owner reads it back.</summary>
/// <param name="Route">The route template, as <see cref="ApiEndpoint.Route"/> spells it.</param>
/// <param name="Create">Creates a fresh item for the owner (null: the route is not per user, see <paramref name="NotPerUser"/>).</param>
/// <param name="ReadBack">The GET path(s) whose answers (JSON and ETag) show the item's state to its owner.</param>
/// <param name="NotPerUser">Why the route needs no isolation check, when it addresses nothing a user owns.</param>
public sealed record RouteItem(string Route, Func<LedgerUser, Task<Resource>>? Create, Func<Resource, string[]> ReadBack, string? NotPerUser = null);

/// <summary>
/// One row per route of the app that takes an id or another key in its path. <see cref="TenantIsolationTests"/> fails when the
/// endpoint table has such a route without a row here, so a new route cannot skip the isolation matrix.
/// </summary>
public static class RouteItems
{
    private static string[] Accomplishment(Resource r) => [$"/api/accomplishments/{r.Id}", $"/api/accomplishments/{r.Id}/history"];

    private static string[] Offer(Resource r) => [$"/api/offers/{r.Id}", $"/api/offers/{r.Id}/timeline"];

    private static string[] Story(Resource r) => [$"/api/stories/{r.Id}"];

    private static string[] Session(Resource r) => [$"/api/practice/sessions/{r.Id}"];

    private static string[] Goal(Resource r) => [$"/api/goals/{r.Id}"];

    /// <summary>Every row.</summary>
    public static IReadOnlyList<RouteItem> All { get; } =
    [
        new("/api/tokens/{id}", u => u.NewTokenAsync(), _ => ["/api/tokens"]),
        new("/api/accomplishments/{id}", u => u.NewAccomplishmentAsync(), Accomplishment),
        new("/api/accomplishments/{id}/history", u => u.NewAccomplishmentAsync(), Accomplishment),
        new("/api/feedback/{id}", u => u.NewFeedbackAsync(), r => [$"/api/feedback/{r.Id}"]),
        new("/api/reviews/{id}", u => u.NewReviewAsync(), r => [$"/api/reviews/{r.Id}"]),
        new("/api/offers/{id}", u => u.NewOfferAsync(), Offer),
        new("/api/offers/{id}/terms", u => u.NewOfferAsync(), Offer),
        new("/api/offers/{id}/counter", u => u.NewOfferAsync(), Offer),
        new("/api/offers/{id}/deadline", u => u.NewOfferAsync(), Offer),
        new("/api/offers/{id}/accept", u => u.NewOfferAsync(), Offer),
        new("/api/offers/{id}/decline", u => u.NewOfferAsync(), Offer),
        new("/api/offers/{id}/expire", u => u.NewOfferAsync(), Offer),
        new("/api/offers/{id}/withdraw", u => u.NewOfferAsync(), Offer),
        new("/api/offers/{id}/timeline", u => u.NewOfferAsync(), Offer),
        new("/api/offers/{id}/compensation", u => u.NewOfferAsync(), Offer),
        new("/api/offers/{id}/plan", u => u.NewOfferAsync(), Offer),
        new("/api/stories/{id}", u => u.NewStoryAsync(), Story),
        new("/api/stories/{id}/links", u => u.NewStoryAsync(), Story),
        new("/api/stories/{id}/uses", u => u.NewStoryAsync(), Story),
        new("/api/practice/sessions/{id}", u => u.NewSessionAsync(), Session),
        new("/api/practice/sessions/{id}/answers", u => u.NewSessionAsync(), Session),
        new("/api/practice/sessions/{id}/finish", u => u.NewSessionAsync(), Session),
        new("/api/goals/{id}", u => u.NewGoalAsync(), Goal),
        new("/api/goals/{id}/reach", u => u.NewGoalAsync(), Goal),
        new("/api/goals/{id}/drop", u => u.NewGoalAsync(), Goal),
        new("/api/inbox/{id}/read", u => u.NewReminderAsync(), _ => ["/api/inbox"]),
        new("/calendar/{token}.ics", u => u.NewCalendarFeedAsync(), r => [$"/calendar/{r.Id}.ics", "/api/reminders/settings"]),
        new("/openapi/{documentName}.json", null, _ => [],
            NotPerUser: "the OpenAPI document: the same public document for everyone, addressed by document name, not by anything a user owns"),
    ];

    /// <summary>The row of <paramref name="route"/>, or null.</summary>
    public static RouteItem? For(string route) => All.FirstOrDefault(r => r.Route == route);

    /// <summary><paramref name="route"/> with its parameter replaced by <paramref name="key"/>.</summary>
    public static string Fill(string route, string key) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", key.Replace("$", "$$", StringComparison.Ordinal));
}
