using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Drafts;

namespace CareerLedger.Web.Offers;

/// <summary>A new offer.</summary>
/// <param name="Stage">verbal | written (default written).</param>
/// <param name="ReceivedOn">The day it arrived (default today; not in the future).</param>
/// <param name="Terms">The terms (see docs/api.md, "Offers").</param>
public sealed record ReceiveOfferRequest(string? Stage, DateOnly? ReceivedOn, OfferTermsDraft? Terms);

/// <summary>New terms for an offer.</summary>
/// <param name="RevisedOn">The day the new terms arrived (default today).</param>
/// <param name="Terms">The full new terms.</param>
/// <param name="Reason">Why they changed, e.g. "after counter".</param>
/// <param name="Stage">verbal | written; unchanged when omitted.</param>
public sealed record ReviseOfferRequest(DateOnly? RevisedOn, OfferTermsDraft? Terms, string? Reason, string? Stage);

/// <summary>A counter-offer the user sent.</summary>
/// <param name="SentOn">The day it was sent (default today).</param>
/// <param name="Asks">What was asked for (at least one).</param>
/// <param name="Note">What was said.</param>
public sealed record CounterOfferRequest(DateOnly? SentOn, IReadOnlyList<CounterAskDraft>? Asks, string? Note);

/// <summary>One ask of a counter-offer.</summary>
/// <param name="Component">base | sign_on | equity | level | bonus | start_date | remote | pto | other.</param>
/// <param name="Amount">The number asked for, if any (≥ 0): base = the new annual base; sign_on = total sign-on; equity = total grant value; all in the offer's currency; level = a rank 1-10; bonus = target percent; pto = days. Progress is measured for these; start_date, remote and other are words only.</param>
/// <param name="Text">The ask in words (at most 300 characters).</param>
public sealed record CounterAskDraft(string? Component, decimal? Amount, string? Text);

/// <summary>A new or extended deadline.</summary>
/// <param name="Deadline">The day the company wants an answer by.</param>
public sealed record DeadlineRequest(DateOnly? Deadline);

/// <summary>Closing an offer (accept, decline, expire, withdraw).</summary>
/// <param name="On">The day it happened (default today).</param>
/// <param name="Reason">Why (decline, withdraw), optional.</param>
public sealed record CloseOfferRequest(DateOnly? On, string? Reason);

/// <summary>Validation helpers for offer requests.</summary>
public static class OfferRequestValidation
{
    /// <summary>Validates a new offer.</summary>
    /// <exception cref="DomainValidationException">Listing every invalid field.</exception>
    public static (OfferStage Stage, DateOnly ReceivedOn, OfferTerms Terms) Validate(this ReceiveOfferRequest request, DateOnly today)
    {
        var errors = new ValidationErrors();
        var stage = Fields.ParseEnum(errors, "stage", request.Stage, OfferStage.Written);
        var receivedOn = request.ReceivedOn ?? today;
        var terms = TermsOrErrors(request.Terms, receivedOn, errors);
        errors.ThrowIfAny();
        return (stage, receivedOn, terms!);
    }

    /// <summary>Validates a revision against the offer's received date.</summary>
    /// <exception cref="DomainValidationException">Listing every invalid field.</exception>
    public static (OfferStage? Stage, DateOnly RevisedOn, OfferTerms Terms) Validate(this ReviseOfferRequest request, DateOnly receivedOn, DateOnly today)
    {
        var errors = new ValidationErrors();
        OfferStage? stage = Text.Clean(request.Stage) is null ? null : Fields.ParseEnum(errors, "stage", request.Stage, OfferStage.Written);
        var terms = TermsOrErrors(request.Terms, receivedOn, errors);
        errors.ThrowIfAny();
        return (stage, request.RevisedOn ?? today, terms!);
    }

    /// <summary>Validates counter-offer asks.</summary>
    /// <exception cref="DomainValidationException">Listing every invalid field.</exception>
    public static IReadOnlyList<CounterAsk> ValidateAsks(this CounterOfferRequest request)
    {
        var errors = new ValidationErrors();
        var asks = new List<CounterAsk>();
        var raw = request.Asks ?? [];
        for (var i = 0; i < raw.Count; i++)
        {
            var a = raw[i];
            if (Text.Clean(a?.Component) is null)
            {
                errors.Add($"asks[{i}].component", "Say which component you asked about (base, sign_on, equity, level, bonus, start_date, remote, pto, other).");
                continue;
            }

            var component = Fields.ParseEnum(errors, $"asks[{i}].component", a!.Component, AskComponent.Other);
            if (a.Amount is < 0)
            {
                errors.Add($"asks[{i}].amount", "Amounts cannot be negative.");
            }

            Bounds.Check(errors, $"asks[{i}].amount", a.Amount, Bounds.MaxAmount, "An amount asked for");

            Fields.CheckLength(errors, $"asks[{i}].text", a.Text, 300);
            asks.Add(new CounterAsk(component, a.Amount, Text.Clean(a.Text)));
        }

        Fields.CheckLength(errors, "note", request.Note, 2000);
        errors.ThrowIfAny();
        return asks;
    }

    private static OfferTerms? TermsOrErrors(OfferTermsDraft? draft, DateOnly offerDate, ValidationErrors errors)
    {
        if (draft is null)
        {
            errors.Add("terms", "The offer's terms are required (company, role, level, currency, base salary…).");
            return null;
        }

        try
        {
            return draft.Validate(offerDate);
        }
        catch (DomainValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var m in messages)
                {
                    errors.Add("terms." + field, m);
                }
            }

            return null;
        }
    }
}
