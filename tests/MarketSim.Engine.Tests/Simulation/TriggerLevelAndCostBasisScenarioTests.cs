using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Simulation;

/// <summary>
/// The trigger-level and cost-basis tables on runs with a crash: quickstart seed 42 falls about 15% after the scare
/// at tick 420 through stop-losses set 1–4% below cost, 60% of them rounded to 500; with leverage on (and 20,000 agents, so that
/// enough of them borrow), seed 7 crashes through leveraged agents' liquidation prices too.
/// </summary>
[Trait("Category", "Slow")] // runs library scenarios in full
public sealed class TriggerLevelAndCostBasisScenarioTests
{
    private const double Bin = 100; // metrics.triggerBinWidth 0.001 of 100,000

    private static readonly Lazy<Task<Trace>> Quickstart = new(() => RunAsync("seed=42", "metrics.triggerBinWidth=0.001"));

    private static readonly Lazy<Task<Trace>> Leveraged = new(() => RunAsync(
        "seed=7", "retail.count=20000", "retail.leverage.share=0.1", "retail.leverage.min=2", "retail.leverage.max=5", "metrics.triggerBinWidth=0.001"));

    [Fact]
    public async Task The_scenario_crashes_after_the_scare_at_tick_420()
    {
        var trace = await Quickstart.Value;
        var lowest = trace.Market.Skip(420).Min(r => r.Close);

        Assert.True(lowest < 0.9 * trace.Market[419].Close, $"lowest close {lowest} after tick 420, {trace.Market[419].Close} before");
    }

    [Fact]
    public async Task Stops_trigger_at_levels_the_price_reached_and_fill_below_them()
    {
        var trace = await Quickstart.Value;
        var lows = trace.Market.ToDictionary(r => r.Tick, r => r.Low);
        var stops = trace.Triggers.Where(r => r.StopOrders > 0).ToArray();

        Assert.NotEmpty(stops);
        Assert.All(stops, r => Assert.True(r.Level + Bin > lows[r.Tick], $"tick {r.Tick}: stops at {r.Level} but the low was {lows[r.Tick]}"));
        var orderedAt = stops.Sum(r => r.Level * r.StopOrderedVolume) / stops.Sum(r => r.StopOrderedVolume);
        var filled = trace.Triggers.Where(r => r.StopFilledVolume > 0).ToArray();
        var filledAt = filled.Sum(r => r.Level * r.StopFilledVolume) / filled.Sum(r => r.StopFilledVolume);
        Assert.True(filledAt < orderedAt, $"stop orders triggered around {orderedAt:F0}, filled around {filledAt:F0}");
    }

    [Fact]
    public async Task Stops_cluster_at_round_numbers()
    {
        var trace = await Quickstart.Value;
        var byLevel = trace.Triggers.Where(r => r.StopOrders > 0).GroupBy(r => r.Level).ToDictionary(g => g.Key, g => g.Sum(r => r.StopOrders));
        var levels = Enumerable.Range(0, (int)((byLevel.Keys.Max() - byLevel.Keys.Min()) / Bin) + 1).Select(i => byLevel.Keys.Min() + (i * Bin)).ToArray();

        // Round stops are multiples of 500: one bin in five. Averaged over the range the stops span.
        var round = levels.Where(l => l % 500 == 0).Average(l => byLevel.GetValueOrDefault(l));
        var other = levels.Where(l => l % 500 != 0).Average(l => byLevel.GetValueOrDefault(l));
        Assert.True(round > 3 * other, $"{round:F1} stop orders per round-number bin against {other:F1} per other bin");
    }

    [Fact]
    public async Task Trigger_levels_add_up_to_the_liquidations_table()
    {
        var trace = await Leveraged.Value;
        var levels = trace.Triggers.ToLookup(r => r.Tick);

        Assert.Contains(trace.Triggers, r => r.MarginOrders > 0);
        Assert.All(trace.Liquidations, row =>
        {
            var tick = levels[row.Tick];
            Assert.Equal(row.StopOrders, tick.Sum(r => r.StopOrders));
            Assert.Equal(row.MarginLiquidations, tick.Sum(r => r.MarginOrders));
            Assert.Equal(row.StopVolume, tick.Sum(r => r.StopFilledVolume), 6);
            Assert.Equal(row.MarginVolume, tick.Sum(r => r.MarginFilledVolume), 6);
        });
    }

    [Fact]
    public async Task Liquidations_trigger_at_liquidation_prices_the_price_reached()
    {
        var trace = await Leveraged.Value;
        var lows = trace.Market.ToDictionary(r => r.Tick, r => r.Low);
        var margin = trace.Triggers.Where(r => r.MarginOrders > 0).ToArray();

        Assert.True(margin.Sum(r => r.MarginOrders) >= 100, $"{margin.Sum(r => r.MarginOrders)} margin orders");
        Assert.All(margin, r => Assert.True(r.Level + Bin > lows[r.Tick], $"tick {r.Tick}: liquidations at {r.Level} but the low was {lows[r.Tick]}"));
    }

    [Fact]
    public async Task A_wall_of_stops_waits_below_the_price_until_the_crash_sets_it_off()
    {
        var trace = await Quickstart.Value;
        var before = trace.Market[439].Close;
        var after = trace.Market[^1].Close;
        double Resting(long tick, double from, double to) =>
            trace.RestingLevels.Where(r => r.Tick == tick && r.Level >= from && r.Level < to).Sum(r => r.StopVolume);

        // At tick 439 the stops sit between the close and 10% below it, none above.
        var wall = Resting(439, after, before + Bin);
        Assert.True(wall > 500, $"{wall} BTC of stops below {before}");
        Assert.Equal(0, Resting(439, before + Bin, double.MaxValue));

        // The crash goes through them: what triggered at those levels is at least half of what rested there.
        var triggered = trace.Triggers.Where(r => r.Tick >= 440 && r.Level >= after && r.Level < before + Bin).Sum(r => r.StopOrderedVolume);
        Assert.True(triggered > wall / 2, $"{triggered} BTC of stops triggered against {wall} resting");
        Assert.All(trace.RestingLevels, r => Assert.True(Math.Abs(r.Level - trace.Market[(int)r.Tick].Close) <= (0.1 * trace.Market[(int)r.Tick].Close) + Bin));
    }

    [Fact]
    public async Task Retail_goes_under_water_in_the_drawdown()
    {
        var trace = await Quickstart.Value;
        var retail = trace.CostBasis.Where(r => r.ParticipantClass == "retail").ToDictionary(r => r.Tick);

        // Before the scare most units are already a little under water (bought at the opening price, the price drifts
        // around it); at the bottom of the crash nearly all are, well below their cost.
        var bottom = trace.Market.Skip(420).MinBy(r => r.Close)!;
        var atBottom = retail[bottom.Tick];
        Assert.True(atBottom.UnderwaterUnits >= 0.95, $"under water: {atBottom.UnderwaterUnits:P0} at the lowest close (tick {bottom.Tick})");
        Assert.True(atBottom.MeanCost > 1.1 * bottom.Close, $"mean cost {atBottom.MeanCost} at the lowest close {bottom.Close}");
        Assert.True(retail[499].Q10 <= retail[499].Q50 && retail[499].Q50 <= retail[499].Q90);
        Assert.Equal(retail[499].UnderwaterUnits, trace.Resonance.Single(r => r.Tick == 499).RetailUnderwater);
    }

    private static async Task<Trace> RunAsync(params string[] overrides)
    {
        var path = RepositoryRoot.Scenario("quickstart.yaml");
        var result = ScenarioReader.Read(File.ReadAllText(path), path, overrides);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        return (await DirectMarketTests.Run(result.Scenario)).Trace;
    }
}
