using CareerLedger.Domain.Coaching;

namespace CareerLedger.Domain.Tests.Coaching;

/// <summary>Ownership, quantified result, learning and concreteness, each against the documented rule (docs/coaching.md).</summary>
public sealed class ContentDimensionTests
{
    [Fact]
    public void we_in_the_actions_raises_we_instead_of_i_quoting_a_group_sentence()
    {
        var report = AnswerCoach.Score("Action: I joined the call. We rolled back the release. We added an alert.");

        // Singular 1 ("I"), plural 2 ("We", "We"): share 1/3 → (0.333 − 0.25) / 0.5 = 0.167 → 17.
        report.ScoreOf(CoachDimension.Ownership).ShouldBe(17);
        var finding = report.Findings.Single(f => f.Code == FindingCodes.WeInsteadOfI);
        finding.Quote.ShouldBe("We rolled back the release.");
        finding.Dimension.ShouldBe(CoachDimension.Ownership);
    }

    [Fact]
    public void possessives_count_half_so_our_service_does_not_hide_who_acted()
    {
        // "I" ×2 = 2 against "our" ×2 = 1: share 2/3 → (0.667 − 0.25) / 0.5 = 0.833 → 83, and "we" does not dominate.
        var report = AnswerCoach.Score("Action: I rewrote our retry logic. I added jitter to our client.");

        report.ScoreOf(CoachDimension.Ownership).ShouldBe(83);
        report.Has(FindingCodes.WeInsteadOfI).ShouldBeFalse();
    }

    [Fact]
    public void ownership_is_full_at_three_quarters_i_and_us_in_capitals_is_not_a_pronoun()
    {
        var report = AnswerCoach.Score("Action: I moved the US traffic first. I proposed we keep the EU traffic for a week. I ran both.");

        // Singular 3, plural 1 ("we"; "US" is a country): share 0.75 → full marks.
        report.ScoreOf(CoachDimension.Ownership).ShouldBe(100);
    }

    [Fact]
    public void actions_without_any_actor_raise_no_first_person()
    {
        var report = AnswerCoach.Score("Action: The service was rewritten. The cache was added.");

        report.ScoreOf(CoachDimension.Ownership).ShouldBe(ContentRules.NoPronounScore);
        report.Findings.Single(f => f.Code == FindingCodes.NoFirstPerson).Quote.ShouldBe("The service was rewritten.");
    }

    [Theory]
    [InlineData("p99 fell from 900 ms to 180 ms", 2)]
    [InlineData("it saved $1.2M a year", 1)]
    [InlineData("error rate dropped 40%", 1)]
    [InlineData("errors fell 40 percent", 1)]
    [InlineData("throughput went up 3x", 1)]
    [InlineData("12 engineers and three teams adopted it", 2)]
    [InlineData("it took 2 hours and 15 minutes", 2)]
    [InlineData("we serve 40k requests", 1)]
    [InlineData("costs halved", 1)]
    [InlineData("in 2021 we looked at p99 and fixed an N+1 query", 0)]
    [InlineData("version 2 shipped", 0)]
    [InlineData("I closed 40 tickets", 0)]
    public void quantities_are_numbers_with_units_percentages_money_multipliers_and_counts_but_not_years_labels_or_vanity(string text, int expected)
    {
        ContentRules.Quantities(text).Count.ShouldBe(expected);
    }

    [Fact]
    public void no_number_anywhere_is_a_problem_quoting_the_unmeasured_claim()
    {
        var report = AnswerCoach.Score("Action: I rewrote the query planner.\nResult: Search became significantly faster.");

        report.ScoreOf(CoachDimension.QuantifiedResult).ShouldBe(0);
        var finding = report.Findings.Single(f => f.Code == FindingCodes.NoNumbers);
        finding.Severity.ShouldBe(FindingSeverity.Problem);
        finding.Quote.ShouldBe("Search became significantly faster.");
    }

    [Fact]
    public void numbers_only_outside_the_result_score_50()
    {
        var report = AnswerCoach.Score("Situation: We had 3 services.\nAction: I merged them.\nResult: Deploys got easier.");

        report.ScoreOf(CoachDimension.QuantifiedResult).ShouldBe(50);
        report.Findings.Single(f => f.Code == FindingCodes.ResultNotQuantified).Quote.ShouldBe("Deploys got easier.");
    }

    [Theory]
    [InlineData("Result: Deploys take 5 minutes.", 75)]
    [InlineData("Result: Deploys take 5 minutes and fail 2 % of the time.", 85)]
    [InlineData("Result: Deploys went from 40 minutes to 5 minutes.", 100)]
    [InlineData("Result: Deploy time fell by 80 %.", 100)]
    public void a_result_with_a_baseline_beats_a_bare_figure(string result, int expected)
    {
        var report = AnswerCoach.Score("Action: I parallelised the pipeline.\n" + result);

        report.ScoreOf(CoachDimension.QuantifiedResult).ShouldBe(expected);
        report.Has(FindingCodes.NoBaseline).ShouldBe(expected < 100);
    }

    [Fact]
    public void a_starting_figure_in_the_setup_is_the_baseline_for_a_figure_in_the_result()
    {
        var report = AnswerCoach.Score("Situation: The nightly job took 6 hours.\nAction: I streamed the rows in batches.\nResult: The job runs in 40 minutes.");

        report.ScoreOf(CoachDimension.QuantifiedResult).ShouldBe(100);
        report.Has(FindingCodes.NoBaseline).ShouldBeFalse();
    }

    [Fact]
    public void numbers_in_hypothetical_sentences_do_not_count()
    {
        var report = AnswerCoach.Score("Action: I would parallelise the pipeline.\nResult: I would expect deploys to drop from 40 minutes to 5.");

        report.Has(FindingCodes.NoNumbers).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Action: I cached the build.\nResult: Builds take 5 minutes.\nLearnings: I learned to measure first, and I added a CI check for build time.", 100, null)]
    [InlineData("Action: I cached the build.\nResult: Builds take 5 minutes.\nLearnings: I learned to measure first.", 60, FindingCodes.NoMechanism)]
    [InlineData("Action: I cached the build and added a dashboard.\nResult: Builds take 5 minutes.", 40, FindingCodes.NoLearning)]
    [InlineData("Action: I cached the build.\nResult: Builds take 5 minutes.", 0, FindingCodes.NoLearning)]
    [InlineData("Action: I cached the build.\nResult: Builds take 5 minutes.\nLearnings: I would add a CI check.", 0, FindingCodes.NoLearning)]
    public void learning_scores_60_for_a_lesson_and_40_for_a_durable_mechanism(string answer, int expected, string? code)
    {
        var report = AnswerCoach.Score(answer);

        report.ScoreOf(CoachDimension.Learning).ShouldBe(expected);
        if (code is not null)
        {
            report.Has(code).ShouldBeTrue();
        }
    }

    [Fact]
    public void a_mechanism_mentioned_only_in_the_setup_was_not_left_behind()
    {
        var report = AnswerCoach.Score("Situation: Our tests were flaky.\nAction: I rewrote the fixtures.\nResult: Builds pass 99 % of the time.");

        report.ScoreOf(CoachDimension.Learning).ShouldBe(0);
    }

    [Fact]
    public void missing_learning_is_a_warning_in_star_and_a_problem_in_carl()
    {
        const string answer = "Action: I cached the build.\nResult: Builds take 5 minutes.";

        AnswerCoach.Score(answer).Findings.Single(f => f.Code == FindingCodes.NoLearning).Severity.ShouldBe(FindingSeverity.Warning);
        AnswerCoach.Score(answer, format: AnswerFormat.Carl).Findings.Single(f => f.Code == FindingCodes.NoLearning).Severity.ShouldBe(FindingSeverity.Problem);
    }

    [Theory]
    [InlineData("I would start by profiling the service.", true)]
    [InlineData("First, I would check the dashboards.", true)]
    [InlineData("Then I'd add a cache in front of it.", true)]
    [InlineData("In that case we would roll back.", true)]
    [InlineData("If I were in that spot, I would call the owner.", true)]
    [InlineData("My approach would be to measure first.", true)]
    [InlineData("I'm going to describe how I'd do it.", true)]
    [InlineData("I told my manager I would own the migration.", false)]
    [InlineData("I added an alert so we would know within minutes.", false)]
    [InlineData("Next time I would write the rollback plan first.", false)]
    [InlineData("In hindsight I should have asked earlier.", false)]
    [InlineData("Every Friday we would spend two hours on releases.", false)]
    [InlineData("I'd already shipped the fix by then.", false)]
    [InlineData("I'd built the first version alone.", false)]
    [InlineData("A load test would have caught it.", false)]
    [InlineData("I rolled back the release.", false)]
    public void hypothetical_means_a_main_clause_i_would_not_reported_speech_reflection_or_past_habit(string sentence, bool expected)
    {
        SectionClassifier.IsHypothetical(sentence).ShouldBe(expected);
    }

    [Fact]
    public void a_hypothetical_answer_is_a_problem_and_scores_zero_concreteness_when_half_of_it_is_hypothetical()
    {
        var report = AnswerCoach.Score("I would profile the service first. Then I would add a cache. I rolled out a fix like that once.");

        // 12 of 20 words are hypothetical: 100 − 200 × 12/20 < 0 → 0.
        report.ScoreOf(CoachDimension.Concreteness).ShouldBe(0);
        var finding = report.Findings.Single(f => f.Code == FindingCodes.Hypothetical);
        finding.Severity.ShouldBe(FindingSeverity.Problem);
        finding.Quote.ShouldBe("I would profile the service first.");
        finding.Advice.ShouldStartWith("2 sentences say what you would do");
    }

    [Fact]
    public void a_vague_verb_in_an_action_is_quoted_and_costs_15_points()
    {
        var report = AnswerCoach.Score("Action: I worked on the migration. I wrote the backfill job.");

        report.ScoreOf(CoachDimension.Concreteness).ShouldBe(85);
        var finding = report.Findings.Single(f => f.Code == FindingCodes.VagueAction);
        finding.Quote.ShouldBe("I worked on the migration.");
        finding.Advice.ShouldContain("\"worked on\"");
    }

    [Fact]
    public void vague_words_in_the_setup_are_not_vague_actions()
    {
        AnswerCoach.Score("Situation: The team handled payments.\nAction: I wrote the backfill job.").Has(FindingCodes.VagueAction).ShouldBeFalse();
    }
}
