using System.Net;
using CareerLedger.Cli.Accomplishments;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Offers;

/// <summary>
/// Offer ids on the command line: a full id, or a unique prefix of at least 4 characters as <c>ledger offers list</c> shows
/// it. Prefix lengths and formatting are <see cref="AccomplishmentIds"/>' (the same rules as for accomplishments).
/// </summary>
internal static class OfferIds
{
    public static async Task<Guid> ResolveAsync(ApiClient api, string idOrPrefix, CancellationToken ct)
    {
        var text = idOrPrefix.Trim().ToLowerInvariant();
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        if (text.Length < 4 || !text.All(c => char.IsAsciiHexDigit(c) || c == '-'))
        {
            throw CliException.Validation($"'{idOrPrefix}' is not an offer id (use the id or at least 4 leading characters of it, as `ledger offers list --all` shows)");
        }

        var all = (await api.SendAsync(HttpMethod.Get, "api/offers?status=all", ct).ConfigureAwait(false)).Read<List<OfferViewDto>>();
        var matches = all.Select(v => v.Offer.Id).Where(o => AccomplishmentIds.Format(o).StartsWith(text, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw CliException.Validation($"no offer id starts with '{idOrPrefix}'"),
            _ => throw CliException.Validation($"'{idOrPrefix}' is ambiguous: it starts {matches.Count} offer ids ({string.Join(", ", matches.Take(3).Select(AccomplishmentIds.Format))}{(matches.Count > 3 ? ", …" : "")}); give more characters"),
        };
    }

    /// <summary>Maps a 404 to "no offer ID" (exit 1); anything else falls through to the default mapping.</summary>
    public static CliException? NotFound(ApiResponse response, Guid id) =>
        response.Status == HttpStatusCode.NotFound ? CliException.Validation($"no offer {id}") : null;
}
