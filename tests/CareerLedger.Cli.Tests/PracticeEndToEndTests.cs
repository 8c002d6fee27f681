using System.Text.Json;
using System.Text.RegularExpressions;
using CareerLedger.Testing;

namespace CareerLedger.Cli.Tests;

/// <summary>
/// <c>ledger coach</c>, <c>ledger mock …</c>, <c>ledger progress</c>, <c>ledger readiness</c> and <c>ledger questions</c> in-process
/// against the real app on Kestrel (no model configured; clock fixed at 2026-11-21 12:00 UTC, ISO week 2026-W47).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class PracticeEndToEndTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>, IDisposable
{
    private const string Password = "correct horse battery staple";

    internal const string StrongAnswer = """
        Situation: Our checkout service was timing out during the evening peak, and about 3 % of card payments were failing.
        Task: As the on-call lead I had to stop the failures before the weekend sale.
        Action: I pulled the traces and found that each payment made 14 sequential calls to the ledger. I rewrote the hot path to batch them into one call, added a cache for merchant settings, and ran a load test at twice the peak before I shipped it behind a flag. I walked the two other teams through the change and rolled it out to 10 %, then 50 %, then everyone.
        Result: p99 latency fell from 1,450 ms to 620 ms and failed payments dropped from 3 % to 0.2 %, which finance estimated at $40k a week in recovered sales.
        Learnings: I added a latency budget check to CI so a regression now fails the build, and I wrote a runbook for the next on-call.
        """;

    internal const string WeakAnswer = "We had some issues with performance so we looked into it and we fixed a lot of things and it was better after that. It was a good team effort.";

    private readonly List<CliRunner> _runners = [];

    public void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }
    }

    [GeneratedRegex(@"^Overall: (?<score>\d+)/100 \((STAR|CARL)(, detected)?\)$", RegexOptions.Multiline)]
    private static partial Regex OverallLine();

    [GeneratedRegex(@"^Started mock session (?<id>[0-9a-f-]{36}): 5 questions \(lens any, level any, seed 42\)\.$", RegexOptions.Multiline)]
    private static partial Regex StartedLine();

    [GeneratedRegex(@"^Answered (?<question>q-[0-9a-z-]+) \((?<n>\d) of 5\): (?<score>\d+)/100$", RegexOptions.Multiline)]
    private static partial Regex AnsweredLine();

    private async Task<CliRunner> RegisteredAsync(bool import = true)
    {
        var cli = new CliRunner();
        _runners.Add(cli);
        var result = await cli.RunWithInputAsync(
            Password + "\n", "register", "--email", $"practice-{Guid.NewGuid():N}@example.com", "--name", "Dorothy Vaughan", "--time-zone", "Europe/Berlin",
            "--password-stdin", "--server", app.BaseAddress.ToString());
        result.ExitCode.ShouldBe(0, result.ToString());
        if (import)
        {
            var imported = await cli.RunAsync("import", Path.Combine(AppContext.BaseDirectory, "samples", "senior-backend-year.json"));
            imported.ExitCode.ShouldBe(0, imported.ToString());
        }

        return cli;
    }

    private static async Task<string> WriteAsync(CliRunner cli, string name, string text)
    {
        var path = Path.Combine(cli.ConfigDirectory, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [Fact]
    public async Task coach_scores_a_strong_answer_file_above_a_weak_answer_from_stdin_and_quotes_the_we_sentence()
    {
        var cli = await RegisteredAsync(import: false);
        var file = await WriteAsync(cli, "strong.txt", StrongAnswer);

        var strong = await cli.RunAsync("coach", file, "--duration", "95", "--question", "Tell me about a time you fixed a production problem.");
        strong.ExitCode.ShouldBe(0, strong.ToString());
        var strongScore = int.Parse(OverallLine().Match(strong.Stdout).Groups["score"].Value, System.Globalization.CultureInfo.InvariantCulture);
        strong.Stdout.ShouldContain("| Dimension         | Score | Weight | Points |");
        strong.Stdout.ShouldMatch(@"\| quantified result \|\s+\d+ \|\s+20 \|");
        strong.Stdout.ShouldContain("Sections (share of the words against the target):");
        strong.Stdout.ShouldMatch(@"\| action\s+\|\s+\d+ \|\s+[\d.]+ % \| 50-60 % \|");
        strong.Stdout.ShouldContain("Length: 151 words in 95 s (1:35) (95 words per minute)");
        strong.Stdout.ShouldContain("Critique:" + Environment.NewLine + "  Scored ");
        strong.Stdout.TrimEnd().ShouldEndWith("critique by: rubric (no model configured)");

        var weak = await cli.RunWithInputAsync(WeakAnswer, "coach", "-");
        weak.ExitCode.ShouldBe(0, weak.ToString());
        var weakScore = int.Parse(OverallLine().Match(weak.Stdout).Groups["score"].Value, System.Globalization.CultureInfo.InvariantCulture);
        strongScore.ShouldBeGreaterThan(weakScore);
        weak.Stdout.ShouldContain("[problem] ownership: we_instead_of_i" + Environment.NewLine + "     \"We had some issues with performance so we looked into it");
        weak.Stdout.ShouldContain("[problem] quantified result: no_numbers");
        weak.Stdout.ShouldContain("     → Make your own part visible: say \"I\"");
        weak.Stdout.ShouldMatch(@"\| result\s+\|\s+0 \|\s+0\.0 % \| 15-20 % \| missing\s+\|");
        weak.Stdout.ShouldContain("about 12 s at 145 words per minute (estimated; pass --duration to measure your pace)");
        weak.Stdout.ShouldContain("critique by: rubric");

        var carl = await cli.RunAsync("coach", "--text", WeakAnswer, "--format", "carl");
        carl.ExitCode.ShouldBe(0, carl.ToString());
        OverallLine().Match(carl.Stdout).Value.ShouldEndWith("(CARL)");
        carl.Stdout.ShouldContain("| context ");

        using var json = JsonDocument.Parse((await cli.RunWithInputAsync(WeakAnswer, "coach", "-", "--json")).Stdout);
        json.RootElement.GetProperty("report").GetProperty("overall").GetInt32().ShouldBe(weakScore);
        json.RootElement.GetProperty("critiqueSource").GetString().ShouldBe("rubric");
    }

    [Fact]
    public async Task a_full_mock_session_of_five_questions_runs_to_a_summary_and_shows_in_progress()
    {
        var cli = await RegisteredAsync();
        var ranking = await cli.RunAsync("stories", "--top", "1", "--json");
        string win;
        using (var doc = JsonDocument.Parse(ranking.Stdout))
        {
            win = doc.RootElement.GetProperty("top")[0].GetProperty("accomplishmentId").GetString()!;
        }

        var draft = await cli.RunAsync("stories", "draft", win);
        var story = Regex.Match(draft.Stdout, "^Drafted story (?<id>[0-9a-f-]{36})").Groups["id"].Value;
        story.ShouldNotBeEmpty(draft.ToString());

        var start = await cli.RunAsync("mock", "start", "--seed", "42");
        start.ExitCode.ShouldBe(0, start.ToString());
        var started = StartedLine().Match(start.Stdout);
        started.Success.ShouldBeTrue(start.ToString());
        var id = started.Groups["id"].Value;
        start.Stdout.ShouldMatch(@"Question 1 of 5: q-\d{3}-[a-z0-9-]+ \([a-z ,]+; (easy|medium|hard)\)" + Environment.NewLine + "  [A-Z]");
        start.Stdout.ShouldContain($"Answer it with `ledger mock answer {id} FILE`");

        var strongFile = await WriteAsync(cli, "strong.txt", StrongAnswer);
        var questions = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            var result = i switch
            {
                1 => await cli.RunAsync("mock", "answer", id, strongFile, "--duration", "1:10", "--story", story[..13]),
                2 => await cli.RunWithInputAsync(WeakAnswer, "mock", "answer", id[..13], "-", "--duration", "40"),
                3 => await cli.RunAsync("mock", "answer", id, "--text", "We did a lot of work and it went well."),
                _ => await cli.RunAsync("mock", "answer", id, strongFile, "--story", story),
            };
            result.ExitCode.ShouldBe(0, result.ToString());
            var answered = AnsweredLine().Match(result.Stdout);
            answered.Success.ShouldBeTrue(result.ToString());
            answered.Groups["n"].Value.ShouldBe(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            questions.Add(answered.Groups["question"].Value);
            result.Stdout.ShouldMatch(@"  structure \d+, ownership \d+, quantified result \d+, learning \d+, concreteness \d+, length and pace \d+, delivery \d+");
            result.Stdout.ShouldContain("Critique:");
            result.Stdout.ShouldMatch(@"(\r?\n)critique by: rubric( \(no model configured\))?(\r?\n)");
            result.Stdout.ShouldMatch(@"Follow-up: [^\r\n]+\?(\r?\n)follow-up by: (rubric|bank)");
            if (i < 5)
            {
                result.Stdout.ShouldContain($"Next: Question {i + 1} of 5: q-");
            }
            else
            {
                result.Stdout.TrimEnd().ShouldEndWith($"all answered: run `ledger mock finish {id}`");
            }

            if (i is 2 or 3)
            {
                result.Stdout.ShouldContain("Top findings (3 of ");
                result.Stdout.ShouldContain("we_instead_of_i");
                result.Stdout.ShouldContain("Follow-up: What was your own part in that, as opposed to the team's?");
            }
        }

        questions.Distinct().Count().ShouldBe(5);

        var sixth = await cli.RunAsync("mock", "answer", id, "--text", "One more.");
        sixth.ExitCode.ShouldBe(5, sixth.ToString());
        sixth.Stderr.ShouldBe("ledger: Not allowed in the current state. Every question is answered; finish the session." + Environment.NewLine);

        var finish = await cli.RunAsync("mock", "finish", id);
        finish.ExitCode.ShouldBe(0, finish.ToString());
        finish.Stdout.ShouldMatch(@$"^Finished mock session {id}: 5 answered, average \d+/100\.");
        finish.Stdout.ShouldContain("| Dimension         | Average |");
        finish.Stdout.ShouldContain("Weakest: ");
        finish.Stdout.ShouldContain("Common findings: ");
        finish.Stdout.ShouldContain("we_instead_of_i");
        foreach (var q in questions)
        {
            finish.Stdout.ShouldContain(q);
        }

        var list = await cli.RunAsync("mock", "list");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Stdout.ShouldMatch(@"\| 2026-11-21 \| any\s+\| any\s+\|\s+5/5 \|\s+\d+ \| finished \|");
        list.Stdout.TrimEnd().ShouldEndWith("1 session.");

        var show = await cli.RunAsync("mock", "show", id);
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Stdout.ShouldStartWith($"Mock session {id}, started 2026-11-21 (lens any, level any, seed 42); finished.");
        show.Stdout.ShouldContain($"answered 2026-11-21, 70 s, story {story}: ");
        show.Stdout.ShouldContain("   critique by rubric: Scored ");
        show.Stdout.ShouldContain("Summary: 5 answered, average ");

        var progress = await cli.RunAsync("progress");
        progress.ExitCode.ShouldBe(0, progress.ToString());
        progress.Stdout.ShouldStartWith("Practice: 1 session, 5 scored answers.");
        progress.Stdout.ShouldContain("Sessions per week:" + Environment.NewLine + "  2026-W47    1  #");
        progress.Stdout.ShouldMatch(@"Overall: first \d+, last \d+ \([-+±]\d+\); average of the last 5: \d+");
        progress.Stdout.ShouldContain("| Dimension         | Answers | First | Last | Last 5 avg |");
        progress.Stdout.ShouldMatch(@"Weakest dimensions: [a-z ]+(, [a-z ]+)*");
        progress.Stdout.ShouldMatch(@"Weakest competencies: [a-z ]+ \(average \d+ over \d answers?\)");
        progress.Stdout.ShouldContain("Stories practised:");
        progress.Stdout.ShouldContain(story);

        var lineage = await cli.RunAsync("stories", "show", story);
        lineage.Stdout.ShouldMatch(@"\|\s+1 \| 2026-11-21 \| STAR\s+\|\s+\d+ \| \d+, \d+, \d+\s+\| drafted by: template");

    }

    [Fact]
    public async Task a_session_started_with_a_lens_level_and_focus_says_so_and_can_be_finished_early()
    {
        var cli = await RegisteredAsync(import: false);
        var start = await cli.RunAsync("mock", "start", "--lens", "amazon", "--level", "L5", "--competency", "conflict_resolution", "--questions", "2", "--seed", "7");
        start.ExitCode.ShouldBe(0, start.ToString());
        start.Stdout.ShouldMatch(@"^Started mock session [0-9a-f-]{36}: 2 questions \(lens amazon, level senior, focus conflict resolution, seed 7\)\.");
        start.Stdout.ShouldContain("conflict resolution");
        var id = Regex.Match(start.Stdout, "session (?<id>[0-9a-f-]{36})").Groups["id"].Value;

        using (var first = JsonDocument.Parse((await cli.RunAsync("mock", "show", id, "--json")).Stdout))
        using (var again = JsonDocument.Parse((await cli.RunAsync("mock", "start", "--lens", "amazon", "--level", "senior", "--competency", "conflict_resolution", "--questions", "2", "--seed", "7", "--json")).Stdout))
        {
            static List<string?> Drawn(JsonDocument doc) => doc.RootElement.GetProperty("session").GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("questionId").GetString()).ToList();
            Drawn(again).ShouldBe(Drawn(first), "the same seed over the same data draws the same questions");
        }

        var finish = await cli.RunAsync("mock", "finish", id);
        finish.ExitCode.ShouldBe(0, finish.ToString());
        finish.Stdout.ShouldStartWith($"Finished mock session {id}: 0 answered, average 0/100.");
        finish.Stdout.ShouldContain("2 questions left unanswered.");
        finish.Stdout.ShouldContain("not answered");

        var answer = await cli.RunAsync("mock", "answer", id, "--text", StrongAnswer);
        answer.ExitCode.ShouldBe(5, answer.ToString());
        answer.Stderr.ShouldContain("This session is finished; start a new one.");
    }

    [Fact]
    public async Task readiness_for_l6_prints_the_five_dimensions_with_expectation_evidence_and_gap()
    {
        var cli = await RegisteredAsync();
        var readiness = await cli.RunAsync("readiness", "--level", "L6");
        readiness.ExitCode.ShouldBe(0, readiness.ToString());
        readiness.Stdout.ShouldMatch(@"^Promotion readiness for staff \(L6\): \d of 5 dimensions ready\.");
        foreach (var dimension in new[] { "Scope", "Ambiguity", "Impact", "Influence", "Communication" })
        {
            readiness.Stdout.ShouldMatch(@$"(?m)^{dimension} \((ready|gap)\)\r?$");
        }

        Regex.Matches(readiness.Stdout, "(?m)^  Expectation: ").Count.ShouldBe(5);
        Regex.Matches(readiness.Stdout, "(?m)^  Gap: ").Count.ShouldBe(5);
        readiness.Stdout.ShouldContain("  Expectation: Owns work that spans several teams and cross-cutting systems.");
        readiness.Stdout.ShouldMatch(@"(?m)^    20\d\d-\d\d-\d\d  .+ \((multi-team|org-wide|company-wide) scope\)\r?$");

        var bad = await cli.RunAsync("readiness", "--level", "L9");
        bad.ExitCode.ShouldBe(1, bad.ToString());
        bad.Stderr.ShouldStartWith("ledger: The request has invalid fields; level: ");
        var noLevel = await cli.RunAsync("readiness");
        noLevel.ExitCode.ShouldBe(1, "without --level the promotion goal's level is used, and there is none");
        noLevel.Stderr.ShouldContain("open a promotion goal");
    }

    [Fact]
    public async Task questions_filtered_by_competency_list_only_such_questions()
    {
        var cli = await RegisteredAsync(import: false);
        var json = await cli.RunAsync("questions", "--competency", "conflict_resolution", "--json");
        json.ExitCode.ShouldBe(0, json.ToString());
        List<string> ids;
        using (var doc = JsonDocument.Parse(json.Stdout))
        {
            doc.RootElement.GetArrayLength().ShouldBeGreaterThan(0);
            doc.RootElement.EnumerateArray().ShouldAllBe(q => q.GetProperty("competencies").EnumerateArray().Any(c => c.GetString() == "conflict_resolution"));
            ids = doc.RootElement.EnumerateArray().Select(q => q.GetProperty("id").GetString()!).ToList();
        }

        var table = await cli.RunAsync("questions", "--competency", "conflict_resolution");
        table.ExitCode.ShouldBe(0, table.ToString());
        table.Stdout.ShouldContain("| Id / question");
        table.Stdout.ShouldContain("| Level  | Difficulty | Competencies");
        table.Stdout.TrimEnd().ShouldEndWith($"{ids.Count} questions.");
        var listed = Regex.Matches(table.Stdout, @"q-\d{3}-[a-z0-9-]+").Select(m => m.Value).ToList();
        listed.ShouldBe(ids);
        var rows = table.Stdout.Split(Environment.NewLine).Where(l => Regex.IsMatch(l, @"^\| q-\d{3}-")).ToList();
        rows.Count.ShouldBe(ids.Count);
        rows.ShouldAllBe(r => r.Contains("conflict_resolution"));

        using (var all = JsonDocument.Parse((await cli.RunAsync("questions", "--json")).Stdout))
        {
            all.RootElement.GetArrayLength().ShouldBeGreaterThan(ids.Count);
        }

        using (var staff = JsonDocument.Parse((await cli.RunAsync("questions", "--lens", "stripe", "--level", "L6", "--json")).Stdout))
        {
            staff.RootElement.EnumerateArray().ShouldAllBe(q => q.GetProperty("level").GetString() == "staff" && q.GetProperty("lenses").EnumerateArray().Any(l => l.GetString() == "stripe"));
        }

        var badLens = await cli.RunAsync("questions", "--lens", "tesla");
        badLens.ExitCode.ShouldBe(1, badLens.ToString());
        badLens.Stderr.ShouldContain("lens: Unknown lens 'tesla'.");
        var badCompetency = await cli.RunAsync("questions", "--competency", "juggling");
        badCompetency.ExitCode.ShouldBe(1, badCompetency.ToString());
        badCompetency.Stderr.ShouldContain("competency[0]: Unknown competency 'juggling'");
    }

    [Fact]
    public async Task bad_input_is_one_line_naming_what_is_wrong()
    {
        var cli = await RegisteredAsync(import: false);
        var start = await cli.RunAsync("mock", "start", "--questions", "1", "--seed", "3");
        start.ExitCode.ShouldBe(0, start.ToString());
        var id = Regex.Match(start.Stdout, "session (?<id>[0-9a-f-]{36})").Groups["id"].Value;

        foreach (var empty in new[] { await cli.RunAsync("mock", "answer", id, "--text", "   "), await cli.RunWithInputAsync("", "mock", "answer", id, "-") })
        {
            empty.ExitCode.ShouldBe(1, empty.ToString());
            empty.Stderr.ShouldStartWith("ledger: The request has invalid fields; text: Type (or paste) your answer");
            empty.Stderr.TrimEnd().ShouldNotContain("\n");
        }

        var emptyCoach = await cli.RunWithInputAsync("\n", "coach", "-");
        emptyCoach.ExitCode.ShouldBe(1, emptyCoach.ToString());
        emptyCoach.Stderr.ShouldStartWith("ledger: The request has invalid fields; text: ");

        var lens = await cli.RunAsync("mock", "start", "--lens", "tesla");
        lens.ExitCode.ShouldBe(1, lens.ToString());
        lens.Stderr.ShouldBe("ledger: The request has invalid fields; lens: Unknown lens 'tesla'. Use one of: amazon, google, meta, apple, netflix, stripe." + Environment.NewLine);

        var level = await cli.RunAsync("mock", "start", "--level", "intern");
        level.ExitCode.ShouldBe(1, level.ToString());
        level.Stderr.ShouldContain("level: ");
        var count = await cli.RunAsync("mock", "start", "--questions", "50");
        count.ExitCode.ShouldBe(1, count.ToString());
        count.Stderr.ShouldContain("questions: Ask for 1 to 20 questions.");

        var neither = await cli.RunAsync("mock", "answer", id);
        neither.ExitCode.ShouldBe(2, neither.ToString());
        neither.Stderr.ShouldStartWith("ledger: no answer: give a FILE, - to read stdin, or --text");
        var both = await cli.RunAsync("coach", "-", "--text", "I did it.");
        both.ExitCode.ShouldBe(2, both.ToString());
        var duration = await cli.RunAsync("coach", "--text", "I did it.", "--duration", "a while");
        duration.ExitCode.ShouldBe(1, duration.ToString());
        duration.Stderr.ShouldStartWith("ledger: --duration: 'a while' is not a duration");
        var tooLong = await cli.RunAsync("coach", "--text", "I did it.", "--duration", "7200");
        tooLong.ExitCode.ShouldBe(1, tooLong.ToString());
        tooLong.Stderr.ShouldContain("durationSeconds: ");
        (await cli.RunAsync("coach", "--text", "I did it.", "--format", "soar")).ExitCode.ShouldBe(2);
        var missingFile = await cli.RunAsync("coach", Path.Combine(cli.ConfigDirectory, "nope.txt"));
        missingFile.ExitCode.ShouldBe(1, missingFile.ToString());
        missingFile.Stderr.ShouldStartWith("ledger: cannot read ");

        var unknown = Guid.NewGuid();
        var noSession = await cli.RunAsync("mock", "answer", unknown.ToString(), "--text", "I did it.");
        noSession.ExitCode.ShouldBe(1, noSession.ToString());
        noSession.Stderr.ShouldBe($"ledger: no mock session {unknown}" + Environment.NewLine);
        var noPrefix = await cli.RunAsync("mock", "show", id[0] == 'f' ? "0000" : "ffff");
        noPrefix.ExitCode.ShouldBe(1, noPrefix.ToString());
        noPrefix.Stderr.ShouldStartWith("ledger: no mock session id starts with ");
        var wrongQuestion = await cli.RunAsync("mock", "answer", id, "--text", "I did it.", "--question", "q-999-nope");
        wrongQuestion.ExitCode.ShouldBe(1, wrongQuestion.ToString());
        wrongQuestion.Stderr.ShouldContain("questionId: 'q-999-nope' is not a question of this session.");

        foreach (var result in new[] { lens, neither, duration, noSession, emptyCoach })
        {
            result.Stderr.TrimEnd().ShouldNotContain("\n");
            result.Stdout.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task json_output_parses_for_every_practice_command()
    {
        var cli = await RegisteredAsync();
        var start = await cli.RunAsync("mock", "start", "--questions", "2", "--seed", "11", "--json");
        string id;
        using (var doc = JsonDocument.Parse(start.Stdout))
        {
            id = doc.RootElement.GetProperty("session").GetProperty("id").GetString()!;
        }

        var commands = new[]
        {
            new[] { "coach", "--text", StrongAnswer },
            ["mock", "answer", id, "--text", StrongAnswer],
            ["mock", "list"],
            ["mock", "show", id],
            ["mock", "finish", id],
            ["progress"],
            ["readiness", "--level", "L5"],
            ["questions", "--level", "principal"],
        };
        foreach (var args in commands)
        {
            var result = await cli.RunAsync([.. args, "--json"]);
            result.ExitCode.ShouldBe(0, string.Join(' ', args) + ": " + result);
            Should.NotThrow(() => JsonDocument.Parse(result.Stdout).Dispose(), string.Join(' ', args) + ": " + result.Stdout);
        }
    }

    [Fact]
    public async Task progress_and_lists_say_what_to_do_when_nothing_is_practised_yet()
    {
        var cli = await RegisteredAsync(import: false);
        var progress = await cli.RunAsync("progress");
        progress.ExitCode.ShouldBe(0, progress.ToString());
        progress.Stdout.ShouldBe("Practice: 0 sessions, 0 scored answers." + Environment.NewLine + "Nothing practised yet. Start with `ledger mock start`." + Environment.NewLine);
        (await cli.RunAsync("mock", "list")).Stdout.ShouldStartWith("No mock sessions yet.");
        (await cli.RunAsync("stories", "list")).Stdout.ShouldStartWith("No active stories.");
    }
}
