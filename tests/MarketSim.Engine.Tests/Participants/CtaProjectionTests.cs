using MarketSim.Engine.Participants.Institutions;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.Participants;

public sealed class CtaProjectionTests
{
    private static readonly CtaSpec Cta = new("cta", "spot", "X", Capital: 1e9, Lookbacks: [5, 20, 60], VolatilityLookback: 20, TargetVolatility: 0.01, MaxLeverage: 1, RebalanceThreshold: 0.1, MaxSlippageBps: 50);
    private static readonly ProjectionPath[] Paths = [new("up", 0.1), new("flat", 0), new("down", -0.1)];

    [Fact]
    public void After_a_long_fall_the_book_is_fully_short_and_stays_short_in_the_flat_and_down_paths()
    {
        var projections = CtaProjection.Project(Cta, 100, historyReturn: -0.2, volatility: 0.002, horizon: 10, Paths);

        Assert.All(projections, p => Assert.Equal(-1, p.StartExposure));
        Assert.Equal(-1, projections.Single(p => p.Path == "down").EndExposure);
        Assert.Equal(-1, projections.Single(p => p.Path == "flat").EndExposure);
        Assert.True(projections.Single(p => p.Path == "up").NetFlow > 0, "a rally makes the short book buy back");
    }

    [Fact]
    public void From_a_flat_market_the_down_path_sells_and_the_up_path_buys()
    {
        var projections = CtaProjection.Project(Cta, 100, historyReturn: 0, volatility: 0.002, horizon: 60, Paths);

        var down = projections.Single(p => p.Path == "down");
        Assert.True(down.NetFlow < 0, string.Join("; ", projections));
        Assert.Equal(-1, down.EndExposure);
        Assert.Equal(-down.NetFlow, (down.StartExposure - down.EndExposure) * Cta.Capital, 3);
        Assert.True(projections.Single(p => p.Path == "up").NetFlow > 0);
    }
}
