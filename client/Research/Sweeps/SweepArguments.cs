using MarketSim.Client.Runs;

namespace MarketSim.Client.Research.Sweeps;

/// <summary>
/// A sweep as the user asked for it: the scenario, overrides applied to every run (<c>--seed</c>,
/// <c>--ticks</c>), the <c>--set path=v1,v2</c> axes, replicas per grid point, runs at a time, and
/// where and how the runs go.
/// </summary>
public sealed record SweepArguments(
    string ScenarioPath,
    IReadOnlyList<string> FixedOverrides,
    IReadOnlyList<string> Sets,
    int Replicas,
    int Parallel,
    string OutputFolder,
    ExecutionSettings Settings);
