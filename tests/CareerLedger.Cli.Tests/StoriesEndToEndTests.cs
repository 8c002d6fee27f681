using System.Text.Json;
using System.Text.RegularExpressions;
using CareerLedger.Testing;

namespace CareerLedger.Cli.Tests;

/// <summary><c>ledger stories …</c> (the story bank) in-process against the real app on Kestrel (clock fixed at 2026-11-21 12:00 UTC).</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class StoriesEndToEndTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>, IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly List<CliRunner> _runners = [];

    public void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }
    }

    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json");

    [GeneratedRegex(@"^Drafted story (?<id>[0-9a-f-]{36}) \((?<format>STAR|CARL)\) from ")]
    private static partial Regex DraftedLine();

    [GeneratedRegex(@"^Score: (?<score>\d+)/100 \(structure \d+, ownership \d+, quantified result \d+, learning \d+, concreteness \d+, length and pace \d+, delivery \d+\)$", RegexOptions.Multiline)]
    private static partial Regex ScoreLine();

    /// <summary>A fresh CLI registered and logged in as a fresh user who imported the sample year.</summary>
    private async Task<CliRunner> ImportedAsync()
    {
        var cli = new CliRunner();
        _runners.Add(cli);
        var result = await cli.RunWithInputAsync(
            Password + "\n", "register", "--email", $"stories-{Guid.NewGuid():N}@example.com", "--name", "Katherine Johnson", "--time-zone", "Europe/Berlin",
            "--password-stdin", "--server", app.BaseAddress.ToString());
        result.ExitCode.ShouldBe(0, result.ToString());
        var import = await cli.RunAsync("import", SamplePath);
        import.ExitCode.ShouldBe(0, import.ToString());
        return cli;
    }

    /// <summary>The accomplishment ids of the top <paramref name="n"/> of the ranking, from <c>ledger stories --top N --json</c>.</summary>
    private static async Task<List<string>> TopIdsAsync(CliRunner cli, int n)
    {
        var ranking = await cli.RunAsync("stories", "--top", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        ranking.ExitCode.ShouldBe(0, ranking.ToString());
        using var doc = JsonDocument.Parse(ranking.Stdout);
        return doc.RootElement.GetProperty("top").EnumerateArray().Select(t => t.GetProperty("accomplishmentId").GetString()!).ToList();
    }

    private static async Task<string> DraftAsync(CliRunner cli, params string[] args)
    {
        var result = await cli.RunAsync(["stories", "draft", .. args]);
        result.ExitCode.ShouldBe(0, result.ToString());
        var match = DraftedLine().Match(result.Stdout);
        match.Success.ShouldBeTrue(result.ToString());
        return match.Groups["id"].Value;
    }

    [Fact]
    public async Task eight_stories_drafted_from_the_top_eight_ranked_accomplishments_are_listed_and_the_ranking_still_shows()
    {
        var cli = await ImportedAsync();
        var ids = await TopIdsAsync(cli, 8);
        ids.Count.ShouldBe(8);

        var drafted = new List<string>();
        for (var i = 0; i < ids.Count; i++)
        {
            var format = i % 2 == 0 ? "star" : "carl";
            var result = await cli.RunAsync("stories", "draft", ids[i][..8], "--format", format);
            result.ExitCode.ShouldBe(0, result.ToString());
            var lines = result.Stdout.Split(Environment.NewLine);
            lines[0].ShouldMatch(@$"^Drafted story [0-9a-f-]{{36}} \({format.ToUpperInvariant()}\) from 1 accomplishment:$");
            lines[1].ShouldBe("");
            lines[2].ShouldNotBeNullOrWhiteSpace("the headline");
            result.Stdout.ShouldContain(Environment.NewLine + (format == "star" ? "Situation: " : "Context: "));
            result.Stdout.ShouldContain(Environment.NewLine + "Action: ");
            result.Stdout.ShouldContain(Environment.NewLine + "Result: ");
            ScoreLine().IsMatch(result.Stdout).ShouldBeTrue(result.ToString());
            result.Stdout.TrimEnd().ShouldEndWith("drafted by: template (no model configured)");
            drafted.Add(DraftedLine().Match(result.Stdout).Groups["id"].Value);
        }

        drafted.Distinct().Count().ShouldBe(8);

        var list = await cli.RunAsync("stories", "list");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Stdout.ShouldContain("| Score | Format | Rev | Told | Headline");
        list.Stdout.TrimEnd().ShouldEndWith("8 stories.");
        list.Stdout.ShouldContain("STAR");
        list.Stdout.ShouldContain("CARL");

        using (var json = JsonDocument.Parse((await cli.RunAsync("stories", "list", "--json")).Stdout))
        {
            json.RootElement.GetArrayLength().ShouldBe(8);
            json.RootElement.EnumerateArray().Select(v => v.GetProperty("story").GetProperty("id").GetString()).ShouldBe(drafted, ignoreOrder: true);
            var scores = json.RootElement.EnumerateArray().Select(v => v.GetProperty("story").GetProperty("revisions")[0].GetProperty("score").GetProperty("overall").GetInt32()).ToList();
            scores.ShouldBe(scores.OrderByDescending(s => s).ToList(), "best scored first");
        }

        foreach (var args in new[] { new[] { "stories", "--top", "8" }, ["stories"] })
        {
            var ranking = await cli.RunAsync(args);
            ranking.ExitCode.ShouldBe(0, ranking.ToString());
            ranking.Stdout.ShouldStartWith("Top 8 of 50 accomplishments (recency measured from 2026-11-21), ranking formula v2" + Environment.NewLine);
            ranking.Stdout.ShouldContain("Prep checklist:");
            // The sample's constructive feedback and its 2026 H1 review name mentorship, which no top-8 story shows (docs/scoring.md, "Growth gaps").
            // Wrapped at 120 characters, continuation lines indented under the dash.
            ranking.Stdout.ShouldContain("Growth areas from your feedback and reviews that no top story shows:" + Environment.NewLine
                + "  - Feedback from a peer on 2026-10-06 (peer review), your 2026 H1 review (Dana Smith) and feedback from your manager on"
                + Environment.NewLine + "    2026-01-20 (1:1) name mentorship as a growth area; none of your top 8 shows it. Candidates to grow into such a");
            ranking.Stdout.IndexOf("Growth areas", StringComparison.Ordinal).ShouldBeGreaterThan(ranking.Stdout.IndexOf("Prep checklist:", StringComparison.Ordinal));
        }

        var top1 = await cli.RunAsync("stories", "--top", "1", "--json");
        using (var json = JsonDocument.Parse(top1.Stdout))
        {
            json.RootElement.GetProperty("formulaVersion").GetInt32().ShouldBe(2);
            json.RootElement.GetProperty("growthGaps").GetArrayLength().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task a_story_told_from_two_accomplishments_in_carl_takes_full_ids_and_prefixes()
    {
        var cli = await ImportedAsync();
        var ids = await TopIdsAsync(cli, 2);
        var result = await cli.RunAsync("stories", "draft", ids[0], ids[1][..8], "--format", "carl");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldMatch(@"^Drafted story [0-9a-f-]{36} \(CARL\) from 2 accomplishments:");
        result.Stdout.ShouldContain(Environment.NewLine + "Context: ");
        result.Stdout.ShouldContain(Environment.NewLine + "Learnings: ");
        result.Stdout.ShouldNotContain("Situation: ");

        var id = DraftedLine().Match(result.Stdout).Groups["id"].Value;
        var show = await cli.RunAsync("stories", "show", id);
        show.Stdout.Split(Environment.NewLine).Single(l => l.StartsWith("Accomplishments: ", StringComparison.Ordinal)).Split("; ").Length.ShouldBe(2);
    }

    [Fact]
    public async Task show_prints_the_text_and_the_lineage_and_a_stale_revise_exits_5()
    {
        var cli = await ImportedAsync();
        var top = (await TopIdsAsync(cli, 1))[0];
        var id = await DraftAsync(cli, top);

        var revise = await cli.RunAsync(
            "stories", "revise", id, "--action", "I broke spend down per service, proposed three changes with a rollback plan each, and sequenced them over six weeks.",
            "--reason", "tighter action");
        revise.ExitCode.ShouldBe(0, revise.ToString());
        revise.Stdout.ShouldStartWith($"Revised story {id} (now revision 2, version 2):");
        revise.Stdout.ShouldContain(Environment.NewLine + "Action: I broke spend down per service, proposed three changes");
        revise.Stdout.ShouldMatch(@"Score: \d+/100 \(structure \d+.*\); was \d+/100 \([-+±]\d+\)");

        var show = await cli.RunAsync("stories", "show", id[..13]);
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Stdout.ShouldStartWith($"Story {id} (STAR, revision 2, version 2)");
        show.Stdout.ShouldContain(Environment.NewLine + "Action: I broke spend down per service");
        ScoreLine().IsMatch(show.Stdout).ShouldBeTrue(show.ToString());
        show.Stdout.ShouldContain("Accomplishments: Raised the card authorization rate");
        show.Stdout.ShouldContain("Told: not yet");
        show.Stdout.ShouldContain("Lineage:");
        show.Stdout.ShouldContain("| Rev | Recorded   | Format | Score | Practice scores | Note");
        show.Stdout.ShouldMatch(@"\|\s+1 \| 2026-11-21 \| STAR\s+\|\s+\d+ \| –\s+\| drafted by: template\s+\|");
        show.Stdout.ShouldMatch(@"\|\s+2 \| 2026-11-21 \| STAR\s+\|\s+\d+ \| –\s+\| tighter action\s+\|");

        var stale = await cli.RunAsync("stories", "revise", id, "--headline", "Cut cloud spend by 30 %", "--expect-version", "1");
        stale.ExitCode.ShouldBe(5, stale.ToString());
        stale.Stderr.ShouldBe($"ledger: story {id} was changed by someone else (you edited version 1; it is now at version 2); nothing was saved: run `ledger stories revise` again" + Environment.NewLine);
        stale.Stdout.ShouldBeEmpty();
        (await cli.RunAsync("stories", "show", id)).Stdout.ShouldStartWith($"Story {id} (STAR, revision 2, version 2)");

        using var json = JsonDocument.Parse((await cli.RunAsync("stories", "show", id, "--json")).Stdout);
        var revisions = json.RootElement.GetProperty("story").GetProperty("revisions");
        revisions.GetArrayLength().ShouldBe(2);
        revisions[1].GetProperty("note").GetString().ShouldBe("tighter action");
    }

    [Fact]
    public async Task revise_reads_labelled_text_from_a_file_or_stdin_and_converts_star_to_carl()
    {
        var cli = await ImportedAsync();
        var id = await DraftAsync(cli, (await TopIdsAsync(cli, 1))[0]);
        var file = Path.Combine(cli.ConfigDirectory, "story.txt");
        await File.WriteAllTextAsync(file, """
            Cut payments cloud spend by 30 % without touching latency
            Situation: Cloud spend for payments had grown 40 % in a year
              and finance asked every team for savings.
            Task: I had to find savings without risking checkout latency.
            **Action:** I broke spend down per service, proposed three changes with a rollback each, and sequenced them.
            Result: Spend fell from $148k to $104k a month while p99 latency stayed flat.
            Learnings: I added a budget alert per service and a monthly cost review.
            """);
        var revise = await cli.RunAsync("stories", "revise", id, "--file", file, "--reason", "rewritten");
        revise.ExitCode.ShouldBe(0, revise.ToString());
        revise.Stdout.ShouldContain(Environment.NewLine + "Cut payments cloud spend by 30 % without touching latency" + Environment.NewLine);
        revise.Stdout.ShouldContain("Situation: Cloud spend for payments had grown 40 % in a year and finance asked every team for savings.");
        revise.Stdout.ShouldContain("Action: I broke spend down per service, proposed three changes with a rollback each, and sequenced them.");

        var same = await cli.RunAsync("stories", "revise", id, "--file", file);
        same.ExitCode.ShouldBe(0, same.ToString());
        same.Stdout.ShouldBe($"No change: story {id} already reads like this (revision 2, version 2)." + Environment.NewLine);

        var stdin = await cli.RunWithInputAsync("Result: Spend fell from $148k to $104k a month (−30 %) while p99 latency stayed flat.\n", "stories", "revise", id, "--file", "-");
        stdin.ExitCode.ShouldBe(0, stdin.ToString());
        stdin.Stdout.ShouldContain("Result: Spend fell from $148k to $104k a month (−30 %)");
        stdin.Stdout.ShouldContain("Task: I had to find savings");

        var carl = await cli.RunAsync("stories", "revise", id, "--format", "carl", "--reason", "CARL for the loop");
        carl.ExitCode.ShouldBe(0, carl.ToString());
        carl.Stdout.ShouldContain("Context: Cloud spend for payments had grown 40 % in a year and finance asked every team for savings. I had to find savings without risking checkout latency.");
        carl.Stdout.ShouldNotContain("Situation: ");
        (await cli.RunAsync("stories", "show", id)).Stdout.ShouldStartWith($"Story {id} (CARL, revision 4, version 4)");

        var wrongSection = await cli.RunAsync("stories", "revise", id, "--situation", "Somewhere.");
        wrongSection.ExitCode.ShouldBe(2, wrongSection.ToString());
        wrongSection.Stderr.ShouldBe("ledger: situation: not a section of a CARL story (it uses context, action, result, learnings); pass --format star to change the format" + Environment.NewLine);

        var nothing = await cli.RunAsync("stories", "revise", id, "--reason", "no reason");
        nothing.ExitCode.ShouldBe(2, nothing.ToString());
        nothing.Stderr.ShouldStartWith("ledger: nothing to revise: ");

        var unlabelled = Path.Combine(cli.ConfigDirectory, "prose.txt");
        await File.WriteAllTextAsync(unlabelled, "Just a paragraph of prose.\n");
        var prose = await cli.RunAsync("stories", "revise", id, "--file", unlabelled);
        prose.ExitCode.ShouldBe(1, prose.ToString());
        prose.Stderr.ShouldStartWith($"ledger: {unlabelled} has no labelled section");

        var noAction = await cli.RunAsync("stories", "revise", id, "--action", "");
        noAction.ExitCode.ShouldBe(1, noAction.ToString());
        noAction.Stderr.ShouldContain("sections.action: ");
    }

    [Fact]
    public async Task used_link_retire_and_intro_work_and_bad_values_name_the_field()
    {
        var cli = await ImportedAsync();
        var ids = await TopIdsAsync(cli, 2);
        var id = await DraftAsync(cli, ids[0]);
        var other = await DraftAsync(cli, ids[1]);

        var used = await cli.RunAsync("stories", "used", id, "--company", "Contoso", "--round", "onsite behavioral", "--date", "2026-11-20");
        used.ExitCode.ShouldBe(0, used.ToString());
        used.Stdout.ShouldBe($"Recorded: story {id} (revision 1) told at Contoso, onsite behavioral on 2026-11-20; told once so far." + Environment.NewLine);
        (await cli.RunAsync("stories", "used", id, "--company", "promotion packet")).Stdout.ShouldContain("on 2026-11-21; told 2 times so far.");

        var future = await cli.RunAsync("stories", "used", id, "--company", "Contoso", "--date", "2026-12-01");
        future.ExitCode.ShouldBe(1, future.ToString());
        future.Stderr.ShouldContain("on: 2026-12-01 is in the future.");
        (await cli.RunAsync("stories", "used", id)).ExitCode.ShouldBe(2, "--company is required");

        var link = await cli.RunAsync("stories", "link", id, "--competency", "conflict_resolution", "--competency", "communication", "--question", "q-008-technical-disagreement-with-a-peer");
        link.ExitCode.ShouldBe(0, link.ToString());
        link.Stdout.ShouldContain("  competencies: conflict_resolution, communication");
        link.Stdout.ShouldContain("  questions:    q-008-technical-disagreement-with-a-peer");
        var questionsOnly = await cli.RunAsync("stories", "link", id, "--question", "q-009-argued-lost-then-delivered");
        questionsOnly.Stdout.ShouldContain("  competencies: conflict_resolution, communication");
        questionsOnly.Stdout.ShouldContain("  questions:    q-009-argued-lost-then-delivered");

        var show = await cli.RunAsync("stories", "show", id);
        show.Stdout.ShouldContain("Competencies: conflict resolution, communication");
        show.Stdout.ShouldContain("Questions: q-009-argued-lost-then-delivered");
        show.Stdout.ShouldContain("Told: 2026-11-20 Contoso, onsite behavioral (revision 1); 2026-11-21 promotion packet (revision 1)");

        var unknown = await cli.RunAsync("stories", "link", id, "--competency", "juggling");
        unknown.ExitCode.ShouldBe(1, unknown.ToString());
        unknown.Stderr.ShouldStartWith("ledger: The request has invalid fields; competencies[0]: Unknown competency 'juggling'.");
        var noQuestion = await cli.RunAsync("stories", "link", id, "--question", "q-999-nope");
        noQuestion.ExitCode.ShouldBe(1, noQuestion.ToString());
        noQuestion.Stderr.ShouldContain("questionIds[0]: No question 'q-999-nope'");
        (await cli.RunAsync("stories", "link", id)).ExitCode.ShouldBe(2, "nothing to link");

        var retire = await cli.RunAsync("stories", "retire", other, "--reason", "too similar");
        retire.ExitCode.ShouldBe(0, retire.ToString());
        retire.Stdout.ShouldBe($"Retired story {other}." + Environment.NewLine);
        (await cli.RunAsync("stories", "list")).Stdout.TrimEnd().ShouldEndWith("1 story.");
        var all = await cli.RunAsync("stories", "list", "--all");
        all.Stdout.ShouldContain("(retired)");
        all.Stdout.TrimEnd().ShouldEndWith("2 stories.");
        (await cli.RunAsync("stories", "show", other)).Stdout.ShouldStartWith($"Story {other} (STAR, revision 1, version 2), retired");
        var reviseRetired = await cli.RunAsync("stories", "revise", other, "--headline", "Back again");
        reviseRetired.ExitCode.ShouldBe(5, reviseRetired.ToString());
        reviseRetired.Stderr.ShouldStartWith("ledger: Not allowed in the current state. This story is retired");

        var intro = await cli.RunAsync("stories", "intro");
        intro.ExitCode.ShouldBe(0, intro.ToString());
        intro.Stdout.ShouldStartWith("I'm a software engineer who ");
        intro.Stdout.ShouldContain("The work I'm proudest of recently: ");
        intro.Stdout.TrimEnd().ShouldEndWith("drafted by: template (no model configured)");
    }

    [Fact]
    public async Task ids_must_be_known_and_prefixes_unique()
    {
        var cli = await ImportedAsync();
        var ids = await TopIdsAsync(cli, 1);
        var id = await DraftAsync(cli, ids[0]);

        var unknownWin = await cli.RunAsync("stories", "draft", ids[0][0] == 'f' ? "0000" : "ffff");
        unknownWin.ExitCode.ShouldBe(1, unknownWin.ToString());
        unknownWin.Stderr.ShouldStartWith("ledger: no accomplishment id starts with ");

        var missingWin = Guid.NewGuid();
        var draft = await cli.RunAsync("stories", "draft", missingWin.ToString());
        draft.ExitCode.ShouldBe(1, draft.ToString());
        draft.Stderr.ShouldBe($"ledger: The request has invalid fields; accomplishmentIds[0]: No accomplishment {missingWin}." + Environment.NewLine);

        var shortPrefix = await cli.RunAsync("stories", "show", id[..3]);
        shortPrefix.ExitCode.ShouldBe(1, shortPrefix.ToString());
        shortPrefix.Stderr.ShouldContain("is not a story id");
        var unknownPrefix = await cli.RunAsync("stories", "show", id[0] == 'f' ? "0000" : "ffff");
        unknownPrefix.ExitCode.ShouldBe(1, unknownPrefix.ToString());
        unknownPrefix.Stderr.ShouldStartWith("ledger: no story id starts with ");
        var missing = Guid.NewGuid();
        var show = await cli.RunAsync("stories", "show", missing.ToString());
        show.ExitCode.ShouldBe(1, show.ToString());
        show.Stderr.ShouldBe($"ledger: no story {missing}" + Environment.NewLine);

        (await cli.RunAsync("stories", "draft")).ExitCode.ShouldBe(2, "an accomplishment id is required");
        (await cli.RunAsync("stories", "draft", ids[0], "--format", "soar")).ExitCode.ShouldBe(2);
        (await cli.RunAsync("stories", "nonsense")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task json_output_parses_for_every_stories_subcommand()
    {
        var cli = await ImportedAsync();
        var ids = await TopIdsAsync(cli, 2);
        var id = await DraftAsync(cli, ids[0]);
        var other = await DraftAsync(cli, ids[1]);
        var commands = new[]
        {
            new[] { "stories", "draft", ids[0], "--format", "carl" },
            ["stories", "list"],
            ["stories", "list", "--all"],
            ["stories", "show", id],
            ["stories", "revise", id, "--result", "Spend fell from $148k to $104k a month."],
            ["stories", "used", id, "--company", "Contoso"],
            ["stories", "link", id, "--competency", "ownership"],
            ["stories", "retire", other],
            ["stories", "intro"],
            ["stories", "--top", "3"],
        };
        foreach (var args in commands)
        {
            var result = await cli.RunAsync([.. args, "--json"]);
            result.ExitCode.ShouldBe(0, string.Join(' ', args) + ": " + result);
            Should.NotThrow(() => JsonDocument.Parse(result.Stdout).Dispose(), string.Join(' ', args) + ": " + result.Stdout);
        }
    }
}
