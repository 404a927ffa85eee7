using MarketSim.Engine.Orders;

namespace MarketSim.Engine.Tests.Venues;

/// <summary>
/// The close's mid on a book with a tick of 1 that starts at 100,000: exact on half ticks, the last
/// two-sided mid while a side is empty, the close before the book ever had both sides.
/// </summary>
public sealed class MidPriceTests
{
    private readonly SingleBookVenue _venue = new();

    [Fact]
    public void A_book_that_never_had_both_sides_reports_its_close()
    {
        Assert.Equal(2 * 100_000, _venue.CloseTick().MidHalfTicks);

        Quote(owner: 1, Side.Buy, 99_990, seq: 0);
        Assert.Equal(2 * 100_000, _venue.CloseTick().MidHalfTicks);
    }

    [Fact]
    public void The_mid_is_half_the_sum_of_the_best_quotes_to_the_half_tick()
    {
        Quote(owner: 1, Side.Buy, 99_990, seq: 0);
        Quote(owner: 1, Side.Buy, 99_980, seq: 1);
        Quote(owner: 2, Side.Sell, 100_005, seq: 0);

        // (99,990 + 100,005) / 2 = 99,997.5: 199,995 half ticks.
        Assert.Equal(199_995, _venue.CloseTick().MidHalfTicks);
    }

    [Fact]
    public void An_empty_side_keeps_the_last_two_sided_mid()
    {
        Quote(owner: 1, Side.Buy, 99_990, seq: 0);
        Quote(owner: 2, Side.Sell, 100_005, seq: 0);
        _venue.CloseTick();

        // A buyer lifts the only ask at 100,005: the close moves, the book has no ask, the mid stays 99,997.5.
        _venue.Add(3, 0, Side.Buy, OrderType.Market, price: 0, quantity: 1);
        _venue.Submit();
        var bar = _venue.CloseTick();

        Assert.Equal((100_005, 0L), (bar.Close, bar.BestAsk));
        Assert.Equal(199_995, bar.MidHalfTicks);

        Quote(owner: 2, Side.Sell, 100_020, seq: 1);
        Assert.Equal(99_990 + 100_020, _venue.CloseTick().MidHalfTicks);
    }

    private void Quote(long owner, Side side, long price, int seq)
    {
        _venue.Add(owner, seq, side, OrderType.Limit, price, quantity: 1, OrderOrigin.Quote);
        _venue.Submit();
    }
}
