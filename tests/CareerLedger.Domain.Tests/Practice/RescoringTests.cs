using System.Text.Json;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Stories;

namespace CareerLedger.Domain.Tests.Practice;

public sealed class RescoringTests
{
    private const string Answer = """
        Situation: Checkout timed out at the evening peak and 3 % of card payments failed.
        Task: As on-call lead I had to stop the failures before the weekend sale.
        Action: I traced the hot path, batched 14 ledger calls into one, added a cache and shipped it behind a flag after a load test at twice the peak.
        Result: p99 latency fell from 1,450 ms to 620 ms and failed payments from 3 % to 0.2 %.
        Learnings: I added a latency budget check to CI so a regression fails the build.
        """;

    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static readonly StorySections Sections = new("Checkout was slow.", "Make it fast.", null, "I batched the ledger calls into one.", "p99 fell 50 %.", "Latency budget in CI.");

    private static MockSession Session(AnswerScore score, SessionSummary? summary = null)
    {
        var id = Guid.NewGuid();
        var events = new List<MockSessionEvent>
        {
            new MockSessionStarted(id, new MockTarget(null, null, [], 1), 1, ["q-1"], new DateOnly(2026, 11, 20)),
            new MockAnswerSubmitted(id, "q-1", Answer, 80, null),
            new MockAnswerScored(id, "q-1", score, "c", "rubric"),
        };
        if (summary is not null)
        {
            events.Add(new MockSessionFinished(id, new DateOnly(2026, 11, 20), summary));
        }

        return events.Aggregate((MockSession?)null, (s, e) => MockSession.Evolve(s, e, At))!;
    }

    [Fact]
    public void an_answer_scored_under_rubric_1_keeps_its_score_and_gets_the_running_rubrics_score_of_its_text()
    {
        var old = new AnswerScore(40, new Dictionary<string, int> { ["ownership"] = 10 }, ["no_learning"], 1);
        var session = Session(old, new SessionSummary(1, 40, new Dictionary<string, int> { ["ownership"] = 10 }, ["ownership"], [], 1));
        var q = session.Questions[0];
        q.Score.ShouldBe(old);
        var expected = AnswerCoach.Score(Answer, TimeSpan.FromSeconds(80));
        q.Rescored!.Overall.ShouldBe(expected.Overall);
        q.Rescored.Overall.ShouldNotBe(40);
        q.Rescored.RubricVersion.ShouldBe(AnswerCoach.RubricVersion);
        q.Rescored.Dimensions["ownership"].ShouldBe(expected.ScoreOf(CoachDimension.Ownership));
        q.CurrentScore.ShouldBe(q.Rescored);
        session.Summary!.AverageOverall.ShouldBe(40);
        session.RescoredSummary!.AverageOverall.ShouldBe(expected.Overall);
        session.RescoredSummary.RubricVersion.ShouldBe(AnswerCoach.RubricVersion);
    }

    [Fact]
    public void an_answer_scored_under_the_running_rubric_is_not_scored_again()
    {
        var current = AnswerScore.FromReport(AnswerCoach.Score(Answer, TimeSpan.FromSeconds(80)));
        current.RubricVersion.ShouldBe(AnswerCoach.RubricVersion);
        var session = Session(current with { Overall = 12 }, new SessionSummary(1, 12, new Dictionary<string, int>(), [], [], AnswerCoach.RubricVersion));
        session.Questions[0].Rescored.ShouldBeNull();
        session.Questions[0].CurrentScore!.Overall.ShouldBe(12); // the stored number, not a recomputation
        session.RescoredSummary.ShouldBeNull();
    }

    [Fact]
    public void summarise_uses_the_running_rubrics_scores_and_stamps_its_version()
    {
        var session = Session(new AnswerScore(40, new Dictionary<string, int>(), [], 1));
        var summary = MockSessionDecider.Summarise(session);
        summary.RubricVersion.ShouldBe(AnswerCoach.RubricVersion);
        summary.AverageOverall.ShouldBe(session.Questions[0].Rescored!.Overall);
    }

    [Fact]
    public void a_story_revision_scored_under_rubric_1_is_rescored_from_its_sections()
    {
        var id = Guid.NewGuid();
        var old = new StoryScore(33, new Dictionary<string, int>(), 1);
        var story = Story.Evolve(null, new StoryDrafted(id, StoryFormat.Star, "h", Sections, [Guid.NewGuid()], [Competency.Ownership], "template", old), At);
        story = Story.Evolve(story, new StoryPracticed(id, 1, Guid.NewGuid(), "q-1", 50, 1), At);
        story = Story.Evolve(story, new StoryRevised(id, 2, StoryFormat.Star, "h2", Sections, "r", StoryScore.Of(Sections, StoryFormat.Star)), At);
        story.Revisions[0].Score.ShouldBe(old);
        story.Revisions[0].Rescored!.Overall.ShouldBe(StoryScore.Of(Sections, StoryFormat.Star).Overall);
        story.Revisions[0].Rescored!.RubricVersion.ShouldBe(AnswerCoach.RubricVersion);
        story.Revisions[0].PracticeScores.ShouldBe([50]);
        story.Revisions[1].Rescored.ShouldBeNull();
        story.Revisions[1].CurrentScore.ShouldBe(story.Revisions[1].Score);
    }

    [Fact]
    public void progress_points_carry_the_stored_score_its_version_and_the_rescore()
    {
        var session = Session(new AnswerScore(40, new Dictionary<string, int> { ["ownership"] = 10 }, [], 1));
        var progress = PracticeProgressBuilder.Build([session], [], _ => [Competency.Ownership]);
        var point = progress.Overall.ShouldHaveSingleItem();
        point.Score.ShouldBe(40);
        point.RubricVersion.ShouldBe(1);
        point.Rescored.ShouldBe(session.Questions[0].Rescored!.Overall);
        point.RescoredRubricVersion.ShouldBe(AnswerCoach.RubricVersion);
        progress.RescoredAnswers.ShouldBe(1);
        progress.ByDimension["ownership"][0].Score.ShouldBe(10);
        progress.ByDimension["ownership"][0].Rescored.ShouldBe(session.Questions[0].Rescored!.Dimensions["ownership"]);
        progress.ByCompetency[Competency.Ownership][0].Current.ShouldBe(point.Rescored!.Value);
    }

    [Fact]
    public void scores_without_a_rubric_version_read_as_version_1()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSerializer.Deserialize<AnswerScore>("""{"overall":64,"dimensions":{},"findingCodes":[]}""", web)!.RubricVersion.ShouldBe(1);
        JsonSerializer.Deserialize<StoryScore>("""{"overall":64,"dimensions":{}}""", web)!.RubricVersion.ShouldBe(1);
        JsonSerializer.Deserialize<StoryScore>("""{"overall":64,"dimensions":{},"rubricVersion":2}""", web)!.RubricVersion.ShouldBe(2);
    }
}
