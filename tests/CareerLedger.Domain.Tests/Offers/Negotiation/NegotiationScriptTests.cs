using System.Text.RegularExpressions;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Negotiation;
using static CareerLedger.Domain.Tests.Offers.Negotiation.NegotiationFixtures;

namespace CareerLedger.Domain.Tests.Offers.Negotiation;

public sealed class NegotiationScriptTests
{
    [Fact]
    public void scripts_cite_the_competing_company_with_its_real_figures_and_ask_for_the_top_asks()
    {
        var plan = NegotiationPlanner.Plan(Input(Northwind(), [Beacon(rank: 6)]));

        foreach (var script in new[] { plan.Scripts.Email, plan.Scripts.Phone })
        {
            script.ShouldContain("Beacon");
            script.ShouldContain("401,000 USD"); // Beacon's first year, not rounded up
            script.ShouldContain("1,454,000 USD"); // Beacon's four years
            script.ShouldContain("a sign-on bonus of 70,000 USD");
            script.ShouldContain("60,000 USD more in equity");
            script.ShouldContain("Northwind");
            Words(script).ShouldBeInRange(80, 180);
        }
    }

    [Fact]
    public void a_competing_figure_is_rounded_down_never_up()
    {
        // Competitor year 1 = 300,999 + 0 → cited as "about 300,000", four years 1,203,996 → "1,203,000".
        var rival = Offer("Beacon", 300_999);
        var target = Offer("Northwind", 250_000);

        var email = NegotiationPlanner.Plan(Input(target, [rival])).Scripts.Email;

        email.ShouldContain("about 300,000 USD in the first year and 1,203,000 USD over four years");
    }

    [Fact]
    public void without_a_competing_offer_the_scripts_state_no_number_and_ask_for_the_range()
    {
        var target = Offer("Northwind", 250_000, equityByYear: [50_000, 50_000, 50_000, 50_000]);

        var plan = NegotiationPlanner.Plan(Input(target, current: new CurrentJob(301_000)));

        plan.Asks.ShouldNotBeEmpty(); // the user still sees targets…
        foreach (var script in new[] { plan.Scripts.Email, plan.Scripts.Phone })
        {
            Regex.IsMatch(script, @"\d").ShouldBeFalse(script); // …but the scripts never name a number first
            script.ShouldContain("range budgeted for this level");
            Words(script).ShouldBeInRange(80, 180);
        }

        plan.Scripts.Phone.ShouldContain("I'd rather hear what you have budgeted first");
    }

    [Fact]
    public void a_competitor_that_pays_less_is_named_without_figures()
    {
        var target = Offer("Northwind", 250_000, equityByYear: [100_000, 100_000, 100_000, 100_000], rank: 5);
        var rival = Offer("Beacon", 200_000, rank: 6, levelLabel: "Staff");

        var plan = NegotiationPlanner.Plan(Input(target, [rival]));

        plan.Scripts.Email.ShouldContain("considering an offer from Beacon");
        plan.Scripts.Email.ShouldNotContain("200,000");
        plan.Scripts.Email.ShouldContain("the Staff level that Beacon offered");
        Words(plan.Scripts.Email).ShouldBeInRange(80, 180);
        Words(plan.Scripts.Phone).ShouldBeInRange(80, 180);
    }
}
