using System.Net;

namespace CareerLedger.Cli.Infrastructure;

/// <summary>How one kind of id is named in the errors of <see cref="IdResolver{TItem}"/>.</summary>
/// <param name="AnId">What a malformed argument is not, e.g. "an offer id".</param>
/// <param name="ListedBy">The command that shows the ids, e.g. "ledger offers list --all".</param>
/// <param name="Noun">The resource in "no offer id starts with …" and "no offer ID", e.g. "offer".</param>
/// <param name="Ids">What an ambiguous prefix starts several of, e.g. "offer ids".</param>
internal sealed record IdNames(string AnId, string ListedBy, string Noun, string Ids);

/// <summary>
/// Ids on the command line: a full id, or a unique prefix of at least 4 characters as the list command shows it (see
/// <see cref="ShortIds"/>). A prefix is looked up among the items of one list endpoint. One instance per kind of resource,
/// in <see cref="ResourceIds"/>.
/// </summary>
/// <typeparam name="TItem">The list endpoint's item type.</typeparam>
/// <param name="listPath">The endpoint listing every id a prefix may stand for (including retired or closed ones).</param>
/// <param name="idOf">The id of a listed item.</param>
/// <param name="names">How the errors name the kind of id.</param>
internal sealed class IdResolver<TItem>(string listPath, Func<TItem, Guid> idOf, IdNames names)
{
    /// <summary>The id <paramref name="idOrPrefix"/> stands for; a prefix costs one call to the list endpoint.</summary>
    /// <exception cref="CliException">Not an id or prefix, no match, or an ambiguous prefix (exit 1).</exception>
    public async Task<Guid> ResolveAsync(ApiClient api, string idOrPrefix, CancellationToken ct)
    {
        var text = idOrPrefix.Trim().ToLowerInvariant();
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        if (text.Length < 4 || !text.All(c => char.IsAsciiHexDigit(c) || c == '-'))
        {
            throw CliException.Validation($"'{idOrPrefix}' is not {names.AnId} (use the id or at least 4 leading characters of it, as `{names.ListedBy}` shows)");
        }

        var all = (await api.SendAsync(HttpMethod.Get, listPath, ct).ConfigureAwait(false)).Read<List<TItem>>();
        var matches = all.Select(idOf).Where(m => ShortIds.Format(m).StartsWith(text, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw CliException.Validation($"no {names.Noun} id starts with '{idOrPrefix}'"),
            _ => throw CliException.Validation($"'{idOrPrefix}' is ambiguous: it starts {matches.Count} {names.Ids} ({string.Join(", ", matches.Take(3).Select(ShortIds.Format))}{(matches.Count > 3 ? ", …" : "")}); give more characters"),
        };
    }

    /// <summary>Maps a 404 to "no NOUN ID" (exit 1); anything else falls through to the default mapping.</summary>
    public CliException? NotFound(ApiResponse response, Guid id) =>
        response.Status == HttpStatusCode.NotFound ? CliException.Validation($"no {names.Noun} {id}") : null;
}
