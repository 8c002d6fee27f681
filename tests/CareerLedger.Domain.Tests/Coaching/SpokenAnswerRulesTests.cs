using CareerLedger.Domain.Coaching;

namespace CareerLedger.Domain.Tests.Coaching;

/// <summary>The section rules of rubric version 2 for unlabelled, spoken-style answers (docs/coaching.md, "Unlabelled prose").</summary>
public sealed class SpokenAnswerRulesTests
{
    private static IReadOnlyList<AnswerSection> Sections(string answer) => AnswerCoach.Score(answer).Sentences.Select(s => s.Section).ToList();

    [Fact]
    public void an_i_action_whose_figures_sit_in_a_purpose_or_relative_clause_stays_an_action()
    {
        var sections = Sections(
            "Our nightly export kept failing. "
            + "I split the job into batches so that each one finished within 5 minutes. "
            + "I added a row count check that compared each run with the previous night's to within 2 %. "
            + "I proposed dropping partial refunds, which were about 40 % of the remaining work.");

        sections.ShouldBe([AnswerSection.Situation, AnswerSection.Action, AnswerSection.Action, AnswerSection.Action]);
    }

    [Fact]
    public void an_i_sentence_whose_main_clause_reports_a_measured_change_is_a_result()
    {
        var sections = Sections("Our build took 40 minutes. I cached the dependencies. I cut the build from 40 minutes to 12 minutes.");

        sections[2].ShouldBe(AnswerSection.Result);
    }

    [Theory]
    [InlineData("I decided to take the feedback seriously.")]
    [InlineData("I asked to redesign the interview loop.")]
    [InlineData("I offered to take the export on.")]
    public void an_intent_verb_with_to_states_the_task(string sentence)
    {
        Sections(sentence).Single().ShouldBe(AnswerSection.Task);
    }

    [Theory]
    [InlineData("Our engineering org was hiring fast, and candidates said the interviews felt random.")]
    [InlineData("On a payments team, another engineer and I disagreed about the refunds API.")]
    [InlineData("When I moved to the platform team, I inherited a Go service nobody else knew.")]
    [InlineData("At an analytics firm, our main dashboard took eight seconds to load.")]
    [InlineData("A client told us the app had failed its audit and had to pass within a quarter.")]
    public void background_verbs_mechanisms_and_result_words_before_any_action_are_setup(string opening)
    {
        Sections(opening + " I profiled a real session first.").ShouldBe([AnswerSection.Situation, AnswerSection.Action]);
    }

    [Fact]
    public void joining_a_call_is_an_action_but_joining_a_company_is_setup()
    {
        Sections("The report kept timing out. I joined a call with their lead and watched him run it.")[1].ShouldBe(AnswerSection.Action);
        Sections("I joined the company in 2021. I rewrote the report query.")[0].ShouldBe(AnswerSection.Situation);
    }

    [Theory]
    [InlineData("The export ran cleanly for the next five months, and finance stopped rebuilding invoices by hand.")]
    [InlineData("They renewed for three more years, and their lead asked to join our beta group.")]
    [InlineData("Logins were down for 11 minutes, and the migration went through cleanly the following week.")]
    [InlineData("Over the next year the checklist covered 60 releases, and none of them locked a table.")]
    [InlineData("The export ran cleanly every night after that.")]
    public void a_closing_past_tense_sentence_about_the_system_or_people_after_the_actions_is_a_result(string outcome)
    {
        var report = AnswerCoach.Score("Our nightly export failed every week. I moved it to run after the import finished. " + outcome);

        report.Sentences[^1].Section.ShouldBe(AnswerSection.Result);
        report.Has(FindingCodes.MissingResult).ShouldBeFalse();
    }

    [Fact]
    public void a_sentence_faulting_others_is_not_read_as_the_result()
    {
        Sections("I rewrote the script. The other team failed to review our changes on time.")[1].ShouldNotBe(AnswerSection.Result);
    }

    [Fact]
    public void a_narrated_sentence_in_the_first_person_is_not_turned_into_a_result()
    {
        Sections("Our export failed. I moved it to run after the import. I also wrote a runbook for finance.")[2].ShouldBe(AnswerSection.Action);
    }

    [Theory]
    [InlineData("These days, whenever I find a job nobody owns, I name an owner in the first week.")]
    [InlineData("Whenever something is slow now, I profile a real session before I touch any code.")]
    [InlineData("Now, when a date is fixed, I cut scope in the first conversation rather than the last.")]
    [InlineData("It changed how I handle disagreements: I ask what the other person is afraid of first.")]
    [InlineData("I always pilot a change on a few real cases before I roll it out now.")]
    [InlineData("I still start every data bug with a single day's raw rows.")]
    [InlineData("I bring numbers and an alternative to every priority call now.")]
    [InlineData("I treat every migration as irreversible until it has run on a full-size copy.")]
    public void a_closing_habit_or_change_in_how_the_speaker_works_is_a_learning(string closing)
    {
        var report = AnswerCoach.Score("Our order queue backed up on a Saturday. I scaled the consumers and recreated the dropped index. Orders were flowing again 25 minutes after the page. " + closing);

        report.Sentences[^1].Section.ShouldBe(AnswerSection.Learnings);
        report.Format.ShouldBe(AnswerFormat.Carl);
        report.Has(FindingCodes.NoLearning).ShouldBeFalse();
    }

    [Fact]
    public void a_closing_sentence_in_the_past_tense_is_not_a_learning()
    {
        var report = AnswerCoach.Score("Our queue backed up. I scaled the consumers. Orders flowed again within 25 minutes. I thanked the support team for their patience.");

        report.Sentences[^1].Section.ShouldNotBe(AnswerSection.Learnings);
        report.Has(FindingCodes.NoLearning).ShouldBeTrue();
    }

    [Fact]
    public void a_count_with_one_word_before_its_noun_is_a_quantity_but_a_year_is_not()
    {
        AnswerCoach.Score("I added a CI check for the file. The check stopped 14 broken deploys in the first year.").Has(FindingCodes.NoNumbers).ShouldBeFalse();
        AnswerCoach.Score("In 2021 many customers left. I rewrote the onboarding flow.").Has(FindingCodes.NoNumbers).ShouldBeTrue();
    }
}
