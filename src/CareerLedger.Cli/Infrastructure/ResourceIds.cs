using CareerLedger.Cli.Offers;
using CareerLedger.Cli.Practice;
using CareerLedger.Cli.Stories;

namespace CareerLedger.Cli.Infrastructure;

/// <summary>The id arguments the CLI resolves: for each kind, the list endpoint that prefixes are looked up in.</summary>
internal static class ResourceIds
{
    /// <summary>Accomplishment ids, as <c>ledger wins</c> shows them (retracted ones included).</summary>
    public static IdResolver<AccomplishmentDto> Accomplishments { get; } = new(
        "api/accomplishments?includeRetracted=true", a => a.Id, new("an accomplishment id", "ledger wins", "accomplishment", "ids"));

    /// <summary>Offer ids, as <c>ledger offers list --all</c> shows them.</summary>
    public static IdResolver<OfferViewDto> Offers { get; } = new(
        "api/offers?status=all", v => v.Offer.Id, new("an offer id", "ledger offers list --all", "offer", "offer ids"));

    /// <summary>Story ids, as <c>ledger stories list --all</c> shows them (retired ones included).</summary>
    public static IdResolver<StoryViewDto> Stories { get; } = new(
        "api/stories?includeRetired=true", v => v.Story.Id, new("a story id", "ledger stories list --all", "story", "story ids"));

    /// <summary>Mock session ids, as <c>ledger mock list</c> shows them.</summary>
    public static IdResolver<SessionViewDto> MockSessions { get; } = new(
        "api/practice/sessions", v => v.Session.Id, new("a session id", "ledger mock list", "mock session", "session ids"));
}
