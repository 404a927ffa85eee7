using MarketSim.Architecture.Tests.Samples.Base;
using MarketSim.Architecture.Tests.Samples.Simulation;

namespace MarketSim.Architecture.Tests.Samples.Contracts;

/// <summary>A contract that reaches up into the layer above it: the deliberate violation the rule must report.</summary>
public sealed record SampleReport(SampleMoney Cash, SampleCycle Cycle);
