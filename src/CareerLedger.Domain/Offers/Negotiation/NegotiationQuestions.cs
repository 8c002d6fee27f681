using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Offers.Negotiation;

/// <summary>
/// The questions to ask about an offer (docs/domain.md, "Offers and negotiation"): general ones always; equity questions for
/// a startup (stock options, or a company that is not public); and a question for each thing the terms leave out that is
/// needed to value the offer.
/// </summary>
public static class NegotiationQuestions
{
    /// <summary>
    /// Whether <paramref name="terms"/> need the startup questions: the grant is stock options, or the company's stage is
    /// known and is not public.
    /// </summary>
    /// <param name="terms">The offer's terms.</param>
    /// <returns>True for a startup offer.</returns>
    public static bool IsStartup(OfferTerms terms) =>
        terms.Equity?.Kind == EquityKind.Options || (terms.Stage is { } stage && stage != CompanyStage.Public);

    /// <summary>The questions for one offer: general first, then equity, then other missing data.</summary>
    /// <param name="terms">The offer's terms.</param>
    /// <returns>The questions, each with a stable key.</returns>
    public static IReadOnlyList<NegotiationQuestion> For(OfferTerms terms)
    {
        var q = new List<NegotiationQuestion>();
        void General(string key, string text) => q.Add(new(key, QuestionKind.General, text));
        void Missing(string key, string text) => q.Add(new(key, QuestionKind.MissingData, text));
        void Startup(string key, string text) => q.Add(new(key, QuestionKind.Startup, text));

        General("budgeted_range", "What range is budgeted for this level, and where in it does this offer sit?");
        General("level_criteria", "How was the level decided, and what would it take to start one level higher?");
        General("first_review", "When is the first compensation review, and how are raises and refresher grants decided?");
        if (terms.BonusTargetPercent > 0)
        {
            General("bonus_payout", "How has the bonus paid out against its target over the last few years?");
        }

        if (terms.SignOn.Any(s => s.ClawbackMonths > 0))
        {
            General("sign_on_clawback", "If I left early, how much of the sign-on bonus would I repay: all of it, or a prorated part?");
        }

        var equity = terms.Equity;
        var startup = IsStartup(terms);
        if (equity is null && startup)
        {
            Missing("equity_grant", "Does the offer include equity? If so, how many shares or options, and on what vesting schedule?");
        }

        if (equity is not null && terms.Stage is null)
        {
            Missing("company_stage", "Is the company public? If not, when was the last funding round, and at what valuation?");
        }

        if (equity is { Kind: EquityKind.Rsu } rsu && rsu.GrantValue is null && (rsu.Shares is null || rsu.SharePrice is null))
        {
            Missing("rsu_value", "How many units does the grant have, and which share price was used to value it?");
        }

        if (equity is { Kind: EquityKind.Options } options)
        {
            if (options.FairMarketValue is null || options.StrikePrice is null)
            {
                Missing("409a", "What is the latest 409A value per common share, and what will my strike price be?");
            }
            else
            {
                Startup("409a", $"Is the 409A value of {Text.Number(options.FairMarketValue.Value)} per share current, and when is the next valuation due?");
            }

            if (options.ExerciseWindowDays is { } days)
            {
                Startup("exercise_window", $"Could the {Text.Number(days)}-day window to exercise after leaving be extended, for example to several years?");
            }
            else
            {
                Missing("exercise_window", "How long would I have to exercise vested options after I leave?");
            }

            if (options.OptionType is null)
            {
                Missing("option_type", "Are the options ISOs or NSOs, and may I exercise early (with an 83(b) election)?");
            }
            else
            {
                Startup("early_exercise", "May I exercise early (with an 83(b) election)?");
            }
        }

        if (equity is not null && startup)
        {
            if (equity.FullyDilutedShares is { } fd)
            {
                Startup("fully_diluted_shares", $"Does the fully diluted count of {Text.Number(fd)} shares include the whole option pool and any round in progress?");
            }
            else
            {
                Missing("fully_diluted_shares", "How many shares are outstanding on a fully diluted basis, so I can work out my ownership percentage?");
            }

            if (equity.PreferredPrice is null)
            {
                Missing("preferred_price", "What price per preferred share did investors pay in the last round?");
            }

            if (equity.LiquidationPreference is null)
            {
                Missing("liquidation_preference", "How much liquidation preference sits ahead of common stock, at what multiple, and is any of it participating?");
            }
            else
            {
                Startup("liquidation_preference", "At what multiple is the liquidation preference, and is any of it participating?");
            }

            Startup("anti_dilution", "What anti-dilution protection do the investors hold?");
            Startup("liquidity", "Have employees been able to sell shares before an exit, for example in a tender offer?");
        }

        if (equity is not null && terms.Refresher is null)
        {
            var text = "Are refresher grants given, and how large are they typically at this level?";
            if (startup)
            {
                Startup("refresh_policy", text);
            }
            else
            {
                Missing("refresh_policy", text);
            }
        }

        if (terms.Remote is null)
        {
            Missing("remote_policy", "What is the remote-work policy for this role: how many days a week in the office?");
        }

        if (terms.PtoDays is null)
        {
            Missing("pto_days", "How many paid days off a year come with the role?");
        }

        if (terms.RetirementMatchPercent is null)
        {
            Missing("retirement_match", "Is there a retirement (401(k) or pension) match, and how much is it?");
        }

        return q;
    }
}
