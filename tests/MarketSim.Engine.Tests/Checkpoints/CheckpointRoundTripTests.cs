using MarketSim.Engine.Checkpoints;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Checkpoints;

/// <summary>
/// The guard on checkpoints: for every scenario in the library, a run saved at tick T, restored into
/// a freshly built market and run on writes the same trace as a run that was never interrupted;
/// saving the restored market gives the same bytes; and the restored objects equal the saved ones
/// field by field, so a field added to a venue or participant without a place in its checkpoint
/// fails here even before it changes a trace.
/// </summary>
[Trait("Category", "Slow")] // runs library scenarios in full
public sealed class CheckpointRoundTripTests
{
    public static TheoryData<string> Scenarios() =>
        [.. Directory.GetFiles(RepositoryRoot.Scenarios, "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task A_run_restored_from_a_checkpoint_has_the_trace_of_an_uninterrupted_run(string file)
    {
        var scenario = Load(file);
        var reference = await RunFrom(Build(scenario), []);
        Assert.True(reference.Market.Count > 0);

        foreach (var at in CheckpointTicks(scenario))
        {
            var (saved, rows) = await RunTo(scenario, at);
            var restored = Build(scenario);
            CheckpointReader.Apply(saved.Market, restored.Fabric);
            CheckpointReader.Apply(saved.Cycle, restored.Cycle);

            Assert.Equal(at, restored.Cycle.NextTick);
            var resumed = await RunFrom(restored, rows);
            Assert.True(TraceHasher.Hash(reference) == TraceHasher.Hash(resumed), $"{file}: the run restored at tick {at} writes another trace");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Saving_a_restored_market_gives_the_same_bytes_and_the_same_objects(string file)
    {
        var scenario = Load(file);
        foreach (var at in CheckpointTicks(scenario))
        {
            var (saved, _) = await RunTo(scenario, at);
            var restored = Build(scenario);
            CheckpointReader.Apply(saved.Market, restored.Fabric);
            CheckpointReader.Apply(saved.Cycle, restored.Cycle);

            Assert.Equal(saved.Market, CheckpointWriter.Capture(restored.Fabric));
            Assert.Equal(saved.Cycle, CheckpointWriter.Capture(restored.Cycle));
            StateComparer.AssertSame(saved.Live.Cycle, restored.Cycle, $"{file} at tick {at}: TickCycle");
        }
    }

    [Fact]
    public async Task A_checkpoint_does_not_restore_into_another_layout()
    {
        var quickstart = Load("quickstart.yaml");
        var (saved, _) = await RunTo(quickstart, 5);
        var other = Build(quickstart with { Retail = quickstart.Retail with { Count = quickstart.Retail.Count * 2 } });

        Assert.Throws<CheckpointMismatchException>(() => CheckpointReader.Apply(saved.Market, other.Fabric));
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused()
    {
        var market = Build(Load("quickstart.yaml"));
        var bytes = CheckpointWriter.Capture(market.Fabric);

        Assert.Throws<CheckpointMismatchException>(() => CheckpointReader.Apply(bytes[..^9], Build(Load("quickstart.yaml")).Fabric));
    }

    /// <summary>The first tick, a third and two thirds in: before, around and after most scenarios' events.</summary>
    private static long[] CheckpointTicks(Scenario scenario) => [1, scenario.Ticks / 3, 2 * scenario.Ticks / 3];

    /// <summary>The scenario at full length (its events happen late) with a small population so the test stays fast.</summary>
    private static Scenario Load(string file)
    {
        var path = RepositoryRoot.Scenario(file);
        var result = ScenarioReader.Read(File.ReadAllText(path), path, ["retail.count=6000", "retail.cohortSize=2500"]);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        return result.Scenario;
    }

    private static Market Build(Scenario scenario)
    {
        var layout = new MarketLayout(scenario);
        var fabric = new DirectMarket(layout);
        return new Market(fabric, new TickCycle(layout, fabric), scenario.Ticks);
    }

    private static async Task<(Saved Saved, List<TickRecord> Rows)> RunTo(Scenario scenario, long tick)
    {
        var market = Build(scenario);
        var rows = new List<TickRecord>();
        while (market.Cycle.NextTick < tick)
        {
            rows.Add(await market.Cycle.RunTickAsync());
        }

        return (new Saved(CheckpointWriter.Capture(market.Fabric), CheckpointWriter.Capture(market.Cycle), market), rows);
    }

    private static async Task<Trace> RunFrom(Market market, IEnumerable<TickRecord> before)
    {
        var trace = new Trace();
        foreach (var row in before)
        {
            trace.Add(row);
        }

        while (market.Cycle.NextTick < market.Ticks)
        {
            trace.Add(await market.Cycle.RunTickAsync());
        }

        return trace;
    }

    private sealed record Market(DirectMarket Fabric, TickCycle Cycle, int Ticks);

    private sealed record Saved(byte[] Market, byte[] Cycle, Market Live);
}
