using MarketSim.Engine.Traces;

namespace MarketSim.Client.Runs;

public enum EngineKind
{
    Orleans,
    Direct,
}

/// <summary>
/// How runs are hosted, shared by <c>run</c> and <c>sweep</c>: the engine, its embedded silos, and
/// retail agents per cohort (null: the scenario's). None of it changes a trace.
/// </summary>
public sealed record HostOptions(EngineKind Engine, int Silos, int? CohortSize);

/// <summary>
/// A run as the user asked for it on the command line. <see cref="Overrides"/> holds every
/// <c>path=value</c> override, <c>--seed</c> and <c>--ticks</c> included, in the order they apply.
/// </summary>
public sealed record RunOptions(
    string ScenarioPath,
    IReadOnlyList<string> Overrides,
    string OutputFolder,
    HostOptions Host,
    TraceFormat Format,
    bool ShowProgress);
