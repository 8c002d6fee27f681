using Xunit.Abstractions;
using CareerLedger.Domain.Stories;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Stories;

public sealed class StoryRankerPersonaTests(ITestOutputHelper output)
{
    [Fact]
    public void print_ranks()
    {
        var wins = PersonaYear.All.Select(d => Win(d)).ToList();
        var ranking = StoryRanker.Rank(wins, Today, 50);
        foreach (var r in ranking.Top)
        {
            output.WriteLine($"{r.Rank,2} {r.Score,5} {r.Breakdown.Impact,5} {r.Title}");
        }
        PersonaYear.All.Count.ShouldBe(36);
    }
}
