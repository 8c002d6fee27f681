using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Goals;

/// <summary>What a goal aims at. Stored snake_case.</summary>
public enum GoalKind
{
    /// <summary>A promotion to a target level by a target date.</summary>
    Promotion,
    /// <summary>A job search: target companies and interview dates.</summary>
    JobSearch,
}

/// <summary>Where a goal stands. Stored snake_case.</summary>
public enum GoalStatus
{
    /// <summary>Being worked on; at most one goal of each kind is active.</summary>
    Active,
    /// <summary>Achieved.</summary>
    Reached,
    /// <summary>Given up or no longer relevant.</summary>
    Dropped,
}

/// <summary>One scheduled interview of a job search.</summary>
/// <param name="On">The day (user's calendar).</param>
/// <param name="Company">Company name, 1-100 characters.</param>
/// <param name="Stage">"phone screen", "onsite", "hiring manager"… (optional, at most 100 characters).</param>
public sealed record InterviewDate(DateOnly On, string Company, string? Stage);

/// <summary>Validated content of a goal.</summary>
/// <param name="Kind">Promotion or job search.</param>
/// <param name="Title">One line, 1-200 characters (for example "Staff engineer by the H2 2027 cycle").</param>
/// <param name="TargetLevel">The level aimed at (promotion: required; job search: optional), e.g. "staff", "L6", "senior".</param>
/// <param name="TargetDate">When it should be reached (user's calendar; optional).</param>
/// <param name="TargetCompanies">Job search: companies aimed at (at most 20); empty for a promotion.</param>
/// <param name="Interviews">Job search: interview dates, sorted by day (at most 50); empty for a promotion.</param>
public sealed record GoalDetails(
    GoalKind Kind, string Title, string? TargetLevel, DateOnly? TargetDate, IReadOnlyList<string> TargetCompanies, IReadOnlyList<InterviewDate> Interviews)
{
    /// <summary>The first interview on or after <paramref name="today"/>, if any.</summary>
    public InterviewDate? NextInterview(DateOnly today) => Interviews.FirstOrDefault(i => i.On >= today);

    /// <summary>Field-by-field equality (lists by content).</summary>
    public bool SameAs(GoalDetails other) =>
        this with { TargetCompanies = [], Interviews = [] } == other with { TargetCompanies = [], Interviews = [] }
        && TargetCompanies.SequenceEqual(other.TargetCompanies) && Interviews.SequenceEqual(other.Interviews);
}

/// <summary>Events of a <c>goal</c> stream (one stream per goal).</summary>
public abstract record GoalEvent(Guid GoalId);

/// <summary>Stored as <c>goal_opened</c>.</summary>
/// <param name="GoalId">Stream id.</param>
/// <param name="Details">The goal.</param>
public sealed record GoalOpened(Guid GoalId, GoalDetails Details) : GoalEvent(GoalId);

/// <summary>Stored as <c>goal_revised</c>: the full content after the change (a new interview date, a later target date…).</summary>
/// <param name="GoalId">Stream id.</param>
/// <param name="Details">The goal after the revision.</param>
public sealed record GoalRevised(Guid GoalId, GoalDetails Details) : GoalEvent(GoalId);

/// <summary>Stored as <c>goal_reached</c>.</summary>
/// <param name="GoalId">Stream id.</param>
/// <param name="On">The day it was reached (user's calendar).</param>
/// <param name="Note">What happened (optional).</param>
public sealed record GoalReached(Guid GoalId, DateOnly On, string? Note) : GoalEvent(GoalId);

/// <summary>Stored as <c>goal_dropped</c>.</summary>
/// <param name="GoalId">Stream id.</param>
/// <param name="On">The day it was dropped (user's calendar).</param>
/// <param name="Reason">Why (optional).</param>
public sealed record GoalDropped(Guid GoalId, DateOnly On, string? Reason) : GoalEvent(GoalId);

/// <summary>A goal's current state (fold of its stream; the inline document).</summary>
/// <param name="Id">Stream id.</param>
/// <param name="Details">Current content.</param>
/// <param name="Status">Active, reached or dropped.</param>
/// <param name="OpenedAt">When it was opened (UTC, the event's recorded time).</param>
/// <param name="ClosedOn">When it was reached or dropped.</param>
/// <param name="ClosingNote">The note or reason given when it closed.</param>
public sealed record Goal(Guid Id, GoalDetails Details, GoalStatus Status, DateTimeOffset OpenedAt, DateOnly? ClosedOn, string? ClosingNote)
{
    /// <summary>The stream version of the last event folded in (the document's ETag); set by the projection.</summary>
    public long Version { get; init; }

    /// <summary>Folds one event (pure).</summary>
    /// <exception cref="InvalidOperationException">When the event does not fit the state.</exception>
    public static Goal Evolve(Goal? state, GoalEvent e, DateTimeOffset recordedAt) => (state, e) switch
    {
        (null, GoalOpened o) => new Goal(o.GoalId, o.Details, GoalStatus.Active, recordedAt, null, null),
        ({ } s, GoalRevised r) => s with { Details = r.Details },
        ({ } s, GoalReached r) => s with { Status = GoalStatus.Reached, ClosedOn = r.On, ClosingNote = r.Note },
        ({ } s, GoalDropped d) => s with { Status = GoalStatus.Dropped, ClosedOn = d.On, ClosingNote = d.Reason },
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot apply here."),
    };

    /// <summary>The active goal of <paramref name="kind"/> among <paramref name="goals"/>, the most recently opened if several.</summary>
    public static Goal? Active(IEnumerable<Goal> goals, GoalKind kind) =>
        goals.Where(g => g.Status == GoalStatus.Active && g.Details.Kind == kind).MaxBy(g => g.OpenedAt);
}

/// <summary>The goal decider: commands in, events out (pure). See docs/events.md.</summary>
public static class GoalDecider
{
    /// <summary>Opens a goal. At most one goal of each kind is active at a time.</summary>
    /// <exception cref="DomainRuleException">When another goal of the same kind is active (reach or drop it first).</exception>
    public static IReadOnlyList<GoalEvent> Open(Guid id, GoalDetails details, IEnumerable<Goal> existing)
    {
        if (Goal.Active(existing, details.Kind) is { } active)
        {
            throw new DomainRuleException(
                $"You already have an active {Describe(details.Kind)} goal (\"{active.Details.Title}\", {active.Id}); reach or drop it first, or revise it.");
        }

        return [new GoalOpened(id, details)];
    }

    /// <summary>Revises an active goal; identical content yields no event.</summary>
    /// <exception cref="DomainRuleException">When the goal is closed, or the kind would change.</exception>
    public static IReadOnlyList<GoalEvent> Revise(Goal state, GoalDetails details)
    {
        EnsureActive(state, "revised");
        if (details.Kind != state.Details.Kind)
        {
            throw new DomainRuleException($"A goal's kind cannot change ({Describe(state.Details.Kind)} → {Describe(details.Kind)}); open a new goal instead.");
        }

        return state.Details.SameAs(details) ? [] : [new GoalRevised(state.Id, details)];
    }

    /// <summary>Marks the goal reached; repeating it is harmless.</summary>
    /// <exception cref="DomainRuleException">When the goal was dropped.</exception>
    public static IReadOnlyList<GoalEvent> Reach(Goal state, DateOnly on, string? note)
    {
        if (state.Status == GoalStatus.Reached)
        {
            return [];
        }

        EnsureActive(state, "reached");
        return [new GoalReached(state.Id, on, Text.Clean(note))];
    }

    /// <summary>Drops the goal; repeating it is harmless.</summary>
    /// <exception cref="DomainRuleException">When the goal was reached.</exception>
    public static IReadOnlyList<GoalEvent> Drop(Goal state, DateOnly on, string? reason)
    {
        if (state.Status == GoalStatus.Dropped)
        {
            return [];
        }

        EnsureActive(state, "dropped");
        return [new GoalDropped(state.Id, on, Fields.Reason(reason))];
    }

    private static void EnsureActive(Goal state, string verb)
    {
        if (state.Status != GoalStatus.Active)
        {
            throw new DomainRuleException($"This goal is {state.Status.ToString().ToLowerInvariant()}; it cannot be {verb}.");
        }
    }

    internal static string Describe(GoalKind kind) => kind == GoalKind.Promotion ? "promotion" : "job-search";
}

/// <summary>Unvalidated goal input.</summary>
/// <param name="Kind">promotion | job_search (required).</param>
/// <param name="Title">Required, at most 200 characters.</param>
/// <param name="TargetLevel">Required for a promotion, at most 40 characters.</param>
/// <param name="TargetDate">Optional; not before 1970.</param>
/// <param name="TargetCompanies">Job search only, at most 20, each 1-100 characters; duplicates are dropped.</param>
/// <param name="Interviews">Job search only, at most 50.</param>
public sealed record GoalDraft(
    string? Kind, string? Title, string? TargetLevel = null, DateOnly? TargetDate = null,
    IReadOnlyList<string>? TargetCompanies = null, IReadOnlyList<InterviewDraft>? Interviews = null)
{
    /// <summary>Validates every field at once.</summary>
    /// <exception cref="DomainValidationException">Listing every invalid field (paths like <c>interviews[1].company</c>).</exception>
    public GoalDetails Validate()
    {
        var errors = new ValidationErrors();
        GoalKind? kind = null;
        if (Text.Clean(Kind) is null)
        {
            errors.Add("kind", "Say what the goal is: promotion or job_search.");
        }
        else
        {
            var probe = new ValidationErrors();
            var parsed = Fields.ParseEnum(probe, "kind", Kind, GoalKind.Promotion);
            if (probe.Any)
            {
                errors.Add("kind", $"'{Kind}' is not a goal kind: use promotion or job_search.");
            }
            else
            {
                kind = parsed;
            }
        }

        var title = Text.OneLine(Title);
        if (title is null)
        {
            errors.Add("title", "A goal needs a title, e.g. \"Staff engineer by the next cycle\".");
        }

        Fields.CheckLength(errors, "title", Title, 200);
        Fields.CheckLength(errors, "targetLevel", TargetLevel, 40);
        var level = Text.Clean(TargetLevel);
        if (kind == GoalKind.Promotion && level is null)
        {
            errors.Add("targetLevel", "A promotion goal names the level aimed at (e.g. staff, L6).");
        }

        if (TargetDate is { Year: < 1970 } d)
        {
            errors.Add("targetDate", $"Date {d:yyyy-MM-dd} is before 1970.");
        }

        var companies = new List<string>();
        var interviews = new List<InterviewDate>();
        if (kind == GoalKind.Promotion && (TargetCompanies is { Count: > 0 } || Interviews is { Count: > 0 }))
        {
            errors.Add(TargetCompanies is { Count: > 0 } ? "targetCompanies" : "interviews", "Target companies and interviews belong to a job-search goal.");
        }
        else
        {
            if (TargetCompanies is { Count: > 20 })
            {
                errors.Add("targetCompanies", "Name at most 20 target companies.");
            }

            for (var i = 0; i < (TargetCompanies?.Count ?? 0); i++)
            {
                var name = Text.Clean(TargetCompanies![i]);
                if (name is null || name.Length > 100)
                {
                    errors.Add($"targetCompanies[{i}]", "A company name has 1-100 characters.");
                }
                else if (!companies.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    companies.Add(name);
                }
            }

            if (Interviews is { Count: > 50 })
            {
                errors.Add("interviews", "List at most 50 interviews.");
            }

            for (var i = 0; i < (Interviews?.Count ?? 0); i++)
            {
                if (Interviews![i] is not { } item)
                {
                    errors.Add($"interviews[{i}]", "Empty entry: give the interview's day and company, or leave it out.");
                    continue;
                }

                var company = Text.Clean(item.Company);
                if (company is null || company.Length > 100)
                {
                    errors.Add($"interviews[{i}].company", "An interview names its company (1-100 characters).");
                }

                if (item.On is not { } on)
                {
                    errors.Add($"interviews[{i}].on", "An interview needs its day (yyyy-MM-dd).");
                }
                else if (on.Year < 1970)
                {
                    errors.Add($"interviews[{i}].on", $"Date {on:yyyy-MM-dd} is before 1970.");
                }

                Fields.CheckLength(errors, $"interviews[{i}].stage", item.Stage, 100);
                if (company is { Length: <= 100 } && item.On is { } day)
                {
                    interviews.Add(new InterviewDate(day, company, Text.Clean(item.Stage)));
                }
            }
        }

        errors.ThrowIfAny();
        return new GoalDetails(kind!.Value, title!, level, TargetDate, companies, interviews.OrderBy(i => i.On).ToList());
    }
}

/// <summary>Unvalidated interview input.</summary>
/// <param name="On">The day (required).</param>
/// <param name="Company">Required, at most 100 characters.</param>
/// <param name="Stage">Optional, at most 100 characters.</param>
public sealed record InterviewDraft(DateOnly? On, string? Company, string? Stage = null);
