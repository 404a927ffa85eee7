using MarketSim.Engine.Markets;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Simulation;

/// <summary>The scenario with every participant class: each one trades, and the invariants still hold.</summary>
public sealed class AllParticipantsTests
{
    [Fact]
    public async Task Every_class_has_a_non_zero_net_flow_and_every_tick_conserves()
    {
        var (trace, records) = await DirectMarketTests.Run(Load(ticks: 200, cohortSize: 20_000));

        foreach (var name in Enum.GetValues<ParticipantClass>().Select(c => c.TraceName()))
        {
            Assert.Contains(trace.Flows, f => f.ParticipantClass == name && f.NetNotional != 0);
        }

        Assert.All(records, r => Assert.True(r.Conservation.Holds, $"tick {r.Tick}"));
    }

    [Fact]
    public async Task Cohort_size_does_not_change_the_trace_with_every_class_on()
    {
        var small = TraceHasher.Hash((await DirectMarketTests.Run(Load(ticks: 60, cohortSize: 3_000))).Trace);
        var large = TraceHasher.Hash((await DirectMarketTests.Run(Load(ticks: 60, cohortSize: 40_000))).Trace);

        Assert.Equal(small, large);
    }

    internal static Scenario Load(int ticks, int cohortSize)
    {
        var path = ScenarioFolder.File("all-participants.yaml");
        var result = ScenarioReader.Read(File.ReadAllText(path), path, [$"ticks={ticks}", "retail.count=40000", $"retail.cohortSize={cohortSize}"]);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        return result.Scenario;
    }
}
