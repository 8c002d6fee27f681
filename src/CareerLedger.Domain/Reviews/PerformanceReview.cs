using System.Globalization;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Reviews;

/// <summary>What a review decided about promotion (docs/domain.md, "Performance reviews"). Stored snake_case.</summary>
public enum PromotionOutcome
{
    /// <summary>Promotion was not part of this review.</summary>
    None,
    /// <summary>The user was put forward for promotion (a packet or nomination went in).</summary>
    Nominated,
    /// <summary>The user was promoted.</summary>
    Promoted,
    /// <summary>The user was considered and not promoted (<c>not_promoted</c>).</summary>
    NotPromoted,
    /// <summary>The decision was postponed to a later cycle.</summary>
    Deferred,
}

/// <summary>
/// Validated performance-review content (the limits are in docs/api.md, "Limits"; the shape in docs/events.md, "ReviewDetails").
/// </summary>
/// <param name="PeriodStart">First day the review covers (user's calendar).</param>
/// <param name="PeriodEnd">Last day it covers (user's calendar; not in the future, not before <paramref name="PeriodStart"/>).</param>
/// <param name="PeriodLabel">The company's name for the cycle, e.g. "2026 H1" (at most 50 characters), or null.</param>
/// <param name="ReviewerName">Who wrote it, e.g. "Dana Smith" (at most 100 characters), or null.</param>
/// <param name="ReviewerRole">Their role, e.g. "Engineering Manager" (at most 100 characters), or null. At least one of name and role is given.</param>
/// <param name="Rating">The rating exactly as the company words it, e.g. "Exceeds expectations" (at most 100 characters), or null.</param>
/// <param name="RatingScore">The rating as a number on the company's scale, e.g. 4 (0 to <paramref name="RatingScaleMax"/>), or null.</param>
/// <param name="RatingScaleMax">The top of that scale, e.g. 5 (1-100); given exactly when <paramref name="RatingScore"/> is.</param>
/// <param name="Text">What the review says, 1-8,000 characters.</param>
/// <param name="Strengths">Competencies the review names as strengths (at most 8).</param>
/// <param name="GrowthAreas">Competencies the review asks the user to grow (at most 8).</param>
/// <param name="Promotion">What the review decided about promotion.</param>
/// <param name="NewLevel">The level or title the promotion outcome is about, e.g. "Staff Engineer" (at most 100 characters); null when <paramref name="Promotion"/> is none.</param>
public sealed record ReviewDetails(
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string? PeriodLabel,
    string? ReviewerName,
    string? ReviewerRole,
    string? Rating,
    decimal? RatingScore,
    decimal? RatingScaleMax,
    string Text,
    IReadOnlyList<Competency> Strengths,
    IReadOnlyList<Competency> GrowthAreas,
    PromotionOutcome Promotion,
    string? NewLevel);

/// <summary>Events of a <c>performance_review</c> stream (one stream per review).</summary>
public abstract record ReviewEvent(Guid ReviewId);

/// <summary>Stored as <c>review_recorded</c>: starts the stream.</summary>
/// <param name="ReviewId">Stream id.</param>
/// <param name="Details">The review.</param>
/// <param name="ClientKey">The Idempotency-Key, or the import item key (<c>import:</c> + key), if any.</param>
public sealed record ReviewRecorded(Guid ReviewId, ReviewDetails Details, string? ClientKey = null) : ReviewEvent(ReviewId);

/// <summary>Stored as <c>review_revised</c>: corrected content (an edit, or a re-imported item that changed); the old stays in the stream.</summary>
/// <param name="ReviewId">Stream id.</param>
/// <param name="Details">The full content after the revision.</param>
public sealed record ReviewRevised(Guid ReviewId, ReviewDetails Details) : ReviewEvent(ReviewId);

/// <summary>Stored as <c>review_retracted</c>: removed from every view, kept in history.</summary>
/// <param name="ReviewId">Stream id.</param>
/// <param name="Reason">Why (optional, at most 1,000 characters).</param>
public sealed record ReviewRetracted(Guid ReviewId, string? Reason = null) : ReviewEvent(ReviewId);

/// <summary>Current state of a performance review (fold of its stream; inline document <c>mt_doc_performancereview</c>).</summary>
/// <param name="Id">Stream id.</param>
/// <param name="Details">Content.</param>
/// <param name="Retracted">Whether it was retracted.</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
/// <param name="ClientKey">Idempotency or import key, if any.</param>
public sealed record PerformanceReview(Guid Id, ReviewDetails Details, bool Retracted, DateTimeOffset RecordedAt, string? ClientKey)
{
    /// <summary>Longest excerpt of the review text the brag document shows, in characters (the cut falls on a word boundary).</summary>
    public const int ExcerptLength = 280;

    /// <summary>
    /// The stream version of the last event folded into this state (1 after the first event): the document's ETag. Set by the
    /// projection that stores the document; 0 for a state built outside a stream.
    /// </summary>
    public long Version { get; init; }

    /// <summary>Folds one event (pure).</summary>
    /// <exception cref="InvalidOperationException">When the event does not fit the state.</exception>
    public static PerformanceReview Evolve(PerformanceReview? state, ReviewEvent e, DateTimeOffset recordedAt) => (state, e) switch
    {
        (null, ReviewRecorded r) => new PerformanceReview(r.ReviewId, r.Details, false, recordedAt, r.ClientKey),
        ({ } s, ReviewRevised r) => s with { Details = r.Details },
        ({ } s, ReviewRetracted) => s with { Retracted = true },
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot apply here."),
    };

    /// <summary>Recording starts the stream; a repeat with the same client key yields no event.</summary>
    /// <exception cref="DomainRuleException">When the id is taken by another review.</exception>
    public static IReadOnlyList<ReviewEvent> Record(Guid id, ReviewDetails details, string? clientKey, PerformanceReview? state) =>
        state is null ? [new ReviewRecorded(id, details, clientKey)]
        : state.ClientKey is not null && state.ClientKey == clientKey ? []
        : throw new DomainRuleException($"Review {id} already exists.");

    /// <summary>Revises the content; identical content yields no event.</summary>
    /// <exception cref="DomainRuleException">When the review was retracted.</exception>
    public static IReadOnlyList<ReviewEvent> Revise(PerformanceReview state, ReviewDetails details)
    {
        if (state.Retracted)
        {
            throw new DomainRuleException("This review was retracted; record it again instead of revising it.");
        }

        return SameContent(state.Details, details) ? [] : [new ReviewRevised(state.Id, details)];
    }

    /// <summary>Retracts; twice is harmless.</summary>
    /// <exception cref="DomainValidationException">Under <c>reason</c> when it is longer than 1,000 characters.</exception>
    public static IReadOnlyList<ReviewEvent> Retract(PerformanceReview state, string? reason) =>
        state.Retracted ? [] : [new ReviewRetracted(state.Id, Fields.Reason(reason))];

    /// <summary>Whether two contents are equal field by field (lists compared in order).</summary>
    public static bool SameContent(ReviewDetails a, ReviewDetails b) =>
        a with { Strengths = [], GrowthAreas = [] } == b with { Strengths = [], GrowthAreas = [] }
        && a.Strengths.SequenceEqual(b.Strengths) && a.GrowthAreas.SequenceEqual(b.GrowthAreas);

    /// <summary>
    /// How the product names a review to the user: "your 2026 H1 review (Dana Smith)" ("your FY26 annual review (…)" for a label
    /// that already ends in "review"); without a label the period is spelt out
    /// ("your review of 2026-01-01 to 2026-06-30"); the reviewer is the name, else the role, else left out.
    /// </summary>
    public static string Describe(ReviewDetails d)
    {
        var what = d.PeriodLabel is { } label
            ? label.EndsWith("review", StringComparison.OrdinalIgnoreCase) ? $"your {label}" : $"your {label} review"
            : string.Create(CultureInfo.InvariantCulture, $"your review of {d.PeriodStart:yyyy-MM-dd} to {d.PeriodEnd:yyyy-MM-dd}");
        return (d.ReviewerName ?? d.ReviewerRole) is { } who ? $"{what} ({who})" : what;
    }

    /// <summary>The rating in one phrase: "Exceeds expectations (4 of 5)", "4 of 5", or null when the review has no rating.</summary>
    public static string? DescribeRating(ReviewDetails d)
    {
        var score = d is { RatingScore: { } s, RatingScaleMax: { } max } ? $"{CareerLedger.Domain.Common.Text.Number(s)} of {CareerLedger.Domain.Common.Text.Number(max)}" : null;
        return (d.Rating, score) switch
        {
            (null, null) => null,
            ({ } r, null) => r,
            (null, { } sc) => sc,
            ({ } r, { } sc) => $"{r} ({sc})",
        };
    }

    /// <summary>The promotion outcome in words: null for none, else "promoted to Staff Engineer", "nominated for promotion", "not promoted"….</summary>
    public static string? DescribePromotion(ReviewDetails d) => DescribePromotion(d.Promotion, d.NewLevel);

    /// <summary>The outcome <paramref name="promotion"/> about <paramref name="newLevel"/> in words, or null for none.</summary>
    public static string? DescribePromotion(PromotionOutcome promotion, string? newLevel)
    {
        var outcome = promotion switch
        {
            PromotionOutcome.None => null,
            PromotionOutcome.Nominated => "nominated for promotion",
            PromotionOutcome.Promoted => "promoted",
            PromotionOutcome.NotPromoted => "not promoted",
            _ => "promotion deferred",
        };
        return outcome is null ? null
            : newLevel is null ? outcome
            : promotion == PromotionOutcome.Deferred ? $"promotion to {newLevel} deferred"
            : $"{outcome} {(promotion == PromotionOutcome.Promoted ? "to" : "for")} {newLevel}";
    }

    /// <summary>
    /// The first <see cref="ExcerptLength"/> characters of <paramref name="text"/> on one line, cut at the last word boundary
    /// with "…" when longer.
    /// </summary>
    public static string Excerpt(string text)
    {
        var line = CareerLedger.Domain.Common.Text.OneLine(text) ?? "";
        if (line.Length <= ExcerptLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', ExcerptLength - 1);
        return (cut > ExcerptLength / 2 ? line[..cut] : line[..(ExcerptLength - 1)]).TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    /// <summary>
    /// The growth areas the user's reviews name, for the story ranking's coverage: one <see cref="GrowthArea"/> per competency
    /// per non-retracted review, newest review (by period end) first, in the order the review lists them. Source is
    /// <see cref="Describe"/> ("your 2026 H1 review (Dana Smith)"); On is the period end. Rule in docs/projections.md, "Performance reviews".
    /// </summary>
    public static IReadOnlyList<GrowthArea> GrowthAreas(IEnumerable<PerformanceReview> reviews) =>
        reviews.Where(r => !r.Retracted)
            .OrderByDescending(r => r.Details.PeriodEnd).ThenByDescending(r => r.RecordedAt).ThenBy(r => r.Id)
            .SelectMany(r => r.Details.GrowthAreas.Select(c => new GrowthArea(c, Describe(r.Details), r.Details.PeriodEnd)))
            .ToList();
}

/// <summary>
/// Unvalidated review input (HTTP body of <c>POST /api/reviews</c> and <c>PUT /api/reviews/{id}</c>, an import item, the CLI's options).
/// Limits in docs/api.md, "Limits".
/// </summary>
/// <param name="PeriodStart">Required: first day covered; not after <paramref name="PeriodEnd"/>, not before 1970.</param>
/// <param name="PeriodEnd">Required: last day covered; not in the future; at most 731 days after the start.</param>
/// <param name="PeriodLabel">Optional, e.g. "2026 H1", at most 50 characters.</param>
/// <param name="ReviewerName">Optional, at most 100 characters; give it or <paramref name="ReviewerRole"/>.</param>
/// <param name="ReviewerRole">Optional, at most 100 characters.</param>
/// <param name="Rating">Optional, the company's wording, at most 100 characters.</param>
/// <param name="RatingScore">Optional number, 0 to <paramref name="RatingScaleMax"/>; needs the scale.</param>
/// <param name="RatingScaleMax">Optional number, 1-100; needs the score.</param>
/// <param name="Text">Required, at most 8,000 characters.</param>
/// <param name="Strengths">Optional competency names, at most 8.</param>
/// <param name="GrowthAreas">Optional competency names, at most 8.</param>
/// <param name="Promotion">none | nominated | promoted | not_promoted | deferred; default none.</param>
/// <param name="NewLevel">Optional, at most 100 characters; not allowed with promotion none.</param>
public sealed record ReviewDraft(
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    string? Text,
    string? PeriodLabel = null,
    string? ReviewerName = null,
    string? ReviewerRole = null,
    string? Rating = null,
    decimal? RatingScore = null,
    decimal? RatingScaleMax = null,
    IReadOnlyList<string>? Strengths = null,
    IReadOnlyList<string>? GrowthAreas = null,
    string? Promotion = null,
    string? NewLevel = null)
{
    /// <summary>Longest review text, in characters.</summary>
    public const int MaxTextLength = 8000;

    /// <summary>Longest period label, in characters.</summary>
    public const int MaxLabelLength = 50;

    /// <summary>Longest reviewer name, reviewer role, rating wording and new level, in characters.</summary>
    public const int MaxShortLength = 100;

    /// <summary>Most competencies in <c>strengths</c> and in <c>growthAreas</c>.</summary>
    public const int MaxCompetencies = 8;

    /// <summary>Longest period a review covers, in days (two years, with a leap day).</summary>
    public const int MaxPeriodDays = 731;

    /// <summary>Largest rating scale (a percentage scale).</summary>
    public const decimal MaxScale = 100m;

    /// <summary>Validates against the user's <paramref name="today"/> (their time zone's calendar day).</summary>
    /// <exception cref="DomainValidationException">Listing every invalid field by its JSON name.</exception>
    public ReviewDetails Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        var text = CareerLedger.Domain.Common.Text.Clean(Text);
        if (text is null)
        {
            errors.Add("text", "Review text is required: paste what the review says, or its summary.");
        }

        Fields.CheckLength(errors, "text", Text, MaxTextLength);
        Fields.CheckLength(errors, "periodLabel", PeriodLabel, MaxLabelLength);
        Fields.CheckLength(errors, "reviewerName", ReviewerName, MaxShortLength);
        Fields.CheckLength(errors, "reviewerRole", ReviewerRole, MaxShortLength);
        Fields.CheckLength(errors, "rating", Rating, MaxShortLength);
        Fields.CheckLength(errors, "newLevel", NewLevel, MaxShortLength);
        var label = CareerLedger.Domain.Common.Text.OneLine(PeriodLabel);
        var name = CareerLedger.Domain.Common.Text.OneLine(ReviewerName);
        var role = CareerLedger.Domain.Common.Text.OneLine(ReviewerRole);
        if (name is null && role is null)
        {
            errors.Add("reviewerName", "Say who wrote the review: a name (reviewerName), a role (reviewerRole), or both.");
        }

        CheckDate(errors, "periodStart", PeriodStart, today);
        CheckDate(errors, "periodEnd", PeriodEnd, today);
        if (PeriodStart is { } start && PeriodEnd is { } end)
        {
            if (start > end)
            {
                errors.Add("periodStart", $"The period starts on {start:yyyy-MM-dd}, after it ends ({end:yyyy-MM-dd}).");
            }
            else if (end.DayNumber - start.DayNumber + 1 > MaxPeriodDays)
            {
                errors.Add("periodEnd", $"A review covers at most {MaxPeriodDays} days; {start:yyyy-MM-dd} to {end:yyyy-MM-dd} is {end.DayNumber - start.DayNumber + 1}.");
            }
        }

        switch (RatingScore, RatingScaleMax)
        {
            case (null, null):
                break;
            case ({ }, null):
                errors.Add("ratingScaleMax", "Give the top of the rating scale with the score (for example 5 for a score of 4 out of 5).");
                break;
            case (null, { }):
                errors.Add("ratingScore", "Give the score on the scale, or leave ratingScaleMax out.");
                break;
            case ({ } score, { } max):
                if (max is < 1 or > MaxScale)
                {
                    errors.Add("ratingScaleMax", $"The scale tops out between 1 and {MaxScale:0} (got {max.ToString(CultureInfo.InvariantCulture)}).");
                }
                else if (score < 0 || score > max)
                {
                    errors.Add("ratingScore", $"The score is between 0 and the scale's top, {max.ToString(CultureInfo.InvariantCulture)} (got {score.ToString(CultureInfo.InvariantCulture)}).");
                }

                break;
        }

        var strengths = CompetencyCatalog.ParseAll(Strengths, "strengths", errors);
        if (strengths.Count > MaxCompetencies)
        {
            errors.Add("strengths", $"Name at most {MaxCompetencies} strengths.");
        }

        var growth = CompetencyCatalog.ParseAll(GrowthAreas, "growthAreas", errors);
        if (growth.Count > MaxCompetencies)
        {
            errors.Add("growthAreas", $"Name at most {MaxCompetencies} growth areas.");
        }

        var promotion = Fields.ParseEnum(errors, "promotion", Promotion, PromotionOutcome.None);
        var level = CareerLedger.Domain.Common.Text.OneLine(NewLevel);
        if (level is not null && promotion == PromotionOutcome.None)
        {
            errors.Add("newLevel", "A new level goes with a promotion outcome (nominated, promoted, not_promoted or deferred).");
        }

        errors.ThrowIfAny();
        return new ReviewDetails(
            PeriodStart!.Value, PeriodEnd!.Value, label, name, role, CareerLedger.Domain.Common.Text.OneLine(Rating), RatingScore, RatingScaleMax,
            text!, strengths, growth, promotion, level);
    }

    private static void CheckDate(ValidationErrors errors, string field, DateOnly? day, DateOnly today)
    {
        if (day is not { } d)
        {
            errors.Add(field, $"{(field == "periodStart" ? "The first" : "The last")} day the review covers is required (yyyy-MM-dd).");
        }
        else if (d > today)
        {
            errors.Add(field, $"Date {d:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} in your time zone); record a review once its period has ended.");
        }
        else if (d.Year < 1970)
        {
            errors.Add(field, $"Date {d:yyyy-MM-dd} is before 1970.");
        }
    }
}
