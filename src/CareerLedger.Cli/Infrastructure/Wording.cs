namespace CareerLedger.Cli.Infrastructure;

/// <summary>Small pieces of English the output shares.</summary>
internal static class Wording
{
    /// <summary>"1 question", "3 questions" (regular plurals only).</summary>
    public static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
