using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;
using CareerLedger.Domain.Feedback;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Feedback;

public sealed class FeedbackDraftTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(FeedbackDraft draft) =>
        Should.Throw<DomainValidationException>(() => draft.Validate(Today)).Errors;

    [Fact]
    public void a_minimal_draft_defaults_to_today_other_neutral_and_no_themes()
    {
        var f = new FeedbackDraft("Thanks for untangling the release.").Validate(Today);

        f.ReceivedOn.ShouldBe(Today);
        f.From.ShouldBe(FeedbackFrom.Other);
        f.Sentiment.ShouldBe(Sentiment.Neutral);
        f.Source.ShouldBeNull();
        f.Themes.ShouldBeEmpty();
        f.Text.ShouldBe("Thanks for untangling the release.");
    }

    [Fact]
    public void a_full_draft_is_trimmed_and_parsed()
    {
        var f = new FeedbackDraft(
            "  You kept the incident calm and wrote a great postmortem.  ",
            new DateOnly(2026, 1, 20),
            From: "Skip-Level",
            Source: "  mid-year review ",
            Sentiment: "POSITIVE",
            Themes: ["reliability", "communication", "Reliability"]).Validate(Today);

        f.Text.ShouldBe("You kept the incident calm and wrote a great postmortem.");
        f.ReceivedOn.ShouldBe(new DateOnly(2026, 1, 20));
        f.From.ShouldBe(FeedbackFrom.SkipLevel);
        f.Source.ShouldBe("mid-year review");
        f.Sentiment.ShouldBe(Sentiment.Positive);
        f.Themes.ShouldBe([Competency.Reliability, Competency.Communication]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void missing_text_is_an_error_under_text(string? text)
    {
        var errors = ErrorsOf(new FeedbackDraft(text));

        errors.Keys.ShouldBe(["text"]);
        errors["text"].Single().ShouldContain("required");
    }

    [Fact]
    public void text_over_4000_characters_and_source_over_100_are_errors()
    {
        new FeedbackDraft(new string('t', 4000), Source: new string('s', 100)).Validate(Today).Text.Length.ShouldBe(4000);

        ErrorsOf(new FeedbackDraft(new string('t', 4001), Source: new string('s', 101))).Keys
            .ShouldBe(["text", "source"], ignoreOrder: true);
    }

    [Fact]
    public void a_future_date_is_an_error_under_received_on()
    {
        var errors = ErrorsOf(new FeedbackDraft("Nice", Today.AddDays(1)));

        errors.Keys.ShouldBe(["receivedOn"]);
        errors["receivedOn"].Single().ShouldContain("2026-03-11");
        new FeedbackDraft("Nice", Today).Validate(Today).ReceivedOn.ShouldBe(Today);
    }

    [Theory]
    [InlineData("manager", FeedbackFrom.Manager)]
    [InlineData("peer", FeedbackFrom.Peer)]
    [InlineData("report", FeedbackFrom.Report)]
    [InlineData("skip_level", FeedbackFrom.SkipLevel)]
    [InlineData("skip level", FeedbackFrom.SkipLevel)]
    [InlineData("Other", FeedbackFrom.Other)]
    public void from_is_parsed_from_its_snake_case_name(string input, FeedbackFrom expected)
    {
        new FeedbackDraft("Nice", From: input).Validate(Today).From.ShouldBe(expected);
    }

    [Theory]
    [InlineData("positive", Sentiment.Positive)]
    [InlineData("neutral", Sentiment.Neutral)]
    [InlineData("Constructive", Sentiment.Constructive)]
    public void sentiment_is_parsed_from_its_snake_case_name(string input, Sentiment expected)
    {
        new FeedbackDraft("Nice", Sentiment: input).Validate(Today).Sentiment.ShouldBe(expected);
    }

    [Fact]
    public void every_problem_is_reported_at_once_under_its_field_path()
    {
        var errors = ErrorsOf(new FeedbackDraft(
            " ", Today.AddDays(2), From: "ceo", Source: new string('s', 101), Sentiment: "angry", Themes: ["ownership", "grit", "rapport", "vibes"]));

        errors.Keys.ShouldBe(["text", "receivedOn", "from", "source", "sentiment", "themes[1]", "themes[3]"], ignoreOrder: true);
        errors["from"].Single().ShouldContain("manager, peer, report, skip_level, other");
        errors["sentiment"].Single().ShouldContain("positive, neutral, constructive");
        errors["themes[1]"].Single().ShouldContain("'grit'");
    }
}
