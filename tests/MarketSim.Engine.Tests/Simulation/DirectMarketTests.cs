using MarketSim.Engine.Contracts;
using MarketSim.Engine.Participants.Retail;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Simulation;

public sealed class DirectMarketTests
{
    [Fact]
    public async Task Cash_and_units_are_conserved_in_every_tick()
    {
        var (trace, records) = await Run(TestMarkets.Small(ticks: 150));

        Assert.All(records, r => Assert.True(r.Conservation.Holds, $"tick {r.Tick}: cash {r.Conservation.CashActual - r.Conservation.CashExpected}"));
        Assert.True(trace.Market.Sum(m => m.Volume) > 0, "the market should trade");
    }

    [Fact]
    public async Task Same_seed_gives_the_same_trace_hash()
    {
        var first = TraceHasher.Hash((await Run(TestMarkets.Small(seed: 11))).Trace);
        var second = TraceHasher.Hash((await Run(TestMarkets.Small(seed: 11))).Trace);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Different_seed_gives_a_different_trace_hash()
    {
        var first = TraceHasher.Hash((await Run(TestMarkets.Small(seed: 11))).Trace);
        var second = TraceHasher.Hash((await Run(TestMarkets.Small(seed: 12))).Trace);

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(250)]
    [InlineData(1_000)]
    [InlineData(5_000)]
    public async Task Cohort_size_does_not_change_the_trace(int cohortSize)
    {
        var reference = TraceHasher.Hash((await Run(TestMarkets.Small(cohortSize: 5_000))).Trace);

        var hash = TraceHasher.Hash((await Run(TestMarkets.Small(cohortSize: cohortSize))).Trace);

        Assert.Equal(reference, hash);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(2)] // the cascade is cut off: stops still armed must not meet the next tick's orders
    public async Task Retail_agents_never_hold_negative_cash_or_units(int maxRounds)
    {
        var small = TestMarkets.Small(ticks: 150);
        var scenario = small with
        {
            Cascade = new CascadeSpec(maxRounds),
            Retail = small.Retail with { StopLoss = small.Retail.StopLoss with { Share = 0.8, DistanceMin = 0.003, DistanceMax = 0.02 } },
        };
        var layout = new MarketLayout(scenario);
        var market = new DirectMarket(layout);
        var cycle = new TickCycle(layout, market);
        for (var t = 0; t < scenario.Ticks; t++)
        {
            await cycle.RunTickAsync();
        }

        foreach (var cohort in market.Participants.OfType<RetailCohort>())
        {
            for (var i = 0; i < cohort.Count; i++)
            {
                Assert.True(cohort.CashOf(i) >= 0, $"agent {cohort.Slot.FirstAgent + i} cash {cohort.CashOf(i)}");
                Assert.True(cohort.UnitsOf(i) >= 0, $"agent {cohort.Slot.FirstAgent + i} units {cohort.UnitsOf(i)}");
            }
        }
    }

    [Fact]
    public async Task Stop_losses_cluster_into_cascades_that_take_more_than_one_round()
    {
        var (trace, _) = await Run(TestMarkets.Small(ticks: 150));

        Assert.Contains(trace.Liquidations, l => l.StopOrders > 0);
        Assert.Contains(trace.Market, m => m.CascadeRounds > 1);
    }

    [Fact]
    public async Task With_one_venue_its_reserves_are_every_unit_and_its_premium_is_zero()
    {
        var (trace, records) = await Run(TestMarkets.Small(ticks: 30));

        Assert.All(trace.Market.Zip(records), pair =>
        {
            var (row, record) = pair;
            Assert.Equal(record.Conservation.UnitsActual[0] * 0.001, row.Reserves, 6);
            Assert.Equal(0, row.Premium);
        });
    }

    internal static async Task<(Trace Trace, List<TickRecord> Records)> Run(Scenario scenario)
    {
        var layout = new MarketLayout(scenario);
        var cycle = new TickCycle(layout, new DirectMarket(layout));
        var trace = new Trace();
        var records = new List<TickRecord>();
        for (var t = 0; t < scenario.Ticks; t++)
        {
            var record = await cycle.RunTickAsync();
            trace.Add(record);
            records.Add(record);
        }

        return (trace, records);
    }
}
