using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;
using CareerLedger.Cli.Practice;
using CareerLedger.Cli.Stories;

namespace CareerLedger.Cli.Tests;

/// <summary>Client-side parsing for the practice commands: durations, labelled story text, levels, source lines.</summary>
public sealed class PracticeInputTests
{
    [Theory]
    [InlineData("95", 95)]
    [InlineData(" 95s ", 95)]
    [InlineData("1:35", 95)]
    [InlineData("1m35s", 95)]
    [InlineData("1m 35s", 95)]
    [InlineData("2m", 120)]
    [InlineData("2min", 120)]
    [InlineData("90sec", 90)]
    public void durations_read_as_seconds_or_minutes_and_seconds(string text, int seconds) =>
        AnswerInput.ParseDuration(text).ShouldBe(seconds);

    [Theory]
    [InlineData("")]
    [InlineData("a while")]
    [InlineData("1:75")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5m")]
    public void malformed_durations_exit_1_naming_the_option(string text)
    {
        var ex = Should.Throw<CliException>(() => AnswerInput.ParseDuration(text));
        ex.ExitCode.ShouldBe(ExitCodes.Failure);
        ex.Message.ShouldStartWith("--duration: ");
    }

    [Fact]
    public void no_duration_is_null() => AnswerInput.ParseDuration(null).ShouldBeNull();

    [Fact]
    public void labelled_story_text_reads_the_headline_sections_and_continuation_lines()
    {
        var parsed = StoryText.Parse(
            "# my notes\nCut cloud spend by 30 %\n\nSituation: Spend had grown.\n  Finance asked for savings.\n**Action:** I broke it down.\n- Results: $148k → $104k: a 30 % cut.\nlearning: a budget alert.\n",
            "story.txt");
        parsed["headline"].ShouldBe("Cut cloud spend by 30 %");
        parsed["situation"].ShouldBe("Spend had grown. Finance asked for savings.");
        parsed["action"].ShouldBe("I broke it down.");
        parsed["result"].ShouldBe("$148k → $104k: a 30 % cut.");
        parsed["learnings"].ShouldBe("a budget alert.");
        parsed.ContainsKey("task").ShouldBeFalse();
    }

    [Fact]
    public void a_headline_with_a_colon_that_is_not_a_label_stays_the_headline() =>
        StoryText.Parse("Payments: halved p99 latency\nAction: I batched the calls.", "f")["headline"].ShouldBe("Payments: halved p99 latency");

    [Theory]
    [InlineData("Just prose, no labels.", "has no labelled section")]
    [InlineData("Action: one.\nAction: two.", "line 2: a second 'Action:'")]
    public void text_without_labels_or_with_a_repeated_label_is_rejected(string text, string message)
    {
        var ex = Should.Throw<CliException>(() => StoryText.Parse(text, "story.txt"));
        ex.ExitCode.ShouldBe(ExitCodes.Failure);
        ex.Message.ShouldStartWith("story.txt");
        ex.Message.ShouldContain(message);
    }

    [Fact]
    public void star_to_carl_joins_situation_and_task_and_back_moves_the_context()
    {
        var draft = new StoryDraft();
        draft.Sections["situation"] = "Spend had grown.";
        draft.Sections["task"] = "Find savings.";
        draft.Sections["action"] = "I cut it.";
        draft.ConvertTo("carl");
        draft["context"].ShouldBe("Spend had grown. Find savings.");
        draft["situation"].ShouldBeNull();
        draft["task"].ShouldBeNull();
        draft.ConvertTo("star");
        draft["situation"].ShouldBe("Spend had grown. Find savings.");
        draft["context"].ShouldBeNull();
        draft["action"].ShouldBe("I cut it.");
    }

    [Theory]
    [InlineData("L5", "senior")]
    [InlineData("l6", "staff")]
    [InlineData("7", "principal")]
    [InlineData("Staff", "staff")]
    [InlineData("intern", "intern")]
    public void levels_accept_l5_l6_l7(string given, string sent) => MockCommands.Level(given).ShouldBe(sent);

    [Theory]
    [InlineData("critique", "rubric", "no model configured", "critique by: rubric (no model configured)")]
    [InlineData("critique", "rubric", null, "critique by: rubric")]
    [InlineData("critique", "model", "gpt-4o-mini", "critique by: model (gpt-4o-mini)")]
    [InlineData("follow-up", "model:fake-model", null, "follow-up by: model (fake-model)")]
    [InlineData("follow-up", "bank", null, "follow-up by: bank")]
    [InlineData("drafted", "template", "no model configured", "drafted by: template (no model configured)")]
    [InlineData("drafted", "model:fake-model", null, "drafted by: model (fake-model)")]
    public void source_lines_say_who_wrote_the_text(string what, string source, string? note, string line) =>
        CoachView.Source(what, source, note).ShouldBe(line);

    [Fact]
    public void dimensions_are_shown_in_the_rubrics_order_whatever_order_they_arrive_in() =>
        CoachView.Dimensions(new Dictionary<string, int> { ["delivery"] = 100, ["learning"] = 50, ["new_one"] = 1, ["structure"] = 80, ["length_and_pace"] = 70 })
            .ShouldBe("structure 80, learning 50, length and pace 70, delivery 100, new one 1");
}
