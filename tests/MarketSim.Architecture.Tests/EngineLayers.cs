namespace MarketSim.Architecture.Tests;

/// <summary>The Engine's namespaces in layers, lowest first: the picture in ARCHITECTURE.md ("Engine layers").</summary>
public static class EngineLayers
{
    public static NamespaceLayers Rule { get; } = new(
        "MarketSim.Engine",
        ["Checkpoints", "Randomness"],
        ["Markets"],
        ["Orders"],
        ["Scenarios"],
        ["Contracts"],
        ["Venues", "Participants"],
        ["Traces"],
        ["Metrics"],
        ["Simulation"],
        ["Sweeps", "Calibration"]);

    /// <summary>What no Engine type may use: the hosts (Orleans) and the console, in any of its forms.</summary>
    public static IReadOnlyList<string> Forbidden { get; } = ["Orleans", "System.Console", "Spectre.Console", "System.CommandLine"];

    /// <summary>YAML is read in one place: the scenario reader.</summary>
    public const string YamlReader = "MarketSim.Engine.Scenarios";
}
