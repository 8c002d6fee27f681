namespace CareerLedger.Domain.Coaching;

/// <summary>
/// The structure an answer is measured against (docs/domain.md, "Answer structures: STAR and CARL").
/// Stored and sent as snake_case names (<c>star</c>, <c>carl</c>).
/// </summary>
public enum AnswerFormat
{
    /// <summary>Situation, Task, Action, Result.</summary>
    Star,

    /// <summary>Context (situation and task together), Action, Result, Learnings.</summary>
    Carl,
}

/// <summary>A part of an answer. CARL's context is reported as <see cref="Context"/>; sentences are classified as situation or task.</summary>
public enum AnswerSection
{
    /// <summary>The setting: team, system, problem, stakes.</summary>
    Situation,

    /// <summary>What the speaker had to achieve or was asked to do.</summary>
    Task,

    /// <summary>CARL's context: situation and task together (only used in section shares).</summary>
    Context,

    /// <summary>What the speaker did.</summary>
    Action,

    /// <summary>What changed because of it, ideally measured.</summary>
    Result,

    /// <summary>What the speaker learned or the durable mechanism left behind.</summary>
    Learnings,
}

/// <summary>The scored dimensions of an answer. Weights and rules: <see cref="AnswerCoach.WeightOf"/> and docs/coaching.md.</summary>
public enum CoachDimension
{
    /// <summary>Are the sections present, and is each one's share of the words near its target.</summary>
    Structure,

    /// <summary>"I" rather than "we" in the actions.</summary>
    Ownership,

    /// <summary>Numbers with units, percentages, money, time or counts in the result.</summary>
    QuantifiedResult,

    /// <summary>A learning and a durable mechanism (a test, a CI check, a runbook, …).</summary>
    Learning,

    /// <summary>What was done rather than what would be done; specific verbs rather than vague ones.</summary>
    Concreteness,

    /// <summary>Spoken length (words or seconds) and pace (words per minute).</summary>
    LengthAndPace,

    /// <summary>Filler words, vanity metrics and blame.</summary>
    Delivery,
}

/// <summary>How much a finding matters.</summary>
public enum FindingSeverity
{
    /// <summary>A suggestion; the answer works without it.</summary>
    Info,

    /// <summary>Weakens the answer noticeably.</summary>
    Warning,

    /// <summary>An interviewer is likely to mark the answer down for it.</summary>
    Problem,
}

/// <summary>The coach's verdict on one answer. Deterministic: the same input always gives the same report.</summary>
/// <param name="Format">The structure the answer was measured against.</param>
/// <param name="FormatDetected">True when <see cref="Format"/> was detected (CARL when a learnings section was found), false when the caller chose it.</param>
/// <param name="Overall">Weighted overall score, 0-100: the sum of <see cref="DimensionScore.Points"/>, rounded half away from zero.</param>
/// <param name="Dimensions">One score per <see cref="CoachDimension"/>, in enum order.</param>
/// <param name="Sections">Each section's share of the words against its target, in answer order for the format.</param>
/// <param name="Length">Word count, spoken time and pace.</param>
/// <param name="Findings">What to fix: problems first, then warnings, then information; within a severity by dimension, then by position in the answer.</param>
/// <param name="Sentences">How each analysed sentence was read (its section), so a user can see why the structure scored as it did.</param>
public sealed record CoachReport(
    AnswerFormat Format,
    bool FormatDetected,
    int Overall,
    IReadOnlyList<DimensionScore> Dimensions,
    IReadOnlyList<SectionShare> Sections,
    AnswerLength Length,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ClassifiedSentence> Sentences)
{
    /// <summary>The score of <paramref name="dimension"/>, 0-100.</summary>
    public int ScoreOf(CoachDimension dimension) => Dimensions.First(d => d.Dimension == dimension).Score;

    /// <summary>Whether a finding with <paramref name="code"/> (see <see cref="FindingCodes"/>) was raised.</summary>
    public bool Has(string code) => Findings.Any(f => f.Code == code);
}

/// <summary>One dimension's score.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Score">0-100.</param>
/// <param name="Weight">Its weight in the overall score, in points (the weights sum to 100).</param>
/// <param name="Points">Score × weight / 100: what it adds to the overall score, 0 to <paramref name="Weight"/> (at most two decimals).</param>
public sealed record DimensionScore(CoachDimension Dimension, int Score, int Weight, decimal Points);

/// <summary>One section's share of the answer's words.</summary>
/// <param name="Section">The section (<see cref="AnswerSection.Context"/> in CARL stands for situation and task together).</param>
/// <param name="Words">Words classified into it.</param>
/// <param name="Percent">Share of all analysed words, 0-100, one decimal.</param>
/// <param name="TargetMin">Lower end of the target share in percent (inclusive); null when the section only has to be present or has no target.</param>
/// <param name="TargetMax">Upper end of the target share in percent (inclusive); null when the section only has to be present or has no target.</param>
/// <param name="Required">Whether the format expects the section at all (STAR does not expect learnings).</param>
/// <param name="Verdict">How the share compares with the target.</param>
public sealed record SectionShare(AnswerSection Section, int Words, decimal Percent, int? TargetMin, int? TargetMax, bool Required, ShareVerdict Verdict);

/// <summary>A section's share against its target.</summary>
public enum ShareVerdict
{
    /// <summary>Within the target, or present when only presence is asked for.</summary>
    OnTarget,

    /// <summary>Below the target's lower end.</summary>
    TooShort,

    /// <summary>Above the target's upper end.</summary>
    TooLong,

    /// <summary>The format expects it and no sentence was found for it.</summary>
    Missing,

    /// <summary>Not expected by the format and absent; or present with no target (learnings in STAR).</summary>
    NotScored,
}

/// <summary>Length and pace of an answer.</summary>
/// <param name="Words">Words analysed (at most <see cref="AnswerCoach.MaxAnalysedWords"/>); section labels such as "Action:" are not counted.</param>
/// <param name="Seconds">Spoken seconds: the given duration, or the estimate <c>Words / <see cref="AnswerCoach.WordsPerMinute"/> × 60</c>, rounded to whole seconds.</param>
/// <param name="WordsPerMinute">The measured pace when a duration was given (rounded to whole words per minute), else <see cref="AnswerCoach.WordsPerMinute"/>.</param>
/// <param name="Measured">True when <paramref name="Seconds"/> and <paramref name="WordsPerMinute"/> come from a given spoken duration.</param>
/// <param name="Truncated">True when the answer was longer than <see cref="AnswerCoach.MaxAnalysedWords"/> words (or <see cref="AnswerCoach.MaxCharacters"/> characters) and only the start was analysed.</param>
public sealed record AnswerLength(int Words, int Seconds, int WordsPerMinute, bool Measured, bool Truncated);

/// <summary>Something to fix or keep in mind, tied to a dimension and to the words that caused it.</summary>
/// <param name="Dimension">The dimension it lowers.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Code">Stable snake_case id (see <see cref="FindingCodes"/>); safe to store and to key translations on.</param>
/// <param name="Quote">
/// The offending words, taken verbatim from the answer with runs of white space folded to single spaces; at most
/// <see cref="AnswerCoach.MaxQuoteLength"/> characters. Null when the finding is about something missing or measured
/// (a missing section, the pace) and no words can be pointed at.
/// </param>
/// <param name="Advice">One sentence saying what to do.</param>
public sealed record Finding(CoachDimension Dimension, FindingSeverity Severity, string Code, string? Quote, string Advice);

/// <summary>One sentence of the answer and the section it was read as.</summary>
/// <param name="Section">Situation, task, action, result or learnings (never <see cref="AnswerSection.Context"/>).</param>
/// <param name="Text">The sentence, white space folded.</param>
/// <param name="Labelled">True when the section came from a label such as "Action:"; false when it was inferred from cue words.</param>
/// <param name="Hypothetical">True when the sentence describes what the speaker would do rather than what they did.</param>
public sealed record ClassifiedSentence(AnswerSection Section, string Text, bool Labelled, bool Hypothetical);
