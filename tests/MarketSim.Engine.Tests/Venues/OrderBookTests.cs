using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Venues;

namespace MarketSim.Engine.Tests.Venues;

public sealed class OrderBookTests
{
    private readonly List<Execution> _trades = [];
    private readonly OrderBook _book;

    public OrderBookTests()
    {
        var instrument = new InstrumentSpec("X", 1m, 1m, 100m).ToInstrument(0);
        _book = new OrderBook(instrument, new Recorder(_trades));
    }

    [Fact]
    public void Better_price_fills_first_then_earlier_order_at_the_same_price()
    {
        Limit(owner: 1, Side.Sell, price: 101, quantity: 5);
        Limit(owner: 2, Side.Sell, price: 100, quantity: 5);
        Limit(owner: 3, Side.Sell, price: 100, quantity: 5);

        Market(owner: 9, Side.Buy, quantity: 12);

        Assert.Equal(
            [(2L, 100L, 5L), (3L, 100L, 5L), (1L, 101L, 2L)],
            _trades.Select(t => (t.Seller.Owner, t.Price, t.Quantity)).ToArray());
        Assert.Equal(101, _book.LastPrice);
        Assert.Equal(3, _book.QuantityAt(Side.Sell, 101));
    }

    [Fact]
    public void Limit_order_fills_partially_and_rests_the_remainder_at_its_limit()
    {
        Limit(owner: 1, Side.Sell, price: 100, quantity: 4);

        Limit(owner: 2, Side.Buy, price: 100, quantity: 10);

        Assert.Equal(4, Assert.Single(_trades).Quantity);
        Assert.Equal(100, _book.BestBid);
        Assert.Equal(6, _book.QuantityAt(Side.Buy, 100));
        Assert.Equal(0, _book.BestAsk);
    }

    [Fact]
    public void Limit_order_does_not_trade_through_its_limit()
    {
        Limit(owner: 1, Side.Sell, price: 102, quantity: 4);

        Limit(owner: 2, Side.Buy, price: 101, quantity: 4);

        Assert.Empty(_trades);
        Assert.Equal(101, _book.BestBid);
        Assert.Equal(102, _book.BestAsk);
    }

    [Fact]
    public void Market_order_walks_the_book_and_drops_what_it_cannot_fill()
    {
        Limit(owner: 1, Side.Buy, price: 99, quantity: 3);
        Limit(owner: 2, Side.Buy, price: 98, quantity: 3);
        Limit(owner: 3, Side.Buy, price: 95, quantity: 3);

        Market(owner: 9, Side.Sell, quantity: 20);

        Assert.Equal([99L, 98L, 95L], _trades.Select(t => t.Price).ToArray());
        Assert.Equal(9, _trades.Sum(t => t.Quantity));
        Assert.Equal(0, _book.BestBid);
        Assert.Equal(0, _book.RestingOrders);
        Assert.Equal(95, _book.LastPrice);
    }

    [Fact]
    public void A_price_band_stops_a_market_order_within_the_round_and_the_next_round_goes_further()
    {
        // Last price 100, band 3%: this round a market sell may trade down to 97, not at 95.
        var banded = new OrderBook(new InstrumentSpec("X", 1m, 1m, 100m).ToInstrument(0), new Recorder(_trades), priceBand: 0.03);
        foreach (var (owner, price) in new[] { (1L, 99L), (2L, 97L), (3L, 95L) })
        {
            banded.Submit(new IncomingOrder(owner, 0, Side.Buy, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodTillCancel, price, 0, 3));
        }

        banded.OpenRound();
        banded.Submit(new IncomingOrder(9, 0, Side.Sell, OrderType.Market, OrderOrigin.Liquidation, TimeInForce.GoodForTick, 0, 0, 20));
        Assert.Equal([99L, 97L], _trades.Select(t => t.Price).ToArray());
        Assert.Equal(95, banded.BestBid);

        // The next round's band opens at 97: 95 is within 3% of it.
        banded.OpenRound();
        banded.Submit(new IncomingOrder(9, 1, Side.Sell, OrderType.Market, OrderOrigin.Liquidation, TimeInForce.GoodForTick, 0, 0, 20));
        Assert.Equal([99L, 97L, 95L], _trades.Select(t => t.Price).ToArray());
    }

    [Fact]
    public void Trade_prints_at_the_resting_price()
    {
        Limit(owner: 1, Side.Sell, price: 100, quantity: 1);

        Limit(owner: 2, Side.Buy, price: 105, quantity: 1);

        Assert.Equal(100, Assert.Single(_trades).Price);
        Assert.Equal(Side.Buy, _trades[0].AggressorSide);
    }

    [Fact]
    public void Sell_stop_triggers_when_the_last_trade_reaches_it_and_not_before()
    {
        Limit(owner: 1, Side.Buy, price: 99, quantity: 1);
        Limit(owner: 2, Side.Buy, price: 97, quantity: 10);
        _book.Submit(new IncomingOrder(5, 0, Side.Sell, OrderType.Stop, OrderOrigin.StopLoss, TimeInForce.GoodTillCancel, 0, 98, 4));

        Market(owner: 9, Side.Sell, quantity: 1); // trades at 99: above the stop
        Assert.Equal(1, _book.PendingStops);
        Assert.Single(_trades);

        Market(owner: 9, Side.Sell, quantity: 1); // trades at 97: crosses 98, the stop sells 4 more at 97
        Assert.Equal(0, _book.PendingStops);
        var stopFill = _trades[^1];
        Assert.Equal((5L, 97L, 4L, OrderOrigin.StopLoss), (stopFill.Seller.Owner, stopFill.Price, stopFill.Quantity, stopFill.Seller.Origin));
        Assert.Equal(5, _book.QuantityAt(Side.Buy, 97));
    }

    [Fact]
    public void Stops_cascade_highest_first_as_each_one_moves_the_price()
    {
        Limit(owner: 1, Side.Buy, price: 99, quantity: 1);
        Limit(owner: 1, Side.Buy, price: 96, quantity: 1);
        Limit(owner: 1, Side.Buy, price: 93, quantity: 1);
        _book.Submit(new IncomingOrder(6, 0, Side.Sell, OrderType.Stop, OrderOrigin.StopLoss, TimeInForce.GoodTillCancel, 0, 95, 1));
        _book.Submit(new IncomingOrder(5, 0, Side.Sell, OrderType.Stop, OrderOrigin.StopLoss, TimeInForce.GoodTillCancel, 0, 98, 1));

        Market(owner: 9, Side.Sell, quantity: 1); // 99, no stop yet
        Market(owner: 9, Side.Sell, quantity: 1); // 96: sets off the 98 stop, which sells at 93 and sets off the 95 stop

        Assert.Equal([(9L, 99L), (9L, 96L), (5L, 93L)], _trades.Select(t => (t.Seller.Owner, t.Price)).ToArray());
        Assert.Equal(0, _book.PendingStops); // the 95 stop fired too, into an empty book
        Assert.Equal(0, _book.BestBid);
    }

    [Fact]
    public void Stop_limit_becomes_a_limit_order_at_its_limit_price()
    {
        Limit(owner: 1, Side.Sell, price: 101, quantity: 1);
        _book.Submit(new IncomingOrder(5, 0, Side.Buy, OrderType.StopLimit, OrderOrigin.Discretionary, TimeInForce.GoodTillCancel, 101, 101, 3));
        Assert.Equal(1, _book.PendingStops); // last trade 100 is below the buy stop

        Market(owner: 9, Side.Buy, quantity: 1); // 101 reaches the buy stop; limit 101 finds no more asks and rests

        Assert.Single(_trades);
        Assert.Equal(0, _book.PendingStops);
        Assert.Equal(3, _book.QuantityAt(Side.Buy, 101));
    }

    [Fact]
    public void Cancel_all_removes_only_that_owners_orders_and_stops()
    {
        Limit(owner: 1, Side.Buy, price: 99, quantity: 1);
        Limit(owner: 2, Side.Buy, price: 99, quantity: 2);
        Limit(owner: 1, Side.Sell, price: 101, quantity: 1);
        _book.Submit(new IncomingOrder(1, 0, Side.Sell, OrderType.Stop, OrderOrigin.StopLoss, TimeInForce.GoodTillCancel, 0, 90, 1));

        _book.CancelAll(1);

        Assert.Equal(2, _book.QuantityAt(Side.Buy, 99));
        Assert.Equal(0, _book.BestAsk);
        Assert.Equal(0, _book.PendingStops);
        Assert.Equal(1, _book.RestingOrders);
    }

    [Fact]
    public void Good_for_tick_orders_expire_and_good_till_cancel_orders_stay()
    {
        _book.Submit(new IncomingOrder(1, 0, Side.Buy, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, 99, 0, 1));
        Limit(owner: 2, Side.Buy, price: 98, quantity: 1);

        _book.ExpireGoodForTick();

        Assert.Equal(98, _book.BestBid);
        Assert.Equal(1, _book.RestingOrders);
    }

    [Fact]
    public void Depth_counts_lots_inside_a_price_band()
    {
        Limit(owner: 1, Side.Buy, price: 99, quantity: 2);
        Limit(owner: 1, Side.Buy, price: 97, quantity: 3);
        Limit(owner: 1, Side.Buy, price: 90, quantity: 4);

        Assert.Equal(5, _book.Depth(Side.Buy, 95, 100));
        Assert.Equal(9, _book.Depth(Side.Buy, 80, 100));
    }

    private void Limit(long owner, Side side, long price, long quantity) =>
        _book.Submit(new IncomingOrder(owner, 0, side, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodTillCancel, price, 0, quantity));

    private void Market(long owner, Side side, long quantity) =>
        _book.Submit(new IncomingOrder(owner, 0, side, OrderType.Market, OrderOrigin.Discretionary, TimeInForce.GoodForTick, 0, 0, quantity));

    private sealed class Recorder(List<Execution> trades) : IExecutionListener
    {
        public void OnExecution(OrderBook book, in Execution execution) => trades.Add(execution);
    }
}
