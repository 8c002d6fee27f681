using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Stories;

/// <summary>How the <c>ledger stories</c> subcommands print a story: its text and its score line.</summary>
internal static class StoryView
{
    /// <summary>"Score: 71/100 (structure 80, ownership 100, …)".</summary>
    internal static string ScoreLine(StoryScoreDto score) =>
        score.Dimensions.Count == 0 ? $"Score: {score.Overall}/100" : $"Score: {score.Overall}/100 ({CoachView.Dimensions(score.Dimensions)})";

    /// <summary>
    /// A revision's score line: as <see cref="ScoreLine(StoryScoreDto)"/>, or, when it was re-scored under a newer rubric,
    /// "Score: scored 64/100 under rubric v1; 78/100 under rubric v2 (the re-score's dimensions)".
    /// </summary>
    internal static string ScoreLine(StoryRevisionDto revision)
    {
        if (revision.Rescored is not { } now)
        {
            return ScoreLine(revision.Score);
        }

        var both = Wording.Score(revision.Score.Overall, revision.Score.RubricVersion, now.Overall, now.RubricVersion, "/100");
        return now.Dimensions.Count == 0 ? $"Score: {both}" : $"Score: {both} ({CoachView.Dimensions(now.Dimensions)})";
    }

    /// <summary>"78", or "scored 64 under rubric v1; 78 under rubric v2" for a re-scored revision.</summary>
    internal static string Score(StoryRevisionDto revision) =>
        Wording.Score(revision.Score.Overall, revision.Score.RubricVersion, revision.Rescored?.Overall, revision.Rescored?.RubricVersion);

    /// <summary>The headline and the labelled sections, as the server renders them.</summary>
    internal static void WriteText(CliContext ctx, StoryViewDto view)
    {
        foreach (var line in view.Text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            ctx.Out.WriteLine(line);
        }
    }
}
