using System.Globalization;
using System.Text.RegularExpressions;

namespace CareerLedger.Domain.Coaching;

/// <summary>Length and pace, and delivery (filler, vanity metrics, blame). Rules and why: docs/coaching.md.</summary>
internal static class DeliveryRules
{
    /// <summary>
    /// Length and pace. Without a duration: 100 inside 150-300 words, falling linearly to 0 at 50 words and at 600 words.
    /// With a duration: the mean of a duration fit (1 inside 60-120 s, 0 at 20 s and at 240 s) and a pace fit (1 inside
    /// 110-170 words a minute, 0 at 70 and at 220).
    /// </summary>
    public static int LengthAndPace(IReadOnlyList<ReadSentence> sentences, AnswerText text, TimeSpan? duration, List<Found> findings, out AnswerLength length)
    {
        var words = text.Words;
        if (text.Truncated)
        {
            findings.Add(new Found(new Finding(CoachDimension.LengthAndPace, FindingSeverity.Warning, FindingCodes.Truncated, text.FirstUnread,
                string.Create(CultureInfo.InvariantCulture,
                    $"Only the first {AnswerCoach.MaxAnalysedWords:#,0} words were read; an interview answer should be a small fraction of that."))
                , int.MaxValue));
        }

        decimal fit;
        if (duration is { } d)
        {
            var seconds = (decimal)d.TotalSeconds;
            var wpm = words * 60m / seconds;
            length = new AnswerLength(words, (int)Math.Round(seconds, MidpointRounding.AwayFromZero), (int)Math.Round(wpm, MidpointRounding.AwayFromZero), true, text.Truncated);
            var durationFit = Band(seconds, AnswerCoach.MinSeconds, AnswerCoach.MaxSeconds, 20, 240);
            var paceFit = Band(wpm, AnswerCoach.SlowWordsPerMinute, AnswerCoach.FastWordsPerMinute, 70, 220);
            fit = (durationFit + paceFit) / 2;
            LengthFindings(sentences, seconds < AnswerCoach.MinSeconds, seconds > AnswerCoach.MaxSeconds, seconds > AnswerCoach.MaxSeconds * 1.5m,
                words * AnswerCoach.MaxSeconds / seconds, $"{length.Seconds} s", findings);
            if (wpm > AnswerCoach.FastWordsPerMinute)
            {
                findings.Add(new Found(new Finding(CoachDimension.LengthAndPace, FindingSeverity.Warning, FindingCodes.TooFast, null,
                    string.Create(CultureInfo.InvariantCulture,
                        $"At {length.WordsPerMinute} words a minute you are rushing; slow to about 130-160 and pause after the headline and after the result.")), -1));
            }
            else if (wpm < AnswerCoach.SlowWordsPerMinute)
            {
                findings.Add(new Found(new Finding(CoachDimension.LengthAndPace, FindingSeverity.Warning, FindingCodes.TooSlow, null,
                    string.Create(CultureInfo.InvariantCulture,
                        $"At {length.WordsPerMinute} words a minute the answer drags; rehearse the transitions until you reach about 130-160.")), -1));
            }
        }
        else
        {
            var seconds = words * 60m / AnswerCoach.WordsPerMinute;
            length = new AnswerLength(words, (int)Math.Round(seconds, MidpointRounding.AwayFromZero), AnswerCoach.WordsPerMinute, false, text.Truncated);
            fit = Band(words, AnswerCoach.MinWords, AnswerCoach.MaxWords, 50, 600);
            LengthFindings(sentences, words < AnswerCoach.MinWords, words > AnswerCoach.MaxWords, words > AnswerCoach.MaxWords * 1.5m,
                AnswerCoach.MaxWords, $"{words} words", findings);
        }

        return ContentRules.Percent(fit);
    }

    /// <summary>
    /// Delivery: 100 − 10 per filler word (at most 50 off) − 30 per vanity metric (at most 50 off) − 40 per blaming phrase
    /// (at most 60 off), clamped at 0.
    /// </summary>
    public static int Delivery(IReadOnlyList<ReadSentence> sentences, List<Found> findings)
    {
        var total = sentences.Sum(s => s.Words);
        var fillers = All(sentences, Cues.Filler());
        var vanity = All(sentences, Cues.Vanity());
        var blame = All(sentences, Cues.Blame());
        if (fillers.Count > 0)
        {
            var (s, m) = fillers[0];
            var kinds = fillers
                .GroupBy(f => Regex.Replace(f.m.Value.ToLowerInvariant(), @"\s+", " "))
                .Select(g => g.Count() > 1 ? $"\"{g.Key}\" ×{g.Count()}" : $"\"{g.Key}\"");
            var severity = fillers.Count >= 3 || fillers.Count * 100m / total > 2 ? FindingSeverity.Warning : FindingSeverity.Info;
            var advice = string.Create(CultureInfo.InvariantCulture,
                $"Drop the filler ({string.Join(", ", kinds)}); a short silent pause sounds more confident than a filler word.");
            findings.Add(new Found(new Finding(CoachDimension.Delivery, severity, FindingCodes.FillerWords, Quote.Around(s.Text, m.Index, m.Length), advice), s.Index));
        }

        if (vanity.Count > 0)
        {
            var (s, m) = vanity[0];
            findings.Add(new Found(new Finding(CoachDimension.Delivery, FindingSeverity.Warning, FindingCodes.VanityMetric, Quote.Around(s.Text, m.Index, m.Length),
                "Swap the activity count for the outcome it produced: what became faster, safer, cheaper or easier, and for whom."), s.Index));
        }

        if (blame.Count > 0)
        {
            var (s, m) = blame[0];
            findings.Add(new Found(new Finding(CoachDimension.Delivery, FindingSeverity.Problem, FindingCodes.Blame, Quote.Around(s.Text, m.Index, m.Length),
                "Describe what went wrong without faulting anyone, and spend the words on what you did about it."), s.Index));
        }

        var score = 100 - Math.Min(50, 10 * fillers.Count) - Math.Min(50, 30 * vanity.Count) - Math.Min(60, 40 * blame.Count);
        return Math.Max(0, score);
    }

    private static void LengthFindings(IReadOnlyList<ReadSentence> sentences, bool tooShort, bool tooLong, bool wayTooLong, decimal wordBudget, string measure, List<Found> findings)
    {
        if (tooShort)
        {
            findings.Add(new Found(new Finding(CoachDimension.LengthAndPace, FindingSeverity.Warning, FindingCodes.TooShort, null,
                $"At {measure} the story is thin; add the steps you took and the measured result, aiming for 150-300 words or one to two minutes."), -1));
        }
        else if (tooLong)
        {
            // Quote the sentence where the answer crosses its budget: everything from there on is over time.
            var used = 0;
            var over = sentences[^1];
            foreach (var s in sentences)
            {
                used += s.Words;
                if (used > wordBudget)
                {
                    over = s;
                    break;
                }
            }

            findings.Add(new Found(new Finding(CoachDimension.LengthAndPace, wayTooLong ? FindingSeverity.Problem : FindingSeverity.Warning, FindingCodes.TooLong,
                Quote.Around(over.Text, 0, 0),
                $"At {measure} it runs past two minutes from about here; shorten the setup first, then merge minor steps."), over.Index));
        }
    }

    private static decimal Band(decimal value, decimal low, decimal high, decimal zeroBelow, decimal zeroAbove) =>
        value < low ? Math.Clamp((value - zeroBelow) / (low - zeroBelow), 0, 1)
        : value > high ? Math.Clamp((zeroAbove - value) / (zeroAbove - high), 0, 1)
        : 1;

    private static List<(ReadSentence s, Match m)> All(IReadOnlyList<ReadSentence> sentences, Regex regex) =>
        sentences.SelectMany(s => regex.Matches(s.Text).Select(m => (s, m))).ToList();
}
