using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Participants;
using MarketSim.Engine.Participants.Retail;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;

namespace MarketSim.Engine.Tests.Participants;

public sealed class RetailCohortTests
{
    [Fact]
    public void Agents_start_with_their_cost_basis_at_the_opening_price()
    {
        var cohort = Cohort();

        for (var i = 0; i < cohort.Count; i++)
        {
            Assert.Equal(cohort.UnitsOf(i) * 100_000L * 1_000, cohort.CostOf(i));
        }
    }

    [Fact]
    public void Round_number_stops_sit_on_the_grid_and_below_cost()
    {
        var cohort = Cohort();
        var stops = Enumerable.Range(0, cohort.Count).Select(cohort.StopOf).Where(s => s > 0).ToArray();

        Assert.NotEmpty(stops);
        Assert.All(stops, s => Assert.True(s < 100_000 && s >= 100_000 * (1 - 0.08) - 1_000));
        var onGrid = stops.Count(s => s % 1_000 == 0) / (double)stops.Length;
        Assert.InRange(onGrid, 0.5, 0.75); // 60% think in round numbers; the rest land on the grid by chance
    }

    [Fact]
    public void Capital_is_heavy_tailed()
    {
        var cohort = Cohort(10_000);
        var wealth = Enumerable.Range(0, cohort.Count).Select(i => (double)cohort.CashOf(i) + (cohort.UnitsOf(i) * 100_000L * 1_000)).OrderDescending().ToArray();

        // Pareto with alpha 1.5: the top 1% hold far more than 1% of the wealth.
        var topShare = wealth.Take(cohort.Count / 100).Sum() / wealth.Sum();
        Assert.InRange(topShare, 0.08, 0.5);
    }

    [Fact]
    public void Dip_buyers_buy_after_a_fall_over_their_lookback_and_not_before()
    {
        var cohort = Cohort(mix: new BehaviourMix(0, 0, DipBuying: 1, LossAverse: 0));
        var router = new OrderRouter(1);

        cohort.Decide(Snapshot(tick: 30, closes: Path(100_000, 99_500)), router); // −0.5% over the day: no dip
        Assert.Equal(0, router.Count);

        cohort.Decide(Snapshot(tick: 31, closes: Path(100_000, 98_500)), router); // −1.5%: every agent with cash buys
        var batch = Assert.Single(router.Drain()).Batch;
        Assert.All(Enumerable.Range(0, batch.Count), i => Assert.Equal((byte)Side.Buy, batch.Side[i]));
        Assert.InRange(batch.Count, cohort.Count * 9 / 10, cohort.Count);
    }

    [Fact]
    public void Loss_averse_holders_sell_everything_once_the_loss_passes_their_panic_level()
    {
        var cohort = Cohort(mix: new BehaviourMix(0, 0, DipBuying: 0, LossAverse: 1));
        var router = new OrderRouter(1);

        cohort.Decide(Snapshot(tick: 30, closes: Path(100_000, 86_000)), router); // −14%: holding on
        Assert.Equal(0, router.Count);

        cohort.Decide(Snapshot(tick: 31, closes: Path(100_000, 84_000)), router); // −16% on cost: panic
        var batch = Assert.Single(router.Drain()).Batch;
        var holders = Enumerable.Range(0, cohort.Count).Where(i => cohort.UnitsOf(i) > 0).ToArray();
        Assert.Equal(holders.Length, batch.Count);
        Assert.All(Enumerable.Range(0, batch.Count), i =>
        {
            Assert.Equal((byte)OrderType.Market, batch.Type[i]);
            Assert.Equal(cohort.UnitsOf((int)batch.Owner[i]), batch.Quantity[i]);
        });
    }

    [Fact]
    public void A_sale_removes_its_share_of_the_average_cost()
    {
        var cohort = Cohort();
        var agent = Enumerable.Range(0, cohort.Count).First(i => cohort.UnitsOf(i) >= 2);
        var units = cohort.UnitsOf(agent);
        var cost = cohort.CostOf(agent);
        var builder = new FillBatchBuilder();
        // Sell half at 110,000 (cost 100,000 a unit): 10,000 × half the units of profit, before fees.
        var half = units / 2;
        builder.Add(agent, Side.Sell, 0, 110_000, half, 110_000L * half * 1_000, OrderOrigin.Discretionary);

        cohort.Settle(new RoundOutcome(0, [new BookRound(0, 110_000, 110_000, 110_000, 1)], 0, 1, Final: true), [builder.Build()], new OrderRouter(1));

        Assert.Equal(cost - (cost * half / units), cohort.CostOf(agent));
        Assert.Equal(units - half, cohort.UnitsOf(agent));
        Assert.Equal(10_000L * (units - half) * 1_000, cohort.UnrealizedProfitOf(agent, 110_000));
    }

    [Fact]
    public void A_leveraged_agent_is_liquidated_at_its_liquidation_price_and_not_before()
    {
        // 1 BTC bought with cash going to −90,000 on a venue with 5% maintenance margin:
        // liquidation where −90,000 + p = 0.05 p, p = 94,736.84; a round that trades at 94,737 leaves it alone.
        var scenario = TestMarkets.Small(retail: 10, cohortSize: 10);
        scenario = scenario with { Retail = scenario.Retail with { Leverage = new RetailLeverageSpec(1, 10, 10), StopLoss = scenario.Retail.StopLoss with { Share = 0 } } };
        var layout = new MarketLayout(scenario);
        var cohort = new RetailCohort(layout, layout.Participants[0]);
        var agent = Enumerable.Range(0, cohort.Count).First(i => cohort.UnitsOf(i) < 1_000);
        var fill = new FillBatchBuilder();
        fill.Add(agent, Side.Buy, 0, 100_000, 1_000 - cohort.UnitsOf(agent), Money.FromCurrency(-90_000) - cohort.CashOf(agent), OrderOrigin.Discretionary);
        var router = new OrderRouter(1);
        cohort.Settle(Round(100_000, final: true), [fill.Build()], router);
        Assert.Equal(94_736, cohort.LiquidationPrice(agent));

        cohort.Settle(Round(94_737, final: false), [FillBatch.Empty], router);
        Assert.Equal(0, router.Count);

        cohort.Settle(Round(94_736, final: false), [FillBatch.Empty], router);
        var batch = Assert.Single(router.Drain()).Batch;
        Assert.Equal((agent, (byte)Side.Sell, (byte)OrderType.Market, (byte)OrderOrigin.Liquidation, 1_000L), (batch.Owner[0], batch.Side[0], batch.Type[0], batch.Origin[0], batch.Quantity[0]));
    }

    [Fact]
    public async Task Leveraged_agents_borrow_but_unleveraged_ones_never_do()
    {
        var scenario = TestMarkets.Small(ticks: 80, retail: 3_000, cohortSize: 3_000);
        scenario = scenario with { Retail = scenario.Retail with { Leverage = new RetailLeverageSpec(0.3, 2, 5) } };
        var layout = new MarketLayout(scenario);
        var market = new DirectMarket(layout);
        var cycle = new TickCycle(layout, market);
        for (var t = 0; t < scenario.Ticks; t++)
        {
            await cycle.RunTickAsync();
        }

        var cohort = (RetailCohort)market.Participants[0];
        var agents = Enumerable.Range(0, cohort.Count).ToArray();
        Assert.Contains(agents, i => cohort.LeverageOf(i) > 1 && cohort.CashOf(i) < 0);
        Assert.All(agents.Where(i => cohort.LeverageOf(i) == 1), i => Assert.True(cohort.CashOf(i) >= 0));
    }

    [Fact]
    public void Agents_can_hold_another_instrument_on_another_venue()
    {
        var small = TestMarkets.Small(retail: 4_000, cohortSize: 4_000);
        var scenario = small with
        {
            Instruments = [.. small.Instruments, new InstrumentSpec("ETF", 0.01m, 1m, 50m)],
            Venues = [.. small.Venues, new VenueSpec("inst", ["BTC", "ETF"], 0, 0, 1, 0.5, 0, 0)],
            Retail = small.Retail with { VenuePreference = [new VenueShare("spot", 0.75), new VenueShare("inst", 0.25, "ETF")] },
        };
        var layout = new MarketLayout(scenario);
        var cohort = new RetailCohort(layout, layout.Participants[0]);

        var holdings = cohort.Holdings();
        Assert.Equal([0, 1], cohort.Venues);
        Assert.True(holdings.Units[0] > 0 && holdings.Units[1] > 0);
        // A quarter of the wealth is in the ETF: its value against the coin's is about 1 : 3.
        var ratio = holdings.Units[1] * 50.0 / (holdings.Units[0] * 0.001 * 100_000);
        Assert.InRange(ratio, 0.2, 0.45);
    }

    [Fact]
    public void Agents_borrow_only_as_far_as_their_own_venue_lends()
    {
        // Leverage up to 20x is drawn for everyone, but spot lends 10x (initial margin 0.1) and inst nothing.
        var small = TestMarkets.Small(retail: 4_000, cohortSize: 4_000);
        var scenario = small with
        {
            Venues = [.. small.Venues, new VenueSpec("inst", ["BTC"], 0, 0, 1, 0.5, 0, 0)],
            Retail = small.Retail with
            {
                VenuePreference = [new VenueShare("spot", 0.5), new VenueShare("inst", 0.5)],
                Leverage = new RetailLeverageSpec(1, 15, 20),
            },
        };
        var layout = new MarketLayout(scenario);
        var cohort = new RetailCohort(layout, layout.Participants[0]);

        var levels = Enumerable.Range(0, cohort.Count).Select(cohort.LeverageOf).ToArray();
        Assert.Contains(1.0, levels);
        Assert.Contains(10.0, levels);
        Assert.All(levels, l => Assert.True(l is 1.0 or 10.0, $"leverage {l}"));
    }

    [Fact]
    public void After_a_prior_rally_agents_bought_along_it_but_hold_what_todays_price_says()
    {
        // priorReturn 0.25 at 100,000: entry prices from 80,000 to 100,000, log-uniform; wealth is at today's price.
        var small = TestMarkets.Small(retail: 4_000, cohortSize: 4_000);
        var rallied = small with { Instruments = [small.Instruments[0] with { PriorReturn = 0.25 }] };
        var flat = new RetailCohort(new MarketLayout(small), new MarketLayout(small).Participants[0]);
        var cohort = new RetailCohort(new MarketLayout(rallied), new MarketLayout(rallied).Participants[0]);

        var entries = Enumerable.Range(0, cohort.Count).Where(i => cohort.UnitsOf(i) > 0)
            .Select(i => cohort.CostOf(i) / (double)(cohort.UnitsOf(i) * 1_000_000 * 0.001)).ToArray();
        Assert.All(entries, p => Assert.InRange(p, 80_000 - 1, 100_000 + 1));
        Assert.InRange(entries.Min(), 80_000, 80_500);
        Assert.InRange(entries.Max(), 99_500, 100_000);
        Assert.InRange(Math.Exp(entries.Average(Math.Log)), 100_000 / Math.Sqrt(1.25) - 500, 100_000 / Math.Sqrt(1.25) + 500);

        // Only the cost moved: units and cash are those of the flat history, agent by agent.
        Assert.All(Enumerable.Range(0, cohort.Count), i => Assert.Equal((flat.UnitsOf(i), flat.CashOf(i)), (cohort.UnitsOf(i), cohort.CashOf(i))));
    }

    private static RoundOutcome Round(long price, bool final) => new(0, [new BookRound(0, price, price, price, 1)], 0, 1, final);

    private static long[] Path(long from, long to) => [.. Enumerable.Repeat(from, 10), .. Enumerable.Repeat(to, 24)];

    private static MarketSnapshot Snapshot(long tick, long[] closes) =>
        new(tick, [new BookQuote(0, closes[^1], 0, 0, closes)], []);

    private static RetailCohort Cohort(int count = 2_000, BehaviourMix? mix = null)
    {
        var scenario = TestMarkets.Small(retail: count, cohortSize: count);
        if (mix is not null)
        {
            scenario = scenario with
            {
                Retail = scenario.Retail with
                {
                    Mix = mix,
                    Activity = 1,
                    StopLoss = scenario.Retail.StopLoss with { Share = 0 },
                    DipBuying = new DipBuyingSpec(1, 0.01, 0.5),
                    LossAversion = new LossAversionSpec(0.15),
                },
            };
        }

        var layout = new MarketLayout(scenario);
        return new RetailCohort(layout, layout.Participants[0]);
    }
}
