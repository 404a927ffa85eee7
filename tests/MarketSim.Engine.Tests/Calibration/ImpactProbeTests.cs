using MarketSim.Engine.Calibration;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.Calibration;

[Trait("Category", "Slow")] // runs library scenarios in full
public sealed class ImpactProbeTests
{
    private static readonly ImpactProbe Probe = new("ibit", -1e9, At: 10, Over: 4, Horizon: 3, "inst", "BTC");

    [Fact]
    public void The_flow_is_split_evenly_over_its_ticks_and_the_runs_end_at_the_measurement()
    {
        var scenario = ScenarioReader.ReadFile(RepositoryRoot.Scenario("all-participants.yaml")).Scenario!;
        var withFlow = Probe.WithFlow(scenario);

        Assert.Equal(16, Probe.MeasuredAt);
        Assert.Equal(17, Probe.Baseline(scenario).Ticks);
        Assert.Equal(17, withFlow.Ticks);
        var added = withFlow.Events.Flows[^1];
        Assert.Equal(new FlowSpec("ibit", 10, 1, 4, -2.5e8), added);
        Assert.Equal(scenario.Events.Flows.Count + 1, withFlow.Events.Flows.Count);
        Assert.Equal(scenario.Events.Flows, Probe.Baseline(scenario).Events.Flows);
    }

    [Fact]
    public void The_move_is_the_flow_runs_price_against_the_baselines()
    {
        var baseline = Enumerable.Repeat(100.0, 17).ToArray();
        var withFlow = baseline.ToArray();
        withFlow[13] = 95;  // the flow's last tick
        withFlow[14] = 90;  // the largest move
        withFlow[16] = 97;  // the measurement tick

        var measured = Probe.Measure(baseline, withFlow);

        Assert.Equal(-0.05, measured.AtFlowEnd, 12);
        Assert.Equal(-0.03, measured.AtHorizon, 12);
        Assert.Equal(-0.10, measured.Largest, 12);
    }

    [Fact]
    public void Runs_that_stop_before_the_measurement_are_refused()
    {
        var closes = Enumerable.Repeat(100.0, 16).ToArray();
        Assert.Throws<ArgumentException>(() => Probe.Measure(closes, closes));
    }
}
