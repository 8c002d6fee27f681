namespace CareerLedger.Cli.Infrastructure;

/// <summary>Small pieces of English the output shares.</summary>
internal static class Wording
{
    /// <summary>"1 question", "3 questions" (regular plurals only).</summary>
    public static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>
    /// A score as stored beside its re-score under the running rubric: "scored 64 under rubric v1; 78 under rubric v2"; just
    /// "78" when there is no re-score (the stored score is the running rubric's). <paramref name="unit"/> follows each number
    /// ("/100": "scored 64/100 under rubric v1; 78/100 under rubric v2"). docs/cli.md, "Scores from an older rubric".
    /// </summary>
    public static string Score(int stored, int storedVersion, int? rescored, int? rescoredVersion, string unit = "") =>
        rescored is { } now && rescoredVersion is { } v && v != storedVersion
            ? $"scored {stored}{unit} under rubric v{storedVersion}; {now}{unit} under rubric v{v}"
            : stored.ToString(System.Globalization.CultureInfo.InvariantCulture) + unit;
}
