using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Brag;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Brag;

public sealed class BragMarkdownTests
{
    private static readonly DateRange H1 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static string Render(IEnumerable<Accomplishment> wins, IEnumerable<FeedbackItem>? feedback = null, DateTimeOffset? asOf = null) =>
        BragMarkdown.Render(BragDocumentBuilder.Build(wins, feedback ?? [], H1, asOf));

    [Fact]
    public void a_document_renders_summary_periods_projects_entries_feedback_and_learnings()
    {
        var wins = new[]
        {
            Win(Details(
                title: "Cut checkout p99 latency in half",
                on: D(2026, 3, 5),
                project: "Payments",
                description: "Profiled the hot path.\r\nRemoved an N+1 query.",
                scope: Scope.Org,
                involvement: Involvement.Drove,
                impact: [Latency()],
                competencies: [Competency.PerformanceCost, Competency.Ownership],
                learnings: "Added a latency budget check to CI.",
                links: ["https://github.com/acme/pay/pull/42"])),
            Win(Details(
                title: "Wrote the on-call runbook",
                on: D(2026, 1, 12),
                project: "On-call",
                scope: Scope.Team,
                involvement: Involvement.Contributed,
                competencies: [Competency.Reliability])),
        };
        var feedback = new[]
        {
            Quote(Said(text: "Great incident leadership.", on: D(2026, 2, 3), from: FeedbackFrom.SkipLevel, source: "mid-year review")),
            Quote(Said(text: "Delegate more.", on: D(2026, 4, 1), from: FeedbackFrom.Manager, sentiment: Sentiment.Constructive)),
        };

        var md = Render(wins, feedback);

        md.ShouldBe(string.Join('\n',
            "# Brag document: 2026-01-01 to 2026-06-30",
            "",
            "2 accomplishments across 2 projects, 1 with measured impact; 2 pieces of feedback. "
                + "Most evidenced: Ownership (1), Reliability (1), Performance and cost (1).",
            "",
            "## January 2026",
            "",
            "### On-call",
            "",
            "- **Wrote the on-call runbook** (Jan 12; team, contributed)",
            "  - _Shows:_ Reliability",
            "",
            "## March 2026",
            "",
            "### Payments",
            "",
            "- **Cut checkout p99 latency in half** (Mar 5; org-wide, drove) Profiled the hot path. Removed an N+1 query.",
            "  - p99 latency 420 ms → 210 ms (−50 %)",
            "  - _Shows:_ Performance and cost, Ownership",
            "  - <https://github.com/acme/pay/pull/42>",
            "",
            "## Feedback",
            "",
            "### What others valued",
            "",
            "- 2026-02-03 (skip-level, mid-year review): “Great incident leadership.”",
            "",
            "### Growth areas",
            "",
            "- 2026-04-01 (manager): “Delegate more.”",
            "",
            "## Learnings",
            "",
            "- **Cut checkout p99 latency in half** (Mar 5): Added a latency budget check to CI.",
            ""));
    }

    [Fact]
    public void markdown_and_html_in_a_title_come_out_escaped()
    {
        var md = Render([Win(Details(title: "Fix *all* the <script>alert(1)</script> bugs_now", on: D(2026, 2, 1), learnings: "x"))]);

        md.ShouldContain(@"- **Fix \*all\* the \<script\>alert(1)\</script\> bugs\_now** (Feb 1;");
        md.ShouldContain(@"- **Fix \*all\* the \<script\>alert(1)\</script\> bugs\_now** (Feb 1): x");
        md.ShouldNotMatch(@"(?<!\\)<");
        md.ShouldNotContain("*all*");
    }

    [Fact]
    public void user_text_in_every_section_is_escaped()
    {
        var md = Render(
            [Win(Details(
                title: "T",
                on: D(2026, 2, 1),
                project: "# [Core] <b>",
                description: "see `code` | table",
                impact: [new ImpactMetric("p99 <latency>", 2, 1, "ms", true)],
                learnings: "**always** _test_"))],
            [Quote(Said(text: "<img src=x onerror=alert(1)>", on: D(2026, 2, 2), source: "[Slack](http://evil)"))]);

        md.ShouldContain(@"### \# \[Core\] \<b\>");
        md.ShouldContain(@"see \`code\` \| table");
        md.ShouldContain(@"  - p99 \<latency\> 2 ms → 1 ms (−50 %)");
        md.ShouldContain(@"\*\*always\*\* \_test\_");
        md.ShouldContain(@"(peer, \[Slack\](http://evil)): “\<img src=x onerror=alert(1)\>”");
        // No '<' that is not backslash-escaped, so no raw HTML can start.
        md.ShouldNotMatch(@"(?<!\\)<");
    }

    [Fact]
    public void the_heading_title_is_escaped_too()
    {
        var md = BragMarkdown.Render(BragDocumentBuilder.Build([], [], H1, null), "Ada *Lovelace*");

        md.ShouldStartWith(@"# Ada \*Lovelace\*: 2026-01-01 to 2026-06-30" + "\n\n");
    }

    [Fact]
    public void a_link_cannot_smuggle_raw_html_into_the_markdown()
    {
        // Links pass validation as absolute https URLs, but Uri.ToString() returns them unescaped and BragMarkdown
        // writes them verbatim inside an autolink "<…>", so a '>' closes the autolink and the rest is raw HTML.
        var details = new AccomplishmentDraft("Shipped it", D(2026, 2, 1), Links: ["https://example.com/a><script>alert(1)</script>"])
            .Validate(Today);

        var md = Render([Win(details)]);

        md.ShouldNotContain("<script>");
    }

    [Fact]
    public void feedback_is_split_into_what_others_valued_and_growth_areas()
    {
        var md = Render([], [
            Quote(Said(text: "positive one", on: D(2026, 1, 2), sentiment: Sentiment.Positive)),
            Quote(Said(text: "neutral one", on: D(2026, 1, 3), sentiment: Sentiment.Neutral)),
            Quote(Said(text: "constructive one", on: D(2026, 1, 4), sentiment: Sentiment.Constructive)),
        ]);

        var valued = md.IndexOf("### What others valued", StringComparison.Ordinal);
        var growth = md.IndexOf("### Growth areas", StringComparison.Ordinal);
        valued.ShouldBeGreaterThan(md.IndexOf("## Feedback", StringComparison.Ordinal));
        growth.ShouldBeGreaterThan(valued);
        md.IndexOf("positive one", StringComparison.Ordinal).ShouldBeInRange(valued, growth);
        md.IndexOf("neutral one", StringComparison.Ordinal).ShouldBeInRange(valued, growth);
        md.IndexOf("constructive one", StringComparison.Ordinal).ShouldBeGreaterThan(growth);
    }

    [Fact]
    public void a_feedback_section_without_constructive_items_has_no_growth_areas_heading()
    {
        var md = Render([], [Quote(Said(on: D(2026, 1, 2)))]);

        md.ShouldContain("### What others valued");
        md.ShouldNotContain("### Growth areas");
    }

    [Fact]
    public void an_empty_document_says_nothing_was_logged_and_has_no_feedback_or_learnings_sections()
    {
        var md = Render([]);

        md.ShouldBe(string.Join('\n',
            "# Brag document: 2026-01-01 to 2026-06-30",
            "",
            "0 accomplishments, 0 with measured impact; 0 pieces of feedback.",
            "",
            "Nothing logged in this range yet. Log a win with `ledger win \"…\"`.",
            ""));
    }

    [Fact]
    public void an_as_of_document_says_when_it_was_recorded()
    {
        var md = Render([Win(Details(on: D(2026, 2, 1)))], asOf: new DateTimeOffset(2026, 3, 1, 14, 30, 0, TimeSpan.Zero));

        md.ShouldContain("\n\n_As recorded on 2026-03-01 14:30 UTC; anything logged later is not shown._\n\n");
        Render([Win(Details(on: D(2026, 2, 1)))]).ShouldNotContain("As recorded on");
    }

    [Fact]
    public void entries_without_a_project_are_rendered_under_other_after_named_projects()
    {
        var md = Render([
            Win(Details(title: "loose end", on: D(2026, 2, 1))),
            Win(Details(title: "planned", on: D(2026, 2, 2), project: "Search")),
        ]);

        md.IndexOf("### Search", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("### Other", StringComparison.Ordinal));
        md.IndexOf("### Other", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("loose end", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("*", @"\*")]
    [InlineData("_", @"\_")]
    [InlineData("`", @"\`")]
    [InlineData("[x]", @"\[x\]")]
    [InlineData("<a>", @"\<a\>")]
    [InlineData("#", @"\#")]
    [InlineData("|", @"\|")]
    [InlineData("plain text, 50 % (ok) - fine", "plain text, 50 % (ok) - fine")]
    public void escape_backslashes_every_markdown_or_html_trigger(string input, string expected)
    {
        BragMarkdown.Escape(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData(Scope.Individual, "individual")]
    [InlineData(Scope.Team, "team")]
    [InlineData(Scope.MultiTeam, "multi-team")]
    [InlineData(Scope.Org, "org-wide")]
    [InlineData(Scope.Company, "company-wide")]
    public void scopes_have_human_wording(Scope scope, string wording)
    {
        BragMarkdown.Describe(scope).ShouldBe(wording);
    }
}
