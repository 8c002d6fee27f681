using System.Globalization;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Accomplishments;

/// <summary>Accomplishment ids on the command line: a full id, or a unique prefix as shown by <c>ledger wins</c>.</summary>
internal static class AccomplishmentIds
{
    public const int MinimumShown = 8;

    /// <summary>The shortest prefix length (at least 8) that tells every id in <paramref name="ids"/> apart.</summary>
    public static int UniquePrefixLength(IReadOnlyCollection<Guid> ids)
    {
        var texts = ids.Select(Format).ToList();
        for (var length = MinimumShown; length < 36; length++)
        {
            if (texts.Select(t => t[..length]).Distinct(StringComparer.Ordinal).Count() == texts.Count)
            {
                return length;
            }
        }

        return 36;
    }

    public static string Format(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    public static async Task<Guid> ResolveAsync(ApiClient api, string idOrPrefix, CancellationToken ct)
    {
        var text = idOrPrefix.Trim().ToLowerInvariant();
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        if (text.Length < 4 || !text.All(c => char.IsAsciiHexDigit(c) || c == '-'))
        {
            throw CliException.Validation($"'{idOrPrefix}' is not an accomplishment id (use the id or at least 4 leading characters of it, as `ledger wins` shows)");
        }

        var all = (await api.SendAsync(HttpMethod.Get, "api/accomplishments?includeRetracted=true", ct).ConfigureAwait(false)).Read<List<AccomplishmentDto>>();
        var matches = all.Where(a => Format(a.Id).StartsWith(text, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw CliException.Validation($"no accomplishment id starts with '{idOrPrefix}'"),
            _ => throw CliException.Validation($"'{idOrPrefix}' is ambiguous: it starts {matches.Count} ids ({string.Join(", ", matches.Take(3).Select(m => Format(m.Id)))}{(matches.Count > 3 ? ", …" : "")}); give more characters"),
        };
    }
}
