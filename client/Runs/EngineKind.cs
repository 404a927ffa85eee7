namespace MarketSim.Client.Runs;

/// <summary>Which engine runs a scenario: grains on silos, or the Engine's objects in this process.</summary>
public enum EngineKind
{
    Orleans,
    Direct,
}
