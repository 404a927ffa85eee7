using MarketSim.Engine.Orders;

namespace MarketSim.Engine.Tests.Venues;

/// <summary>
/// The venue's counts of one book's tick (<c>orders</c>, <c>cancels</c>, <c>stop_triggers</c>, <c>taker_net</c>),
/// on a book with a tick of 1 and lots of 0.001 that starts at 100,000.
/// </summary>
public sealed class VenueCountsTests
{
    private readonly SingleBookVenue _venue = new();

    [Fact]
    public void Every_order_that_reaches_the_book_counts_and_a_cancel_counts_what_it_removed()
    {
        _venue.Add(1, 0, Side.Buy, OrderType.Limit, price: 99_990, quantity: 1);
        _venue.Add(1, 1, Side.Buy, OrderType.Limit, price: 99_980, quantity: 1);
        _venue.Add(2, 0, Side.Sell, OrderType.Limit, price: 100_010, quantity: 1);
        _venue.Submit();
        var placed = _venue.CloseTick();
        Assert.Equal((3L, 0L), (placed.Orders, placed.Cancels));

        // Cancels clear first (band 0): owner 1's two bids go before the market sell, which finds no bid.
        _venue.Add(3, 0, Side.Sell, OrderType.Market, price: 0, quantity: 1);
        _venue.CancelAll(owner: 1, seq: 2);
        _venue.Submit();
        var bar = _venue.CloseTick();

        Assert.Equal((1L, 2L, 0L, 0L), (bar.Orders, bar.Cancels, bar.Trades, bar.TakerNet));
    }

    [Fact]
    public void The_taker_side_nets_bought_against_sold_lots()
    {
        _venue.Add(1, 0, Side.Buy, OrderType.Limit, price: 99_990, quantity: 5, OrderOrigin.Quote);
        _venue.Add(2, 0, Side.Sell, OrderType.Limit, price: 100_010, quantity: 5, OrderOrigin.Quote);
        _venue.Add(3, 0, Side.Buy, OrderType.Market, price: 0, quantity: 3);
        _venue.Add(4, 0, Side.Sell, OrderType.Market, price: 0, quantity: 1);
        _venue.Submit();

        var bar = _venue.CloseTick();

        Assert.Equal((2L, 3L - 1L), (bar.Trades, bar.TakerNet));
        var quiet = _venue.CloseTick();
        Assert.Equal((0L, 0L, 0L), (quiet.Orders, quiet.TakerNet, quiet.Cancels));
    }

    [Fact]
    public void A_stop_counts_when_it_fires_on_the_book_or_when_an_agent_sends_its_stop_loss()
    {
        _venue.Add(1, 0, Side.Buy, OrderType.Limit, price: 99_990, quantity: 5, OrderOrigin.Quote);
        _venue.Add(5, 0, Side.Sell, OrderType.Stop, price: 0, quantity: 1, OrderOrigin.StopLoss, stopPrice: 99_995);
        _venue.Add(6, 0, Side.Sell, OrderType.Stop, price: 0, quantity: 1, stopPrice: 99_000);
        _venue.Submit();
        var resting = _venue.CloseTick();
        Assert.Equal((3L, 0L), (resting.Orders, resting.StopTriggers));

        // A sale at 99,990 reaches owner 5's stop (99,995) but not owner 6's (99,000); owner 7's stop-loss was fired by the agent.
        _venue.Add(4, 0, Side.Sell, OrderType.Market, price: 0, quantity: 1);
        _venue.Add(7, 0, Side.Sell, OrderType.Market, price: 0, quantity: 1, OrderOrigin.StopLoss, stopPrice: 99_995);
        _venue.Submit();
        var bar = _venue.CloseTick();

        Assert.Equal((2L, 2L, 3L), (bar.Orders, bar.StopTriggers, bar.Trades));
    }
}
