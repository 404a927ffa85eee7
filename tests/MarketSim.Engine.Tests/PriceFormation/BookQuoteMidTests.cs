using MarketSim.Engine.Contracts;

namespace MarketSim.Engine.Tests.PriceFormation;

/// <summary>
/// The whole-tick mid rounds a half tick to the even tick, so over many books it rounds up as often as down;
/// flooring it pulled every price that re-centred on it down by up to half a tick each tick.
/// </summary>
public sealed class BookQuoteMidTests
{
    [Theory]
    [InlineData(99, 100, 100)]     // 99.5 → 100 (even)
    [InlineData(100, 101, 100)]    // 100.5 → 100 (even)
    [InlineData(101, 102, 102)]    // 101.5 → 102 (even)
    [InlineData(100, 102, 101)]    // exact: 101
    [InlineData(99_990, 100_005, 99_998)] // 99,997.5 → 99,998 (even)
    public void A_half_tick_mid_rounds_to_the_even_tick(long bid, long ask, long mid)
    {
        var quote = new BookQuote(0, Last: 1, bid, ask, []);

        Assert.Equal(mid, quote.Mid);
        Assert.Equal((bid + ask) / 2.0, quote.ExactMid);
    }

    [Fact]
    public void Half_ticks_round_up_as_often_as_down()
    {
        // Spreads of one tick at bids 1,000 … 1,999: every mid is a half tick; the rounding error sums to zero.
        var error = Enumerable.Range(1_000, 1_000).Sum(bid => new BookQuote(0, 1, bid, bid + 1, []).Mid - (bid + 0.5));

        Assert.Equal(0, error);
    }

    [Fact]
    public void A_book_with_an_empty_side_has_its_last_trade_as_mid()
    {
        Assert.Equal(1_234, new BookQuote(0, Last: 1_234, 1_000, 0, []).Mid);
        Assert.Equal(1_234, new BookQuote(0, Last: 1_234, 0, 1_300, []).ExactMid);
    }
}
