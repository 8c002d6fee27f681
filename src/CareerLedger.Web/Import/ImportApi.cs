using Wolverine;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Feedback;
using CareerLedger.Domain.Reviews;
using Marten;
using CareerLedger.Web.Accomplishments;
using CareerLedger.Web.Feedback;
using CareerLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerLedger.Web.Import;

/// <summary>
/// An import file: accomplishments, feedback and performance reviews (the format of samples/*.json; see docs/api.md). Each item
/// may carry an <c>id</c> (a stable slug); items without one are keyed by their content, so importing the same file twice adds nothing.
/// </summary>
/// <param name="Accomplishments">Accomplishments, at most 5,000.</param>
/// <param name="Feedback">Feedback, at most 5,000.</param>
/// <param name="Reviews">Performance reviews, at most 5,000.</param>
public sealed record ImportRequest(IReadOnlyList<ImportAccomplishment>? Accomplishments, IReadOnlyList<ImportFeedback>? Feedback, IReadOnlyList<ImportReview>? Reviews = null);

/// <summary>An accomplishment in an import file: <see cref="AccomplishmentDraft"/> fields plus an optional stable id.</summary>
/// <param name="Id">Stable item id (1-200 characters) used for idempotency.</param>
/// <param name="Title">Title.</param>
/// <param name="OccurredOn">Date.</param>
/// <param name="Description">Description.</param>
/// <param name="Project">Project.</param>
/// <param name="Scope">Scope name.</param>
/// <param name="Involvement">Involvement name.</param>
/// <param name="Impact">Metrics.</param>
/// <param name="Competencies">Competency names.</param>
/// <param name="Learnings">Learnings.</param>
/// <param name="Links">Links.</param>
public sealed record ImportAccomplishment(
    string? Id, string? Title, DateOnly? OccurredOn, string? Description, string? Project, string? Scope, string? Involvement,
    IReadOnlyList<ImpactMetricDraft>? Impact, IReadOnlyList<string>? Competencies, string? Learnings, IReadOnlyList<string>? Links);

/// <summary>Feedback in an import file: <see cref="FeedbackDraft"/> fields plus an optional stable id.</summary>
/// <param name="Id">Stable item id used for idempotency.</param>
/// <param name="ReceivedOn">Date.</param>
/// <param name="From">Who.</param>
/// <param name="Source">Where.</param>
/// <param name="Text">What was said.</param>
/// <param name="Sentiment">Tone.</param>
/// <param name="Themes">Competency names.</param>
public sealed record ImportFeedback(
    string? Id, DateOnly? ReceivedOn, string? From, string? Source, string? Text, string? Sentiment, IReadOnlyList<string>? Themes);

/// <summary>A performance review in an import file: <see cref="ReviewDraft"/> fields plus an optional stable id.</summary>
/// <param name="Id">Stable item id (1-200 characters) used for idempotency; without one the period, reviewer and text are the key.</param>
/// <param name="PeriodStart">First day covered.</param>
/// <param name="PeriodEnd">Last day covered.</param>
/// <param name="PeriodLabel">The cycle's name, e.g. "2026 H1".</param>
/// <param name="ReviewerName">Reviewer's name.</param>
/// <param name="ReviewerRole">Reviewer's role.</param>
/// <param name="Rating">Rating as worded by the company.</param>
/// <param name="RatingScore">Rating as a number.</param>
/// <param name="RatingScaleMax">Top of the rating scale.</param>
/// <param name="Text">What the review says.</param>
/// <param name="Strengths">Competency names.</param>
/// <param name="GrowthAreas">Competency names.</param>
/// <param name="Promotion">Promotion outcome name.</param>
/// <param name="NewLevel">Level or title the outcome is about.</param>
public sealed record ImportReview(
    string? Id, DateOnly? PeriodStart, DateOnly? PeriodEnd, string? PeriodLabel, string? ReviewerName, string? ReviewerRole, string? Rating,
    decimal? RatingScore, decimal? RatingScaleMax, string? Text, IReadOnlyList<string>? Strengths, IReadOnlyList<string>? GrowthAreas,
    string? Promotion, string? NewLevel);

/// <summary>What an import did.</summary>
/// <param name="AccomplishmentsCreated">New accomplishments logged.</param>
/// <param name="AccomplishmentsUpdated">Accomplishments from an earlier import whose content changed in the file: revised.</param>
/// <param name="AccomplishmentsUnchanged">Accomplishments already present with the same content (skipped).</param>
/// <param name="FeedbackCreated">New feedback recorded.</param>
/// <param name="FeedbackUpdated">Feedback from an earlier import whose content changed: revised.</param>
/// <param name="FeedbackUnchanged">Feedback already present with the same content (skipped).</param>
/// <param name="ReviewsCreated">New performance reviews recorded.</param>
/// <param name="ReviewsUpdated">Reviews from an earlier import whose content changed: revised.</param>
/// <param name="ReviewsUnchanged">Reviews already present with the same content, or retracted since (skipped).</param>
public sealed record ImportResult(
    int AccomplishmentsCreated, int AccomplishmentsUpdated, int AccomplishmentsUnchanged, int FeedbackCreated, int FeedbackUpdated, int FeedbackUnchanged,
    int ReviewsCreated, int ReviewsUpdated, int ReviewsUnchanged);

/// <summary>Bulk import: <c>POST /api/import</c>.</summary>
public static class ImportApi
{
    private const int MaxItems = 5000;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/import", Import).WithTags("Import").WithName("Import")
            .WithSummary("Imports accomplishments, feedback and performance reviews. Everything is validated first: one invalid item rejects the file with every error listed, and nothing is written. Re-importing the same file adds nothing; items whose content changed are revised (retracted ones are left alone).")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ServiceRegistration.MaxImportBodyBytes))
            .RequireAuthorization();
        return app;
    }

    internal static async Task<Ok<ImportResult>> Import(
        ImportRequest request, CurrentUser me, IMessageBus bus, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var today = me.Today;
        var items = request.Accomplishments ?? [];
        var quotes = request.Feedback ?? [];
        var reviews = request.Reviews ?? [];
        if (items.Count > MaxItems)
        {
            errors.Add("accomplishments", $"At most {MaxItems} per import; split the file.");
        }

        if (quotes.Count > MaxItems)
        {
            errors.Add("feedback", $"At most {MaxItems} per import; split the file.");
        }

        if (reviews.Count > MaxItems)
        {
            errors.Add("reviews", $"At most {MaxItems} per import; split the file.");
        }

        var validA = new List<(string Key, AccomplishmentDetails Details)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } it)
            {
                errors.Add($"accomplishments[{i}]", "Empty entry: give the accomplishment, or leave it out.");
                continue;
            }

            try
            {
                var details = new AccomplishmentDraft(it.Title, it.OccurredOn, it.Description, it.Project, it.Scope, it.Involvement, it.Impact, it.Competencies, it.Learnings, it.Links)
                    .Validate(today);
                var key = Key(it.Id, $"{details.OccurredOn:yyyy-MM-dd}|{details.Title}", $"accomplishments[{i}].id", errors);
                if (!keys.Add("a:" + key))
                {
                    errors.Add($"accomplishments[{i}].id", $"Duplicate item id '{key}' in this file.");
                }

                validA.Add((key, details));
            }
            catch (DomainValidationException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    foreach (var m in messages)
                    {
                        errors.Add($"accomplishments[{i}].{field}", m);
                    }
                }
            }
        }

        var validF = new List<(string Key, FeedbackDetails Details)>();
        for (var i = 0; i < quotes.Count; i++)
        {
            if (quotes[i] is not { } it)
            {
                errors.Add($"feedback[{i}]", "Empty entry: give the feedback, or leave it out.");
                continue;
            }

            try
            {
                var details = new FeedbackDraft(it.Text, it.ReceivedOn, it.From, it.Source, it.Sentiment, it.Themes).Validate(today);
                var key = Key(it.Id, $"{details.ReceivedOn:yyyy-MM-dd}|{details.From}|{details.Text}", $"feedback[{i}].id", errors);
                if (!keys.Add("f:" + key))
                {
                    errors.Add($"feedback[{i}].id", $"Duplicate item id '{key}' in this file.");
                }

                validF.Add((key, details));
            }
            catch (DomainValidationException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    foreach (var m in messages)
                    {
                        errors.Add($"feedback[{i}].{field}", m);
                    }
                }
            }
        }

        var validR = new List<(string Key, ReviewDetails Details)>();
        for (var i = 0; i < reviews.Count; i++)
        {
            if (reviews[i] is not { } it)
            {
                errors.Add($"reviews[{i}]", "Empty entry: give the review, or leave it out.");
                continue;
            }

            try
            {
                var details = new ReviewDraft(
                    it.PeriodStart, it.PeriodEnd, it.Text, it.PeriodLabel, it.ReviewerName, it.ReviewerRole, it.Rating, it.RatingScore, it.RatingScaleMax,
                    it.Strengths, it.GrowthAreas, it.Promotion, it.NewLevel).Validate(today);
                var key = Key(it.Id, $"{details.PeriodStart:yyyy-MM-dd}|{details.PeriodEnd:yyyy-MM-dd}|{details.ReviewerName}|{details.ReviewerRole}|{details.Text}", $"reviews[{i}].id", errors);
                if (!keys.Add("r:" + key))
                {
                    errors.Add($"reviews[{i}].id", $"Duplicate item id '{key}' in this file.");
                }

                validR.Add((key, details));
            }
            catch (DomainValidationException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    foreach (var m in messages)
                    {
                        errors.Add($"reviews[{i}].{field}", m);
                    }
                }
            }
        }

        errors.ThrowIfAny();
        return TypedResults.Ok(await bus.InvokeForUserAsync<ImportResult>(me, new ImportLedger(validA, validF, validR), ct));
    }

    private static string Key(string? id, string content, string field, ValidationErrors errors)
    {
        var clean = Text.Clean(id);
        if (clean is { Length: > 200 })
        {
            errors.Add(field, "Item ids are at most 200 characters.");
        }

        return clean ?? "content:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));
    }
}
