using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Coaching;

/// <summary>
/// Where an answer comes from (<c>ledger coach</c>, <c>ledger mock answer</c>): a FILE argument, <c>-</c> for stdin, or
/// <c>--text</c>; exactly one of them. Plus <c>--duration</c>, the spoken time.
/// </summary>
internal sealed partial class AnswerInput
{
    public Argument<string> File { get; } = new("FILE")
    {
        Description = "A text file with the answer (sections labelled \"Situation: …\" or free prose); - reads stdin",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string> Text { get; } = new("--text") { Description = "The answer itself, instead of FILE", HelpName = "TEXT" };

    public Option<string> Duration { get; } = new("--duration")
    {
        Description = "How long it took to say, in seconds (95), or as 1:35, 1m35s or 95s; gives the measured pace",
        HelpName = "SECONDS",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Text);
        command.Options.Add(Duration);
    }

    /// <summary>The answer text (may be empty: the server names the empty <c>text</c>).</summary>
    /// <exception cref="CliException">Neither or both sources given (exit 2); the file cannot be read (exit 1).</exception>
    public async Task<string> ReadAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var path = parse.GetValue(File);
        var text = parse.GetValue(Text);
        if (path is not null && text is not null)
        {
            throw CliException.Usage("give the answer once: as FILE, - (stdin) or --text, not two of them");
        }

        if (text is not null)
        {
            return text;
        }

        if (path is null)
        {
            throw CliException.Usage("no answer: give a FILE, - to read stdin, or --text \"…\"");
        }

        return await InputFile.ReadAsync(path, ctx.Environment.StandardInput, ct).ConfigureAwait(false);
    }

    /// <summary>The <c>--duration</c> in seconds, or null.</summary>
    public int? Seconds(ParseResult parse) => ParseDuration(parse.GetValue(Duration));

    /// <summary>Parses <c>95</c>, <c>95s</c>, <c>1:35</c>, <c>1m35s</c>, <c>2m</c> into seconds.</summary>
    /// <exception cref="CliException">Exit 1 naming <c>--duration</c>.</exception>
    internal static int? ParseDuration(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim().ToLowerInvariant();
        var match = DurationPattern().Match(text);
        if (text.Length == 0 || !match.Success)
        {
            throw CliException.Validation($"--duration: '{value}' is not a duration; use seconds (95) or minutes and seconds (1:35, 1m35s)");
        }

        long Group(string name) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var seconds = match.Groups["cm"].Success
            ? (Group("cm") * 60) + Group("cs")
            : (Group("m") * 60) + Group("s") + Group("plain");
        if (match.Groups["cm"].Success && Group("cs") > 59)
        {
            throw CliException.Validation($"--duration: '{value}' has more than 59 seconds after the colon");
        }

        return seconds is > 0 and <= int.MaxValue
            ? (int)seconds
            : throw CliException.Validation($"--duration: '{value}' must be more than 0 seconds");
    }

    [GeneratedRegex(@"^(?:(?<plain>\d{1,9})|(?<cm>\d{1,6}):(?<cs>\d{2})|(?:(?<m>\d{1,6})\s*m(?:in)?)?\s*(?:(?<s>\d{1,9})\s*s(?:ec)?)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
