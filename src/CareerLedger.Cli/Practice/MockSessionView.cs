using System.Globalization;
using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Practice;

/// <summary>How the <c>ledger mock</c> subcommands print a session: a question, the summary tables, the target.</summary>
internal static class MockSessionView
{
    /// <summary>"Question 2 of 5: q-… (ownership, growth mindset; medium)" and the text indented below.</summary>
    internal static void WriteQuestion(CliContext ctx, MockSessionDto session, QuestionDto question)
    {
        var competencies = string.Join(", ", question.Competencies.Select(CoachView.Label));
        ctx.Out.WriteLine($"Question {Position(session, question.Id)}: {question.Id} ({competencies}; {question.Difficulty})");
        ctx.Out.WriteLine("  " + question.Text);
    }

    /// <summary>"Next: Question 3 of 5: …" and its text, or, when every question is answered, how to finish the session.</summary>
    internal static void WriteNext(CliContext ctx, MockSessionDto session, QuestionDto? next)
    {
        if (next is not null)
        {
            ctx.Out.Write("Next: ");
            WriteQuestion(ctx, session, next);
        }
        else
        {
            ctx.Out.WriteLine($"all answered: run `ledger mock finish {session.Id}`");
        }
    }

    /// <summary>The finished session's tables: each question's score and findings, then the per-dimension averages; then the weakest dimensions and common findings.</summary>
    internal static void WriteSummary(CliContext ctx, MockSessionDto session)
    {
        var summary = session.RescoredSummary ?? session.Summary!;
        ctx.Out.WriteLine();
        var scores = new Table().Border(ctx.TableBorder);
        scores.AddColumn(new TableColumn("#").RightAligned());
        scores.AddColumn("Question");
        scores.AddColumn(new TableColumn("Score").RightAligned());
        scores.AddColumn("Findings");
        var n = 0;
        foreach (var q in session.Questions)
        {
            n++;
            scores.AddRow(
                new Text(n.ToString(CultureInfo.InvariantCulture)),
                new Text(q.QuestionId),
                new Text(q.Score is null ? "–" : ScoreText(q)),
                new Text(q.CurrentScore is null ? (q.Answer is null ? "not answered" : "not scored") : string.Join(", ", q.CurrentScore.FindingCodes)));
        }

        ctx.Console.Write(scores);
        if (summary.DimensionAverages.Count > 0)
        {
            ctx.Out.WriteLine();
            var dims = new Table().Border(ctx.TableBorder);
            dims.AddColumn("Dimension");
            dims.AddColumn(new TableColumn("Average").RightAligned());
            foreach (var (dimension, average) in CoachView.Ordered(summary.DimensionAverages))
            {
                dims.AddRow(new Text(CoachView.Label(dimension)), new Text(average.ToString(CultureInfo.InvariantCulture)));
            }

            ctx.Console.Write(dims);
        }

        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Weakest: " + (summary.Weakest.Count == 0 ? "–" : string.Join(", ", summary.Weakest.Select(CoachView.Label))));
        ctx.Out.WriteLine("Common findings: " + (summary.CommonFindings.Count == 0 ? "none" : string.Join(", ", summary.CommonFindings)));
    }

    /// <summary>An answer's overall score: "78", or "scored 64 under rubric v1; 78 under rubric v2" when it was re-scored.</summary>
    internal static string ScoreText(SessionQuestionDto q, string unit = "") =>
        q.Score is null ? "–" : Wording.Score(q.Score.Overall, q.Score.RubricVersion, q.Rescored?.Overall, q.Rescored?.RubricVersion, unit);

    /// <summary>"2 of 5": where the question stands in the session.</summary>
    internal static string Position(MockSessionDto session, string questionId)
    {
        var index = session.Questions.Select(q => q.QuestionId).ToList().IndexOf(questionId);
        return index < 0 ? $"of {session.Questions.Count}" : $"{index + 1} of {session.Questions.Count}";
    }

    /// <summary>"lens amazon, level staff, focus ownership, seed 42": what the session was drawn for.</summary>
    internal static string Target(MockSessionDto session)
    {
        var parts = new List<string>
        {
            "lens " + (session.Target.Lens ?? "any"),
            "level " + (session.Target.Level ?? "any"),
        };
        if (session.Target.Competencies.Count > 0)
        {
            parts.Add("focus " + string.Join(", ", session.Target.Competencies.Select(CoachView.Label)));
        }

        parts.Add("seed " + session.Seed.ToString(CultureInfo.InvariantCulture));
        return string.Join(", ", parts);
    }

    /// <summary>"rubric", "bank", "model (NAME)".</summary>
    internal static string Where(string? source) => source switch
    {
        null => "?",
        _ when source.StartsWith("model:", StringComparison.Ordinal) => $"model ({source["model:".Length..]})",
        _ => source,
    };
}
