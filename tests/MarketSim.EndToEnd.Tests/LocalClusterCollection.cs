namespace MarketSim.EndToEnd.Tests;

/// <summary>
/// The tests that start silo processes. They run one class at a time and apart from every other test
/// of this assembly: a cluster of real processes on a two-core machine, next to other CPU-heavy runs,
/// misses its connect timeouts and its membership probes, and the tests would measure the machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalClusterCollection
{
    public const string Name = "local clusters";
}
