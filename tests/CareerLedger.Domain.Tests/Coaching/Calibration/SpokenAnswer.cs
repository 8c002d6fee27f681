using System.Text.RegularExpressions;

namespace CareerLedger.Domain.Tests.Coaching.Calibration;

/// <summary>The six texts made from one strong answer: the answer itself and its five one-defect variants.</summary>
public enum SpokenVariant
{
    /// <summary>The strong answer as written.</summary>
    Strong,

    /// <summary>Every "I", "me", "my" in the action sentences said as "we", "us", "our" (a deterministic transform).</summary>
    WeNotI,

    /// <summary>Every figure replaced by the hand-written wording after the bar in <c>{figure|wording}</c>.</summary>
    NoNumbers,

    /// <summary>The hand-written extra background inserted after the setup, so that the setup takes about 60 % of the words.</summary>
    ContextBloated,

    /// <summary>The closing lesson sentences deleted.</summary>
    LessonRemoved,

    /// <summary>The actions and the result replaced by their hand-written "I would" retelling; setup and lesson kept.</summary>
    Hypothetical,
}

/// <summary>
/// One strong spoken-style answer (no section labels), split by its author into setup, actions, result and lesson, with
/// the hand-written material for its variants. A figure is written <c>{figure|wording}</c>: the strong answer says the
/// figure, the no-numbers variant says the wording. The split is the ground truth of the answer's structure; the coach
/// never sees it.
/// </summary>
/// <param name="Name">Short name, shown in failures and in the figures table.</param>
/// <param name="Competency">The competency the answer evidences (ownership, conflict, …).</param>
/// <param name="Context">Situation and task sentences (15-25 % of the words).</param>
/// <param name="Actions">What the speaker did, in the first person.</param>
/// <param name="Result">How it ended, with a measured outcome.</param>
/// <param name="Lesson">The closing lesson or lasting change in how the speaker works.</param>
/// <param name="MoreContext">Extra background for <see cref="SpokenVariant.ContextBloated"/>.</param>
/// <param name="WouldActions">The actions told as "I would …" for <see cref="SpokenVariant.Hypothetical"/>.</param>
/// <param name="WouldResult">The result told as an expectation for <see cref="SpokenVariant.Hypothetical"/>.</param>
public sealed partial record SpokenAnswer(
    string Name,
    string Competency,
    string[] Context,
    string[] Actions,
    string[] Result,
    string[] Lesson,
    string[] MoreContext,
    string[] WouldActions,
    string[] WouldResult)
{
    /// <summary>The text of <paramref name="variant"/>, one paragraph as a transcript would give it.</summary>
    public string Render(SpokenVariant variant)
    {
        var raw = variant switch
        {
            SpokenVariant.Strong or SpokenVariant.NoNumbers => Join(Context, Actions, Result, Lesson),
            SpokenVariant.WeNotI => Join(Context, [.. Actions.Select(ToWe)], Result, Lesson),
            SpokenVariant.ContextBloated => Join([.. Context, .. MoreContext], Actions, Result, Lesson),
            SpokenVariant.LessonRemoved => Join(Context, Actions, Result, []),
            _ => Join(Context, WouldActions, WouldResult, Lesson),
        };
        return variant == SpokenVariant.NoNumbers ? Figure().Replace(raw, m => m.Groups["words"].Value) : StrongText(raw);
    }

    /// <summary>Words in the setup of <paramref name="variant"/> (its context, plus the extra background when bloated).</summary>
    public int SetupWords(SpokenVariant variant) =>
        Words(StrongText(string.Join(' ', variant == SpokenVariant.ContextBloated ? [.. Context, .. MoreContext] : Context)));

    /// <summary>Words in <paramref name="text"/>, counted as the coach counts them: tokens holding a letter or a digit.</summary>
    public static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(t => t.Any(char.IsLetterOrDigit));

    /// <summary>
    /// The "we" transform, applied to action sentences only: I → we (We at a sentence start), I was → we were,
    /// I'd/I've → we'd/we've, me → us, my → our, mine → ours, myself → ourselves.
    /// </summary>
    public static string ToWe(string sentence)
    {
        var s = Regex.Replace(sentence, @"\bI was\b", "we were");
        s = Regex.Replace(s, @"\bI(?=['’](?:d|ve|ll)\b)", "we");
        s = Regex.Replace(s, @"\bI\b", "we");
        s = Regex.Replace(s, @"\bme\b", "us");
        s = Regex.Replace(s, @"\bmy\b", "our");
        s = Regex.Replace(s, @"\bMy\b", "Our");
        s = Regex.Replace(s, @"\bmine\b", "ours");
        s = Regex.Replace(s, @"\bmyself\b", "ourselves");
        return s.Length > 0 && s.StartsWith("we", StringComparison.Ordinal) ? "W" + s[1..] : s;
    }

    public override string ToString() => Name;

    /// <summary><paramref name="text"/> as the strong answer says it: every <c>{figure|wording}</c> replaced by its figure.</summary>
    public static string StrongText(string text) => Figure().Replace(text, m => m.Groups["figure"].Value);

    private static string Join(string[] context, string[] actions, string[] result, string[] lesson) =>
        string.Join(' ', context.Concat(actions).Concat(result).Concat(lesson));

    [GeneratedRegex(@"\{(?<figure>[^|{}]*)\|(?<words>[^|{}]*)\}")]
    private static partial Regex Figure();
}
