using System.Text.Json;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Questions;
using CareerLedger.Domain.Stories;
using CareerLedger.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CareerLedger.Cli.Tests;

/// <summary>
/// Scores stored under an older rubric: <c>ledger progress</c>, <c>ledger mock show</c> and <c>ledger stories show</c> print the
/// stored score beside the running rubric's ("scored 64 under rubric v1; 78 under rubric v2"), and one score when they agree.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RescoredOutputTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>, IDisposable
{
    private readonly List<CliRunner> _runners = [];

    public void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }
    }

    [Fact]
    public async Task progress_session_and_story_show_the_v1_score_beside_the_v2_score()
    {
        var cli = new CliRunner();
        _runners.Add(cli);
        var registered = await cli.RunWithInputAsync(
            "correct horse battery staple\n", "register", "--email", $"rescore-{Guid.NewGuid():N}@example.com", "--time-zone", "Europe/Berlin",
            "--password-stdin", "--server", app.BaseAddress.ToString());
        registered.ExitCode.ShouldBe(0, registered.ToString());
        var tenant = JsonDocument.Parse((await cli.RunAsync("whoami", "--json")).Stdout).RootElement.GetProperty("id").GetGuid().ToString();

        var text = PracticeEndToEndTests.StrongAnswer.Trim();
        var sections = new StorySections("Checkout timed out at the peak.", "Stop the failures before the sale.", null,
            "I batched 14 ledger calls into one and shipped it behind a flag.", "p99 fell from 1,450 ms to 620 ms.", "I added a latency budget to CI.");
        var nowAnswer = AnswerCoach.Score(text, TimeSpan.FromSeconds(100)).Overall;
        var nowStory = StoryScore.Of(sections, StoryFormat.Star).Overall;
        var oldAnswer = nowAnswer - 14;
        var oldStory = nowStory >= 50 ? nowStory - 9 : nowStory + 9;
        var question = app.Services.GetRequiredService<QuestionBank>().All[0].Id;
        var sessionId = Guid.NewGuid();
        var storyId = Guid.NewGuid();
        var dims = new Dictionary<string, int> { ["ownership"] = 50 };
        await using (var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession(tenant))
        {
            session.Events.StartStream(storyId,
                new StoryDrafted(storyId, StoryFormat.Star, "Halved checkout p99", sections, [Guid.NewGuid()], [Competency.PerformanceCost], "template", new StoryScore(oldStory, dims, 1)));
            session.Events.StartStream(sessionId,
                new MockSessionStarted(sessionId, new MockTarget(null, null, [], 1), 5, [question], new DateOnly(2026, 11, 20)),
                new MockAnswerSubmitted(sessionId, question, text, 100, storyId),
                new MockAnswerScored(sessionId, question, new AnswerScore(oldAnswer, dims, [], 1), "Fine.", "rubric"),
                new MockSessionFinished(sessionId, new DateOnly(2026, 11, 20), new SessionSummary(1, oldAnswer, dims, [], [], 1)));
            await session.SaveChangesAsync();
        }

        var progress = await cli.RunAsync("progress");
        progress.ExitCode.ShouldBe(0, progress.ToString());
        progress.Stdout.ShouldContain($"1 answer of 1 scored under an older rubric; the figures here are under rubric v{AnswerCoach.RubricVersion}");
        progress.Stdout.ShouldContain($"scored {oldAnswer} under rubric v1; {nowAnswer} under rubric v{AnswerCoach.RubricVersion}");
        progress.Stdout.ShouldContain($"Overall: first {nowAnswer}, last {nowAnswer}");

        var shown = await cli.RunAsync("mock", "show", sessionId.ToString());
        shown.ExitCode.ShouldBe(0, shown.ToString());
        shown.Stdout.ShouldContain($": scored {oldAnswer}/100 under rubric v1; {nowAnswer}/100 under rubric v{AnswerCoach.RubricVersion} (");
        shown.Stdout.ShouldContain($"Summary: 1 answered, average scored {oldAnswer}/100 under rubric v1; {nowAnswer}/100 under rubric v{AnswerCoach.RubricVersion}.");

        var story = await cli.RunAsync("stories", "show", storyId.ToString());
        story.ExitCode.ShouldBe(0, story.ToString());
        story.Stdout.ShouldContain($"Score: scored {oldStory}/100 under rubric v1; {nowStory}/100 under rubric v{AnswerCoach.RubricVersion} (");
        story.Stdout.ShouldContain($"scored {oldStory} under rubric v1; {nowStory} under rubric v{AnswerCoach.RubricVersion}");

        // An answer scored by the running rubric shows one score.
        var fresh = await cli.RunAsync("mock", "start", "--questions", "1", "--seed", "3", "--json");
        fresh.ExitCode.ShouldBe(0, fresh.ToString());
        var freshId = JsonDocument.Parse(fresh.Stdout).RootElement.GetProperty("session").GetProperty("id").GetGuid();
        var answered = await cli.RunWithInputAsync(text, "mock", "answer", freshId.ToString(), "-", "--duration", "100");
        answered.ExitCode.ShouldBe(0, answered.ToString());
        var freshShown = await cli.RunAsync("mock", "show", freshId.ToString());
        freshShown.Stdout.ShouldContain($": {nowAnswer}/100 (");
        freshShown.Stdout.ShouldNotContain("under rubric");
    }
}
