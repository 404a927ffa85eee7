using MarketSim.Engine.Contracts;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Venues;

namespace MarketSim.Engine.Tests.Venues;

/// <summary>
/// Margin checked on a mark price, an index of two venues' mids, instead of one venue's last trade. The fund of
/// <see cref="MarginLiquidationTests"/> (1 BTC bought at 100,000 on 10x, liquidation below 94,789.47) on venue "spot";
/// the index averages "spot" (weight 1) and "other" (weight 3); the mark is spot's last trade clamped to the index ± 1%.
/// </summary>
public sealed class MarkPriceTests
{
    private const long Lot = 1_000;
    private readonly MarketLayout _layout;
    private readonly Venue _venue;
    private readonly long _fund;
    private readonly OrderBatchBuilder _orders = new();
    private long _tick;

    public MarkPriceTests()
    {
        var small = TestMarkets.Small();
        var mark = new MarkPriceSpec([new MarkSourceSpec("spot", 1), new MarkSourceSpec("other", 3)], EmaTicks: 3, ClampBps: 100);
        var scenario = small with
        {
            Venues = [small.Venues[0] with { MarkPrice = mark }, small.Venues[0] with { Id = "other", InitialMargin = 1, MaintenanceMargin = 0.5 }],
            Retail = small.Retail with { Count = 0 },
            MarketMakers = [],
            Funds = [small.Funds[0] with { Capital = 10_000 }],
        };
        _layout = new MarketLayout(scenario);
        _venue = new Venue(_layout, 0);
        _fund = _layout.Participants.Single().Owner;

        Order(owner: 42, Side.Sell, OrderType.Limit, 100_000, Lot);
        Order(_fund, Side.Buy, OrderType.Limit, 100_000, Lot);
        _venue.Clear(_tick++, 0);
    }

    [Fact]
    public void The_index_is_the_weighted_mean_of_the_sources_mids_smoothed_as_an_ema()
    {
        var index = new MarkPriceIndex(_layout);

        // (1 × 100,000 + 3 × 96,000) / 4 = 97,000; then both at 98,000 with α = 2 / (3 + 1) = 0.5: 97,000 + 0.5 × 1,000 = 97,500.
        Assert.Equal([97_000L, 0L], index.Next(Snapshot(spotMid: (99_999, 100_001), otherMid: (95_990, 96_010))));
        Assert.Equal([97_500L, 0L], index.Next(Snapshot(spotMid: (97_990, 98_010), otherMid: (97_999, 98_001))));
    }

    [Fact]
    public void A_wick_on_one_venue_does_not_liquidate_while_the_index_holds()
    {
        // Spot's last trade wicks to 90,000, far below 94,789; the index is 100,000, so the mark is 99,000 (clamped at −1%).
        Assert.Equal(0, TradeAt(90_000, index: 100_000).LiquidationsQueued);
        Assert.Equal(99_000, _venue.MarkPrice(0));
        Assert.False(_venue.MarginAccountOf(_fund)!.Liquidating);
    }

    [Fact]
    public void The_same_wick_liquidates_on_the_last_trade_without_a_mark_price()
    {
        Assert.Equal(1, TradeAt(90_000, index: 0).LiquidationsQueued);
    }

    [Fact]
    public void A_fall_of_the_index_itself_liquidates()
    {
        // Index 94,000: the mark is 90,000 clamped to ⌊94,000 × 0.99⌋ = 93,060, below 94,789.
        Assert.Equal(1, TradeAt(90_000, index: 94_000).LiquidationsQueued);
        Assert.Equal(93_060, _venue.MarkPrice(0));
    }

    private ClearReport TradeAt(long price, long index)
    {
        Order(owner: 43, Side.Buy, OrderType.Limit, price, 1, OrderOrigin.Quote);
        Order(owner: 44, Side.Sell, OrderType.Market, 0, 1);
        return _venue.Clear(_tick++, 0, index > 0 ? [index, 0] : null);
    }

    private void Order(long owner, Side side, OrderType type, long price, long quantity, OrderOrigin origin = OrderOrigin.Discretionary)
    {
        _orders.Add(owner, 0, side, type, origin, TimeInForce.GoodTillCancel, 0, price, quantity);
        _venue.Submit(endpoint: 1, _orders.Build());
    }

    private static MarketSnapshot Snapshot((long Bid, long Ask) spotMid, (long Bid, long Ask) otherMid) =>
        new(1, [new BookQuote(0, 100_000, spotMid.Bid, spotMid.Ask, []), new BookQuote(1, 100_000, otherMid.Bid, otherMid.Ask, [])], []);
}
