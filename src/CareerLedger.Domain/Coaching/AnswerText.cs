using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Coaching;

/// <summary>One sentence as read from the answer, before classification.</summary>
/// <param name="Index">0-based position in the answer.</param>
/// <param name="Text">The sentence, white space folded (a verbatim substring of the folded answer).</param>
/// <param name="Label">The section named by a label above or before it ("Action:"), or null in unlabelled prose.</param>
/// <param name="Words">Words in it (tokens holding a letter or a digit).</param>
internal sealed record RawSentence(int Index, string Text, AnswerSection? Label, int Words);

/// <summary>The answer split into sentences, capped at <see cref="AnswerCoach.MaxAnalysedWords"/> words.</summary>
/// <param name="Sentences">The analysed sentences, in order.</param>
/// <param name="Truncated">Whether words or characters were cut off.</param>
/// <param name="FirstUnread">The first words that were not analysed (folded, at most <see cref="AnswerCoach.MaxQuoteLength"/> characters), when truncated.</param>
internal sealed record AnswerText(IReadOnlyList<RawSentence> Sentences, bool Truncated, string? FirstUnread)
{
    /// <summary>Words analysed.</summary>
    public int Words => Sentences.Sum(s => s.Words);

    /// <summary>
    /// Splits <paramref name="answer"/> into sentences. Labels ("Situation:", "**Task**", "A -") at the start of a line open
    /// a section that lasts until the next label; text before the first label, and answers without labels, are prose.
    /// A blank line or a list item starts a new block; inside a block a sentence ends at '.', '!', '?' or '…' followed by
    /// white space and a character that is not a lower-case letter (so "e.g. the" does not split).
    /// </summary>
    public static AnswerText Parse(string answer)
    {
        var truncated = false;
        string? firstUnread = null;
        var source = answer;
        if (source.Length > AnswerCoach.MaxCharacters)
        {
            var cut = source.LastIndexOfAny([' ', '\n', '\t', '\r'], AnswerCoach.MaxCharacters);
            cut = cut <= 0 ? AnswerCoach.MaxCharacters : cut;
            truncated = true;
            firstUnread = Quote.Start(source.Substring(cut, Math.Min(source.Length - cut, AnswerCoach.MaxQuoteLength * 4)));
            source = source[..cut];
        }

        var sentences = new List<RawSentence>();
        var words = 0;
        foreach (var (label, block) in Blocks(source))
        {
            foreach (var text in SplitSentences(block))
            {
                var count = CountWords(text);
                if (count == 0)
                {
                    continue;
                }

                if (words + count > AnswerCoach.MaxAnalysedWords)
                {
                    var (kept, rest) = TakeWords(text, AnswerCoach.MaxAnalysedWords - words);
                    if (kept.Length > 0)
                    {
                        sentences.Add(new RawSentence(sentences.Count, kept, label, CountWords(kept)));
                    }

                    return new AnswerText(sentences, true, Quote.Start(rest));
                }

                words += count;
                sentences.Add(new RawSentence(sentences.Count, text, label, count));
            }
        }

        return new AnswerText(sentences, truncated, firstUnread);
    }

    /// <summary>Words in <paramref name="text"/>: white-space separated tokens holding at least one letter or digit.</summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inToken = false;
        var hasWordChar = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inToken && hasWordChar)
                {
                    count++;
                }

                inToken = hasWordChar = false;
            }
            else
            {
                inToken = true;
                hasWordChar |= char.IsLetterOrDigit(c);
            }
        }

        return inToken && hasWordChar ? count + 1 : count;
    }

    private static (string Kept, string Remainder) TakeWords(string folded, int maxWords)
    {
        var tokens = folded.Split(' ');
        var kept = 0;
        var i = 0;
        for (; i < tokens.Length && kept < maxWords; i++)
        {
            if (tokens[i].Any(char.IsLetterOrDigit))
            {
                kept++;
            }
        }

        return (string.Join(' ', tokens[..i]), string.Join(' ', tokens[i..]));
    }

    // Yields (label, raw block text) pairs; a block is a run of lines without a blank line, label or list marker between them.
    private static IEnumerable<(AnswerSection? Label, string Block)> Blocks(string source)
    {
        AnswerSection? current = null;
        var block = new List<string>();
        foreach (var line in source.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(text))
            {
                if (block.Count > 0)
                {
                    yield return (current, string.Join('\n', block));
                    block.Clear();
                }

                continue;
            }

            var label = Cues.Label().Match(text);
            var bullet = label.Success ? label : Cues.Bullet().Match(text);
            if (bullet.Success && block.Count > 0)
            {
                yield return (current, string.Join('\n', block));
                block.Clear();
            }

            if (label.Success)
            {
                current = SectionOf(label.Groups["label"].Value);
            }

            var content = bullet.Success ? text[bullet.Length..] : text;
            if (!string.IsNullOrWhiteSpace(content))
            {
                block.Add(content);
            }
        }

        if (block.Count > 0)
        {
            yield return (current, string.Join('\n', block));
        }
    }

    private static IEnumerable<string> SplitSentences(string block)
    {
        var start = 0;
        foreach (System.Text.RegularExpressions.Match end in Cues.SentenceEnd().Matches(block))
        {
            var stop = end.Index + end.Length;
            var next = stop;
            while (next < block.Length && char.IsWhiteSpace(block[next]))
            {
                next++;
            }

            if (next < block.Length && char.IsLower(block[next]))
            {
                continue;
            }

            if (Text.OneLine(block[start..stop]) is { } sentence)
            {
                yield return sentence;
            }

            start = stop;
        }

        if (Text.OneLine(block[start..]) is { } last)
        {
            yield return last;
        }
    }

    private static AnswerSection SectionOf(string label)
    {
        var l = label.ToLowerInvariant();
        return l switch
        {
            "s" or "c" or "situation" or "context" or "background" or "problem" => AnswerSection.Situation,
            "t" or "task" or "goal" => AnswerSection.Task,
            "a" or "action" or "actions" or "approach" => AnswerSection.Action,
            "r" or "result" or "results" or "outcome" or "impact" => AnswerSection.Result,
            _ => AnswerSection.Learnings,
        };
    }
}
