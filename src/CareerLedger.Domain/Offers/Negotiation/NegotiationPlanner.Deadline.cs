using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Negotiation;

// Advice on the answer deadline.
public static partial class NegotiationPlanner
{
    /// <summary>
    /// Advice on the answer deadline: none set → ask when they need an answer; passed → confirm the offer is still open; within
    /// <see cref="NearDeadlineDays"/> days (today included) → ask now for about a week more (<see cref="ExtensionDays"/> days
    /// after the deadline); otherwise enough time.
    /// </summary>
    /// <param name="deadline">The offer's deadline, if any.</param>
    /// <param name="today">The user's calendar day.</param>
    /// <returns>The advice.</returns>
    public static DeadlineAdvice Deadline(DateOnly? deadline, DateOnly today)
    {
        if (deadline is not { } d)
        {
            return new DeadlineAdvice(
                DeadlineStatus.NotSet, null, null, null,
                "The offer names no deadline. Ask when they need your answer, so you can plan your other processes around it.");
        }

        var left = d.DayNumber - today.DayNumber;
        var on = Day(d);
        if (left < 0)
        {
            return new DeadlineAdvice(
                DeadlineStatus.Passed, d, left, null,
                $"The deadline ({on}) has passed, so the offer may have lapsed. Confirm that it is still open before you negotiate further.");
        }

        if (left <= NearDeadlineDays)
        {
            var extension = d.AddDays(ExtensionDays);
            var when = left == 0 ? "The answer is due today" : left == 1 ? "One day is left" : $"{Text.Number(left)} days are left";
            return new DeadlineAdvice(
                DeadlineStatus.Near, d, left, extension,
                $"{when} (deadline {on}). Ask for an extension now, to {Day(extension)}: about a week more is usually granted.");
        }

        return new DeadlineAdvice(
            DeadlineStatus.Open, d, left, null,
            $"{Text.Number(left)} days are left (deadline {on}). That is time to negotiate; if you need longer, ask early rather than on the last day.");
    }
}
