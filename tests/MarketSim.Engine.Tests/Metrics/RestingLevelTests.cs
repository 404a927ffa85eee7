using MarketSim.Engine.Contracts;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.Metrics;

/// <summary>Armed stops and liquidation prices, binned on the trigger grid within the resting window.</summary>
public sealed class RestingLevelTests
{
    // BTC at 100,000, tick 1: trigger bins of 500; the default window is 10% either way of the close.
    private static readonly MarketLayout Layout = new(TestMarkets.Small());

    [Fact]
    public void Stops_and_liquidation_prices_land_in_their_bins_and_far_ones_are_left_out()
    {
        var recorder = new RestingLevelRecorder(Layout);
        Assert.Equal((180L, 220L), recorder.Window(0, 100_000));

        var window = recorder.Open(0, 100_000);
        window.Stop(97_250, 3);
        window.Stop(97_499, 2);
        window.Stop(89_999, 50);         // more than 10% below: left out
        window.Stop(0, 7);               // no stop
        window.Liquidation(109_999, 4);
        window.Liquidation(110_000, 1);  // the last bin of the window starts at 110,000
        window.Liquidation(110_500, 9);  // beyond it
        recorder.Flush(window);

        Assert.Equal(
            [new RestingLevel(0, 194, 2, 5, 0, 0), new RestingLevel(0, 219, 0, 0, 1, 4), new RestingLevel(0, 220, 0, 0, 1, 1)],
            recorder.Build());
    }

    [Fact]
    public void Levels_add_up_level_by_level()
    {
        IReadOnlyList<RestingLevel> a = [new(0, 190, 1, 10, 0, 0), new(0, 195, 2, 20, 1, 5), new(1, 190, 1, 1, 0, 0)];
        IReadOnlyList<RestingLevel> b = [new(0, 195, 3, 30, 0, 0), new(0, 196, 0, 0, 2, 8)];

        Assert.Equal(
            [new RestingLevel(0, 190, 1, 10, 0, 0), new RestingLevel(0, 195, 5, 50, 1, 5), new RestingLevel(0, 196, 0, 0, 2, 8), new RestingLevel(1, 190, 1, 1, 0, 0)],
            RestingLevel.Add(a, b));
        Assert.Equal(RestingLevel.Add(a, b), RestingLevel.Add(b, a));
    }

    [Fact]
    public void A_window_of_zero_records_nothing()
    {
        var layout = new MarketLayout(TestMarkets.Small() with { Metrics = MetricsSpec.Default with { RestingWindow = 0 } });

        Assert.False(new RestingLevelRecorder(layout).IsOn);
    }
}
