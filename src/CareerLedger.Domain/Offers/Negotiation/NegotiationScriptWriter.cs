namespace CareerLedger.Domain.Offers.Negotiation;

/// <summary>
/// Writes the e-mail and phone scripts from the plan's data. Rules (docs/domain.md, "Offers and negotiation"): thank them and
/// show enthusiasm; cite a competing offer concretely, rounded down so it is never inflated, and only when it pays more;
/// ask for the top three asks by name; without a competing offer, state no figure at all and ask for the budgeted range.
/// </summary>
internal static class NegotiationScriptWriter
{
    private const int ScriptAsks = 3;

    public static NegotiationScripts Write(OfferSnapshot target, Leverage leverage, IReadOnlyList<Ask> asks, DeadlineAdvice deadline)
    {
        var terms = target.Terms;
        var currency = target.Comp.Currency;
        var company = terms.Company;
        var role = terms.Role;
        var closing = DeadlineLine(deadline);

        // Which competing offer to cite with figures: the best over four years when it pays more, else the best first year.
        var cited = leverage.FourYearGap > 0 ? leverage.BestByFourYear : leverage.FirstYearGap > 0 ? leverage.BestByFirstYear : null;
        var anyCompetitor = leverage.BestByFourYear;
        var phrases = anyCompetitor is null ? [] : asks.Take(ScriptAsks).Select(a => Phrase(a, currency, leverage)).ToList();

        var opening = $"Thank you for the offer for the {role} role at {company}. I'm excited about the team and the work, and I would like to find a way to make this happen.";
        string emailMiddle;
        string phoneMiddle;
        if (anyCompetitor is null)
        {
            var extras = new List<string>();
            if (asks.Any(a => a.Component == AskComponent.Level))
            {
                extras.Add("I'd like to talk about the level too, as it is below the one I hold today.");
            }

            if (asks.Any(a => a.Component == AskComponent.StartDate))
            {
                extras.Add("A slightly later start date would also help me give proper notice.");
            }

            emailMiddle = "Before I respond, I'd like to understand the package better. Could you share the range budgeted for this level, and where this offer sits in it? "
                + "I'd also like to know which parts have room to move: the sign-on bonus, the equity grant or the base salary."
                + (extras.Count > 0 ? " " + string.Join(' ', extras) : "");
            phoneMiddle = "[Ask] Before we talk numbers, could you share the range budgeted for this level, and where this offer sits in it?\n"
                + "[If they ask for your number] I'd rather hear what you have budgeted first. I'm sure we can find something that works for both of us.\n"
                + "[Then] Which parts of the package have room to move: the sign-on bonus, the equity or the base salary?\n"
                + "[Pause. Let them answer first, and don't fill the silence.]\n";
        }
        else
        {
            var cite = cited is null
                ? $"I'm also considering an offer from {anyCompetitor.Company}, and before I decide I'd like to see whether parts of this package can move."
                : $"To be open with you: I also have an offer from {cited.Company}, worth about {Cite(cited.FirstYearTotal, currency)} in the first year and {Cite(cited.FourYearTotal, currency)} over four years.";
            var request = phrases.Count == 0
                ? "Is there room on the sign-on bonus or the equity grant, and what range is budgeted for this level?"
                : (cited is null ? "Specifically, I'm asking for:" : "Could you help me close that gap? Specifically, I'm asking for:")
                  + "\n" + string.Join('\n', phrases.Select(p => "- " + p));
            emailMiddle = cite + "\n\n" + request;
            phoneMiddle = $"[Mention the other offer] {cite}\n"
                + (phrases.Count == 0
                    ? $"[Ask] {request}\n"
                    : $"[Ask] I would like to make {company} work, so I'm asking for {JoinAnd(phrases)}. Is that possible?\n")
                + "[Pause. Let them answer first, and don't fill the silence.]\n"
                + "[If they say no] I understand. Which parts of the package do have room to move?\n";
        }

        var email = $"Hello,\n\n{opening}\n\n{emailMiddle}\n\n{(closing.Length > 0 ? closing + " " : "")}I'm happy to talk it through on a call if that is easier.\n\n"
            + "Thank you again. I look forward to hearing from you.\n\nBest regards";
        var phone = $"[Open] Thank you again for the offer. I'm excited about {company} and the {role} role.\n"
            + phoneMiddle
            + $"[Close] {(closing.Length > 0 ? closing + " " : "")}What are the next steps on your side?";
        var subject = anyCompetitor is null ? $"{role} offer: questions about the package" : $"{role} offer: a few requests";
        return new NegotiationScripts(subject, email, phone);
    }

    private static string DeadlineLine(DeadlineAdvice deadline) => deadline.Status switch
    {
        DeadlineStatus.Near => $"As I'm still weighing my options, could I have until {NegotiationPlanner.Day(deadline.AskExtensionTo!.Value)} to give you my answer?",
        DeadlineStatus.NotSet => "Could you also tell me when you need my answer?",
        DeadlineStatus.Passed => "Could you also confirm that the offer is still open?",
        _ => "",
    };

    private static string Phrase(Ask ask, string currency, Leverage leverage) => ask.Component switch
    {
        AskComponent.SignOn => $"a sign-on bonus of {NegotiationPlanner.Money(ask.Target, currency)}",
        AskComponent.Equity => $"{NegotiationPlanner.Money(ask.Target - ask.From, currency)} more in equity over the four years of vesting",
        AskComponent.Base => $"a base salary of {NegotiationPlanner.Money(ask.Target, currency)}",
        AskComponent.Level => leverage.HigherLevel is { } h ? $"the {h.LevelLabel} level that {h.Company} offered" : "the level I hold today",
        AskComponent.Bonus => $"a bonus target of {Common.Text.Number(ask.Target)} %",
        AskComponent.StartDate => $"a start date of {NegotiationPlanner.Day(DateOnly.FromDayNumber((int)ask.Target))}",
        AskComponent.Remote => $"{NegotiationPlanner.Describe((RemotePolicy)(int)ask.Target)} work",
        AskComponent.Pto => $"{Common.Text.Number(ask.Target)} paid days off a year",
        _ => ask.Text,
    };

    /// <summary>A competing figure rounded down to a whole thousand, so the citation never overstates it.</summary>
    private static string Cite(decimal value, string currency) =>
        NegotiationPlanner.Money(value >= 1000 ? Math.Floor(value / 1000) * 1000 : Math.Floor(value), currency);

    private static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
