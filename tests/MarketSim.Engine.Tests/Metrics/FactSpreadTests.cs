using MarketSim.Engine.Metrics;

namespace MarketSim.Engine.Tests.Metrics;

public sealed class FactSpreadTests
{
    [Fact]
    public void The_spread_is_the_median_and_range_of_the_finite_values()
    {
        Assert.Equal(new FactSpread(2.5, 1, 4, 4), FactSpread.Of([4, double.NaN, 1, 3, 2]));
        Assert.Equal(0, FactSpread.Of([double.NaN]).Count);
    }
}
