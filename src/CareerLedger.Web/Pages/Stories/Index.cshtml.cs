using CareerLedger.Domain.Stories;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Site;
using CareerLedger.Web.Stories;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerLedger.Web.Pages.Stories;

/// <summary>
/// <c>/stories</c>: the story bank (<c>GET /api/stories</c>, highest coach score first) and the ranking of the user's wins as
/// stories (<c>GET /api/stories/ranking</c>, top 8: rank, score and its parts, the reason, the formula version), the growth gaps
/// with their sentence, and the competency coverage of the top stories.
/// </summary>
public sealed class IndexModel(CurrentUser me, IQuerySession session, LedgerReader reader) : PageModel
{
    /// <summary>How many ranked wins are shown (the API's default).</summary>
    public const int Top = 8;

    /// <summary>The ranking of the user's wins, computed now (recency from the user's today).</summary>
    public StoryRanking Ranking { get; private set; } = null!;

    /// <summary>The user's active stories, highest current coach score first.</summary>
    public IReadOnlyList<StoryView> Bank { get; private set; } = [];

    /// <summary>Loads the ranking and the story bank.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Ranking = ApiResults.Value<StoryRanking>(await StoriesApi.Ranking(Top.ToString(System.Globalization.CultureInfo.InvariantCulture), null, me, reader, ct))!;
        Bank = ApiResults.Value<IReadOnlyList<StoryView>>(await StoryBankApi.List(false, me, session, ct)) ?? [];
    }
}
