using System.Net;
using CareerLedger.Cli.Accomplishments;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Practice;

/// <summary>Mock session ids on the command line: a full id, or a unique prefix of at least 4 characters as <c>ledger mock list</c> shows it.</summary>
internal static class SessionIds
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
            throw CliException.Validation($"'{idOrPrefix}' is not a session id (use the id or at least 4 leading characters of it, as `ledger mock list` shows)");
        }

        var all = (await api.SendAsync(HttpMethod.Get, "api/practice/sessions", ct).ConfigureAwait(false)).Read<List<SessionViewDto>>();
        var matches = all.Select(v => v.Session.Id).Where(s => AccomplishmentIds.Format(s).StartsWith(text, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw CliException.Validation($"no mock session id starts with '{idOrPrefix}'"),
            _ => throw CliException.Validation($"'{idOrPrefix}' is ambiguous: it starts {matches.Count} session ids ({string.Join(", ", matches.Take(3).Select(AccomplishmentIds.Format))}{(matches.Count > 3 ? ", …" : "")}); give more characters"),
        };
    }

    /// <summary>Maps a 404 to "no mock session ID" (exit 1); anything else falls through to the default mapping.</summary>
    public static CliException? NotFound(ApiResponse response, Guid id) =>
        response.Status == HttpStatusCode.NotFound ? CliException.Validation($"no mock session {id}") : null;
}
