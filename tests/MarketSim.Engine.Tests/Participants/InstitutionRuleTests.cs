using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Participants;
using MarketSim.Engine.Participants.Institutions;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;

namespace MarketSim.Engine.Tests.Participants;

/// <summary>Each institutional rule against numbers worked by hand. Instrument: tick 1, lot 1, price 100.</summary>
public sealed class InstitutionRuleTests
{
    private const long CashPerUnit = 1_000_000; // one tick × one lot = 1 currency unit = 1e6 cash units

    [Fact]
    public void Inverse_3x_etf_after_a_2_percent_up_day_buys_aum_times_12_times_the_return()
    {
        // AUM 1,000,000 at 100: short 30,000 units, cash 4,000,000. Price +2% → 102:
        // equity 4,000,000 − 30,000 × 102 = 940,000; target −3 × 940,000 / 102 = −27,647.06 units.
        // Buy 2,352.94 units = 240,000 = AUM × (9 + 3) × 0.02.
        var scenario = Market() with { LeveragedEtfs = [new LeveragedEtfSpec("sqqq", "spot", "X", Aum: 1_000_000, Leverage: -3, MaxSlippageBps: 100)] };
        var (etf, router) = Create<LeveragedEtf>(scenario);

        etf.Decide(Snapshot(scenario, tick: 24, price: 102, new MarginView(0, etf.Slot.Owner, 0, 4_000_000 * CashPerUnit, -30_000)), router);

        var order = SingleOrder(router);
        Assert.Equal(Side.Buy, order.Side);
        Assert.Equal(2_353, order.Quantity);
        Assert.InRange(order.Quantity * 102.0, 240_000 - 102, 240_000 + 102);
    }

    [Fact]
    public void Leveraged_etf_trades_only_at_the_start_of_a_day()
    {
        var scenario = Market() with { LeveragedEtfs = [new LeveragedEtfSpec("tqqq", "spot", "X", Aum: 1_000_000, Leverage: 3, MaxSlippageBps: 100)] };
        var (etf, router) = Create<LeveragedEtf>(scenario);

        etf.Decide(Snapshot(scenario, tick: 25, price: 102, new MarginView(0, etf.Slot.Owner, 0, -2_000_000 * CashPerUnit, 30_000)), router);

        Assert.Equal(0, router.Count);
    }

    [Fact]
    public void Value_fund_at_max_leverage_sells_exactly_what_restores_the_cap_after_a_5_percent_drop()
    {
        // Equity 1,000,000 at 100 and λmax 5: long 50,000 units, cash −4,000,000. At 95 equity is
        // 750,000 and leverage 6.33; 5 × 750,000 / 95 = 39,473.7 units are allowed, so it must sell 10,527.
        var scenario = Market() with { ValueFunds = [new ValueFundSpec("tfg", "spot", "X", Capital: 1_000_000, FundamentalValue: 150, Aggression: 20, MaxLeverage: 5, RebalanceThreshold: 0.05, MaxSlippageBps: 50)] };
        var (fund, router) = Create<ValueFund>(scenario);
        fund.Settle(Round(scenario, 100, final: false), [Fill(fund.Slot.Owner, Side.Buy, 50_000, 100)], router);
        router.Drain();
        Assert.Equal(5.0, fund.Leverage(100), 6);

        fund.Settle(Round(scenario, 95, final: false), [FillBatch.Empty], router);

        Assert.Equal(10_527, fund.MarginCallSale(95));
        var order = SingleOrder(router);
        Assert.Equal((Side.Sell, 10_527L, OrderOrigin.MarginCall), (order.Side, order.Quantity, order.Origin));

        // Filled (no fee), the sale brings the fund back to the cap, with nothing more to sell.
        fund.Settle(Round(scenario, 95, final: false), [Fill(fund.Slot.Owner, Side.Sell, 10_527, 95)], router);
        Assert.InRange(fund.Leverage(95), 4.999, 5.0);
        Assert.Equal(0, fund.MarginCallSale(95));
    }

    [Fact]
    public void Value_fund_leverage_grows_with_mispricing_up_to_the_cap()
    {
        var scenario = Market() with { ValueFunds = [new ValueFundSpec("tfg", "spot", "X", 1_000_000, FundamentalValue: 100, Aggression: 20, MaxLeverage: 5, RebalanceThreshold: 0.05, MaxSlippageBps: 50)] };
        var (fund, _) = Create<ValueFund>(scenario);

        Assert.Equal(0, fund.DesiredLeverage(100));
        Assert.Equal(0, fund.DesiredLeverage(110));
        Assert.Equal(20 * 0.1, fund.DesiredLeverage(90), 9);
        Assert.Equal(5, fund.DesiredLeverage(70));
    }

    [Fact]
    public void Cta_exposure_is_the_average_trend_sign_scaled_to_the_volatility_target_and_capped()
    {
        var spec = new CtaSpec("cta", "spot", "X", 1_000_000, Lookbacks: [1, 4], VolatilityLookback: 4, TargetVolatility: 0.005, MaxLeverage: 3, RebalanceThreshold: 0.1, MaxSlippageBps: 50);
        long[] rising = [100, 101, 100, 101, 102];
        var returns = new[] { Math.Log(101 / 100.0), Math.Log(100 / 101.0), Math.Log(101 / 100.0), Math.Log(102 / 101.0) };
        var sigma = MathNet.Numerics.Statistics.Statistics.StandardDeviation(returns);

        Assert.Equal(Math.Min(3, 0.005 / sigma), CtaProgramme.TargetExposure(spec, rising), 9);
        Assert.Equal(0, CtaProgramme.TargetExposure(spec, [105, 103, 102, 101, 102]), 9); // up over 1 tick, down over 4
        Assert.Equal(-3, CtaProgramme.TargetExposure(spec with { TargetVolatility = 1 }, [105, 104, 103, 102, 101]));
    }

    [Fact]
    public void Allocator_buys_a_tranche_only_past_the_drawdown_trigger()
    {
        var scenario = Market() with { Allocators = [new AllocatorSpec("pension", "spot", "X", Cash: 1_000_000, DrawdownTrigger: 0.1, TrancheShare: 0.05, MaxSlippageBps: 0)] };
        var (allocator, router) = Create<Allocator>(scenario);

        allocator.Decide(Snapshot(scenario, tick: 1, price: 91), router);
        Assert.Equal(0, router.Count);

        allocator.Decide(Snapshot(scenario, tick: 2, price: 89), router);
        var order = SingleOrder(router);
        // 5% of 1,000,000 = 50,000 at 89 with a 1% fee allowance: 50,000 / 89.89 = 556 units.
        Assert.Equal((Side.Buy, 89L, 556L), (order.Side, order.Price, order.Quantity));
    }

    [Fact]
    public void Allocator_puts_its_etf_share_of_a_tranche_into_the_etf()
    {
        var etf = new EtfSpec("etf", "ETF", "X", "spot", "spot", 0.5, 10_000, 0, 100_000, 100, 1_000, 10, 400, 0);
        var scenario = Market() with
        {
            Instruments = [new InstrumentSpec("X", 1m, 1m, 100m), new InstrumentSpec("ETF", 1m, 1m, 50m)],
            Venues = [new VenueSpec("spot", ["X", "ETF"], 0, 0, 1, 0.5, 0, 0)],
            Etfs = [etf],
            Allocators = [new AllocatorSpec("pension", "spot", "X", Cash: 1_000_000, DrawdownTrigger: 0.1, TrancheShare: 0.05, MaxSlippageBps: 0) { Etf = "etf", EtfShare = 0.4 }],
        };
        var layout = new MarketLayout(scenario);
        var allocator = (Allocator)ParticipantFactory.Create(layout, layout.Participants.Single(p => p.Class == ParticipantClass.Allocator));
        var router = new OrderRouter(1);

        allocator.Decide(new MarketSnapshot(2, [new BookQuote(0, 89, 0, 0, [89]), new BookQuote(1, 44, 0, 0, [44])], []), router);

        // 50,000 tranche: 30,000 into X at 89 (333 after the fee allowance), 20,000 into the ETF at 44 (450).
        Assert.Equal([(0, 89L, 333L), (1, 44L, 450L)], Orders(router).Select(o => (o.Instrument, o.Price, o.Quantity)).ToArray());
    }

    [Fact]
    public void Market_maker_widens_with_volatility_and_withdraws_past_its_limit()
    {
        var maker = new MarketMakerSpec("mm", "spot", "X", Cash: 10_000_000, Inventory: 1_000, HalfSpreadBps: 10, Levels: 1, LevelStepBps: 0, SizePerLevel: 10, SkewBps: 0)
        {
            VolatilityWidening = 1,
            WithdrawVolatility = 0.05,
        };
        var scenario = Market() with { MarketMakers = [maker], Instruments = [new InstrumentSpec("X", 0.01m, 1m, 100m)] };
        var (mm, router) = Create<MarketMaker>(scenario);

        mm.Decide(Snapshot(scenario, tick: 1, price: 10_000), router);
        var calm = Orders(router);
        mm.Decide(Snapshot(scenario, tick: 1, price: 10_000, closes: [10_000, 10_100, 10_000, 10_100, 10_000]), router);
        var volatile_ = Orders(router);
        mm.Decide(Snapshot(scenario, tick: 1, price: 10_000, closes: [10_000, 11_000, 10_000, 11_000, 10_000]), router);
        var stressed = Orders(router);

        Assert.Equal([9_990L, 10_010L], calm.Where(o => o.Type == OrderType.Limit).Select(o => o.Price).ToArray());
        var wide = volatile_.Where(o => o.Type == OrderType.Limit).Select(o => o.Price).ToArray();
        Assert.True(wide[0] < 9_990 && wide[1] > 10_010, $"quotes {wide[0]} / {wide[1]} should be wider than 9,990 / 10,010");
        Assert.Equal([OrderType.CancelAll], stressed.Select(o => o.Type).ToArray());
    }

    [Fact]
    public void Market_maker_skew_is_one_concession_per_change_of_inventory_not_a_drift()
    {
        // Inventory 1,000 → 1,500 is half again the target: skew 0.5 × 100 bp = 50 bp, so the first quotes after
        // the fill centre 0.5% below mid. With inventory unchanged the next tick centres on mid again: mid already
        // carries the concession, and applying it again every tick would walk the price down forever.
        var maker = new MarketMakerSpec("mm", "spot", "X", Cash: 10_000_000, Inventory: 1_000, HalfSpreadBps: 10, Levels: 1, LevelStepBps: 0, SizePerLevel: 10, SkewBps: 100);
        var scenario = Market() with { MarketMakers = [maker], Instruments = [new InstrumentSpec("X", 0.01m, 1m, 100m)] };
        var (mm, router) = Create<MarketMaker>(scenario);
        mm.Settle(Round(scenario, 10_000, final: true), [Fill(mm.Slot.Owner, Side.Buy, 500, 10_000)], router);

        mm.Decide(Snapshot(scenario, tick: 1, price: 10_000), router);
        var skewed = Orders(router).Where(o => o.Type == OrderType.Limit).Select(o => o.Price).ToArray();
        mm.Decide(Snapshot(scenario, tick: 2, price: 9_950), router);
        var next = Orders(router).Where(o => o.Type == OrderType.Limit).Select(o => o.Price).ToArray();

        Assert.Equal([9_940L, 9_960L], skewed); // centre 9,950 ± 10 bp
        Assert.Equal([9_940L, 9_960L], next);   // centre is the new mid, 9,950: no second shift
    }

    [Fact]
    public void Market_maker_centres_on_the_exact_mid_of_a_half_tick_book()
    {
        // Bid 9,999, ask 10,000: exact mid 9,999.5. ± 10 bp: bid ⌊9,999.5 × 0.999⌋ = ⌊9,989.5005⌋ = 9,989, ask
        // ⌈9,999.5 × 1.001⌉ = ⌈10,009.4995⌉ = 10,010 — 10.5 ticks either side. Centred on a mid floored to 9,999 it
        // would quote 9,989 / 10,009, half a tick low.
        var maker = new MarketMakerSpec("mm", "spot", "X", Cash: 10_000_000, Inventory: 1_000, HalfSpreadBps: 10, Levels: 1, LevelStepBps: 0, SizePerLevel: 10, SkewBps: 0);
        var scenario = Market() with { MarketMakers = [maker], Instruments = [new InstrumentSpec("X", 0.01m, 1m, 100m)] };
        var (mm, router) = Create<MarketMaker>(scenario);

        mm.Decide(new MarketSnapshot(1, [new BookQuote(0, 10_000, 9_999, 10_000, Enumerable.Repeat(10_000L, 30).ToArray())], []), router);

        Assert.Equal([9_989L, 10_010L], Orders(router).Where(o => o.Type == OrderType.Limit).Select(o => o.Price).ToArray());
    }

    [Fact]
    public void Arbitrageur_buys_the_cheap_venue_sells_the_rich_one_and_its_transfers_take_the_delay()
    {
        // Bid 101 on "inst" over ask 100 on "spot": 1% against a 50 bp threshold. Trade size 10, inventory 20.
        var scenario = Market() with
        {
            Venues = [.. Market().Venues, new VenueSpec("inst", ["X"], 0, 0, 1, 0.5, 0, 0)],
            Arbitrageurs = [new ArbitrageurSpec("arb", "X", ["spot", "inst"], Cash: 10_000, Inventory: 20, ThresholdBps: 50, TradeSize: 10, TransferDelay: 3)],
        };
        var layout = new MarketLayout(scenario);
        var arb = (Arbitrageur)ParticipantFactory.Create(layout, layout.Participants.Single());
        var router = new OrderRouter(2);
        var snapshot = new MarketSnapshot(5, [new BookQuote(0, 100, 99, 100, [100]), new BookQuote(1, 101, 101, 102, [101])], []);

        arb.Decide(snapshot, router);

        var batches = router.Drain();
        Assert.Equal([(0, (byte)Side.Buy, 100L, 10L), (1, (byte)Side.Sell, 101L, 10L)], batches.Select(b => (b.Venue, b.Batch.Side[0], b.Batch.Price[0], b.Batch.Quantity[0])).ToArray());

        // Both legs fill; the tick closes and 10 units travel back from spot to inst, arriving at tick 5 + 1 + 3.
        var buy = new FillBatchBuilder();
        buy.Add(arb.Slot.Owner, Side.Buy, 0, 100, 10, -1_000 * CashPerUnit, OrderOrigin.Discretionary);
        var sell = new FillBatchBuilder();
        sell.Add(arb.Slot.Owner, Side.Sell, 0, 101, 10, 1_010 * CashPerUnit, OrderOrigin.Discretionary);
        arb.Settle(Round(scenario, 100, final: true), [buy.Build(), sell.Build()], router);
        var before = arb.Holdings();
        arb.CloseTick(5);

        Assert.Equal((20L, 10L), (arb.UnitsOn(0), arb.UnitsInTransit));
        Assert.Equal(before.Cash, arb.Holdings().Cash);
        Assert.Equal(before.Units, arb.Holdings().Units);
        arb.Decide(snapshot with { Tick = 8, Books = [new BookQuote(0, 100, 99, 100, [100]), new BookQuote(1, 100, 99, 100, [100])] }, router);
        Assert.Equal(10, arb.UnitsOn(1));
        arb.Decide(snapshot with { Tick = 9, Books = [new BookQuote(0, 100, 99, 100, [100]), new BookQuote(1, 100, 99, 100, [100])] }, router);
        Assert.Equal((20L, 0L), (arb.UnitsOn(1), arb.UnitsInTransit));
    }

    /// <summary>An X coin at 100 and an ETF of 0.5 X a share (NAV 50) on one venue; the AP with 100 shares and 1,000 X.</summary>
    private static (Scenario Scenario, EtfIssuer Issuer) EtfMarket(double maxSlippageBps, bool navOnMid = false)
    {
        var scenario = Market() with
        {
            Instruments = [new InstrumentSpec("X", 1m, 1m, 100m), new InstrumentSpec("ETF", 0.01m, 1m, 50m)],
            Venues = [new VenueSpec("spot", ["X", "ETF"], 0, 0, 1, 0.5, 0, 0)],
            Etfs = [new EtfSpec("etf", "ETF", "X", "spot", "spot", UnitsPerShare: 0.5, SharesOutstanding: 10_000, InvestorCash: 0, ApCash: 100_000, ApShares: 100, ApUnits: 1_000, ThresholdBps: 10, MaxCreation: 400, MaxSlippageBps: maxSlippageBps) { NavOnMid = navOnMid }],
        };
        var layout = new MarketLayout(scenario);
        return (scenario, (EtfIssuer)ParticipantFactory.Create(layout, layout.Participants.Single(p => p.Class == ParticipantClass.EtfIssuer)));
    }

    [Theory]
    [InlineData(false, 4_995L, 5_005L)] // NAV on the last trade, 100: 0.5 × 100 = 50.00, quotes 10 bp either side
    [InlineData(true, 5_044L, 5_056L)]  // NAV on the mid of 100 / 102, 101: 50.50, bid ⌊5,044.95⌋, ask ⌈5,055.05⌉
    public void Etf_ap_takes_nav_on_the_last_trade_or_with_nav_on_mid_on_the_underlyings_mid(bool navOnMid, long bid, long ask)
    {
        var (_, issuer) = EtfMarket(maxSlippageBps: 100, navOnMid);
        var router = new OrderRouter(1);

        issuer.Decide(new MarketSnapshot(1, [new BookQuote(0, 100, 100, 102, [100]), new BookQuote(1, 5_000, 0, 0, [5_000])], []), router);

        // The share quotes (instrument 1, after the cancel); the hedge has nothing to do at the start.
        var orders = Assert.Single(router.Drain()).Batch;
        Assert.Equal([((byte)Side.Buy, bid), ((byte)Side.Sell, ask)],
            Enumerable.Range(1, orders.Count - 1).Select(i => (orders.Side[i], orders.Price[i])).ToArray());
    }

    [Fact]
    public void Etf_ap_hedges_what_its_quotes_took_in()
    {
        // At NAV the AP holds 300 X more than it started with (say its share bid bought 600 shares, redeemed for
        // 300 X): it sells them, however the share price stands; 50 X short of the start, it buys them back.
        var (scenario, issuer) = EtfMarket(maxSlippageBps: 100);
        var router = new OrderRouter(1);
        var atNav = new MarketSnapshot(1, [new BookQuote(0, 100, 0, 0, [100]), new BookQuote(1, 5_000, 0, 0, [5_000])], []);

        var fills = new FillBatchBuilder();
        fills.Add(issuer.Slot.Owner, Side.Buy, 0, 100, 300, -300 * 100 * CashPerUnit, OrderOrigin.Discretionary);
        issuer.Settle(Round(scenario, 100, final: true), [fills.Build()], router);
        issuer.Decide(atNav, router);

        // The X of 400 shares (maxCreation) at most, 1% (maxSlippageBps) below the last price.
        Assert.Equal([(Side.Sell, 99L, 200L)], HedgeOrders(router));

        fills = new FillBatchBuilder();
        fills.Add(issuer.Slot.Owner, Side.Sell, 0, 100, 350, 350 * 100 * CashPerUnit, OrderOrigin.Discretionary);
        issuer.Settle(Round(scenario, 100, final: true), [fills.Build()], router);
        issuer.Decide(atNav, router);

        Assert.Equal([(Side.Buy, 101L, 50L)], HedgeOrders(router));

        static (Side, long, long)[] HedgeOrders(OrderRouter router)
        {
            var orders = Assert.Single(router.Drain()).Batch;
            return [.. Enumerable.Range(0, orders.Count).Where(i => orders.Instrument[i] == 0).Select(i => ((Side)orders.Side[i], orders.Price[i], orders.Quantity[i]))];
        }
    }

    [Fact]
    public void Etf_ap_buys_shares_at_a_discount_sells_the_underlying_and_redeems_at_the_close()
    {
        // 1 share = 0.5 X; X at 100 makes NAV 50. Shares at 49.50 are 1% below: past the 10 bp threshold.
        var (scenario, issuer) = EtfMarket(maxSlippageBps: 0);
        var router = new OrderRouter(1);
        Assert.Equal(5_050, issuer.Custody); // 0.5 X for each of the 10,000 + 100 shares
        Assert.Equal(5_000, issuer.NavTicks(100), 9);

        issuer.Decide(new MarketSnapshot(1, [new BookQuote(0, 100, 0, 0, [100]), new BookQuote(1, 4_950, 0, 0, [4_950])], []), router);

        // It quotes shares 10 bp either side of NAV (5,000), whatever the last trade: 400 bid (maxCreation), its 100 offered.
        var orders = Assert.Single(router.Drain()).Batch;
        Assert.Equal([(1, (byte)Side.Buy, 0L, 0L), (1, (byte)Side.Buy, 4_995L, 400L), (1, (byte)Side.Sell, 5_005L, 100L)],
            Enumerable.Range(0, orders.Count).Select(i => (orders.Instrument[i], orders.Side[i], orders.Price[i], orders.Quantity[i])).ToArray());
        Assert.Equal(OrderType.CancelAll, (OrderType)orders.Type[0]);

        // The bid fills and the hedge sells 200 X; at the close the 400 extra shares are redeemed for 200 X out of custody.
        var fills = new FillBatchBuilder();
        fills.Add(issuer.Slot.Owner, Side.Buy, 1, 4_950, 400, -400 * 4_950 * 10_000L, OrderOrigin.Discretionary);
        fills.Add(issuer.Slot.Owner, Side.Sell, 0, 100, 200, 200 * 100 * CashPerUnit, OrderOrigin.Discretionary);
        issuer.Settle(Round(scenario, 100, final: true), [fills.Build()], router);
        var before = issuer.Holdings();
        issuer.CloseTick(1);

        Assert.Equal((100L, 1_000L, 4_850L, -400L), (issuer.ApShares, issuer.ApUnits, issuer.Custody, issuer.Issued));
        var after = issuer.Holdings();
        Assert.Equal(before.Units[0], after.Units[0]); // X only moved between the AP and custody
        Assert.Equal(before.Units[1] - 400, after.Units[1]); // the redeemed shares are gone...
        Assert.Equal(-400, after.Issued[1]); // ...and reported as negative issuance for the conservation check
    }

    [Fact]
    public void Etf_investors_keep_selling_what_a_redemption_has_not_yet_raised()
    {
        // A 10,000 redemption at a bid of 50 wants 200 shares; only 80 fill (4,000), so 6,000 stays pending and the
        // next tick sells 120 more without any new flow.
        var (scenario, _) = EtfMarket(maxSlippageBps: 0);
        scenario = scenario with { Events = new TimelineSpec([], null, [new FlowSpec("etf", 1, 1, 1, -10_000)]) };
        var layout = new MarketLayout(scenario);
        var investors = (EtfInvestors)ParticipantFactory.Create(layout, layout.Participants.Single(p => p.Class == ParticipantClass.EtfInvestors));
        var router = new OrderRouter(1);
        var timeline = new EventTimeline(layout);
        MarketSnapshot At(long tick) => new(tick, [new BookQuote(0, 100, 99, 101, [100]), new BookQuote(1, 5_000, 5_000, 5_010, [5_000])], []) { Flows = timeline.FlowsAt(tick) };

        investors.Decide(At(1), router);
        var first = Assert.Single(router.Drain()).Batch;
        Assert.Equal((Side.Sell, 5_000L, 200L), ((Side)first.Side[0], first.Price[0], first.Quantity[0]));

        var fills = new FillBatchBuilder();
        fills.Add(investors.Slot.Owner, Side.Sell, 1, 5_000, 80, 80 * 5_000 * 10_000L, OrderOrigin.Discretionary);
        investors.Settle(new RoundOutcome(0, [new BookRound(0, 100, 100, 100, 1), new BookRound(1, 5_000, 5_000, 5_000, 1)], 0, 1, true), [fills.Build()], router);
        Assert.Equal(-6_000 * CashPerUnit, investors.Pending);

        investors.Decide(At(2), router);
        var second = Assert.Single(router.Drain()).Batch;
        Assert.Equal((Side.Sell, 5_000L, 120L), ((Side)second.Side[0], second.Price[0], second.Quantity[0]));
    }

    [Fact]
    public void Investors_redeem_after_a_losing_day_and_the_cash_leaves_the_market()
    {
        // Equity 1,000,000 at the start of day 0 and 900,000 at the start of day 1: a 10% loss past the
        // 5% trigger, so investors take 20% of the 900,000 out before the fund trades.
        var fund = TestMarkets.Small().Funds[0] with { Capital = 1_000_000, Redemptions = new RedemptionSpec(0.05, 0.2) };
        var scenario = Market() with { Funds = [fund with { Instrument = "X" }] };
        var (momentum, router) = Create<MomentumFund>(scenario);

        momentum.Decide(Snapshot(scenario, tick: 0, price: 100, new MarginView(0, momentum.Slot.Owner, 0, 1_000_000 * CashPerUnit, 0)), router);
        Assert.DoesNotContain(Orders(router), o => o.Type == OrderType.Deposit);
        momentum.Decide(Snapshot(scenario, tick: 12, price: 100, new MarginView(0, momentum.Slot.Owner, 0, 900_000 * CashPerUnit, 0)), router);
        Assert.DoesNotContain(Orders(router), o => o.Type == OrderType.Deposit);

        momentum.Decide(Snapshot(scenario, tick: 24, price: 100, new MarginView(0, momentum.Slot.Owner, 0, 900_000 * CashPerUnit, 0)), router);

        var deposit = Assert.Single(Orders(router), o => o.Type == OrderType.Deposit);
        Assert.Equal(-180_000 * CashPerUnit, deposit.Quantity);
        Assert.Equal(-180_000 * CashPerUnit, momentum.Holdings().External);
    }

    private static Scenario Market() => TestMarkets.Small() with
    {
        Instruments = [new InstrumentSpec("X", 1m, 1m, 100m)],
        Venues = [new VenueSpec("spot", ["X"], 0, 0, InitialMargin: 0.1, MaintenanceMargin: 0.05, LiquidationFeeBps: 0, InsuranceFund: 0)],
        Retail = TestMarkets.Small().Retail with { Count = 0, Instrument = "X" },
        MarketMakers = [],
        Funds = [],
    };

    private static (T Participant, OrderRouter Router) Create<T>(Scenario scenario)
        where T : IParticipant
    {
        var layout = new MarketLayout(scenario);
        return ((T)ParticipantFactory.Create(layout, layout.Participants.Single()), new OrderRouter(1));
    }

    private static MarketSnapshot Snapshot(Scenario scenario, long tick, long price, MarginView? account = null, long[]? closes = null) =>
        new(tick, [new BookQuote(0, price, 0, 0, closes ?? Enumerable.Repeat(price, 30).ToArray())], account is null ? [] : [account]);

    private static RoundOutcome Round(Scenario scenario, long price, bool final) =>
        new(0, [new BookRound(0, price, price, price, 1)], 0, 1, final);

    private static FillBatch Fill(long owner, Side side, long quantity, long price)
    {
        var builder = new FillBatchBuilder();
        var notional = quantity * price * CashPerUnit;
        builder.Add(owner, side, 0, price, quantity, side == Side.Buy ? -notional : notional, OrderOrigin.Discretionary);
        return builder.Build();
    }

    private static (Side Side, OrderType Type, long Price, long Quantity, OrderOrigin Origin, int Instrument)[] Orders(OrderRouter router) =>
        router.Drain().SelectMany(b => Enumerable.Range(0, b.Batch.Count).Select(i =>
            ((Side)b.Batch.Side[i], (OrderType)b.Batch.Type[i], b.Batch.Price[i], b.Batch.Quantity[i], (OrderOrigin)b.Batch.Origin[i], b.Batch.Instrument[i]))).ToArray();

    private static (Side Side, OrderType Type, long Price, long Quantity, OrderOrigin Origin, int Instrument) SingleOrder(OrderRouter router) => Assert.Single(Orders(router));
}
