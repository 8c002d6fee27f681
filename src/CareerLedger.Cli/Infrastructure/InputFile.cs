namespace CareerLedger.Cli.Infrastructure;

/// <summary>Reads a FILE given on the command line, where <c>-</c> means standard input.</summary>
internal static class InputFile
{
    /// <summary>The whole text of <paramref name="path"/>, or of <paramref name="stdin"/> for "-".</summary>
    /// <exception cref="CliException">The file cannot be read (exit 1, naming it).</exception>
    public static async Task<string> ReadAsync(string path, TextReader stdin, CancellationToken ct)
    {
        if (path == "-")
        {
            return await stdin.ReadToEndAsync(ct).ConfigureAwait(false);
        }

        try
        {
            return await File.ReadAllTextAsync(Path.GetFullPath(path), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliException.Validation($"cannot read {path}: {ex.Message}");
        }
    }
}
