using System.CommandLine;
using System.Globalization;
using System.Net;

namespace CareerLedger.Cli.Infrastructure;

/// <summary>
/// Optimistic concurrency for the <c>revise</c> commands: the <c>--expect-version</c> option, the <c>If-Match</c> header it
/// turns into, and the exit-5 error when someone else changed the resource first.
/// </summary>
/// <param name="noun">The resource: "offer", "story"…</param>
/// <param name="shownBy">The command that shows its version, e.g. "ledger offers list --json".</param>
/// <param name="retryCommand">The command to run again after a conflict, e.g. "ledger offers revise".</param>
internal sealed class ExpectedVersion(string noun, string shownBy, string retryCommand)
{
    private const string ChangedTitle = "The resource was changed";
    private const string NowAt = "now at version ";

    /// <summary>The <c>--expect-version N</c> option.</summary>
    public Option<long?> Option { get; } = new("--expect-version")
    {
        Description = $"Only apply the change if the {noun} is still at this version (from `{shownBy}`); default: the version just read",
        HelpName = "N",
    };

    /// <summary>The version to send: <c>--expect-version</c>, else the ETag just read, else <paramref name="readVersion"/>.</summary>
    public string Choose(ParseResult parse, string? etag, string readVersion) =>
        parse.GetValue(Option) is { } v ? v.ToString(CultureInfo.InvariantCulture) : etag ?? readVersion;

    /// <summary>The <c>If-Match</c> header for <paramref name="version"/>.</summary>
    public static IReadOnlyDictionary<string, string> IfMatch(string version) => new Dictionary<string, string> { ["If-Match"] = $"\"{version}\"" };

    /// <summary>
    /// The error mapping for the <c>If-Match</c> write of <paramref name="version"/>: a 409 becomes the conflict error (exit 5),
    /// anything else goes to <paramref name="otherwise"/> (typically the resource's "not found" mapping).
    /// </summary>
    public Func<ApiResponse, Problem?, CliException?> MapErrors(Guid id, string version, Func<ApiResponse, Guid, CliException?> otherwise) =>
        (response, problem) => response.Status == HttpStatusCode.Conflict ? Conflict(id, version, problem) : otherwise(response, id);

    /// <summary>The error for a 409 answering an <c>If-Match</c> write of <paramref name="version"/> (exit 5).</summary>
    private CliException Conflict(Guid id, string version, Problem? problem)
    {
        if (problem?.Title is { } t && t.StartsWith(ChangedTitle, StringComparison.Ordinal))
        {
            var now = problem.Detail is { } d && d.IndexOf(NowAt, StringComparison.Ordinal) is var i and >= 0
                ? "; it is now at version " + new string(d[(i + NowAt.Length)..].TakeWhile(char.IsAsciiDigit).ToArray())
                : "";
            return new CliException(ExitCodes.Conflict, $"{noun} {id} was changed by someone else (you edited version {version}{now}); nothing was saved: run `{retryCommand}` again");
        }

        return new CliException(ExitCodes.Conflict, problem?.ToMessage() ?? $"{noun} {id} could not be revised (conflict)");
    }
}
