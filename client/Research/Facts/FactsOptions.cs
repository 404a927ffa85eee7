using MarketSim.Client.Runs;
using MarketSim.Engine.Metrics;

namespace MarketSim.Client.Research.Facts;

/// <summary>
/// A <c>marketsim facts</c> as the user asked for it: the scenario, overrides for every run (<c>--set</c>,
/// <c>--ticks</c>), the seeds, runs at a time, the price returns are taken on, and the host.
/// </summary>
public sealed record FactsOptions(
    string ScenarioPath,
    IReadOnlyList<string> Overrides,
    IReadOnlyList<long> Seeds,
    int Parallel,
    ReturnPrice Price,
    ExecutionSettings Settings);
