using MarketSim.Client.Cluster;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Runs;

public enum EngineKind
{
    Orleans,
    Direct,
}

/// <summary>
/// How runs execute and are written, shared by <c>run</c> and <c>sweep</c>: the engine, its embedded
/// silos or a running cluster to join, retail agents per cohort (null: the scenario's), the table
/// format and whether to show progress. None of it changes a trace hash.
/// </summary>
public sealed record RunSettings(EngineKind Engine, int Silos, int? CohortSize, TraceFormat Format, bool ShowProgress, ClusterTarget? Cluster = null)
{
    public int CohortSizeFor(Scenario scenario) => CohortSize ?? scenario.Retail.CohortSize;
}

/// <summary>
/// A run as the user asked for it on the command line. <see cref="Overrides"/> holds every
/// <c>path=value</c> override, <c>--seed</c> and <c>--ticks</c> included, in the order they apply.
/// </summary>
public sealed record RunOptions(string ScenarioPath, IReadOnlyList<string> Overrides, string OutputFolder, RunSettings Settings);
