using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Negotiation;
using static CareerLedger.Domain.Tests.Offers.Negotiation.NegotiationFixtures;

namespace CareerLedger.Domain.Tests.Offers.Negotiation;

public sealed class NegotiationDeadlineTests
{
    [Fact]
    public void a_deadline_in_two_days_means_asking_for_about_a_week_more_now()
    {
        // 10 March → 12 March = 2 days ≤ 3 → near; extension to 12 + 7 = 19 March.
        var plan = NegotiationPlanner.Plan(Input(Northwind(deadline: new DateOnly(2026, 3, 12)), [Beacon()]));

        var d = plan.Deadline;
        (d.Status, d.DaysLeft, d.AskExtensionTo).ShouldBe((DeadlineStatus.Near, 2, new DateOnly(2026, 3, 19)));
        d.Advice.ShouldContain("extension");
        plan.Scripts.Email.ShouldContain("19 March 2026");
        plan.Scripts.Phone.ShouldContain("19 March 2026");
    }

    [Fact]
    public void no_deadline_means_asking_when_they_need_an_answer()
    {
        var plan = NegotiationPlanner.Plan(Input(Northwind(), [Beacon()]));

        (plan.Deadline.Status, plan.Deadline.DaysLeft, plan.Deadline.AskExtensionTo).ShouldBe((DeadlineStatus.NotSet, (int?)null, (DateOnly?)null));
        plan.Deadline.Advice.ShouldContain("Ask when they need your answer");
        plan.Scripts.Email.ShouldContain("when you need my answer");
    }

    [Theory]
    [InlineData(2026, 3, 9, DeadlineStatus.Passed, -1)]
    [InlineData(2026, 3, 10, DeadlineStatus.Near, 0)]
    [InlineData(2026, 3, 13, DeadlineStatus.Near, 3)]
    [InlineData(2026, 3, 14, DeadlineStatus.Open, 4)]
    public void the_deadline_status_follows_the_days_left(int year, int month, int day, DeadlineStatus status, int daysLeft)
    {
        var d = NegotiationPlanner.Deadline(new DateOnly(year, month, day), Today);

        (d.Status, d.DaysLeft).ShouldBe((status, daysLeft));
        if (status == DeadlineStatus.Passed)
        {
            d.Advice.ShouldContain("still open");
        }
    }
}
