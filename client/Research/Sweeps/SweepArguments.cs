using MarketSim.Client.Runs;
using MarketSim.Engine.Metrics;

namespace MarketSim.Client.Research.Sweeps;

/// <summary>
/// A sweep as the user asked for it: the scenario, overrides applied to every run (<c>--seed</c>,
/// <c>--ticks</c>), the <c>--set path=v1,v2</c> axes, replicas per grid point, runs at a time (null: as many as the
/// cluster has active silos with <c>--cluster</c>, else the processor count), and
/// where and how the runs go, and the price the table's stylized facts take returns on.
/// </summary>
public sealed record SweepArguments(
    string ScenarioPath,
    IReadOnlyList<string> FixedOverrides,
    IReadOnlyList<string> Sets,
    int Replicas,
    int? Parallel,
    string OutputFolder,
    ExecutionSettings Settings,
    ReturnPrice Price = ReturnPrice.Mid);
