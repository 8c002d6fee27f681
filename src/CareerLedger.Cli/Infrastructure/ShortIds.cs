using System.Globalization;

namespace CareerLedger.Cli.Infrastructure;

/// <summary>
/// How ids are shown in lists: the full lower-case form, cut to the shortest prefix (at least <see cref="MinimumShown"/>
/// characters) that still tells every id in the list apart. <see cref="IdResolver{TItem}"/> accepts such prefixes back.
/// </summary>
internal static class ShortIds
{
    /// <summary>The fewest characters of an id a list shows.</summary>
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

    /// <summary>The id as <c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>.</summary>
    public static string Format(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
