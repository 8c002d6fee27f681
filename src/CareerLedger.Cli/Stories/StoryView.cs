using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Stories;

/// <summary>How the <c>ledger stories</c> subcommands print a story: its text and its score line.</summary>
internal static class StoryView
{
    /// <summary>"Score: 71/100 (structure 80, ownership 100, …)".</summary>
    internal static string ScoreLine(StoryScoreDto score) =>
        score.Dimensions.Count == 0 ? $"Score: {score.Overall}/100" : $"Score: {score.Overall}/100 ({CoachView.Dimensions(score.Dimensions)})";

    /// <summary>The headline and the labelled sections, as the server renders them.</summary>
    internal static void WriteText(CliContext ctx, StoryViewDto view)
    {
        foreach (var line in view.Text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            ctx.Out.WriteLine(line);
        }
    }
}
