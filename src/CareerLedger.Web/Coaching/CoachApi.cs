using CareerLedger.Domain.Coaching;
using CareerLedger.Domain.Common;
using CareerLedger.Web.Ai;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerLedger.Web.Coaching;

/// <summary>Scoring request.</summary>
/// <param name="Text">The answer (sections labelled or free prose), 1-60,000 characters.</param>
/// <param name="DurationSeconds">Spoken duration in seconds, if timed (1-3600).</param>
/// <param name="Format">star | carl; detected when omitted.</param>
/// <param name="Question">The question it answers (helps the model critique).</param>
public sealed record CoachRequest(string? Text, int? DurationSeconds, string? Format, string? Question);

/// <summary>The coach's answer: the rubric report and a critique, with which path produced the critique.</summary>
/// <param name="Report">The rubric's report (always deterministic).</param>
/// <param name="Critique">The critique text.</param>
/// <param name="CritiqueSource">"rubric" or "model".</param>
/// <param name="CritiqueNote">Why the rubric was used, or the model's name.</param>
public sealed record CoachResponse(CoachReport Report, string Critique, string CritiqueSource, string CritiqueNote);

/// <summary>The answer coach: <c>POST /api/coach</c>.</summary>
public static class CoachApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapCoachApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/coach", Coach).WithTags("Practice").WithName("CoachAnswer")
            .WithSummary("Scores an answer against the STAR/CARL rubric (docs/coaching.md): per-dimension scores, findings quoting your words, and a critique (from the model when one is configured, else from the rubric).")
            .RequireAuthorization();
        return app;
    }

    internal static async Task<Ok<CoachResponse>> Coach(CoachRequest request, CoachService coach, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var format = Text.Clean(request.Format) is null ? (AnswerFormat?)null : Fields.ParseEnum(errors, "format", request.Format, AnswerFormat.Star);
        if (request.DurationSeconds is < 1 or > 3600)
        {
            errors.Add("durationSeconds", "Use the spoken duration in seconds, 1 to 3600.");
        }

        if (Text.Clean(request.Text) is null)
        {
            errors.Add("text", "Paste the answer to score.");
        }

        Fields.CheckLength(errors, "question", request.Question, 300);

        errors.ThrowIfAny();
        var (report, critique) = await coach.CoachAsync(
            request.Text!, request.DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null, format, Text.Clean(request.Question), ct);
        return TypedResults.Ok(new CoachResponse(report, critique.Text, Source(critique), critique.Note));
    }

    /// <summary>"model" or "rubric".</summary>
    public static string Source(AssistedText text) => text.Source == AiSource.Model ? "model" : "rubric";
}
