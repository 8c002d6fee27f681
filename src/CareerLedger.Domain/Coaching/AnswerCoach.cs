using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Coaching;

/// <summary>
/// Scores a behavioural interview answer (pure and deterministic: no I/O, no clock). Seven dimensions, each 0-100, are
/// weighted into an overall 0-100: structure 20, ownership 20, quantified result 20, learning 15, concreteness 10,
/// length and pace 10, delivery 5. Findings quote the words that caused them and say what to do. The rules, cue lists
/// and thresholds, and why they were chosen, are in docs/coaching.md; the facts behind them (STAR and CARL shares,
/// the defects, 150-300 words at 130-160 spoken words a minute) are in docs/domain.md, "Answer structures: STAR and CARL".
/// </summary>
public static class AnswerCoach
{
    /// <summary>
    /// Version of the scoring rubric (rules, cue lists, thresholds and weights) that <see cref="Score"/> applies. Stored with
    /// every score kept in an event; a score stored without one was produced by version 1. Raised whenever a change can move
    /// a score; the history of versions is in docs/coaching.md, "Rubric versions".
    /// </summary>
    public const int RubricVersion = 2;

    /// <summary>Spoken words per minute used to estimate speaking time when no duration is given: the middle of the usual 130-160.</summary>
    public const int WordsPerMinute = 145;

    /// <summary>Shortest answer on target, in words (without a duration).</summary>
    public const int MinWords = 150;

    /// <summary>Longest answer on target, in words (without a duration).</summary>
    public const int MaxWords = 300;

    /// <summary>Shortest answer on target, in spoken seconds (with a duration).</summary>
    public const int MinSeconds = 60;

    /// <summary>Longest answer on target, in spoken seconds (with a duration).</summary>
    public const int MaxSeconds = 120;

    /// <summary>Slowest pace on target, in words per minute; slower raises <see cref="FindingCodes.TooSlow"/>.</summary>
    public const int SlowWordsPerMinute = 110;

    /// <summary>Fastest pace on target, in words per minute; faster raises <see cref="FindingCodes.TooFast"/>.</summary>
    public const int FastWordsPerMinute = 170;

    /// <summary>Words analysed at most; the rest is ignored and <see cref="FindingCodes.Truncated"/> raised. Keeps the work bounded.</summary>
    public const int MaxAnalysedWords = 5000;

    /// <summary>Characters read at most (cut at the last white space before it), before words are counted. Keeps the work bounded.</summary>
    public const int MaxCharacters = 60_000;

    /// <summary>Longest <see cref="Finding.Quote"/>, in characters.</summary>
    public const int MaxQuoteLength = 120;

    private static readonly Dictionary<CoachDimension, int> Weights = new()
    {
        [CoachDimension.Structure] = 20,
        [CoachDimension.Ownership] = 20,
        [CoachDimension.QuantifiedResult] = 20,
        [CoachDimension.Learning] = 15,
        [CoachDimension.Concreteness] = 10,
        [CoachDimension.LengthAndPace] = 10,
        [CoachDimension.Delivery] = 5,
    };

    /// <summary>
    /// The weight of <paramref name="dimension"/> in the overall score, in points: structure 20, ownership 20, quantified
    /// result 20, learning 15, concreteness 10, length and pace 10, delivery 5 (they sum to 100).
    /// </summary>
    public static int WeightOf(CoachDimension dimension) => Weights[dimension];

    /// <summary>
    /// Scores <paramref name="answer"/>: labelled sections ("Situation:", "S:", "**Task**", "Context -", "Action", "Result",
    /// "Learnings") or free prose, whose sentences are classified by cue words.
    /// </summary>
    /// <param name="answer">The answer's text. At most <see cref="MaxCharacters"/> characters and <see cref="MaxAnalysedWords"/> words are read.</param>
    /// <param name="spokenDuration">How long it took to say, when recorded; enables the measured pace checks. Must be positive.</param>
    /// <param name="format">The structure to measure against; null detects it: CARL when a learnings section is labelled or found, else STAR.</param>
    /// <returns>The report: overall and per-dimension scores (0-100), section shares, length and pace, and findings.</returns>
    /// <exception cref="DomainValidationException">
    /// Under <c>answer</c> when it is null, blank or has no words; under <c>spokenDuration</c> when it is zero or negative;
    /// under <c>format</c> when it is not a defined <see cref="AnswerFormat"/>.
    /// </exception>
    public static CoachReport Score(string answer, TimeSpan? spokenDuration = null, AnswerFormat? format = null)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(answer))
        {
            errors.Add("answer", "The answer is empty. Paste or type the answer to coach.");
        }

        if (spokenDuration is { } d && d <= TimeSpan.Zero)
        {
            errors.Add("spokenDuration", $"The spoken duration must be positive (got {d}).");
        }

        if (format is { } f && !Enum.IsDefined(f))
        {
            errors.Add("format", "Unknown format. Use star or carl.");
        }

        errors.ThrowIfAny();
        var text = AnswerText.Parse(answer);
        if (text.Words == 0)
        {
            errors.Add("answer", "The answer has no words. Paste or type the answer to coach.");
            errors.ThrowIfAny();
        }

        var sentences = SectionClassifier.Classify(text.Sentences);
        var chosen = format ?? (sentences.Any(s => s.Section == AnswerSection.Learnings) ? AnswerFormat.Carl : AnswerFormat.Star);
        var findings = new List<Found>();
        var scores = new Dictionary<CoachDimension, int>
        {
            [CoachDimension.Structure] = StructureRules.Score(sentences, chosen, findings, out var shares),
            [CoachDimension.Ownership] = ContentRules.Ownership(sentences, findings),
            [CoachDimension.QuantifiedResult] = ContentRules.QuantifiedResult(sentences, findings),
            [CoachDimension.Learning] = ContentRules.Learning(sentences, chosen, findings),
            [CoachDimension.Concreteness] = ContentRules.Concreteness(sentences, findings),
            [CoachDimension.LengthAndPace] = DeliveryRules.LengthAndPace(sentences, text, spokenDuration, findings, out var length),
            [CoachDimension.Delivery] = DeliveryRules.Delivery(sentences, findings),
        };

        var dimensions = Enum.GetValues<CoachDimension>()
            .Select(dim => new DimensionScore(dim, scores[dim], Weights[dim], scores[dim] * Weights[dim] / 100m))
            .ToList();
        var overall = (int)Math.Round(dimensions.Sum(x => x.Points), MidpointRounding.AwayFromZero);
        var ordered = findings
            .OrderByDescending(x => x.Finding.Severity)
            .ThenBy(x => x.Finding.Dimension)
            .ThenBy(x => x.Position)
            .Select(x => x.Finding)
            .ToList();
        return new CoachReport(
            chosen,
            format is null,
            overall,
            dimensions,
            shares,
            length,
            ordered,
            sentences.Select(s => new ClassifiedSentence(s.Section, s.Text, s.Labelled, s.Hypothetical)).ToList());
    }
}

/// <summary>A finding and where it points in the answer (sentence index; -1 for the whole answer), for ordering.</summary>
internal sealed record Found(Finding Finding, int Position);
