using System.Globalization;
using System.Text;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Reviews;

namespace CareerLedger.Domain.Brag;

/// <summary>Renders a <see cref="BragDocument"/> as CommonMark (the HTML form is rendered from this Markdown).</summary>
public static class BragMarkdown
{
    /// <summary>The document as Markdown; <paramref name="title"/> heads it (for example the user's name).</summary>
    public static string Render(BragDocument doc, string title = "Brag document")
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.Append(inv, $"# {Escape(title)}: {doc.From:yyyy-MM-dd} to {doc.To:yyyy-MM-dd}\n\n");
        if (doc.AsOf is { } asOf)
        {
            md.Append(inv, $"_As recorded on {asOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC; anything logged later is not shown._\n\n");
        }

        var s = doc.Summary;
        md.Append(inv, $"{Count(s.Accomplishments, "accomplishment")}{(s.Projects > 0 ? " across " + Count(s.Projects, "project") : "")}, {s.Quantified} with measured impact; {Count(s.FeedbackCount, "piece")} of feedback{(s.ReviewCount > 0 ? "; " + Count(s.ReviewCount, "performance review") : "")}.");
        if (s.TopCompetencies.Count > 0)
        {
            md.Append(" Most evidenced: ")
              .Append(string.Join(", ", s.TopCompetencies.Select(c => $"{CompetencyCatalog.LabelOf(c.Competency)} ({c.Count})")))
              .Append('.');
        }

        md.Append("\n\n");
        if (doc.Periods.Count == 0)
        {
            md.Append("Nothing logged in this range yet. Log a win with `ledger win \"…\"`.\n\n");
        }

        foreach (var period in doc.Periods)
        {
            md.Append(inv, $"## {period.Label}\n\n");
            foreach (var project in period.Projects)
            {
                md.Append(inv, $"### {Escape(project.Name)}\n\n");
                foreach (var e in project.Entries)
                {
                    md.Append(inv, $"- **{Escape(e.Title)}** ({e.OccurredOn:MMM d}; {Describe(e.Scope)}, {Describe(e.Involvement)})");
                    if (e.Description is not null)
                    {
                        md.Append(" ").Append(Escape(OneLine(e.Description)));
                    }

                    md.Append('\n');
                    foreach (var impact in e.Impact)
                    {
                        md.Append("  - ").Append(Escape(impact)).Append('\n');
                    }

                    if (e.Competencies.Count > 0)
                    {
                        md.Append("  - _Shows:_ ").Append(string.Join(", ", e.Competencies.Select(CompetencyCatalog.LabelOf))).Append('\n');
                    }

                    foreach (var link in e.Links)
                    {
                        md.Append(inv, $"  - <{link.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)}>\n");
                    }
                }

                md.Append('\n');
            }
        }

        if (doc.Feedback.Count > 0)
        {
            md.Append("## Feedback\n\n");
            AppendFeedback(md, "What others valued", doc.Feedback.Where(f => f.Sentiment != Sentiment.Constructive));
            AppendFeedback(md, "Growth areas", doc.Feedback.Where(f => f.Sentiment == Sentiment.Constructive));
        }

        if (doc.Reviews.Count > 0)
        {
            md.Append("## Performance reviews\n\n");
            foreach (var r in doc.Reviews)
            {
                AppendReview(md, r);
            }
        }

        if (doc.Learnings.Count > 0)
        {
            md.Append("## Learnings\n\n");
            foreach (var l in doc.Learnings)
            {
                md.Append(inv, $"- **{Escape(l.Title)}** ({l.OccurredOn:MMM d}): {Escape(OneLine(l.Text))}\n");
            }

            md.Append('\n');
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static void AppendReview(StringBuilder md, BragReview r)
    {
        var inv = CultureInfo.InvariantCulture;
        var period = string.Create(inv, $"{r.PeriodStart:yyyy-MM-dd} to {r.PeriodEnd:yyyy-MM-dd}");
        md.Append("### ").Append(r.PeriodLabel is { } label ? $"{Escape(label)} ({period})" : period).Append("\n\n");
        var reviewer = string.Join(", ", new[] { r.ReviewerName, r.ReviewerRole }.Where(x => x is not null));
        md.Append("- _Reviewer:_ ").Append(Escape(reviewer)).Append('\n');
        if (r.Rating is { } rating)
        {
            md.Append("- _Rating:_ ").Append(Escape(rating)).Append('\n');
        }

        if (PerformanceReview.DescribePromotion(r.Promotion, r.NewLevel) is { } promotion)
        {
            md.Append("- _Promotion:_ ").Append(Escape(promotion)).Append('\n');
        }

        if (r.Strengths.Count > 0)
        {
            md.Append("- _Strengths:_ ").Append(string.Join(", ", r.Strengths.Select(CompetencyCatalog.LabelOf))).Append('\n');
        }

        if (r.GrowthAreas.Count > 0)
        {
            md.Append("- _Growth areas:_ ").Append(string.Join(", ", r.GrowthAreas.Select(CompetencyCatalog.LabelOf))).Append('\n');
        }

        md.Append(inv, $"- “{Escape(r.Excerpt)}”\n\n");
    }

    private static void AppendFeedback(StringBuilder md, string heading, IEnumerable<BragFeedback> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        md.Append("### ").Append(heading).Append("\n\n");
        foreach (var f in list)
        {
            var who = Describe(f.From) + (f.Source is null ? "" : ", " + f.Source);
            md.Append(CultureInfo.InvariantCulture, $"- {f.ReceivedOn:yyyy-MM-dd} ({Escape(who)}): “{Escape(OneLine(f.Text))}”\n");
        }

        md.Append('\n');
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>Human wording of a scope.</summary>
    public static string Describe(Scope scope) => scope switch
    {
        Scope.Individual => "individual",
        Scope.Team => "team",
        Scope.MultiTeam => "multi-team",
        Scope.Org => "org-wide",
        _ => "company-wide",
    };

    /// <summary>Human wording of an involvement.</summary>
    public static string Describe(Involvement involvement) => involvement switch
    {
        Involvement.Contributed => "contributed",
        Involvement.Led => "led",
        _ => "drove",
    };

    private static string Describe(FeedbackFrom from) => from switch
    {
        FeedbackFrom.SkipLevel => "skip-level",
        _ => from.ToString().ToLowerInvariant(),
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Escapes the characters that would start Markdown or raw HTML in user text.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}
