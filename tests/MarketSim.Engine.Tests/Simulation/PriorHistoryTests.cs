using MarketSim.Engine.Contracts;
using MarketSim.Engine.Simulation;

namespace MarketSim.Engine.Tests.Simulation;

public sealed class PriorHistoryTests
{
    [Fact]
    public void A_prior_return_gives_participants_a_log_linear_history_ending_at_the_opening_price()
    {
        var small = TestMarkets.Small();
        var scenario = small with { Instruments = [small.Instruments[0] with { PriorReturn = 0.05 }] };
        var layout = new MarketLayout(scenario);

        var closes = new TickCycle(layout, new DirectMarket(layout)).Snapshot.Books[0].Closes;

        Assert.Equal(layout.HistoryLength, closes.Length);
        Assert.Equal(100_000, closes[^1]);
        Assert.Equal(Math.Round(100_000 / 1.05), closes[0]);
        var middle = closes.Length / 2;
        Assert.Equal(100_000 / 1.05 * Math.Pow(1.05, middle / (double)(closes.Length - 1)), closes[middle], 0);
        Assert.True(closes.Zip(closes.Skip(1)).All(pair => pair.First <= pair.Second));
    }

    [Fact]
    public void Without_a_prior_return_the_history_is_flat()
    {
        var layout = new MarketLayout(TestMarkets.Small());

        var closes = new TickCycle(layout, new DirectMarket(layout)).Snapshot.Books[0].Closes;

        Assert.All(closes, close => Assert.Equal(100_000, close));
    }
}
