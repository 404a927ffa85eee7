using MarketSim.Engine.Metrics;

namespace MarketSim.Engine.Tests.Metrics;

public sealed class VolatilityIndexTests
{
    [Fact]
    public void Realized_and_implied_follow_their_definitions()
    {
        // 1 tick a year keeps the annualization at × 100 (percent).
        var index = new VolatilityIndex(ticksPerYear: 1);
        double[] closes = [100, 101, 99, 102];
        foreach (var close in closes)
        {
            index.Add(close);
        }

        var r = new[] { Math.Log(101 / 100.0), Math.Log(99 / 101.0), Math.Log(102 / 99.0) };
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.StandardDeviation(r) * 100, index.Realized, 10);

        // EWMA: seeded with the first squared return, then λ = 0.94.
        var variance = r[0] * r[0];
        variance = (0.94 * variance) + (0.06 * r[1] * r[1]);
        variance = (0.94 * variance) + (0.06 * r[2] * r[2]);
        Assert.Equal(Math.Sqrt(variance) * 100, index.Implied, 10);
        Assert.True(index.VolOfVol > 0);
    }

    [Fact]
    public void A_flat_price_has_no_volatility()
    {
        var index = new VolatilityIndex(ticksPerYear: 252 * 24);
        for (var i = 0; i < 30; i++)
        {
            index.Add(100);
        }

        Assert.Equal((0.0, 0.0, 0.0), (index.Realized, index.Implied, index.VolOfVol));
    }
}
