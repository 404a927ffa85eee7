using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;
using static MarketSim.Engine.Tests.Participants.BookStopMarket;

namespace MarketSim.Engine.Tests.Participants;

/// <summary>
/// Stops on the book (retail.stopLoss.onBook): a retail agent bought at 100,000 keeps a stop 12.5% under cost,
/// 87,500, resting on the venue as a stop-limit with limit ⌊87,500 × (1 − 1%)⌋ = 86,625.
/// </summary>
public sealed class BookStopTests
{
    [Fact]
    public void The_stop_rests_on_the_book_and_a_partial_fill_keeps_the_remainder_resting_as_a_limit()
    {
        var market = new BookStopMarket();
        var cohort = market.Cohort;
        var units = cohort.UnitsOf(0);
        var cost = cohort.CostOf(0);
        Assert.True(units >= 5, $"units {units}");

        market.Decide(100_000);
        var sent = market.Sent;
        Assert.Equal(1, sent.Count);
        Assert.Equal(((byte)Side.Sell, (byte)OrderType.StopLimit, (byte)OrderOrigin.StopLoss, (byte)TimeInForce.GoodTillCancel, 87_500L, 86_625L, units),
            (sent.Side[0], sent.Type[0], sent.Origin[0], sent.TimeInForce[0], sent.StopPrice[0], sent.Price[0], sent.Quantity[0]));
        market.Clear(0, final: true);
        market.CloseTick();

        // Nothing changed: the stop already on the book stays, nothing is re-sent.
        market.Decide(100_000);
        Assert.Equal(0, market.Sent.Count);

        // Bids of 1 lot at 87,400 and 2 at 87,000; a 1-lot sale prints 87,400 <= 87,500 and sets the stop off.
        market.Add(Buyer, Side.Buy, OrderType.Limit, 87_400, 1);
        market.Add(Buyer, Side.Buy, OrderType.Limit, 87_000, 2, seq: 1);
        market.Clear(0);
        market.Add(Seller, Side.Sell, OrderType.Market, 0, 1);
        var (outcome, fills) = market.Clear(1);

        // The stop sells 2 lots at 87,000 (its limit 86,625 lets it); the other units - 2 rest at 86,625.
        Assert.Equal(87_000, outcome.Books[0].Low);
        Assert.Equal(1, fills.Count);
        Assert.Equal((87_000L, 2L, (byte)OrderOrigin.StopLoss), (fills.Price[0], fills.Quantity[0], fills.Origin[0]));
        Assert.Equal(units - 2, cohort.UnitsOf(0));
        Assert.Equal(cost - (cost * 2 / units), cohort.CostOf(0));
        Assert.Equal((87_500L, units - 2), cohort.BookStopOf(0));

        // A buyer at 86,625 takes the remainder: the stop is done, the agent holds nothing.
        market.Add(Buyer, Side.Buy, OrderType.Limit, 86_625, units, seq: 2);
        (_, fills) = market.Clear(2, final: true);
        Assert.Equal((86_625L, units - 2, (byte)OrderOrigin.StopLoss), (fills.Price[0], fills.Quantity[0], fills.Origin[0]));
        Assert.Equal(0, cohort.UnitsOf(0));
        Assert.Equal((0L, 0L), cohort.BookStopOf(0));

        // One trigger at the 87,500 level, for all the units; stop volume is both fills.
        var report = market.CloseTick();
        var bar = report.Bars.Single();
        Assert.Equal((1L, 1L, units), (bar.StopTriggers, bar.StopOrders, bar.StopVolume));
        var level = Assert.Single(report.Triggers, t => t.StopOrders > 0);
        Assert.Equal(units, level.StopLots);
        Assert.Equal(87_500, level.Level); // 0.5%-wide bins of the opening price: 500 ticks, 87,500 starts one
    }

    [Fact]
    public void A_buy_re_arms_the_stop_at_the_level_of_the_new_average_cost()
    {
        var market = new BookStopMarket();
        var cohort = market.Cohort;
        var units = cohort.UnitsOf(0);
        market.Decide(100_000);
        market.Clear(0, final: true);
        market.CloseTick();

        // As many units again at 120,000 (no fee): average cost 110,000, stop 110,000 × 0.875 = 96,250, limit ⌊95,287.5⌋.
        var buy = new FillBatchBuilder();
        buy.Add(0, Side.Buy, 0, 120_000, units, -120_000L * units * 1_000, OrderOrigin.Discretionary);
        cohort.Settle(new(0, [new(0, 120_000, 120_000, 120_000, 1)], 0, 1, Final: true), [buy.Build()], new(1));
        Assert.Equal(96_250, cohort.StopOf(0));
        Assert.Equal((87_500L, units), cohort.BookStopOf(0)); // the book still has the old one until the next tick

        market.Decide(110_000);
        var sent = market.Sent;
        Assert.Equal(2, sent.Count);
        Assert.Equal((byte)OrderType.CancelAll, sent.Type[0]);
        Assert.Equal(((byte)OrderType.StopLimit, 96_250L, 95_287L, 2 * units), (sent.Type[1], sent.StopPrice[1], sent.Price[1], sent.Quantity[1]));

        // A print at 96,200 sets off the new stop (the old one at 87,500 would have stayed put): it sells all 2 × units.
        market.Add(Buyer, Side.Buy, OrderType.Limit, 96_200, 1);
        market.Add(Buyer, Side.Buy, OrderType.Limit, 95_900, 2 * units, seq: 1);
        market.Clear(0);
        market.Add(Seller, Side.Sell, OrderType.Market, 0, 1);
        var (_, fills) = market.Clear(1, final: true);
        Assert.Equal((95_900L, 2 * units), (fills.Price[0], fills.Quantity[0]));
        Assert.Equal(0, cohort.UnitsOf(0));
        var bar = market.CloseTick().Bars.Single();
        Assert.Equal((1L, 1L), (bar.Cancels, bar.StopTriggers));
    }

    [Fact]
    public void One_agents_triggered_stop_sets_off_anothers_inside_the_same_clearing_round()
    {
        // Stops 10–10.5% under cost: each on its own level in 89,500..90,000, and each limit (1% under) below both.
        var market = new BookStopMarket(agents: 2, distanceMin: 0.1, distanceMax: 0.105);
        var cohort = market.Cohort;
        market.Decide(100_000);
        market.Clear(0, final: true);
        market.CloseTick();
        var (high, low) = cohort.StopOf(0) > cohort.StopOf(1) ? (0, 1) : (1, 0);
        var (highStop, lowStop) = (cohort.StopOf(high), cohort.StopOf(low));
        Assert.True(highStop > lowStop && lowStop > cohort.StopLimitPrice(highStop), $"stops {highStop}, {lowStop}");
        var (highUnits, lowUnits) = (cohort.UnitsOf(high), cohort.UnitsOf(low));

        // 1 lot bid at the higher stop, the higher agent's units at the lower stop, the lower agent's 100 below.
        market.Decide(100_000);
        market.Add(Buyer, Side.Buy, OrderType.Limit, highStop, 1);
        market.Add(Buyer, Side.Buy, OrderType.Limit, lowStop, highUnits, seq: 1);
        market.Add(Buyer, Side.Buy, OrderType.Limit, lowStop - 100, lowUnits, seq: 2);
        market.Clear(0);

        // A 1-lot sale prints the higher stop; that agent's sale prints the lower stop; that agent sells 100 lower.
        market.Add(Seller, Side.Sell, OrderType.Market, 0, 1);
        var (outcome, fills) = market.Clear(1, final: true);
        Assert.Equal(2, fills.Count);
        Assert.Equal((high, lowStop, highUnits), ((int)fills.Owner[0], fills.Price[0], fills.Quantity[0]));
        Assert.Equal((low, lowStop - 100, lowUnits), ((int)fills.Owner[1], fills.Price[1], fills.Quantity[1]));
        Assert.Equal(lowStop - 100, outcome.Books[0].Low);
        Assert.Equal((0L, 0L), (cohort.UnitsOf(high), cohort.UnitsOf(low)));
        var bar = market.CloseTick().Bars.Single();
        Assert.Equal((2L, highUnits + lowUnits), (bar.StopTriggers, bar.StopVolume));
    }

    [Fact]
    public void An_agent_selling_by_itself_cancels_its_stop_first_so_no_unit_is_sold_twice()
    {
        // Loss-averse: at 16% under cost (84,000) the agent sells everything at market, below its 87,500 stop.
        var market = new BookStopMarket(mix: new BehaviourMix(0, 0, DipBuying: 0, LossAverse: 1));
        var cohort = market.Cohort;
        var units = cohort.UnitsOf(0);
        market.Decide(100_000);
        Assert.Equal((byte)OrderType.StopLimit, Assert.Single(market.Sent.Type));
        market.Add(Buyer, Side.Buy, OrderType.Limit, 84_000, 2 * units);
        market.Clear(0, final: true);
        market.CloseTick();

        market.Decide(84_000);
        var sent = market.Sent;
        Assert.Equal(2, sent.Count);
        Assert.Equal([(byte)OrderType.CancelAll, (byte)OrderType.Market], sent.Type);
        Assert.Equal(units, sent.Quantity[1]);

        // The sale prints 84,000, under the stop: had the stop stayed it would have sold the units again.
        var (_, fills) = market.Clear(0, final: true);
        Assert.Equal((84_000L, units, (byte)OrderOrigin.Discretionary), (Assert.Single(fills.Price), fills.Quantity[0], fills.Origin[0]));
        Assert.Equal(0, cohort.UnitsOf(0));
        Assert.Equal((0L, 0L), cohort.BookStopOf(0));
        var bar = market.CloseTick().Bars.Single();
        Assert.Equal((units, 0L, 0L, 1L), (bar.Volume, bar.StopTriggers, bar.StopVolume, bar.Cancels));
    }
}
