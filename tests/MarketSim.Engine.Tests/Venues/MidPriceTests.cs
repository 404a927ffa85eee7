using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Venues;

namespace MarketSim.Engine.Tests.Venues;

/// <summary>
/// The close's mid on a BTC book with a tick of 1 that starts at 100,000: exact on half ticks, the last
/// two-sided mid while a side is empty, the close before the book ever had both sides.
/// </summary>
public sealed class MidPriceTests
{
    private readonly Venue _venue;
    private readonly OrderBatchBuilder _orders = new();
    private long _tick;

    public MidPriceTests()
    {
        var scenario = TestMarkets.Small() with { Retail = TestMarkets.Small().Retail with { Count = 0 }, MarketMakers = [], Funds = [] };
        _venue = new Venue(new MarketLayout(scenario), 0);
    }

    [Fact]
    public void A_book_that_never_had_both_sides_reports_its_close()
    {
        Assert.Equal(2 * 100_000, CloseTick().MidHalfTicks);

        Order(owner: 1, Side.Buy, 99_990, clientSeq: 0);
        Assert.Equal(2 * 100_000, CloseTick().MidHalfTicks);
    }

    [Fact]
    public void The_mid_is_half_the_sum_of_the_best_quotes_to_the_half_tick()
    {
        Order(owner: 1, Side.Buy, 99_990, clientSeq: 0);
        Order(owner: 1, Side.Buy, 99_980, clientSeq: 1);
        Order(owner: 2, Side.Sell, 100_005, clientSeq: 0);

        // (99,990 + 100,005) / 2 = 99,997.5: 199,995 half ticks.
        Assert.Equal(199_995, CloseTick().MidHalfTicks);
    }

    [Fact]
    public void An_empty_side_keeps_the_last_two_sided_mid()
    {
        Order(owner: 1, Side.Buy, 99_990, clientSeq: 0);
        Order(owner: 2, Side.Sell, 100_005, clientSeq: 0);
        CloseTick();

        // A buyer lifts the only ask at 100,005: the close moves, the book has no ask, the mid stays 99,997.5.
        _orders.Add(3, 0, Side.Buy, OrderType.Market, OrderOrigin.Discretionary, TimeInForce.GoodForTick, 0, 0, 1);
        _venue.Submit(endpoint: 1, _orders.Build());
        var bar = CloseTick();

        Assert.Equal((100_005, 0L), (bar.Close, bar.BestAsk));
        Assert.Equal(199_995, bar.MidHalfTicks);

        Order(owner: 2, Side.Sell, 100_020, clientSeq: 1);
        Assert.Equal(99_990 + 100_020, CloseTick().MidHalfTicks);
    }

    private void Order(long owner, Side side, long price, int clientSeq)
    {
        _orders.Add(owner, clientSeq, side, OrderType.Limit, OrderOrigin.Quote, TimeInForce.GoodTillCancel, 0, price, 1);
        _venue.Submit(endpoint: 1, _orders.Build());
    }

    private BookBar CloseTick()
    {
        _venue.Clear(_tick, 0);
        return _venue.CloseTick(_tick++).Bars.Single();
    }
}
