using MarketSim.Engine.Contracts;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Participants;
using MarketSim.Engine.Participants.Institutions;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.PriceFormation;

/// <summary>
/// Liquidity that replenishes: the maker re-posts what is left of its ladder between cascade rounds after a delay,
/// and the depth trades took comes back at ρ_depth a tick. Instrument X: tick 0.01, lot 1, price 100 (10,000 ticks);
/// a ladder of two levels of 10 lots a side, 10 bp from the centre and 10 bp apart, no inventory skew.
/// </summary>
public sealed class LiquidityReplenishmentTests
{
    private const long CashPerTickLot = 10_000; // 0.01 × 1 × 1e6 cash units

    [Fact]
    public void Missing_depth_decays_at_the_resilience_rate_and_scales_the_next_ladder()
    {
        // 4 levels of 10 = 40 lots a side. 20 bid lots bought at ρ = 0.25: missing 0.75 × 20 = 15, levels ⌊10 × (1 − 15/40)⌋ = 6;
        // a quiet tick: 0.75 × 15 = 11.25 missing, ⌊10 × (1 − 11.25/40)⌋ = 7. The ask side was never hit: 10.
        var depth = new DepthRecovery(resilience: 0.25);
        depth.Consume(+20);
        depth.CloseTick(fullSize: 10, levels: 4);
        Assert.Equal(15, depth.BidMissing, 9);
        Assert.Equal((6L, 10L), depth.LevelSizes(10, 4));

        depth.CloseTick(fullSize: 10, levels: 4);
        Assert.Equal(11.25, depth.BidMissing, 9);
        Assert.Equal((7L, 10L), depth.LevelSizes(10, 4));
    }

    [Fact]
    public void Full_resilience_posts_the_whole_ladder_again_and_missing_depth_never_exceeds_the_ladder()
    {
        var whole = new DepthRecovery(resilience: 1);
        whole.Consume(-35);
        whole.CloseTick(10, 4);
        Assert.Equal((10L, 10L), whole.LevelSizes(10, 4));

        var slow = new DepthRecovery(resilience: 0.1);
        slow.Consume(-500); // far more than the 40 lots a side it quotes (fills of re-posted quotes add up)
        slow.CloseTick(10, 4);
        Assert.Equal(40, slow.AskMissing, 9);
        Assert.Equal((10L, 0L), slow.LevelSizes(10, 4));
    }

    [Fact]
    public void A_hit_ladder_is_re_posted_around_the_rounds_last_trade_with_what_is_left_of_it()
    {
        var (maker, router) = Maker(requoteDelayRounds: 1);
        maker.Decide(Snapshot(10_000), router);
        Assert.Equal([(Side.Buy, 9_990L, 10L), (Side.Sell, 10_010L, 10L), (Side.Buy, 9_980L, 10L), (Side.Sell, 10_020L, 10L)], Quotes(router));

        // Round 0: a sell sweep buys 15 of its 20 bid lots and trades down to 9,980. 5 lots are left: 2 a level.
        // Around 9,980: bids ⌊9,980 × 0.999⌋ = 9,970 and ⌊9,980 × 0.998⌋ = 9,960, asks ⌈9,989.98⌉ = 9,990 and ⌈9,999.96⌉ = 10,000.
        maker.Settle(Round(0, last: 9_980, final: false), [Fill(maker.Slot.Owner, Side.Buy, 15, 9_985)], router);

        var orders = Orders(router);
        Assert.Equal((OrderType.CancelAll, OrderOrigin.Quote), (orders[0].Type, orders[0].Origin));
        Assert.Equal([(Side.Buy, 9_970L, 2L), (Side.Sell, 9_990L, 10L), (Side.Buy, 9_960L, 2L), (Side.Sell, 10_000L, 10L)], Limits(orders));
    }

    [Fact]
    public void The_maker_waits_its_delay_in_rounds_and_never_re_quotes_after_the_final_round_or_when_not_hit()
    {
        var (maker, router) = Maker(requoteDelayRounds: 2);
        maker.Decide(Snapshot(10_000), router);
        router.Drain();

        maker.Settle(Round(0, last: 9_980, final: false), [Fill(maker.Slot.Owner, Side.Buy, 5, 9_990)], router);
        Assert.Equal(0, router.Count); // one round since the ladder went up: too early for a delay of 2

        maker.Settle(Round(1, last: 9_980, final: false), [FillBatch.Empty], router);
        Assert.NotEqual(0, router.Count); // hit in round 0, two rounds cleared: it re-posts for round 2
        router.Drain();

        maker.Settle(Round(2, last: 9_980, final: false), [FillBatch.Empty], router);
        maker.Settle(Round(3, last: 9_980, final: false), [FillBatch.Empty], router);
        Assert.Equal(0, router.Count); // the re-posted ladder has not been hit

        maker.Settle(Round(4, last: 9_970, final: true), [Fill(maker.Slot.Owner, Side.Buy, 1, 9_970)], router);
        Assert.Equal(0, router.Count); // hit in the final round: a quote now would outlive the tick
    }

    [Fact]
    public void Depth_taken_in_one_tick_is_missing_from_the_next_ladder()
    {
        // 15 of the 20 bid lots bought with ρ_depth = 0.5: 7.5 lots missing, levels ⌊10 × (1 − 7.5/20)⌋ = 6.
        var (maker, router) = Maker(requoteDelayRounds: 0, depthResilience: 0.5);
        maker.Decide(Snapshot(10_000), router);
        maker.Settle(Round(0, last: 9_980, final: true), [Fill(maker.Slot.Owner, Side.Buy, 15, 9_985)], router);
        maker.CloseTick(0);
        router.Drain();

        maker.Decide(Snapshot(9_980), router);

        Assert.All(Quotes(router), q => Assert.Equal(q.Side == Side.Buy ? 6 : 10, q.Quantity));
    }

    [Fact]
    public void Quotes_re_posted_between_rounds_do_not_keep_a_cascade_going()
    {
        var router = new OrderRouter(1);
        router.To(0).CancelAll(1, 0, 0, OrderOrigin.Quote);
        router.To(0).Add(1, 1, Side.Buy, OrderType.Limit, OrderOrigin.Quote, TimeInForce.GoodTillCancel, 0, 9_990, 5);
        router.To(0).Add(2, 0, Side.Sell, OrderType.Market, OrderOrigin.StopLoss, TimeInForce.GoodForTick, 0, 0, 3);

        var submitted = 0;
        Assert.Equal(1, router.Deliver((_, batch) => submitted += batch.Count));
        Assert.Equal(3, submitted);
    }

    private static (MarketMaker Maker, OrderRouter Router) Maker(int requoteDelayRounds, double depthResilience = 1)
    {
        var spec = new MarketMakerSpec("mm", "spot", "X", Cash: 10_000_000, Inventory: 1_000, HalfSpreadBps: 10, Levels: 2, LevelStepBps: 10, SizePerLevel: 10, SkewBps: 0)
        {
            RequoteDelayRounds = requoteDelayRounds,
            DepthResilience = depthResilience,
        };
        var scenario = TestMarkets.Small() with
        {
            Instruments = [new InstrumentSpec("X", 0.01m, 1m, 100m)],
            Venues = [new VenueSpec("spot", ["X"], 0, 0, InitialMargin: 0.1, MaintenanceMargin: 0.05, LiquidationFeeBps: 0, InsuranceFund: 0)],
            Retail = TestMarkets.Small().Retail with { Count = 0, Instrument = "X" },
            MarketMakers = [spec],
            Funds = [],
        };
        var layout = new MarketLayout(scenario);
        return ((MarketMaker)ParticipantFactory.Create(layout, layout.Participants.Single()), new OrderRouter(1));
    }

    private static MarketSnapshot Snapshot(long price) =>
        new(1, [new BookQuote(0, price, 0, 0, Enumerable.Repeat(price, 30).ToArray())], []);

    private static RoundOutcome Round(int round, long last, bool final) =>
        new(round, [new BookRound(0, last, last, last, 1)], 0, 1, final);

    private static FillBatch Fill(long owner, Side side, long quantity, long price)
    {
        var builder = new FillBatchBuilder();
        var notional = quantity * price * CashPerTickLot;
        builder.Add(owner, side, 0, price, quantity, side == Side.Buy ? -notional : notional, OrderOrigin.Quote);
        return builder.Build();
    }

    private static (Side Side, OrderType Type, long Price, long Quantity, OrderOrigin Origin)[] Orders(OrderRouter router) =>
        router.Drain().SelectMany(b => Enumerable.Range(0, b.Batch.Count).Select(i =>
            ((Side)b.Batch.Side[i], (OrderType)b.Batch.Type[i], b.Batch.Price[i], b.Batch.Quantity[i], (OrderOrigin)b.Batch.Origin[i]))).ToArray();

    private static (Side Side, long Price, long Quantity)[] Limits((Side Side, OrderType Type, long Price, long Quantity, OrderOrigin Origin)[] orders) =>
        [.. orders.Where(o => o.Type == OrderType.Limit).Select(o => (o.Side, o.Price, o.Quantity))];

    private static (Side Side, long Price, long Quantity)[] Quotes(OrderRouter router) => Limits(Orders(router));
}
