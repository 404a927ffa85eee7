using MarketSim.Client.Cluster;

namespace MarketSim.Client.Runs;

public enum EngineKind
{
    Orleans,
    Direct,
}

/// <summary>A run as the user asked for it on the command line.</summary>
public sealed record RunOptions(
    string ScenarioPath,
    long? Seed,
    int? Ticks,
    string OutputFolder,
    EngineKind Engine,
    int Silos,
    ClusterTarget? Cluster,
    int? CohortSize,
    bool Csv,
    IReadOnlyList<string> Overrides,
    bool ShowProgress);
