using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Questions;

/// <summary>
/// Narrows the question bank. Every criterion left null (or empty) matches everything; a set criterion matches a question
/// that has <em>any</em> of its values; all set criteria must hold.
/// </summary>
public sealed record QuestionFilter
{
    /// <summary>Questions probing any of these competencies.</summary>
    public IReadOnlyCollection<Competency>? Competencies { get; init; }

    /// <summary>Questions of any of these difficulties.</summary>
    public IReadOnlyCollection<Difficulty>? Difficulties { get; init; }

    /// <summary>Questions probing any of these levels.</summary>
    public IReadOnlyCollection<ProbedLevel>? Levels { get; init; }

    /// <summary>Questions mapped to any of these company lenses.</summary>
    public IReadOnlyCollection<CompanyLens>? Lenses { get; init; }

    /// <summary>Questions mapped to any of these Amazon Leadership Principles.</summary>
    public IReadOnlyCollection<AmazonPrinciple>? AmazonPrinciples { get; init; }

    /// <summary>Questions of any of these kinds.</summary>
    public IReadOnlyCollection<InterviewQuestionKind>? Kinds { get; init; }

    /// <summary>Question ids to leave out (for example the ones already asked in this session).</summary>
    public IReadOnlyCollection<string>? ExcludeIds { get; init; }

    /// <summary>Whether <paramref name="question"/> meets every criterion that is set.</summary>
    public bool Matches(Question question) =>
        AnyOf(Competencies, question.Competencies.Contains)
        && AnyOf(Difficulties, d => d == question.Difficulty)
        && AnyOf(Levels, l => l == question.Level)
        && AnyOf(Lenses, question.Lenses.Contains)
        && AnyOf(AmazonPrinciples, question.AmazonPrinciples.Contains)
        && AnyOf(Kinds, k => k == question.Kind)
        && (ExcludeIds is null || !ExcludeIds.Contains(question.Id, StringComparer.Ordinal));

    private static bool AnyOf<T>(IReadOnlyCollection<T>? wanted, Func<T, bool> has) => wanted is null || wanted.Count == 0 || wanted.Any(has);
}
