using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Coaching;

/// <summary>Cuts verbatim quotes of at most <see cref="AnswerCoach.MaxQuoteLength"/> characters, on word boundaries, without adding anything.</summary>
internal static class Quote
{
    /// <summary>The whole of <paramref name="sentence"/> when short enough, else a window of whole words centred on the match.</summary>
    public static string Around(string sentence, int index, int length)
    {
        const int max = AnswerCoach.MaxQuoteLength;
        if (sentence.Length <= max)
        {
            return sentence;
        }

        int start, end;
        if (length >= max)
        {
            start = index;
            end = index + max;
        }
        else
        {
            start = Math.Max(0, index - ((max - length) / 2));
            end = Math.Min(sentence.Length, start + max);
            start = Math.Max(0, end - max);
        }

        // Move inwards to whole words.
        if (start > 0 && !char.IsWhiteSpace(sentence[start - 1]))
        {
            var space = sentence.IndexOf(' ', start);
            start = space < 0 || space >= end ? start : space + 1;
        }

        if (end < sentence.Length && !char.IsWhiteSpace(sentence[end]))
        {
            var space = sentence.LastIndexOf(' ', end - 1);
            end = space <= start ? end : space;
        }

        return sentence[start..end].Trim();
    }

    /// <summary>The start of <paramref name="text"/>, folded, cut to whole words.</summary>
    public static string? Start(string text) => Text.OneLine(text) is { } folded ? Around(folded, 0, 0) : null;
}
