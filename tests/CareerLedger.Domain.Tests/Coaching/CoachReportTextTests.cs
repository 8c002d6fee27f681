using CareerLedger.Domain.Coaching;

namespace CareerLedger.Domain.Tests.Coaching;

public sealed class CoachReportTextTests
{
    private const string Weak =
        "So basically we had a slow checkout. We worked on it for a while and we made it much faster. The other team failed to review our changes on time, you know.";

    [Fact]
    public void a_weak_answer_renders_the_scores_the_section_shares_and_every_finding_with_its_quote_and_advice()
    {
        var text = CoachReportText.Render(AnswerCoach.Score(Weak));

        text.ShouldBe(
            """
            Answer score: 16/100 (STAR, detected)
            32 words, about 0:13 spoken at 145 words a minute (estimated; target 150-300 words)

            Dimension            Score  Weight  Points
            Structure               26      20     5.2
            Ownership                0      20       0
            Quantified result        0      20       0
            Learning                 0      15       0
            Concreteness            85      10     8.5
            Length and pace          0      10       0
            Delivery                40       5       2
            Overall                                 16

            Section              Words    Share  Target      Verdict
            Situation               19   59.4 %  15-20 %     too long
            Task                     0    0.0 %  10-15 %     missing
            Action                  13   40.6 %  50-60 %     too short
            Result                   0    0.0 %  15-20 %     missing

            Findings (10):
            [problem] missing_section_result (structure)
                Fix: Finish the story: say how it ended, ideally with a number compared with where it started.
            [problem] context_too_long (structure)
                "The other team failed to review our changes on time, you know."
                Fix: The setup takes 59 % of the answer; cut it to at most 35 % and spend those words on what you did.
            [problem] we_instead_of_i (ownership)
                "We worked on it for a while and we made it much faster."
                Fix: Make your own part visible: say "I" for what you did and name who did the rest, because the interviewer is hiring you, not the team.
            [problem] no_numbers (quantified result)
                "We worked on it for a while and we made it much faster."
                Fix: Add at least one measured result, such as latency, error rate, hours saved or revenue, and the value you started from.
            [problem] blame (delivery)
                "The other team failed to review our changes on time, you know."
                Fix: Describe what went wrong without faulting anyone, and spend the words on what you did about it.
            [warning] missing_section_task (structure)
                Fix: Say in one sentence what you personally had to achieve or were asked to do.
            [warning] no_learning (learning)
                Fix: Close with what you learned and what you changed so it sticks, such as a test, a check, a runbook or a new habit.
            [warning] vague_action (concreteness)
                "We worked on it for a while and we made it much faster."
                Fix: Replace "worked on" with the concrete step: what you built, changed, measured or decided.
            [warning] too_short (length and pace)
                Fix: At 32 words the story is thin; add the steps you took and the measured result, aiming for 150-300 words or one to two minutes.
            [warning] filler_words (delivery)
                "So basically we had a slow checkout."
                Fix: Drop the filler ("basically", "you know"); a short silent pause sounds more confident than a filler word.

            """);
    }

    [Fact]
    public void with_sentences_the_rendering_shows_how_each_sentence_was_read()
    {
        var text = CoachReportText.Render(AnswerCoach.Score(Weak), showSentences: true);

        text.ShouldEndWith(
            """
            How the answer was read:
              [situation] So basically we had a slow checkout.
              [action] We worked on it for a while and we made it much faster.
              [situation] The other team failed to review our changes on time, you know.

            """);
    }

    [Fact]
    public void a_strong_answer_says_there_is_nothing_to_fix_and_shows_the_carl_targets()
    {
        var text = CoachReportText.Render(AnswerCoach.Score(AnswerCoachCalibrationTests.Text(CalibrationStories.Failure.Name, null)));

        text.ShouldStartWith("Answer score: 100/100 (CARL, detected)\n");
        text.ShouldContain("Context                 30   12.2 %  up to 25 %  on target\n");
        text.ShouldContain("Learnings               46   18.7 %  present     on target\n");
        text.ShouldEndWith("Findings: none. This answer meets every check.\n");
    }

    [Fact]
    public void a_measured_duration_is_shown_as_minutes_seconds_and_words_a_minute()
    {
        var text = CoachReportText.Render(AnswerCoach.Score(Weak, TimeSpan.FromSeconds(75)));

        text.ShouldContain("32 words in 1:15 spoken, 26 words a minute (target 60-120 s at 110-170 words a minute)\n");
    }
}
