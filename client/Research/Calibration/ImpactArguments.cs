using MarketSim.Client.Runs;

namespace MarketSim.Client.Research.Calibration;

/// <summary>A <c>marketsim calibrate-impact</c> as asked for on the command line; null means the scenario's default.</summary>
public sealed record ImpactArguments(
    string ScenarioPath,
    IReadOnlyList<string> Overrides,
    double Flow,
    string? Participant,
    string? Book,
    long? At,
    int? Over,
    int? Horizon,
    int Replicas,
    double? Target,
    double Tolerance,
    IReadOnlyList<string> Tune,
    int Steps,
    ExecutionSettings Settings);
