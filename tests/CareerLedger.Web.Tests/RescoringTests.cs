using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Practice;
using CareerLedger.Domain.Questions;
using CareerLedger.Domain.Stories;
using CareerLedger.Testing;
using CareerLedger.Web.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareerLedger.Web.Tests;

/// <summary>
/// Scores carry their rubric version; documents built under an older rubric are rebuilt from the events, and progress, sessions
/// and story lineage show the stored score beside the running rubric's (docs/projections.md, "Re-scoring").
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RescoringTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private const int DurationSeconds = 95;

    private static readonly StorySections Sections = new(
        "Checkout timed out at the evening peak and 3 % of card payments failed.", "As on-call lead I had to stop it before the sale.", null,
        "I traced the hot path, batched 14 ledger calls into one and shipped it behind a flag after a load test at twice the peak.",
        "p99 fell from 1,450 ms to 620 ms and failed payments from 3 % to 0.2 %.", "I added a latency budget check to CI.");

    private IDocumentStore Store => app.Services.GetRequiredService<IDocumentStore>();

    private NpgsqlDataSource Db => app.Services.GetRequiredService<NpgsqlDataSource>();

    private string Schema => app.Services.GetRequiredService<LedgerDatabaseOptions>().Schema;

    private sealed record OldHistory(Guid SessionId, Guid StoryId, int OldAnswer, int OldStory, int CurrentAnswer, int CurrentStory);

    [Fact]
    public async Task a_rebuild_after_a_rubric_change_shows_the_stored_v1_score_beside_the_running_rubrics_score()
    {
        var user = await app.CreateUserAsync();
        var old = await AppendOldHistoryAsync(user, PracticeApiTests.StrongAnswer);
        await StripRubricVersionsAsync(old);
        await MakeDocumentsStaleAsync(user, old);

        // Built under the old rubric: one score only, nothing re-scored.
        var before = await user.Http.GetJsonAsync("/api/practice/progress");
        before.GetProperty("overall")[0].GetProperty("rescored").ValueKind.ShouldBe(JsonValueKind.Null);

        var outcomes = await RubricRescoring.EnsureCurrentAsync(Db, Store, Schema, CancellationToken.None);
        outcomes.Select(o => (o.Projection, o.BuiltWith, o.Rebuilt)).ShouldBe([("stories", 1, true), ("mock_sessions", 1, true)]);

        var progress = await user.Http.GetJsonAsync("/api/practice/progress");
        progress.GetProperty("rubricVersion").GetInt32().ShouldBe(AnswerCoach.RubricVersion);
        progress.GetProperty("rescoredAnswers").GetInt32().ShouldBe(1);
        var point = progress.GetProperty("overall")[0];
        point.GetProperty("score").GetInt32().ShouldBe(old.OldAnswer);
        point.GetProperty("rubricVersion").GetInt32().ShouldBe(1);
        point.GetProperty("rescored").GetInt32().ShouldBe(old.CurrentAnswer);
        point.GetProperty("rescoredRubricVersion").GetInt32().ShouldBe(AnswerCoach.RubricVersion);
        var practised = progress.GetProperty("storiesPractised")[0];
        practised.GetProperty("last").GetInt32().ShouldBe(old.CurrentAnswer); // means and best/last use the running rubric

        var session = (await user.Http.GetJsonAsync($"/api/practice/sessions/{old.SessionId}")).GetProperty("session");
        var question = session.GetProperty("questions")[0];
        question.GetProperty("score").GetProperty("overall").GetInt32().ShouldBe(old.OldAnswer);
        question.GetProperty("score").GetProperty("rubricVersion").GetInt32().ShouldBe(1);
        question.GetProperty("rescored").GetProperty("overall").GetInt32().ShouldBe(old.CurrentAnswer);
        question.GetProperty("rescored").GetProperty("rubricVersion").GetInt32().ShouldBe(AnswerCoach.RubricVersion);
        session.GetProperty("summary").GetProperty("averageOverall").GetInt32().ShouldBe(old.OldAnswer);
        session.GetProperty("summary").GetProperty("rubricVersion").GetInt32().ShouldBe(1);
        session.GetProperty("rescoredSummary").GetProperty("averageOverall").GetInt32().ShouldBe(old.CurrentAnswer);
        session.GetProperty("rescoredSummary").GetProperty("rubricVersion").GetInt32().ShouldBe(AnswerCoach.RubricVersion);

        var revision = (await user.Http.GetJsonAsync($"/api/stories/{old.StoryId}")).GetProperty("story").GetProperty("revisions")[0];
        revision.GetProperty("score").GetProperty("overall").GetInt32().ShouldBe(old.OldStory);
        revision.GetProperty("score").GetProperty("rubricVersion").GetInt32().ShouldBe(1);
        revision.GetProperty("rescored").GetProperty("overall").GetInt32().ShouldBe(old.CurrentStory);
        revision.GetProperty("rescored").GetProperty("rubricVersion").GetInt32().ShouldBe(AnswerCoach.RubricVersion);
        revision.GetProperty("practiceScores")[0].GetInt32().ShouldBe(old.OldAnswer);
    }

    [Fact]
    public async Task new_scores_are_stored_with_the_running_rubric_version_and_shown_once()
    {
        var user = await app.CreateUserAsync();
        var win = await (await user.Http.PostAsJsonAsync("/api/accomplishments", Json.Win("Cut checkout p99"))).ReadAsync();
        var story = await (await user.Http.PostAsJsonAsync("/api/stories", new { accomplishmentIds = new[] { win.GetProperty("id").GetGuid() } })).ReadAsync();
        var storyId = story.GetProperty("story").GetProperty("id").GetGuid();
        var started = await (await user.Http.PostAsJsonAsync("/api/practice/sessions", new { questions = 1, seed = 7 })).ReadAsync();
        var sessionId = started.GetProperty("session").GetProperty("id").GetGuid();
        (await user.Http.PostAsJsonAsync($"/api/practice/sessions/{sessionId}/answers", new { text = PracticeApiTests.StrongAnswer, durationSeconds = DurationSeconds, storyId })).EnsureSuccessStatusCode();
        (await user.Http.PostAsync($"/api/practice/sessions/{sessionId}/finish", null)).EnsureSuccessStatusCode();

        string storedText;
        await using (var read = Store.QuerySession(user.UserId.ToString()))
        {
            var sessionEvents = (await read.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).ToList();
            storedText = sessionEvents.OfType<MockAnswerSubmitted>().Single().Text;
            sessionEvents.OfType<MockAnswerScored>().Single().Score.RubricVersion.ShouldBe(AnswerCoach.RubricVersion);
            sessionEvents.OfType<MockSessionFinished>().Single().Summary.RubricVersion.ShouldBe(AnswerCoach.RubricVersion);
            var storyEvents = (await read.Events.FetchStreamAsync(storyId)).Select(e => e.Data).ToList();
            storyEvents.OfType<StoryDrafted>().Single().Score.RubricVersion.ShouldBe(AnswerCoach.RubricVersion);
            storyEvents.OfType<StoryPracticed>().Single().RubricVersion.ShouldBe(AnswerCoach.RubricVersion);
        }

        await using (var cmd = Db.CreateCommand($"select data->'score'->>'rubricVersion' from \"{Schema}\".mt_events where stream_id = $1 and type = 'mock_answer_scored'"))
        {
            cmd.Parameters.AddWithValue(sessionId);
            (await cmd.ExecuteScalarAsync()).ShouldBe(AnswerCoach.RubricVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var point = (await user.Http.GetJsonAsync("/api/practice/progress")).GetProperty("overall")[0];
        point.GetProperty("score").GetInt32().ShouldBe(AnswerCoach.Score(storedText, TimeSpan.FromSeconds(DurationSeconds)).Overall);
        point.GetProperty("rubricVersion").GetInt32().ShouldBe(AnswerCoach.RubricVersion);
        point.GetProperty("rescored").ValueKind.ShouldBe(JsonValueKind.Null);
        var session = (await user.Http.GetJsonAsync($"/api/practice/sessions/{sessionId}")).GetProperty("session");
        session.GetProperty("questions")[0].GetProperty("rescored").ValueKind.ShouldBe(JsonValueKind.Null);
        session.GetProperty("rescoredSummary").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task rescoring_is_idempotent_and_keeps_each_users_documents_to_that_user()
    {
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        var aliceOld = await AppendOldHistoryAsync(alice, PracticeApiTests.StrongAnswer);
        const string bobAnswer = "We had an outage. We fixed it and things got better after a while, and then we moved on to the next thing on the list.";
        var bobOld = await AppendOldHistoryAsync(bob, bobAnswer);
        await MakeDocumentsStaleAsync(alice, aliceOld);
        await MakeDocumentsStaleAsync(bob, bobOld);

        (await RubricRescoring.EnsureCurrentAsync(Db, Store, Schema, CancellationToken.None)).ShouldAllBe(o => o.Rebuilt);
        var first = await SnapshotAsync(alice, bob);

        // Already current: nothing is rebuilt and nothing changes.
        (await RubricRescoring.EnsureCurrentAsync(Db, Store, Schema, CancellationToken.None)).ShouldAllBe(o => !o.Rebuilt && o.BuiltWith == AnswerCoach.RubricVersion);
        (await SnapshotAsync(alice, bob)).ShouldBe(first);

        // Forced again (the recorded version rolled back): the same documents come out.
        await SetRecordedVersionAsync(1);
        (await RubricRescoring.EnsureCurrentAsync(Db, Store, Schema, CancellationToken.None)).ShouldAllBe(o => o.Rebuilt);
        (await SnapshotAsync(alice, bob)).ShouldBe(first);

        var aliceProgress = await alice.Http.GetJsonAsync("/api/practice/progress");
        var bobProgress = await bob.Http.GetJsonAsync("/api/practice/progress");
        aliceProgress.GetProperty("answers").GetInt32().ShouldBe(1);
        bobProgress.GetProperty("answers").GetInt32().ShouldBe(1);
        aliceProgress.GetProperty("overall")[0].GetProperty("rescored").GetInt32().ShouldBe(aliceOld.CurrentAnswer);
        bobProgress.GetProperty("overall")[0].GetProperty("rescored").GetInt32().ShouldBe(bobOld.CurrentAnswer);
        aliceOld.CurrentAnswer.ShouldNotBe(bobOld.CurrentAnswer);
        (await alice.Http.GetJsonAsync("/api/practice/sessions")).EnumerateArray().Select(s => s.GetProperty("session").GetProperty("id").GetGuid()).ShouldBe([aliceOld.SessionId]);
        (await bob.Http.GetJsonAsync("/api/practice/sessions")).EnumerateArray().Select(s => s.GetProperty("session").GetProperty("id").GetGuid()).ShouldBe([bobOld.SessionId]);
        (await bob.Http.GetAsync($"/api/stories/{aliceOld.StoryId}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public void an_event_stored_before_rubric_versions_existed_reads_as_version_1()
    {
        var serializer = Store.Options.Serializer();
        T Read<T>(string json) => serializer.FromJson<T>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        var id = Guid.NewGuid();
        Read<MockAnswerScored>($$"""{"sessionId":"{{id}}","questionId":"q","score":{"overall":64,"dimensions":{"ownership":40},"findingCodes":[]},"critique":"c","critiqueSource":"rubric"}""")
            .Score.ShouldBe(new AnswerScore(64, new Dictionary<string, int> { ["ownership"] = 40 }, [], 1), new AnswerScoreComparer());
        Read<StoryDrafted>($$"""{"storyId":"{{id}}","format":"star","headline":"h","sections":{"action":"a"},"accomplishmentIds":[],"competencies":[],"draftedBy":"template","score":{"overall":64,"dimensions":{} } }""")
            .Score.RubricVersion.ShouldBe(1);
        Read<StoryPracticed>($$"""{"storyId":"{{id}}","revision":1,"sessionId":"{{id}}","questionId":"q","overall":64}""").RubricVersion.ShouldBe(1);
        Read<MockSessionFinished>($$"""{"sessionId":"{{id}}","finishedOn":"2026-11-20","summary":{"answered":1,"averageOverall":64,"dimensionAverages":{},"weakest":[],"commonFindings":[] } }""")
            .Summary.RubricVersion.ShouldBe(1);
        Read<MockAnswerScored>($$"""{"sessionId":"{{id}}","questionId":"q","score":{"overall":64,"dimensions":{},"findingCodes":[],"rubricVersion":2},"critique":"c","critiqueSource":"rubric"}""")
            .Score.RubricVersion.ShouldBe(2);
    }

    private sealed class AnswerScoreComparer : IEqualityComparer<AnswerScore>
    {
        public bool Equals(AnswerScore? x, AnswerScore? y) =>
            x is not null && y is not null && x.Overall == y.Overall && x.RubricVersion == y.RubricVersion && x.Dimensions.SequenceEqual(y.Dimensions) && x.FindingCodes.SequenceEqual(y.FindingCodes);

        public int GetHashCode(AnswerScore obj) => obj.Overall;
    }

    // A session and a story as rubric 1 stored them: scores that differ from what the running rubric gives the same text.
    private async Task<OldHistory> AppendOldHistoryAsync(UserClient user, string answer)
    {
        var bank = app.Services.GetRequiredService<QuestionBank>();
        var questionId = bank.All[0].Id;
        var text = answer.Trim();
        var currentAnswer = AnswerCoach.Score(text, TimeSpan.FromSeconds(DurationSeconds)).Overall;
        var currentStory = StoryScore.Of(Sections, StoryFormat.Star).Overall;
        var oldAnswer = currentAnswer >= 50 ? currentAnswer - 17 : currentAnswer + 17;
        var oldStory = currentStory >= 50 ? currentStory - 11 : currentStory + 11;
        var dims = new Dictionary<string, int> { ["ownership"] = 50, ["structure"] = 60 };
        var sessionId = Guid.NewGuid();
        var storyId = Guid.NewGuid();
        await using var session = Store.LightweightSession(user.UserId.ToString());
        session.Events.StartStream(storyId,
            new StoryDrafted(storyId, StoryFormat.Star, "Halved checkout p99", Sections, [Guid.NewGuid()], [Competency.PerformanceCost], "template", new StoryScore(oldStory, dims, 1)),
            new StoryPracticed(storyId, 1, sessionId, questionId, oldAnswer, 1));
        session.Events.StartStream(sessionId,
            new MockSessionStarted(sessionId, new MockTarget(null, null, [], 1), 3, [questionId], new DateOnly(2026, 11, 20)),
            new MockAnswerSubmitted(sessionId, questionId, text, DurationSeconds, storyId),
            new MockAnswerScored(sessionId, questionId, new AnswerScore(oldAnswer, dims, ["no_learning"], 1), "Say what you learned.", "rubric"),
            new MockFollowUpAsked(sessionId, questionId, "What did you learn?", "rubric"),
            new MockSessionFinished(sessionId, new DateOnly(2026, 11, 20), new SessionSummary(1, oldAnswer, dims, ["ownership"], [], 1)));
        await session.SaveChangesAsync();
        return new OldHistory(sessionId, storyId, oldAnswer, oldStory, currentAnswer, currentStory);
    }

    // The events exactly as the old code wrote them: no rubricVersion anywhere.
    private async Task StripRubricVersionsAsync(OldHistory old)
    {
        await using var cmd = Db.CreateCommand(
            $"update \"{Schema}\".mt_events set data = ((data #- '{{score,rubricVersion}}'::text[]) #- '{{summary,rubricVersion}}'::text[]) - 'rubricVersion'::text where stream_id = any($1)");
        cmd.Parameters.AddWithValue(new[] { old.SessionId, old.StoryId });
        (await cmd.ExecuteNonQueryAsync()).ShouldBe(7);
        await using var check = Db.CreateCommand($"select count(*) from \"{Schema}\".mt_events where stream_id = any($1) and data::text like '%rubricVersion%'");
        check.Parameters.AddWithValue(new[] { old.SessionId, old.StoryId });
        ((long)(await check.ExecuteScalarAsync())!).ShouldBe(0);
    }

    // The documents as the code before re-scoring built them (no re-scores), and the recorded version rolled back to 1.
    private async Task MakeDocumentsStaleAsync(UserClient user, OldHistory old)
    {
        await using (var session = Store.LightweightSession(user.UserId.ToString()))
        {
            var mock = (await session.LoadAsync<MockSession>(old.SessionId))!;
            mock.Questions[0].Rescored.ShouldNotBeNull(); // the inline projection re-scores on append already
            session.Store(mock with { Questions = mock.Questions.Select(q => q with { Rescored = null }).ToList(), RescoredSummary = null });
            var story = (await session.LoadAsync<Story>(old.StoryId))!;
            session.Store(story with { Revisions = story.Revisions.Select(r => r with { Rescored = null }).ToList() });
            await session.SaveChangesAsync();
        }

        await SetRecordedVersionAsync(1);
    }

    private async Task SetRecordedVersionAsync(int version)
    {
        await using var cmd = Db.CreateCommand($"update \"{Schema}\".{RubricRescoring.TableName} set rubric_version = $1");
        cmd.Parameters.AddWithValue(version);
        (await cmd.ExecuteNonQueryAsync()).ShouldBe(RubricRescoring.Projections.Count);
    }

    private static async Task<string> SnapshotAsync(params UserClient[] users)
    {
        var parts = new List<string>();
        foreach (var user in users)
        {
            foreach (var url in new[] { "/api/practice/progress", "/api/practice/sessions", "/api/stories?includeRetired=true" })
            {
                parts.Add(await user.Http.GetStringAsync(url));
            }
        }

        return string.Join("\n", parts);
    }
}
