namespace CareerLedger.Domain.Coaching;

/// <summary>
/// The stable snake_case ids of <see cref="Finding.Code"/>. Never renamed once shipped: clients key advice, filters and
/// translations on them. When each one fires is in docs/coaching.md.
/// </summary>
public static class FindingCodes
{
    /// <summary>Structure: STAR's situation is missing.</summary>
    public const string MissingSituation = "missing_section_situation";

    /// <summary>Structure: STAR's task is missing.</summary>
    public const string MissingTask = "missing_section_task";

    /// <summary>Structure: CARL's context (situation or task) is missing.</summary>
    public const string MissingContext = "missing_section_context";

    /// <summary>Structure: no sentence says what the speaker did.</summary>
    public const string MissingAction = "missing_section_action";

    /// <summary>Structure: no sentence says how it ended.</summary>
    public const string MissingResult = "missing_section_result";

    /// <summary>Structure: a CARL answer without learnings.</summary>
    public const string MissingLearnings = "missing_section_learnings";

    /// <summary>Structure: the setup (situation and task) is over its target share, or longer than the action.</summary>
    public const string ContextTooLong = "context_too_long";

    /// <summary>Structure: the action is well under half of the answer.</summary>
    public const string ActionTooShort = "action_too_short";

    /// <summary>Ownership: "we" outnumbers "I" in the actions.</summary>
    public const string WeInsteadOfI = "we_instead_of_i";

    /// <summary>Ownership: the actions name no actor at all (passive voice).</summary>
    public const string NoFirstPerson = "no_first_person";

    /// <summary>Quantified result: no number with a unit, percentage, amount of money, duration or count anywhere.</summary>
    public const string NoNumbers = "no_numbers";

    /// <summary>Quantified result: there are numbers, but none in the result.</summary>
    public const string ResultNotQuantified = "result_not_quantified";

    /// <summary>Quantified result: the result has a figure but no baseline or comparison.</summary>
    public const string NoBaseline = "no_baseline";

    /// <summary>Learning: nothing learned and nothing changed afterwards.</summary>
    public const string NoLearning = "no_learning";

    /// <summary>Learning: a learning without a durable mechanism.</summary>
    public const string NoMechanism = "no_mechanism";

    /// <summary>Concreteness: "I would …" instead of what was done.</summary>
    public const string Hypothetical = "hypothetical";

    /// <summary>Concreteness: a vague verb ("worked on", "helped with", "handled") where a specific action belongs.</summary>
    public const string VagueAction = "vague_action";

    /// <summary>Length and pace: under the target length.</summary>
    public const string TooShort = "too_short";

    /// <summary>Length and pace: over the target length.</summary>
    public const string TooLong = "too_long";

    /// <summary>Length and pace: spoken faster than the comfortable range.</summary>
    public const string TooFast = "too_fast";

    /// <summary>Length and pace: spoken slower than the comfortable range.</summary>
    public const string TooSlow = "too_slow";

    /// <summary>Length and pace: only the start of a very long answer was analysed.</summary>
    public const string Truncated = "answer_truncated";

    /// <summary>Delivery: filler words ("um", "you know", "basically", …).</summary>
    public const string FillerWords = "filler_words";

    /// <summary>Delivery: activity counted instead of impact (lines of code, tickets closed, hours worked).</summary>
    public const string VanityMetric = "vanity_metric";

    /// <summary>Delivery: faulting others.</summary>
    public const string Blame = "blame";
}
