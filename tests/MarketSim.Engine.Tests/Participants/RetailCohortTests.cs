using MarketSim.Engine.Markets;
using MarketSim.Engine.Participants.Retail;

namespace MarketSim.Engine.Tests.Participants;

public sealed class RetailCohortTests
{
    [Fact]
    public void Agents_start_with_their_cost_basis_at_the_opening_price()
    {
        var cohort = Cohort();

        for (var i = 0; i < cohort.Count; i++)
        {
            Assert.Equal(cohort.UnitsOf(i) * 100_000L * 1_000, cohort.CostOf(i));
        }
    }

    [Fact]
    public void Round_number_stops_sit_on_the_grid_and_below_cost()
    {
        var cohort = Cohort();
        var stops = Enumerable.Range(0, cohort.Count).Select(cohort.StopOf).Where(s => s > 0).ToArray();

        Assert.NotEmpty(stops);
        Assert.All(stops, s => Assert.True(s < 100_000 && s >= 100_000 * (1 - 0.08) - 1_000));
        var onGrid = stops.Count(s => s % 1_000 == 0) / (double)stops.Length;
        Assert.InRange(onGrid, 0.5, 0.75); // 60% think in round numbers; the rest land on the grid by chance
    }

    [Fact]
    public void Capital_is_heavy_tailed()
    {
        var cohort = Cohort(10_000);
        var wealth = Enumerable.Range(0, cohort.Count).Select(i => (double)cohort.CashOf(i) + (cohort.UnitsOf(i) * 100_000L * 1_000)).OrderDescending().ToArray();

        // Pareto with alpha 1.5: the top 1% hold far more than 1% of the wealth.
        var topShare = wealth.Take(cohort.Count / 100).Sum() / wealth.Sum();
        Assert.InRange(topShare, 0.08, 0.5);
    }

    private static RetailCohort Cohort(int count = 2_000)
    {
        var layout = new MarketLayout(TestMarkets.Small(retail: count, cohortSize: count));
        return new RetailCohort(layout, layout.Participants[0]);
    }
}
