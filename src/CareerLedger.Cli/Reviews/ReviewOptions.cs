using System.CommandLine;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Reviews;

/// <summary>The content options shared by <c>ledger review add</c> and <c>ledger review revise</c>.</summary>
internal sealed class ReviewOptions
{
    public static readonly string[] Outcomes = ["none", "nominated", "promoted", "not_promoted", "deferred"];

    public Option<string> Start { get; } = new("--period-start") { Description = "First day the review covers (yyyy-MM-dd)", HelpName = "yyyy-MM-dd" };

    public Option<string> End { get; } = new("--period-end") { Description = "Last day the review covers (yyyy-MM-dd; not in the future)", HelpName = "yyyy-MM-dd" };

    public Option<string> Label { get; } = new("--label") { Description = "The cycle's name, e.g. \"2026 H1\"", HelpName = "LABEL" };

    public Option<string> Reviewer { get; } = new("--reviewer") { Description = "Who wrote it, e.g. \"Dana Smith\"", HelpName = "NAME" };

    public Option<string> Role { get; } = new("--reviewer-role") { Description = "Their role, e.g. \"Engineering Manager\"", HelpName = "ROLE" };

    public Option<string> Rating { get; } = new("--rating") { Description = "The rating as your company words it, e.g. \"Exceeds expectations\"", HelpName = "TEXT" };

    public Option<decimal?> Score { get; } = new("--score") { Description = "The rating as a number on the company's scale (needs --scale)", HelpName = "N" };

    public Option<decimal?> Scale { get; } = new("--scale") { Description = "The top of the rating scale, e.g. 5", HelpName = "MAX" };

    public Option<string[]> Strengths { get; } = new("--strength") { Description = "A competency the review names as a strength, repeatable", HelpName = "COMPETENCY" };

    public Option<string[]> Growth { get; } = new("--growth") { Description = "A competency the review asks you to grow, repeatable", HelpName = "COMPETENCY" };

    public Option<string> Promotion { get; } = new("--promotion") { Description = "What it decided about promotion (default none)" };

    public Option<string> NewLevel { get; } = new("--new-level") { Description = "The level or title the promotion outcome is about, e.g. \"Staff Engineer\"", HelpName = "LEVEL" };

    public Option<string> TextFile { get; } = new("--text-file") { Description = "Read the review text from this file (- for standard input)", HelpName = "FILE" };

    public ReviewOptions() => Promotion.AcceptOnlyFromAmong(Outcomes);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Start, End, Label, Reviewer, Role, Rating, Score, Scale, Strengths, Growth, Promotion, NewLevel, TextFile })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The fields given on the command line (null = not given), with dates checked; <paramref name="text"/> wins over --text-file.</summary>
    public async Task<ReviewBody> ReadAsync(CliContext ctx, ParseResult parse, string? text, CancellationToken ct)
    {
        if (text is not null && Given(parse, TextFile) is not null)
        {
            throw CliException.Validation("give the review text as an argument or with --text-file, not both");
        }

        if (Given(parse, TextFile) is { } path)
        {
            text = await InputFile.ReadAsync(path, ctx.Environment.StandardInput, ct).ConfigureAwait(false);
        }

        return new ReviewBody(
            OptionValues.Date(Given(parse, Start), "--period-start"),
            OptionValues.Date(Given(parse, End), "--period-end"),
            Given(parse, Label),
            Given(parse, Reviewer),
            Given(parse, Role),
            Given(parse, Rating),
            parse.GetValue(Score),
            parse.GetValue(Scale),
            text,
            Given(parse, Strengths),
            Given(parse, Growth),
            Given(parse, Promotion),
            Given(parse, NewLevel));
    }

    /// <summary>Overlays the given fields on an existing review (the rest is kept).</summary>
    public async Task<ReviewBody> MergeAsync(CliContext ctx, ParseResult parse, string? text, ReviewDto current, CancellationToken ct)
    {
        var g = await ReadAsync(ctx, parse, text, ct).ConfigureAwait(false);
        var promotion = g.Promotion ?? current.Promotion;
        return new ReviewBody(
            g.PeriodStart ?? current.PeriodStart,
            g.PeriodEnd ?? current.PeriodEnd,
            g.PeriodLabel ?? current.PeriodLabel,
            g.ReviewerName ?? current.ReviewerName,
            g.ReviewerRole ?? current.ReviewerRole,
            g.Rating ?? current.Rating,
            g.RatingScore ?? current.RatingScore,
            g.RatingScaleMax ?? current.RatingScaleMax,
            g.Text ?? current.Text,
            g.Strengths ?? current.Strengths,
            g.GrowthAreas ?? current.GrowthAreas,
            promotion,
            // Setting the outcome to none drops the level it was about, unless a new one is given (which the server then refuses).
            g.NewLevel ?? (promotion == "none" ? null : current.NewLevel));
    }

    private static T? Given<T>(ParseResult parse, Option<T> option) where T : class =>
        parse.GetResult(option) is null ? null : parse.GetValue(option);
}
