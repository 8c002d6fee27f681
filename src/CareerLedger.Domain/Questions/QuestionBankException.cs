namespace CareerLedger.Domain.Questions;

/// <summary>
/// Thrown when question bank data is invalid. <see cref="Problems"/> lists every problem found, each prefixed with the question id
/// (or <c>questions[i]</c> when the id itself is missing or malformed) and the field, for example
/// <c>q-003-fixed-it-unasked: competencies[1]: unknown competency 'heroics'…</c>.
/// </summary>
public sealed class QuestionBankException : Exception
{
    /// <summary>Creates the exception from the full list of problems.</summary>
    /// <param name="problems">Every problem found, one line each.</param>
    public QuestionBankException(IReadOnlyList<string> problems)
        : base($"The question bank is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
    {
        Problems = problems;
    }

    /// <summary>Every problem found, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
