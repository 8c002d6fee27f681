using CareerLedger.Domain.Stories;
using CareerLedger.Web.Accomplishments;
using CareerLedger.Web.Coaching;
using CareerLedger.Web.Site;
using Marten;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareerLedger.Web.Pages.Stories;

/// <summary>What the new-story and the story pages share: the user's wins to pick from and "check with the coach".</summary>
public static class StoryEditing
{
    /// <summary>The user's live wins, newest first (the API's list).</summary>
    public static async Task<IReadOnlyList<AccomplishmentView>> WinsAsync(IQuerySession session, CancellationToken ct) =>
        ApiResults.Value<IReadOnlyList<AccomplishmentView>>(await AccomplishmentsApi.List(null, null, false, session, ct)) ?? [];

    /// <summary>
    /// The form key of an API error key: the list fields' entries (<c>accomplishmentIds[1]</c>, <c>competencies[0]</c>) are shown
    /// next to their group of boxes; every other key is the same.
    /// </summary>
    public static string FormKey(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var bracket = apiKey.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? apiKey[..bracket] : apiKey;
    }

    /// <summary>
    /// Scores the text as typed with the coach (<c>POST /api/coach</c>: the rubric, and the model's critique when one is
    /// configured), in the chosen format, without saving anything. Null (with the error in <paramref name="state"/>) when the
    /// text has no words.
    /// </summary>
    public static async Task<CoachPanel?> CheckAsync(StoryForm form, CoachService coach, ModelStateDictionary state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(state);
        var text = StoryScore.SpokenText(form.ToSections(), form.ParsedFormat);
        CoachResponse? response = null;
        await state.TryAsync(
            async () => response = ApiResults.Value<CoachResponse>(await CoachApi.Coach(
                new CoachRequest(text, null, form.ParsedFormat == StoryFormat.Carl ? "carl" : "star", null), coach, ct)),
            key => key is "text" or "answer" ? "sections.action" : key);
        return response is null
            ? null
            : new CoachPanel("The coach on your text as typed", response.Report, response.Critique, response.CritiqueSource,
                "Not saved: a check of the text in the boxes. Save to keep it as a revision.");
    }
}
