using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Venues;

namespace MarketSim.Engine.Tests.Venues;

/// <summary>
/// A fund with 10,000 of capital buys 1 BTC at 100,000 on 10x margin (taker fee 5 bp = 50), so its
/// cash is −90,050. With 5% maintenance it must be liquidated when the mark falls below
/// 90,050 / 0.95 = 94,789.47: at 94,790 it is safe, at 94,789 it is not.
/// </summary>
public sealed class MarginLiquidationTests
{
    private const long Lot = 1_000; // 1 BTC in lots of 0.001
    private readonly MarketLayout _layout;
    private readonly Venue _venue;
    private readonly long _fund;
    private readonly OrderBatchBuilder _orders = new();
    private long _tick;

    public MarginLiquidationTests()
    {
        var scenario = TestMarkets.Small() with
        {
            Retail = TestMarkets.Small().Retail with { Count = 0 },
            MarketMakers = [],
            Funds = [TestMarkets.Small().Funds[0] with { Capital = 10_000 }],
        };
        _layout = new MarketLayout(scenario);
        _venue = new Venue(_layout, 0);
        _fund = _layout.Participants.Single().Owner;

        Order(owner: 42, Side.Sell, OrderType.Limit, 100_000, Lot);
        Order(_fund, Side.Buy, OrderType.Limit, 100_000, Lot);
        Clear();
    }

    private MarginAccount Account => _venue.MarginAccountOf(_fund)!;

    [Fact]
    public void The_leveraged_buy_borrows_the_difference()
    {
        Assert.Equal(Lot, Account.Units);
        Assert.Equal(Money.FromCurrency(-90_050), Account.Cash);
    }

    [Fact]
    public void Liquidation_starts_exactly_below_the_liquidation_price()
    {
        Assert.Equal(0, TradeAt(94_790).LiquidationsQueued);
        Assert.False(Account.Liquidating);

        Assert.Equal(1, TradeAt(94_789).LiquidationsQueued);
        Assert.True(Account.Liquidating);
    }

    [Fact]
    public void Liquidation_closes_the_position_into_the_book_and_pays_the_fee_to_the_insurance_fund()
    {
        TradeAt(94_789);
        var fundBefore = _venue.Liquidation.InsuranceFund;
        Order(owner: 43, Side.Buy, OrderType.Limit, 94_000, 2 * Lot, OrderOrigin.Quote);

        var report = Clear();

        Assert.Equal(0, Account.Units);
        Assert.False(Account.Liquidating);
        // −90,050 + 94,000 − 47 taker fee − 470 liquidation fee (50 bp of 94,000).
        Assert.Equal(Money.FromCurrency(3_433), Account.Cash);
        Assert.Equal(fundBefore + Money.FromCurrency(470), _venue.Liquidation.InsuranceFund);
        Assert.Equal(0, report.LiquidationsQueued);
        var bar = _venue.CloseTick(_tick).Bars.Single();
        Assert.Equal(1, bar.MarginLiquidations);
        Assert.Equal(Lot, bar.MarginVolume);
    }

    [Fact]
    public void A_liquidation_is_recorded_at_its_liquidation_price_and_where_it_filled()
    {
        TradeAt(94_789);
        Assert.Equal(94_789, _venue.Liquidation.LiquidationPrice(Account, _layout.Instruments[0]));
        Order(owner: 43, Side.Buy, OrderType.Limit, 94_000, 2 * Lot, OrderOrigin.Quote);
        Clear();

        // Bins of 500 (0.5% of 100,000): ordered at the 94,500 level, filled at the 94,000 level.
        var levels = _venue.CloseTick(_tick).Triggers;
        Assert.Equal(
            [new TriggerLevel(0, 94_000, 0, 0, 0, 0, 0, Lot), new TriggerLevel(0, 94_500, 0, 0, 1, Lot, 0, 0)],
            levels);
    }

    [Fact]
    public void The_venue_reports_where_its_margin_accounts_would_be_liquidated()
    {
        var report = _venue.CloseTick(_tick);

        // Liquidation price 94,789: the 94,500 bin, one position of 1 BTC.
        Assert.Equal([new RestingLevel(0, 189, 0, 0, 1, Lot)], report.RestingLevels);
    }

    [Fact]
    public void A_stop_loss_is_recorded_at_the_stop_price_it_carries_and_where_it_filled()
    {
        Order(owner: 43, Side.Buy, OrderType.Limit, 95_100, 2, OrderOrigin.Quote);
        Order(owner: 43, Side.Buy, OrderType.Limit, 94_400, 1, OrderOrigin.Quote);
        _orders.Add(45, 0, Side.Sell, OrderType.Market, OrderOrigin.StopLoss, TimeInForce.GoodForTick, 0, 0, 5, stopPrice: 95_250);
        _venue.Submit(endpoint: 2, _orders.Build());
        Clear();

        var levels = _venue.CloseTick(_tick).Triggers;
        Assert.Equal(
            [new TriggerLevel(0, 94_000, 0, 0, 0, 0, 1, 0), new TriggerLevel(0, 95_000, 1, 5, 0, 0, 2, 0)],
            levels);
        Assert.Empty(_venue.CloseTick(_tick + 1).Triggers);
    }

    [Fact]
    public void Insurance_fund_covers_what_a_gapped_liquidation_leaves_unpaid()
    {
        TradeAt(94_789);
        var fundBefore = _venue.Liquidation.InsuranceFund;
        Order(owner: 43, Side.Buy, OrderType.Limit, 80_000, 2 * Lot, OrderOrigin.Quote);

        Clear();

        // −90,050 + 80,000 − 40 taker fee = −10,090, no equity left for the liquidation fee.
        Assert.Equal(0, Account.Cash);
        Assert.Equal(fundBefore - Money.FromCurrency(10_090), _venue.Liquidation.InsuranceFund);
    }

    [Fact]
    public void Initial_margin_trims_an_order_that_would_exceed_the_leverage_cap()
    {
        // Equity at 100,000 is 9,950; 10% initial margin allows 99,500 of exposure: 0.995 BTC.
        // The fund already holds 1 BTC, so a further buy is cut to nothing.
        Order(owner: 42, Side.Sell, OrderType.Limit, 100_000, Lot, OrderOrigin.Quote);
        Order(_fund, Side.Buy, OrderType.Limit, 100_000, Lot);
        Clear();

        Assert.Equal(Lot, Account.Units);
    }

    private ClearReport TradeAt(long price)
    {
        Order(owner: 43, Side.Buy, OrderType.Limit, price, 1, OrderOrigin.Quote);
        Order(owner: 44, Side.Sell, OrderType.Market, 0, 1);
        return Clear();
    }

    private void Order(long owner, Side side, OrderType type, long price, long quantity, OrderOrigin origin = OrderOrigin.Discretionary)
    {
        _orders.Add(owner, 0, side, type, origin, TimeInForce.GoodTillCancel, 0, price, quantity);
        _venue.Submit(endpoint: 1, _orders.Build());
    }

    private ClearReport Clear() => _venue.Clear(_tick++, 0);
}
