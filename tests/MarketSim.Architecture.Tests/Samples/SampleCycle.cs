using MarketSim.Architecture.Tests.Samples.Base;
using MarketSim.Architecture.Tests.Samples.Contracts;

namespace MarketSim.Architecture.Tests.Samples.Simulation;

/// <summary>An orchestrator that uses the contracts and the base below it, as it may.</summary>
public sealed class SampleCycle
{
    public SampleReport? Last { get; set; }

    public SampleMoney Opening { get; } = new(0);
}
